#include "logview.h"
#include "viewnames.h"

#include "agentrecordpanel.h"
#include "appcontext.h"
#include "elidedlabel.h"
#include "logsearchbar.h"
#include "rawlinedelegate.h"
#include "transcript/logsearch.h"
#include "transcript/rawlinesmodel.h"
#include "transcript/sessionlistmodel.h"
#include "transcript/transcriptfiltermodel.h"
#include "transcript/transcriptmodel.h"
#include "transcriptdelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

// A kind filter opens its rows when there are at most this many: opening a row presents its
// event (parses its JSON), and "Tool calls" on a 110,000-line session opened 30,000 rows in
// 1.8 s on the UI thread. Past it the rows stay closed and open one by one, as in "All events".
constexpr int kExpandedFilterRows = 1000;

} // namespace

LogView::LogView(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_session(new LogSession(ctx, this))
    , m_filter(new TranscriptFilterModel(this))
{
    setObjectName(u"logView"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget;
    outer->addWidget(m_pages);

    m_placeholder = new QLabel;
    m_placeholder->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setStyleSheet(u"color:#616161; font-size:11pt; padding:24px"_s);
    m_pages->addWidget(m_placeholder);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_pages->addWidget(m_splitter);
    m_splitter->addWidget(buildSessionSide());

    // Right: toolbar, transcript (or raw lines), status.
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    buildTranscriptViews();
    rightLayout->addWidget(buildToolBar());
    rightLayout->addWidget(m_transcriptStack, 1);
    m_status = new QLabel;
    m_status->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_status->setStyleSheet(u"color:#616161; padding:2px 6px; border-top:1px solid #e0e0e0"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_status);

    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 470, 930 });

    auto *findAction = new QAction(tr("Search the session"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, m_searchBar, &LogSearchBar::focusSearch);
    addAction(findAction);
    auto *copyAction = new QAction(tr("Copy the selected log lines"), this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &LogView::copyCurrentEvent);
    m_transcriptView->addAction(copyAction);

    m_relayoutTimer = new QTimer(this);
    m_relayoutTimer->setSingleShot(true);
    m_relayoutTimer->setInterval(60);
    connect(m_relayoutTimer, &QTimer::timeout, this, &LogView::relayoutRows);
    bindSession();
    showPlaceholder(tr("Select an agent to see its log."));
}

// Left: sessions over the agent's record.
QWidget *LogView::buildSessionSide()
{
    auto *left = new QSplitter(Qt::Vertical);
    auto *sessionsBox = new QWidget;
    auto *sessionsLayout = new QVBoxLayout(sessionsBox);
    sessionsLayout->setContentsMargins(4, 4, 0, 0);
    sessionsLayout->setSpacing(2);
    auto *sessionsHeader = new QHBoxLayout;
    m_title = new ElidedLabel; // plain text, elided: a name from the file is never markup or wider than the pane
    m_title->setStyleSheet(u"font-weight:600"_s);
    sessionsHeader->addWidget(m_title, 1);
    auto *allLogs = new QToolButton;
    allLogs->setText(tr("All logs"));
    allLogs->setToolTip(tr("List every session in the file, including agents whose row was deleted"));
    allLogs->setAutoRaise(true);
    connect(allLogs, &QToolButton::clicked, m_session, &LogSession::showAllLogs);
    sessionsHeader->addWidget(allLogs);
    sessionsLayout->addLayout(sessionsHeader);
    m_sessionView = new QTreeView;
    m_sessionView->setModel(m_session->sessionModel());
    m_sessionView->setRootIsDecorated(false);
    m_sessionView->setUniformRowHeights(true);
    m_sessionView->setAllColumnsShowFocus(true);
    m_sessionView->setToolTip(tr("Sessions: #1 is the spawn, later ones are resumes. Newest first."));
    m_sessionView->header()->setStretchLastSection(false);
    m_sessionView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sessionView->setColumnHidden(SessionListModel::StartedColumn, false);
    sessionsLayout->addWidget(m_sessionView);
    left->addWidget(sessionsBox);
    m_record = new AgentRecordPanel(m_ctx);
    left->addWidget(m_record);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 3);
    left->setSizes({ 200, 600 });
    connect(m_sessionView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) {
            const LogSessionInfo *s = m_session->sessionModel()->session(current);
            if (s && (s->agentId != m_session->agentId() || s->sessionNumber != m_session->sessionNumber()))
                m_session->showSession(s->agentId, s->sessionNumber);
        });
    return left;
}

