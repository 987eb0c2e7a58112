#include "logview.h"

#include "agentrecordpanel.h"
#include "appcontext.h"
#include "elidedlabel.h"
#include "transcript/rawlinesmodel.h"
#include "transcript/sessionlistmodel.h"
#include "transcript/transcriptfiltermodel.h"
#include "transcript/transcriptmodel.h"
#include "transcriptdelegate.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

// Raw mode rows: monospace, with a rule above each line where a new chunk began.
class RawLineDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        if (index.data(RawLinesModel::ChunkCutsRole).toInt() > 0)
            opt.backgroundBrush = QColor(0xff, 0xf8, 0xe1);
        QStyledItemDelegate::paint(painter, opt, index);
        if (index.data(RawLinesModel::ChunkStartRole).toBool()) {
            painter->save();
            painter->setPen(QPen(QColor(0xff, 0x8f, 0x00), 1, Qt::DashLine));
            painter->drawLine(option.rect.topLeft(), option.rect.topRight());
            painter->restore();
        }
    }
};

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

} // namespace

LogView::LogView(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_sessions(new SessionListModel(this))
    , m_transcript(new TranscriptModel(this))
    , m_filter(new TranscriptFilterModel(this))
    , m_raw(new RawLinesModel(this))
{
    setObjectName(u"logView"_s);
    connect(&m_jobs, &JobTracker::busyChanged, this, &LogView::busyChanged);
    // The filter proxy watches the transcript only while a kind filter is on: attached, it kept a
    // mapping for every call with a result (20 MB for a 100 MB session) that nobody looked at.
    buildUi();
    connectDatabase();
    connect(m_ctx, &AppContext::databaseChanged, this, [this]() {
        connectDatabase();
        if (!m_agentId.isEmpty())
            showAgent(m_agentId);
    });
    connect(m_ctx, &AppContext::dataChanged, this, &LogView::refreshFollow);
    showPlaceholder(u"Select an agent to see its log."_s);
}

LogView::~LogView()
{
    if (m_searchState)
        m_searchState->cancel = true;
}

void LogView::connectDatabase()
{
    if (m_db)
        disconnect(m_db.get(), nullptr, this, nullptr);
    m_db = m_ctx->database();
    if (m_db)
        connect(m_db.get(), &Database::externallyChanged, this, &LogView::refreshFollow);
}

void LogView::buildUi()
{
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

    // Left: sessions over the agent's record.
    auto *left = new QSplitter(Qt::Vertical);
    auto *sessionsBox = new QWidget;
    auto *sessionsLayout = new QVBoxLayout(sessionsBox);
    sessionsLayout->setContentsMargins(4, 4, 0, 0);
    sessionsLayout->setSpacing(2);
    auto *sessionsHeader = new QHBoxLayout;
    m_title = new ElidedLabel; // plain text, elided: a name from the file is never markup or wider than the pane
    m_title->setStyleSheet(u"font-weight:600"_s);
    sessionsHeader->addWidget(m_title, 1);
    auto *allLogs = new QAction(u"All logs"_s, this);
    allLogs->setToolTip(u"List every session in the file, including agents whose row was deleted"_s);
    connect(allLogs, &QAction::triggered, this, &LogView::showAllLogs);
    sessionsHeader->addWidget(toolButton(allLogs));
    sessionsLayout->addLayout(sessionsHeader);
    m_sessionView = new QTreeView;
    m_sessionView->setModel(m_sessions);
    m_sessionView->setRootIsDecorated(false);
    m_sessionView->setUniformRowHeights(true);
    m_sessionView->setAllColumnsShowFocus(true);
    m_sessionView->setToolTip(u"Sessions: #1 is the spawn, later ones are resumes. Newest first."_s);
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
            const LogSessionInfo *s = m_sessions->session(current);
            if (s && (s->agentId != m_agentId || s->sessionNumber != m_sessionNumber))
                showSession(s->agentId, s->sessionNumber);
        });

    // Right: toolbar, transcript (or raw lines), status.
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    auto *bar = new QToolBar;
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    rightLayout->addWidget(bar);

    m_searchEdit = new QLineEdit;
    m_searchEdit->setPlaceholderText(u"Search this session (Ctrl+F)"_s);
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setToolTip(u"Enter: search the whole session, then next hit; Shift+Enter: previous hit"_s);
    m_searchEdit->setMaximumWidth(260);
    bar->addWidget(m_searchEdit);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this]() {
        if (m_searchEdit->text() == m_search.needle && !m_search.lines.isEmpty())
            (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) ? findPrevious() : findNext();
        else
            find(m_searchEdit->text());
    });
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            find({});
    });
    auto *prev = bar->addAction(u"▲"_s, this, &LogView::findPrevious);
    prev->setToolTip(u"Previous hit (Shift+F3)"_s);
    prev->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    auto *next = bar->addAction(u"▼"_s, this, &LogView::findNext);
    next->setToolTip(u"Next hit (F3)"_s);
    next->setShortcut(QKeySequence(Qt::Key_F3));
    m_hitLabel = new QLabel;
    m_hitLabel->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_hitLabel->setMinimumWidth(150);
    m_hitLabel->setStyleSheet(u"color:#616161; padding:0 6px"_s);
    bar->addWidget(m_hitLabel);
    m_searchProgress = new QProgressBar;
    m_searchProgress->setRange(0, 1000);
    m_searchProgress->setMaximumWidth(100);
    m_searchProgress->setTextVisible(false);
    m_searchProgressAction = bar->addWidget(m_searchProgress);
    m_searchProgress->setEnabled(false);
    m_searchProgress->setMaximumWidth(60);
    m_searchProgress->setToolTip(u"Search progress over the whole session"_s);
    auto *cancel = new QAction(u"Cancel"_s, this);
    cancel->setToolTip(u"Stop searching"_s);
    connect(cancel, &QAction::triggered, this, [this]() {
        if (m_searchState)
            m_searchState->cancel = true;
    });
    m_cancelSearchAction = bar->addWidget(toolButton(cancel));
    m_cancelSearchAction->setEnabled(false);
    bar->addSeparator();

    m_filterCombo = new QComboBox;
    for (int f = 0; f < TranscriptFilterModel::FilterCount; ++f)
        m_filterCombo->addItem(TranscriptFilterModel::filterName(TranscriptFilterModel::Filter(f)));
    m_filterCombo->setToolTip(u"Show only one kind of event (available once the session is counted)"_s);
    m_filterCombo->setEnabled(false);
    bar->addWidget(m_filterCombo);
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this](int f) {
        const bool all = f == TranscriptFilterModel::AllEvents;
        if (!all && !m_filter->sourceModel())
            m_filter->setSourceModel(m_transcript);
        m_filter->setEventFilter(TranscriptFilterModel::Filter(f));
        m_transcriptView->setModel(all ? static_cast<QAbstractItemModel *>(m_transcript) : m_filter);
        if (all)
            m_filter->setSourceModel(nullptr);
        else
            m_transcriptView->expandAll();
    });

    m_firstErrorAction = bar->addAction(u"First error"_s, this, &LogView::jumpToFirstError);
    // F8, as "next error" in IDEs; Ctrl+E is the window's editing switch.
    m_firstErrorAction->setToolTip(tr("Jump to the first failed tool call, unparseable line or failed result (F8)"));
    m_firstErrorAction->setShortcut(QKeySequence(Qt::Key_F8));
    m_firstErrorAction->setEnabled(false);

    m_rawAction = bar->addAction(u"Raw"_s);
    m_rawAction->setCheckable(true);
    m_rawAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_rawAction->setToolTip(u"Show the JSONL exactly as stored, one line a row (Ctrl+R)"_s);
    connect(m_rawAction, &QAction::toggled, this, &LogView::setRawMode);
    m_chunkMarksAction = bar->addAction(u"Chunks"_s);
    m_chunkMarksAction->setCheckable(true);
    m_chunkMarksAction->setChecked(true);
    m_chunkMarksAction->setEnabled(false);
    m_chunkMarksAction->setToolTip(u"Mark chunk boundaries: a dashed rule where a chunk begins, ‖ where a chunk "
                                   "cut a line"_s);
    connect(m_chunkMarksAction, &QAction::toggled, m_raw, &RawLinesModel::setMarkChunks);

    m_followAction = bar->addAction(u"Follow"_s);
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setToolTip(u"Follow mode: new output of a running agent appears at the bottom; the view "
                               "scrolls only while you are at the bottom"_s);
    connect(m_followAction, &QAction::toggled, this, &LogView::setFollowing);

    auto *exportButton = new QToolButton;
    exportButton->setText(u"Export"_s);
    exportButton->setToolTip(u"Save this session as JSONL (exact bytes) or as a Markdown transcript"_s);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setAutoRaise(true);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(u"JSONL (exact bytes)…"_s, this, [this]() { exportCurrent(u"jsonl"_s); });
    exportMenu->addAction(u"Markdown transcript…"_s, this, [this]() { exportCurrent(u"md"_s); });
    exportButton->setMenu(exportMenu);
    // An instant-popup button draws its menu arrow over the text; give the arrow its own room.
    exportButton->setText(u"Export…"_s);
    exportButton->setMinimumWidth(exportButton->sizeHint().width()
        + exportButton->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, exportButton));
    bar->addWidget(exportButton);

    m_transcriptStack = new QStackedWidget;
    rightLayout->addWidget(m_transcriptStack, 1);
    m_transcriptView = new QTreeView;
    m_transcriptView->setModel(m_transcript);
    m_transcriptView->setHeaderHidden(true);
    m_transcriptView->setUniformRowHeights(false);
    m_transcriptView->setWordWrap(true);
    m_transcriptView->setIndentation(16);
    m_transcriptView->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_transcriptView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
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
        menu.addAction(u"Copy event as JSON\tCtrl+C"_s, this, &LogView::copyCurrentEvent);
        menu.addAction(m_transcriptView->isExpanded(at) ? u"Collapse"_s : u"Expand"_s, this,
            [this, at]() { m_transcriptView->setExpanded(at, !m_transcriptView->isExpanded(at)); });
        menu.addAction(
            u"Expand everything under it"_s, this, [this, at]() { m_transcriptView->expandRecursively(at); });
        menu.exec(m_transcriptView->viewport()->mapToGlobal(pos));
    });

    m_rawView = new QListView;
    m_rawView->setModel(m_raw);
    m_rawView->setUniformItemSizes(true);
    m_rawView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawView->setItemDelegate(new RawLineDelegate(m_rawView));
    m_rawView->setTextElideMode(Qt::ElideRight);
    m_transcriptStack->addWidget(m_rawView);

    m_status = new QLabel;
    m_status->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_status->setStyleSheet(u"color:#616161; padding:2px 6px; border-top:1px solid #e0e0e0"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_status);

    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 470, 930 });

    auto *findAction = new QAction(u"Search the session"_s, this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this]() {
        m_searchEdit->setFocus();
        m_searchEdit->selectAll();
    });
    addAction(findAction);
    auto *copyAction = new QAction(u"Copy the selected log lines"_s, this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &LogView::copyCurrentEvent);
    m_transcriptView->addAction(copyAction);
    for (QAction *action : { prev, next, m_firstErrorAction, m_rawAction })
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_relayoutTimer = new QTimer(this);
    m_relayoutTimer->setSingleShot(true);
    m_relayoutTimer->setInterval(60);
    connect(m_relayoutTimer, &QTimer::timeout, this, &LogView::relayoutRows);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this]() {
        if (m_searchState)
            m_searchProgress->setValue(m_searchState->progress.load());
    });
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

void LogView::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_pages->setCurrentWidget(m_placeholder);
}

QString LogView::statusText() const
{
    return m_status->text();
}

Pane::Info LogView::paneInfo() const
{
    return { QStringLiteral("logDock"), tr("Agent log"), QKeySequence(Qt::ALT | Qt::Key_4), Place::BottomDock, {}, {},
        QStringLiteral("log") };
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
        showAgent(parts.first());
    else
        showSessionAt(parts.first(), session, parts.size() > 2 ? parts.at(2).toLongLong() : -1);
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
