#include "tasktreeview.h"
#include "viewnames.h"

#include "dependencysection.h"
#include "progressdelegate.h"
#include "statuscolors.h"
#include "tasktree/tasktreefiltermodel.h"
#include "tasktree/tasktreemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace cwi {

namespace {

QString key(const QString &table, const QString &id)
{
    return table % u'/' % id;
}

QString keyOf(const QModelIndex &index)
{
    return key(index.data(TaskTreeModel::TableRole).toString(), index.data(TaskTreeModel::IdRole).toString());
}

} // namespace

TaskTreeView::TaskTreeView(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_model(new TaskTreeModel(this))
    , m_filter(new TaskTreeFilterModel(this))
    , m_tree(new QTreeView(this))
    , m_section(new DependencySection(this))
    , m_textFilter(new QLineEdit(this))
    , m_textFilterPause(new QTimer(this))
    , m_statusFilter(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
{
    m_message->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_summary->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(QStringLiteral("taskTreeView"));
    connect(&m_jobs, &JobTracker::busyChanged, this, &TaskTreeView::busyChanged);
    m_filter->setSourceModel(m_model);

    m_textFilter->setPlaceholderText(tr("Filter by name, id, category or agent…"));
    m_textFilter->setClearButtonEnabled(true);
    m_statusFilter->addItem(tr("All statuses"), QStringList());
    m_statusFilter->addItem(tr("Not completed"),
        QStringList { QStringLiteral("pending"), QStringLiteral("in_progress"), QStringLiteral("blocked") });
    for (const QString &status : { QStringLiteral("pending"), QStringLiteral("in_progress"), QStringLiteral("blocked"),
             QStringLiteral("completed") }) {
        m_statusFilter->addItem(statusIcon(QStringLiteral("tasks"), QStringLiteral("status"), status),
            statusLabel(QStringLiteral("tasks"), QStringLiteral("status"), status), QStringList { status });
    }
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setStyleSheet(QStringLiteral("QLabel { background: #fff4e0; color: #6b4a00; padding: 4px 8px; }"));

    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setItemDelegateForColumn(TaskTreeModel::ProgressColumn, new ProgressDelegate(m_tree));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TaskTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(TaskTreeModel::StatusColumn, 100);
    m_tree->header()->resizeSection(TaskTreeModel::ProgressColumn, 150);
    m_tree->header()->resizeSection(TaskTreeModel::CategoryColumn, 80);
    m_tree->header()->resizeSection(TaskTreeModel::PriorityColumn, 70);
    m_tree->header()->resizeSection(TaskTreeModel::RetriesColumn, 56);
    m_tree->header()->resizeSection(TaskTreeModel::AgentColumn, 130);
    m_tree->header()->setMinimumSectionSize(40);
    m_textFilter->setMinimumWidth(100);

    auto *filterBar = new QHBoxLayout;
    filterBar->setContentsMargins(6, 6, 6, 2);
    filterBar->addWidget(m_textFilter, 1);
    filterBar->addWidget(m_statusFilter);
    filterBar->addWidget(m_summary);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("taskTreeSplitter"));
    splitter->addWidget(m_tree);
    splitter->addWidget(m_section);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(filterBar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    // Filtering 20,000 tasks and opening the matches takes 90-270 ms on the UI thread: applied
    // once typing pauses (as the table browser's filters), not once per key.
    m_textFilterPause->setSingleShot(true);
    m_textFilterPause->setInterval(150);
    connect(m_textFilter, &QLineEdit::textChanged, m_textFilterPause, qOverload<>(&QTimer::start));
    connect(m_textFilterPause, &QTimer::timeout, this, &TaskTreeView::applyFilters);
    connect(m_textFilter, &QLineEdit::returnPressed, this, [this] {
        if (m_textFilterPause->isActive())
            applyFilters();
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &TaskTreeView::applyFilters);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &i) {
        if (!m_filter->isFiltering())
            m_expanded.insert(keyOf(i));
    });
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &i) {
        if (!m_filter->isFiltering())
            m_expanded.remove(keyOf(i));
    });
    connect(m_tree, &QTreeView::clicked, this, [this](const QModelIndex &i) {
        const QString agentId = i.data(TaskTreeModel::AgentIdRole).toString();
        if (i.column() == TaskTreeModel::AgentColumn && !agentId.isEmpty())
            m_ctx->navigate({ QStringLiteral("agents"), agentId });
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &TaskTreeView::saveState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TaskTreeView::restoreState);
    connect(m_section, &DependencySection::entityActivated, this, [this](const EntityRef &ref) {
        if (ref.table == QLatin1StringView("tasks") || ref.table == QLatin1StringView("phases"))
            selectEntity(ref.table, ref.id);
        m_ctx->navigate(ref);
    });
    connect(m_ctx, &AppContext::dataChanged, this, &TaskTreeView::reload);
    connect(m_ctx, &AppContext::databaseChanged, this, [this] {
        m_everLoaded = false;
        m_expanded.clear();
        m_selected = {};
        reload();
    });
    reload();
}