QToolBar *LogView::buildToolBar()
{
    auto *bar = new QToolBar;
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_searchBar = new LogSearchBar(m_session->search());
    bar->addWidget(m_searchBar);
    bar->addSeparator();

    m_filterCombo = new QComboBox;
    for (int f = 0; f < TranscriptFilterModel::FilterCount; ++f)
        m_filterCombo->addItem(TranscriptFilterModel::filterName(TranscriptFilterModel::Filter(f)));
    m_filterCombo->setToolTip(tr("Show only one kind of event (available once the session is counted)"));
    m_filterCombo->setEnabled(false);
    bar->addWidget(m_filterCombo);
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, &LogView::setKindFilter);

    m_firstErrorAction = bar->addAction(tr("First error"), m_session, &LogSession::jumpToFirstError);
    // F8, as "next error" in IDEs; Ctrl+E is the window's editing switch.
    m_firstErrorAction->setToolTip(tr("Jump to the first failed tool call, unparseable line or failed result (F8)"));
    m_firstErrorAction->setShortcut(QKeySequence(Qt::Key_F8));
    m_firstErrorAction->setEnabled(false);

    m_rawAction = bar->addAction(tr("Raw"));
    m_rawAction->setCheckable(true);
    m_rawAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_rawAction->setToolTip(tr("Show the JSONL exactly as stored, one line a row (Ctrl+R)"));
    connect(m_rawAction, &QAction::toggled, this, &LogView::setRawMode);
    m_chunkMarksAction = bar->addAction(tr("Chunks"));
    m_chunkMarksAction->setCheckable(true);
    m_chunkMarksAction->setChecked(true);
    m_chunkMarksAction->setEnabled(false);
    m_chunkMarksAction->setToolTip(
        tr("Mark chunk boundaries: a dashed rule where a chunk begins, ‖ where a chunk cut a line"));
    connect(m_chunkMarksAction, &QAction::toggled, m_session->rawModel(), &RawLinesModel::setMarkChunks);

    m_followAction = bar->addAction(tr("Follow"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(m_session->isFollowing());
    m_followAction->setToolTip(tr("Follow mode: new output of a running agent appears at the bottom; the view "
                                  "scrolls only while you are at the bottom"));
    connect(m_followAction, &QAction::toggled, m_session, &LogSession::setFollowing);

    auto *exportButton = new QToolButton;
    exportButton->setToolTip(tr("Save this session as JSONL (exact bytes) or as a Markdown transcript"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setAutoRaise(true);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("JSONL (exact bytes)…"), this, [this]() { exportCurrent(u"jsonl"_s); });
    exportMenu->addAction(tr("Markdown transcript…"), this, [this]() { exportCurrent(u"md"_s); });
    exportButton->setMenu(exportMenu);
    // An instant-popup button draws its menu arrow over the text; give the arrow its own room.
    exportButton->setText(tr("Export…"));
    exportButton->setMinimumWidth(exportButton->sizeHint().width()
        + exportButton->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, exportButton));
    bar->addWidget(exportButton);
    for (QAction *action : { m_firstErrorAction, m_rawAction })
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return bar;
}

void LogView::buildTranscriptViews()
{
    m_transcriptStack = new QStackedWidget;
    m_transcriptView = new QTreeView;
    m_transcriptView->setModel(m_session->transcriptModel());
    m_transcriptView->setHeaderHidden(true);
    m_transcriptView->setUniformRowHeights(false);
    m_transcriptView->setWordWrap(true);
    m_transcriptView->setIndentation(16);
    m_transcriptView->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_transcriptView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always there: the text wraps to the width beside it, and a scroll bar that appeared once a
    // session outgrew the pane (as its first part lands, as a followed session grows) re-wrapped
    // every line on screen.
    m_transcriptView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_transcriptView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_transcriptView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_transcriptView->setToolTip({});
    m_delegate = new TranscriptDelegate(m_transcriptView);
    m_transcriptView->setItemDelegate(m_delegate);
    m_transcriptView->viewport()->installEventFilter(this);
    m_transcriptStack->addWidget(m_transcriptView);
    connect(m_transcriptView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_transcriptView->indexAt(pos);
        if (!at.isValid())
            return;
        m_transcriptView->setCurrentIndex(at);
        QMenu menu;
        menu.addAction(tr("Copy event as JSON\tCtrl+C"), this, &LogView::copyCurrentEvent);
        menu.addAction(m_transcriptView->isExpanded(at) ? tr("Collapse") : tr("Expand"), this,
            [this, at]() { m_transcriptView->setExpanded(at, !m_transcriptView->isExpanded(at)); });
        menu.addAction(
            tr("Expand everything under it"), this, [this, at]() { m_transcriptView->expandRecursively(at); });
        menu.exec(m_transcriptView->viewport()->mapToGlobal(pos));
    });

    m_rawView = new QListView;
    m_rawView->setModel(m_session->rawModel());
    m_rawView->setUniformItemSizes(true);
    m_rawView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawView->setItemDelegate(new RawLineDelegate(m_rawView));
    m_rawView->setTextElideMode(Qt::ElideRight);
    m_transcriptStack->addWidget(m_rawView);
}

