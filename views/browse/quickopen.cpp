#include "quickopen.h"

#include "browse/browsereads.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cwi {

namespace {
constexpr int kTableRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;
} // namespace

QuickOpen::QuickOpen(AppContext *context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_input(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Quick open"));
    setObjectName(QStringLiteral("quickOpen"));
    resize(620, 420);
    m_input->setPlaceholderText(tr("Id, id prefix or name of anything: task, agent, phase, page…"));
    m_input->setClearButtonEnabled(true);
    auto *hint = new QLabel(tr("↑↓ to choose, Enter to open, Esc to close"), this);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_results, 1);
    layout->addWidget(hint);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_input, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &QuickOpen::search);
    connect(m_results, &QListWidget::itemActivated, this, &QuickOpen::accept);
    m_input->installEventFilter(this); // arrow keys in the input move the selection in the list
    connect(m_input, &QLineEdit::returnPressed, this, &QuickOpen::accept);
    m_input->setFocus();
}

bool QuickOpen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int row = qBound(0, m_results->currentRow() + (key == Qt::Key_Down ? 1 : -1), m_results->count() - 1);
            m_results->setCurrentRow(row);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickOpen::search()
{
    const auto db = m_context->database();
    const QString text = m_input->text();
    if (!db || text.trimmed().isEmpty()) {
        m_jobs.cancel();
        m_results->clear();
        return;
    }
    m_jobs.run([db, text] { return searchRows(db, text, 60); },
        [this](const QVector<EntityMatch> &matches) {
            m_results->clear();
            addTables(m_input->text());
            for (const EntityMatch &match : matches) {
                const TableSpec *spec = Catalog::table(match.table);
                const QString label = match.label.isEmpty() ? match.id : match.label.left(100);
                auto *item = new QListWidgetItem(
                    label + u"   · " + (spec ? spec->title : match.table) + u"  " + match.id, m_results);
                if (!match.status.isEmpty())
                    item->setIcon(statusIcon(match.table, QStringLiteral("status"), match.status));
                item->setData(kTableRole, match.table);
                item->setData(kIdRole, match.id);
                item->setToolTip(render::plainToolTip(match.table + u' ' + match.id));
            }
            if (m_results->count() > 0)
                m_results->setCurrentRow(0);
        });
}

// Tables whose name or title holds TEXT ("tasks", "review"): the schema is in memory, no query.
void QuickOpen::addTables(const QString &text)
{
    const auto db = m_context->database();
    const QString needle = text.trimmed();
    if (!db || needle.size() < 2)
        return;
    for (const QString &table : m_context->schema().tableNames()) {
        const TableInfo *info = m_context->schema().table(table);
        const QString title = info && info->spec ? info->spec->title : table;
        if (!table.contains(needle, Qt::CaseInsensitive) && !title.contains(needle, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(tr("%1   · table  %2").arg(title, table), m_results);
        item->setIcon(QIcon::fromTheme(QStringLiteral("x-office-spreadsheet")));
        item->setData(kTableRole, table);
        item->setData(kIdRole, QString());
        item->setToolTip(render::plainToolTip(tr("Open the %1 table").arg(table)));
    }
}

void QuickOpen::accept()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    m_context->navigate({ item->data(kTableRole).toString(), item->data(kIdRole).toString() });
    QDialog::accept();
}

} // namespace cwi
