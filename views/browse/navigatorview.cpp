#include "navigatorview.h"

#include "browse/browsereads.h"
#include "render/htmlwriter.h"

#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cwi {

namespace {
constexpr int kTableRole = Qt::UserRole + 1;
// Tables up to this many rows are counted exactly (a count reads their smallest index).
constexpr qint64 kExactCountLimit = 200'000;
} // namespace

NavigatorView::NavigatorView(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_tree(new QTreeWidget(this))
{
    connect(&m_jobs, &JobTracker::busyChanged, this, &NavigatorView::busyChanged);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Table"), tr("Rows") });
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setToolTip(tr("Click a table to browse it"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString table = item->data(0, kTableRole).toString();
        if (!table.isEmpty())
            Q_EMIT tableActivated(table);
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString table = item->data(0, kTableRole).toString();
        if (!table.isEmpty())
            Q_EMIT tableActivated(table);
    });
    connect(m_context, &AppContext::databaseChanged, this, &NavigatorView::rebuild);
    connect(m_context, &AppContext::dataChanged, this, &NavigatorView::refreshCounts);
    rebuild();
}

void NavigatorView::rebuild()
{
    m_tree->clear();
    const auto db = m_context->database();
    if (!db)
        return;
    const SchemaMap &schema = m_context->schema();
    QHash<int, QTreeWidgetItem *> groups;
    auto groupItem = [this, &groups](TableGroup group) {
        QTreeWidgetItem *&item = groups[int(group)];
        if (!item) {
            item = new QTreeWidgetItem(m_tree, { Catalog::groupTitle(group) });
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setFlags(Qt::ItemIsEnabled);
            item->setExpanded(true);
        }
        return item;
    };
    for (TableGroup group : { TableGroup::Work, TableGroup::Agents, TableGroup::Review, TableGroup::Knowledge,
             TableGroup::AccountsProjects })
        groupItem(group);
    const QStringList names = schema.tableNames();
    for (const QString &name : names) {
        const TableInfo *info = schema.table(name);
        const TableGroup group = info->spec ? info->spec->group : TableGroup::Other;
        auto *item = new QTreeWidgetItem(groupItem(group), { info->spec ? info->spec->title : name, QString() });
        item->setData(0, kTableRole, name);
        item->setToolTip(0,
            render::plainToolTip(name
                + (info->missingFields.isEmpty()
                        ? QString()
                        : QString(u"\nmissing columns (older schema): " + info->missingFields.join(u", ")))));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (const QString &missing : schema.missingTables()) {
        const TableSpec *spec = Catalog::table(missing);
        auto *item = new QTreeWidgetItem(groupItem(spec->group), { spec->title, tr("missing") });
        item->setDisabled(true);
        item->setToolTip(0,
            render::plainToolTip(tr("%1 is not in this file (older schema); views that need it are off").arg(missing)));
    }
    refreshCounts();
}

void NavigatorView::refreshCounts()
{
    const auto db = m_context->database();
    if (!db) {
        m_jobs.cancel();
        return;
    }
    // Counting a table of a million rows reads tens of MB: such tables show max(rowid) as "≈".
    m_jobs.run([db] { return readTableCounts(db, kExactCountLimit); },
        [this](const TableCounts &counts) { applyCounts(counts.rows, counts.estimated); });
}

void NavigatorView::applyCounts(const QHash<QString, qint64> &counts, const QSet<QString> &estimated)
{
    const QLocale locale;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const QString table = item->data(0, kTableRole).toString();
            if (table.isEmpty())
                continue;
            const qint64 count = counts.value(table, -1);
            if (estimated.contains(table)) {
                item->setText(1, tr("≈%1M").arg(locale.toString(double(count) / 1e6, 'f', 1)));
                item->setToolTip(1,
                    tr("About %1 rows (the highest rowid; counting them all would read the whole table). "
                       "The table view counts them exactly.")
                        .arg(locale.toString(count)));
            } else {
                item->setText(1, count < 0 ? tr("?") : locale.toString(count));
                item->setToolTip(1, {});
            }
        }
    }
}

Pane::Info NavigatorView::paneInfo() const
{
    return { QStringLiteral("navigatorDock"), tr("Tables"), QKeySequence(Qt::ALT | Qt::Key_1), Place::LeftDock, {}, {},
        {} };
}

} // namespace cwi