void LogView::bindSession()
{
    LogSession *s = m_session;
    connect(s, &LogSession::busyChanged, this, &LogView::busyChanged);
    connect(s, &LogSession::placeholderChanged, this, &LogView::showPlaceholder);
    connect(s, &LogSession::titleChanged, m_title, &ElidedLabel::setFullText);
    connect(s, &LogSession::recordLoaded, m_record, &AgentRecordPanel::showRecord);
    connect(s, &LogSession::sessionsListed, m_sessionView, &QTreeView::expandAll);
    connect(s, &LogSession::currentSessionChanged, this, &LogView::selectSession);
    connect(s, &LogSession::transcriptReset, this, [this]() {
        m_delegate->clearCache();
        m_transcriptView->scrollToTop();
        // The first screen now: the rest of a long session arrives part after part, and the
        // view's deferred layout (a timer) would wait behind the next part on the event loop.
        for (QAbstractItemView *view : std::initializer_list<QAbstractItemView *> { m_transcriptView, m_rawView }) {
            if (view->isVisible()) {
                view->doItemsLayout();
                view->viewport()->repaint();
            }
        }
    });
    connect(s, &LogSession::chunksAboutToBeFollowed, this, [this]() {
        const QScrollBar *bar = m_transcriptView->verticalScrollBar();
        m_followedAtBottom = bar->value() >= bar->maximum();
    });
    connect(s, &LogSession::chunksFollowed, this, [this]() {
        if (m_followedAtBottom) {
            m_transcriptView->scrollToBottom();
            m_rawView->scrollToBottom();
        }
    });
    connect(s, &LogSession::endRequested, m_transcriptView, &QTreeView::scrollToBottom);
    connect(s, &LogSession::summaryChanged, this, &LogView::onSummaryChanged);
    connect(s, &LogSession::statusChanged, m_status, &QLabel::setText);
    connect(s, &LogSession::lineRequested, this, &LogView::goToLine);
    connect(s->search(), &LogSearch::lineRequested, this, &LogView::goToLine);
    connect(
        s->search(), &LogSearch::changed, this, [this]() { m_delegate->setHighlight(m_session->search()->needle()); });
}

void LogView::showPlaceholder(const QString &text)
{
    if (text.isEmpty()) {
        m_pages->setCurrentWidget(m_splitter);
        return;
    }
    m_placeholder->setText(text);
    m_pages->setCurrentWidget(m_placeholder);
}

void LogView::selectSession(const QString &agentId, qint64 sessionNumber)
{
    const QSignalBlocker blocker(m_sessionView->selectionModel());
    m_sessionView->setCurrentIndex(m_session->sessionModel()->indexOf(agentId, sessionNumber));
}

void LogView::onSummaryChanged()
{
    const SessionSummary *summary = m_session->summary();
    if (summary) // with the kinds known, rows that cannot expand (plain text) lose their expand arrow
        m_transcriptView->doItemsLayout();
    else if (m_filterCombo->currentIndex() != TranscriptFilterModel::AllEvents)
        m_filterCombo->setCurrentIndex(TranscriptFilterModel::AllEvents); // counts are stale: no filter
    m_filterCombo->setEnabled(summary);
    m_firstErrorAction->setEnabled(summary && summary->firstErrorLine >= 0);
}

// The filter proxy watches the transcript only while a kind filter is on: attached, it kept a
// mapping for every call with a result (20 MB for a 100 MB session) that nobody looked at.
void LogView::setKindFilter(int filter)
{
    TranscriptModel *transcript = m_session->transcriptModel();
    const bool all = filter == TranscriptFilterModel::AllEvents;
    if (!all && !m_filter->sourceModel())
        m_filter->setSourceModel(transcript);
    m_filter->setEventFilter(TranscriptFilterModel::Filter(filter));
    m_transcriptView->setModel(all ? static_cast<QAbstractItemModel *>(transcript) : m_filter);
    if (all)
        m_filter->setSourceModel(nullptr);
    else if (m_filter->rowCount() <= kExpandedFilterRows)
        m_transcriptView->expandAll();
}