TaskTreeView::~TaskTreeView() = default;

void TaskTreeView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumnsToWidth();
}

void TaskTreeView::fitColumnsToWidth()
{
    // A dock is often narrow: the name comes first, the status shows as the icon's colour, and
    // the less important columns give way one by one as the width shrinks.
    const int w = width();
    m_tree->setColumnHidden(TaskTreeModel::StatusColumn, w < 440);
    m_tree->setColumnHidden(TaskTreeModel::AgentColumn, w < 600);
    m_tree->setColumnHidden(TaskTreeModel::PriorityColumn, w < 680);
    m_tree->setColumnHidden(TaskTreeModel::CategoryColumn, w < 760);
    m_tree->setColumnHidden(TaskTreeModel::RetriesColumn, w < 820);
    // Narrowest (a side pane at 1024 px): the count and a short bar, and a smaller step per level
    // (a task sits two levels deep), the rest for the name.
    const bool narrow = w < 300;
    const int narrowProgress
        = std::max(fontMetrics().horizontalAdvance(QStringLiteral("0000/0000")), m_widestProgress) + 30;
    m_tree->header()->resizeSection(TaskTreeModel::ProgressColumn, narrow ? narrowProgress : w < 440 ? 110 : 150);
    if (narrow)
        m_tree->setIndentation(std::min(14, style()->pixelMetric(QStyle::PM_TreeViewIndentation, nullptr, m_tree)));
    else
        m_tree->resetIndentation();
    m_summary->setVisible(w >= 480);
}

void TaskTreeView::reload()
{
    const std::shared_ptr<Database> database = m_ctx->database();
    if (!database) {
        m_jobs.cancel();
        m_model->setSnapshot({});
        m_summary->clear();
        return;
    }
    m_jobs.run([database] { return TaskTreeModel::load(*database); },
        [this](TaskTreeModel::Prepared prepared) { onLoaded(std::move(prepared)); });
}

void TaskTreeView::onLoaded(TaskTreeModel::Prepared prepared)
{
    const bool first = !m_everLoaded;
    m_everLoaded = true;
    if (!prepared.snapshot.error.isEmpty()) {
        m_message->setText(tr("The task tree could not be read: %1").arg(prepared.snapshot.error));
        m_message->setVisible(true);
    } else if (!prepared.snapshot.notes.isEmpty()) {
        m_message->setText(tr("This file has an older schema; some details are missing (%1).")
                               .arg(prepared.snapshot.notes.join(QStringLiteral("; "))));
        m_message->setVisible(true);
    } else {
        m_message->setVisible(false);
    }
    m_model->setPrepared(std::move(prepared));
    // The narrow pane's progress column holds the widest label whole (a six-digit total too).
    int widest = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex progress = m_model->index(row, TaskTreeModel::ProgressColumn);
        widest = std::max(widest,
            fontMetrics().horizontalAdvance(QStringLiteral("%1/%2")
                                                .arg(progress.data(TaskTreeModel::ProgressDoneRole).toInt())
                                                .arg(progress.data(TaskTreeModel::ProgressTotalRole).toInt()))
                + 2);
    }
    if (std::exchange(m_widestProgress, widest) != widest)
        fitColumnsToWidth();
    if (first)
        expandDefault();
    if (m_pendingSelection.isValid()) {
        const EntityRef pending = std::exchange(m_pendingSelection, {});
        selectEntity(pending.table, pending.id);
    }
    // Values may have changed in place: refresh the section for the current row.
    const QModelIndex current = m_tree->currentIndex();
    m_section->showFor(m_model, current.isValid() ? m_filter->mapToSource(current) : QModelIndex());
    updateSummary();
    Q_EMIT loaded();
}

void TaskTreeView::updateSummary()
{
    qint64 done = 0;
    for (const TreeTask &t : m_model->snapshot().tasks)
        done += t.status == QLatin1StringView("completed") ? 1 : 0;
    const int total = m_model->taskCount();
    const QLocale locale;
    m_summary->setText(
        total == 0 ? tr("no tasks") : tr("%1 tasks · %2% done").arg(locale.toString(total)).arg(done * 100 / total));
}

