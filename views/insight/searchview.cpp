#include "searchview.h"
#include "viewnames.h"

#include "insight/insightindex.h"
#include "insight/searchresultmodel.h"
#include "reloadwhenshown.h"
#include "snippetdelegate.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

SearchView::SearchView(AppContext *context, InsightIndex *index, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_index(index)
    , m_model(new SearchResultModel(this))
    , m_query(new QLineEdit(this))
    , m_initiative(new QComboBox(this))
    , m_agent(new QLineEdit(this))
    , m_tool(new QComboBox(this))
    , m_when(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_results(new QTreeView(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("searchView"));
    connect(&m_jobs, &JobTracker::busyChanged, this, &SearchView::busyChanged);
    m_query->setPlaceholderText(tr("Search every agent's log: words, \"a phrase\", prefix*, a OR b, NOT c"));
    m_query->setClearButtonEnabled(true);
    m_query->setToolTip(tr("FTS5 query syntax. Press Enter to search, Down to go to the hits."));
    m_agent->setPlaceholderText(tr("Agent"));
    m_agent->setToolTip(tr("Only this agent (its name or id)"));
    m_agent->setMaximumWidth(160);
    m_initiative->setToolTip(tr("Only sessions of agents of this initiative"));
    m_initiative->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_initiative->setMinimumContentsLength(14);
    m_tool->setToolTip(tr("Only calls of this tool"));
    m_when->setToolTip(tr("Only lines written in this time"));
    m_when->addItem(tr("Any time"), 0);
    m_when->addItem(tr("Last 24 hours"), 1);
    m_when->addItem(tr("Last 7 days"), 7);
    m_when->addItem(tr("Last 30 days"), 30);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    m_results->setModel(m_model);
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setAlternatingRowColors(true);
    m_results->setItemDelegateForColumn(SearchResultModel::SnippetColumn, new SnippetDelegate(m_results));
    m_results->header()->setStretchLastSection(true);
    m_results->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_results->setColumnWidth(SearchResultModel::TimeColumn, 150);
    m_results->setColumnWidth(SearchResultModel::AgentColumn, 130);
    m_results->setColumnWidth(SearchResultModel::SessionColumn, 60);
    m_results->setColumnWidth(SearchResultModel::KindColumn, 90);
    m_results->setColumnWidth(SearchResultModel::InitiativeColumn, 130);
    m_results->setToolTip(tr("Enter or double click: open the transcript at this line"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_initiative, 2);
    filters->addWidget(m_agent, 1);
    filters->addWidget(m_tool, 1);
    filters->addWidget(m_when, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &SearchView::search);
    connect(m_query, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, this, &SearchView::search);
    connect(m_agent, &QLineEdit::returnPressed, this, &SearchView::search);
    for (QComboBox *box : { m_initiative, m_tool, m_when })
        connect(box, &QComboBox::activated, this, &SearchView::search);
    connect(m_results, &QTreeView::activated, this, &SearchView::openHit);
    m_query->installEventFilter(this);
    m_results->viewport()->installEventFilter(this);

    auto *refresh = new ReloadWhenShown(this, [this] {
        refreshFilters();
        // New lines may match; and a query typed before the first pass ended is answered now
        // (from the facts pass on: the text pass fills in, and the status says so meanwhile).
        if (!m_query->text().trimmed().isEmpty() && m_index->hasFacts())
            search();
    });
    connect(m_index, &InsightIndex::updated, refresh, &ReloadWhenShown::request);
    refresh->request();
    statusText();
}

void SearchView::focusQuery()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchView::setQuery(const QString &text)
{
    m_query->setText(text);
    search();
}

QString SearchView::statusText() const
{
    return m_status->text();
}

bool SearchView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_results->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    if (watched == m_query && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_results->setFocus(Qt::TabFocusReason);
        if (!m_results->currentIndex().isValid())
            m_results->setCurrentIndex(m_model->index(0, 0));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void SearchView::fitColumns()
{
    // The snippet is what a hit is read for: on a narrow page (1024 px beside both side panes)
    // the columns that matter least fold away before it is pushed off to the right, the agent's
    // name stays. The row's tool tip still says when, which session and line.
    constexpr int kSnippetRoom = 320;
    const int width = m_results->viewport()->width();
    int fixed = m_results->columnWidth(SearchResultModel::AgentColumn);
    for (const int column : { SearchResultModel::TimeColumn, SearchResultModel::KindColumn,
             SearchResultModel::SessionColumn, SearchResultModel::InitiativeColumn }) {
        if (!m_results->isColumnHidden(column))
            m_foldedWidths[column] = m_results->columnWidth(column); // hidden, a column reads 0 px
        const int columnWidth = m_foldedWidths.value(column);
        const bool fits = fixed + columnWidth + kSnippetRoom <= width;
        m_results->setColumnHidden(column, !fits);
        if (fits)
            fixed += columnWidth;
    }
}

void SearchView::refreshFilters()
{
    const InsightReader reader = m_index->reader();
    m_jobs.run(
        kFiltersChannel, [reader] { return std::make_pair(reader.initiatives(), reader.tools()); },
        [this](const std::pair<QVector<QPair<QString, QString>>, QStringList> &lists) {
            const QString initiative = m_initiative->currentData().toString();
            const QString tool = m_tool->currentData().toString();
            m_initiative->clear();
            m_initiative->addItem(tr("Any initiative"), QString());
            for (const auto &[id, name] : lists.first)
                m_initiative->addItem(name, id);
            m_initiative->setCurrentIndex(qMax(0, m_initiative->findData(initiative)));
            m_tool->clear();
            m_tool->addItem(tr("Any tool"), QString());
            for (const QString &name : lists.second)
                m_tool->addItem(name, name);
            m_tool->setCurrentIndex(qMax(0, m_tool->findData(tool)));
        });
}

void SearchView::search()
{
    m_debounce->stop();
    m_jobs.cancel(kSearchChannel); // the query changed: a search still running is stale
    SearchQuery q;
    q.text = m_query->text();
    q.initiativeId = m_initiative->currentData().toString();
    q.agentId = m_agent->text().trimmed();
    q.tool = m_tool->currentData().toString();
    if (const int days = m_when->currentData().toInt(); days > 0)
        q.fromMs = QDateTime::currentMSecsSinceEpoch() - qint64(days) * 86400000;
    if (q.text.trimmed().isEmpty()) {
        m_model->setHits({});
        m_status->clear();
        return;
    }
    if (!m_index->hasFacts()) { // facts come with the sidecar's path
        m_status->setText(m_index->notReadyText());
        return;
    }
    const InsightReader reader = m_index->reader();
    m_jobs.run(
        kSearchChannel, [reader, q] { return reader.search(q); },
        [this](const SearchResult &result) { onResult(result); });
}

void SearchView::onResult(const SearchResult &result)
{
    m_status->setStyleSheet(result.error.isEmpty() ? QString() : u"color: #b3261e"_s);
    if (!result.error.isEmpty()) {
        m_model->setHits({});
        m_status->setText(tr("The search cannot be read: %1. Put words in double quotes to search for them "
                             "as they are, e.g. \"NEAR\" or \"*\".")
                              .arg(result.error));
        return;
    }
    m_model->setHits(result.hits);
    QString text = result.truncated
        ? tr("The newest %1 hits (%2 ms); narrow the search to see older ones.")
              .arg(result.hits.size())
              .arg(result.elapsedMs, 0, 'f', 0)
        : tr("%n hit(s) (%1 ms)", nullptr, int(result.hits.size())).arg(result.elapsedMs, 0, 'f', 0);
    if (!m_index->hasText())
        text += tr(" · text index still being built: older lines may be missing");
    m_status->setText(text);
}

void SearchView::openHit(const QModelIndex &index)
{
    const SearchHit *hit = m_model->hit(index.row());
    if (!hit)
        return;
    m_context->navigate({ u"agent_log"_s, u"%1/%2/%3"_s.arg(hit->agentId).arg(hit->sessionNumber).arg(hit->line) });
}

Pane::Info SearchView::paneInfo() const
{
    return { QStringLiteral("searchPage"), tr("Search"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), Place::Page,
        tr("Search every agent's log (Ctrl+Shift+F)"), tr("&Search everything"), viewName(ViewName::Search) };
}

bool SearchView::showView(const QStringList &args, EntityRef *, QString *)
{
    if (!args.isEmpty())
        setQuery(args.join(u':'));
    return true;
}

void SearchView::activated()
{
    focusQuery();
}

} // namespace cwi