bool LogView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_transcriptView->viewport() && event->type() == QEvent::Resize) {
        const int width = m_transcriptView->viewport()->width();
        if (width != m_lastViewportWidth) {
            m_lastViewportWidth = width;
            m_relayoutTimer->start();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LogView::relayoutRows()
{
    // Row heights depend on the width: wrap again.
    m_delegate->clearCache();
    m_transcriptView->doItemsLayout();
}

void LogView::goToLine(int line)
{
    if (m_rawAction->isChecked()) {
        showInRaw(line);
        return;
    }
    QModelIndex index = m_session->transcriptModel()->indexForLine(line);
    if (!index.isValid())
        return;
    if (m_transcriptView->model() == m_filter) {
        QModelIndex mapped = m_filter->mapFromSource(index);
        if (!mapped.isValid())
            m_filterCombo->setCurrentIndex(TranscriptFilterModel::AllEvents);
        else
            index = mapped;
    }
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_transcriptView->expand(p);
    // The hit may be in the detail (thinking text, full input): show it.
    if (index.model()->rowCount(index) > 0
        && index.model()->index(0, 0, index).data(TranscriptModel::IsDetailRole).toBool())
        m_transcriptView->expand(index);
    m_transcriptView->setCurrentIndex(index);
    m_transcriptView->scrollTo(index, QAbstractItemView::PositionAtTop);
}

void LogView::showInRaw(int line)
{
    const QModelIndex raw = m_session->rawModel()->index(line);
    m_rawView->setCurrentIndex(raw);
    m_rawView->scrollTo(raw, QAbstractItemView::PositionAtCenter);
}

// The current line of the mode shown, -1 if none.
int LogView::currentLine() const
{
    if (m_rawAction->isChecked())
        return m_rawView->currentIndex().isValid() ? m_rawView->currentIndex().row() : -1;
    const QModelIndex current = m_transcriptView->currentIndex();
    return current.isValid() ? current.data(TranscriptModel::LineRole).toInt() : -1;
}

void LogView::setRawMode(bool raw)
{
    if (m_rawAction->isChecked() != raw) {
        m_rawAction->setChecked(raw); // toggled() comes back here
        return;
    }
    // Keep the place: the current line in one mode is the current line in the other.
    int line = -1;
    if (!raw && m_rawView->currentIndex().isValid())
        line = m_rawView->currentIndex().row();
    else if (raw && m_transcriptView->currentIndex().isValid())
        line = m_transcriptView->currentIndex().data(TranscriptModel::LineRole).toInt();
    m_chunkMarksAction->setEnabled(raw);
    m_session->search()->setRawMode(raw);
    m_transcriptStack->setCurrentWidget(raw ? static_cast<QWidget *>(m_rawView) : m_transcriptView);
    if (line >= 0)
        goToLine(line);
}

void LogView::setFollowing(bool follow)
{
    if (m_followAction->isChecked() != follow)
        m_followAction->setChecked(follow); // toggled() tells the session
    else
        m_session->setFollowing(follow);
}

const TranscriptSearchResult &LogView::searchResult() const
{
    return m_session->search()->result();
}

QString LogView::statusText() const
{
    return m_status->text();
}

void LogView::copyCurrentEvent()
{
    const int line = currentLine();
    const QString json = m_session->lineAsJson(line);
    if (json.isEmpty())
        return;
    QApplication::clipboard()->setText(json);
    m_status->setText(tr("Line %1 copied as JSON.").arg(line + 1));
}

void LogView::exportCurrent(const QString &format)
{
    const QString suggested = m_session->suggestedExportName(format);
    if (suggested.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export session"), suggested, format == u"md" ? tr("Markdown (*.md)") : tr("JSON lines (*.jsonl)"));
    if (!path.isEmpty())
        m_session->exportTo(format, path);
}

Pane::Info LogView::paneInfo() const
{
    return { QStringLiteral("logDock"), tr("Agent log"), QKeySequence(Qt::ALT | Qt::Key_4), Place::BottomDock, {}, {},
        viewName(ViewName::Log) };
}

// agent_log: "AGENT", "AGENT/SESSION" or "AGENT/SESSION/LINE"; a selected agent's log follows.
Pane::Fit LogView::canShow(const EntityRef &ref) const
{
    if (ref.table == u"agent_log")
        return Shows;
    return ref.table == u"agents" && !ref.id.isEmpty() ? Follows : CannotShow;
}

void LogView::showEntity(const EntityRef &ref)
{
    const QStringList parts = ref.id.split(u'/');
    bool ok = false;
    const qint64 session = parts.value(1).toLongLong(&ok);
    if (ref.table != u"agent_log" || !ok)
        m_session->showAgent(parts.first());
    else
        m_session->showSessionAt(parts.first(), session, parts.size() > 2 ? parts.at(2).toLongLong() : -1);
}

bool LogView::showView(const QStringList &args, EntityRef *follow, QString *)
{
    if (args.size() != 1)
        return false;
    showEntity({ QStringLiteral("agent_log"), args.first() }); // AGENT: the newest session; AGENT/SESSION: that one
    *follow = { QStringLiteral("agents"), args.first().section(u'/', 0, 0) };
    return true;
}

} // namespace cwi