void TaskTreeView::expandDefault()
{
    // Initiatives open (their phases and progress show at once), and the phases being worked on.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex initiative = m_model->index(r, 0);
        m_expanded.insert(keyOf(initiative));
        for (int p = 0; p < m_model->rowCount(initiative); ++p) {
            const QModelIndex child = m_model->index(p, 0, initiative);
            if (child.data(TaskTreeModel::TableRole).toString() == QLatin1StringView("phases")
                && child.data(TaskTreeModel::StatusRole).toString() == QLatin1StringView("in_progress"))
                m_expanded.insert(keyOf(child));
        }
    }
    restoreState();
}

void TaskTreeView::saveState()
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        m_selected
            = { current.data(TaskTreeModel::TableRole).toString(), current.data(TaskTreeModel::IdRole).toString() };
}

void TaskTreeView::restoreState()
{
    if (m_filter->isFiltering()) {
        m_tree->expandAll();
    } else {
        for (const QString &k : std::as_const(m_expanded)) {
            const qsizetype slash = k.indexOf(u'/');
            const QModelIndex source = m_model->indexFor(k.left(slash), k.mid(slash + 1));
            if (source.isValid())
                m_tree->expand(m_filter->mapFromSource(source));
        }
    }
    if (m_selected.isValid())
        selectSource(m_model->indexFor(m_selected.table, m_selected.id));
}

void TaskTreeView::applyFilters()
{
    // Applies the text as it is now, so a pause still pending (the status changed meanwhile,
    // Enter, a row asked for) would only filter and open every match a second time.
    m_textFilterPause->stop();
    const bool wasFiltering = m_filter->isFiltering();
    m_filter->setTextFilter(m_textFilter->text());
    m_filter->setStatusFilter(m_statusFilter->currentData().toStringList());
    if (m_filter->isFiltering()) {
        m_tree->expandAll();
    } else if (wasFiltering) {
        {
            // collapseAll() says "collapsed" for every open row, which would forget the rows the
            // user had open before filtering (m_expanded) just before restoreState() reopens them.
            const QSignalBlocker quiet(m_tree);
            m_tree->collapseAll();
        }
        restoreState();
    }
    if (m_selected.isValid())
        selectSource(m_model->indexFor(m_selected.table, m_selected.id));
}

bool TaskTreeView::selectSource(const QModelIndex &sourceIndex)
{
    const QModelIndex proxy = m_filter->mapFromSource(sourceIndex);
    if (!proxy.isValid())
        return false;
    for (QModelIndex p = proxy.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    const bool navigating = std::exchange(m_navigating, false);
    m_tree->setCurrentIndex(proxy);
    m_tree->scrollTo(proxy);
    m_navigating = navigating;
    return true;
}

void TaskTreeView::selectTask(const QString &id)
{
    selectEntity(QStringLiteral("tasks"), id);
}

void TaskTreeView::selectEntity(const QString &table, const QString &id)
{
    if (!m_everLoaded || m_jobs.isBusy()) {
        m_pendingSelection = { table, id };
        if (!m_everLoaded)
            return;
    }
    const QModelIndex source = m_model->indexFor(table, id);
    if (!source.isValid())
        return;
    m_selected = { table, id };
    if (!selectSource(source)) {
        // A filter hides it: the user asked for this row, so show it.
        m_textFilter->clear();
        m_statusFilter->setCurrentIndex(0);
        applyFilters();
        selectSource(source);
    }
}

EntityRef TaskTreeView::currentEntity() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || current.data(TaskTreeModel::TableRole).toString().isEmpty())
        return {};
    return { current.data(TaskTreeModel::TableRole).toString(), current.data(TaskTreeModel::IdRole).toString() };
}

void TaskTreeView::onCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = current.isValid() ? m_filter->mapToSource(current) : QModelIndex();
    m_section->showFor(m_model, source);
    if (!source.isValid())
        return;
    const EntityRef ref { source.data(TaskTreeModel::TableRole).toString(),
        source.data(TaskTreeModel::IdRole).toString() };
    if (!ref.isValid())
        return;
    m_selected = ref;
    if (m_navigating) {
        m_pendingSelection = {}; // the user chose since: a late load must not jump back
        m_ctx->navigate(ref);
    }
}

Pane::Info TaskTreeView::paneInfo() const
{
    return { QStringLiteral("taskTreeDock"), tr("Task tree"), QKeySequence(Qt::ALT | Qt::Key_2), Place::LeftDock, {},
        {}, viewName(ViewName::Tasks) };
}

Pane::Fit TaskTreeView::canShow(const EntityRef &ref) const
{
    const bool inTree = ref.table == u"tasks" || ref.table == u"phases" || ref.table == u"initiatives";
    return inTree && !ref.id.isEmpty() ? Follows : CannotShow;
}

void TaskTreeView::showEntity(const EntityRef &ref)
{
    selectEntity(ref.table, ref.id);
}

} // namespace cwi
