#include "chatview.h"
#include "viewnames.h"

#include "documentbrowser.h"
#include "knowledge/chatsessionlistmodel.h"
#include "knowledge/knowledgereader.h"
#include "render/htmlwriter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
enum Channel
{
    DirectoryChannel,
    SessionsChannel,
    ConversationChannel,
    LocateChannel
};
}

ChatView::ChatView(AppContext *ctx, QWidget *parent)
    : KnowledgeViewBase(ctx, parent)
    , m_model(new ChatSessionListModel(this))
    , m_initiatives(new QComboBox(this))
    , m_scope(new QLabel(this))
    , m_clearScope(new QToolButton(this))
    , m_table(new QTableView(this))
    , m_document(new DocumentBrowser(ctx, this))
{
    m_scope->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(u"ChatView"_s);
    m_clearScope->setText(tr("Show all"));
    m_clearScope->setAutoRaise(true);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    setAdaptiveColumn(m_table->horizontalHeader(), ChatSessionListModel::TargetColumn, 240);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_initiatives, 1);
    bar->addWidget(m_scope, 1);
    bar->addWidget(m_clearScope);
    auto *splitter = new QSplitter(this);
    setAdaptiveSplitter(splitter);
    splitter->addWidget(m_table);
    splitter->addWidget(m_document);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_initiatives, &QComboBox::currentIndexChanged, this, [this] {
        m_targetType.clear();
        m_targetId.clear();
        loadSessions();
    });
    connect(m_clearScope, &QToolButton::clicked, this, [this] {
        m_targetType.clear();
        m_targetId.clear();
        const QSignalBlocker blocker(m_initiatives);
        m_initiatives->setCurrentIndex(0);
        loadSessions();
    });
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            const ChatSession *session = m_model->session(current.row());
            const QString id = session ? session->id : QString();
            if (id == m_sessionId)
                return;
            m_sessionId = id;
            loadConversation(false);
        });
    reload();
}

void ChatView::reload()
{
    load<Directory>(
        DirectoryChannel, [](std::shared_ptr<Database> db) { return readDirectory(db); },
        [this](const Directory &directory) {
            const QString keep
                = m_wantedInitiative.isEmpty() ? m_initiatives->currentData().toString() : m_wantedInitiative;
            {
                const QSignalBlocker blocker(m_initiatives);
                m_initiatives->clear();
                m_initiatives->addItem(tr("All initiatives"), QString());
                for (const auto &[id, name] : directory.initiatives)
                    m_initiatives->addItem(name, id);
                m_initiatives->setCurrentIndex(qMax(0, m_initiatives->findData(keep)));
            }
            m_wantedInitiative.clear();
            loadSessions();
        });
}

void ChatView::showTarget(const QString &targetType, const QString &targetId)
{
    m_targetType = targetType;
    m_targetId = targetId;
    loadSessions();
}

void ChatView::showInitiative(const QString &initiativeId)
{
    m_targetType.clear();
    m_targetId.clear();
    const int index = m_initiatives->findData(initiativeId);
    if (index < 0) {
        m_wantedInitiative = initiativeId;
        return;
    }
    if (index == m_initiatives->currentIndex())
        loadSessions();
    else
        m_initiatives->setCurrentIndex(index);
}

void ChatView::showSession(const QString &sessionId)
{
    m_wantedSession = sessionId;
    if (m_model->rowOf(sessionId) >= 0) {
        m_table->selectRow(m_model->rowOf(sessionId));
        return;
    }
    load<std::optional<ChatSession>>(
        LocateChannel, [sessionId](std::shared_ptr<Database> db) { return KnowledgeReader(db).chatSession(sessionId); },
        [this](const std::optional<ChatSession> &session) {
            if (session)
                showTarget(session->targetType, session->targetId);
        });
}

void ChatView::updateScopeLabel()
{
    const bool scoped = !m_targetId.isEmpty();
    m_scope->setText(scoped ? m_targetType + u": "_s + m_names.value(m_targetId, m_targetId)
                            : tr("%1 sessions").arg(m_model->rowCount()));
    m_clearScope->setVisible(scoped || m_initiatives->currentIndex() > 0);
}

void ChatView::loadSessions()
{
    const QString targetType = m_targetType;
    const QString targetId = m_targetId;
    const QString initiativeId = m_initiatives->currentData().toString();
    load<Sessions>(
        SessionsChannel,
        [targetType, targetId, initiativeId](std::shared_ptr<Database> db) {
            Sessions result;
            result.sessions = KnowledgeReader(db).chatSessions(targetType, targetId, initiativeId);
            NameRequest request;
            if (!targetId.isEmpty())
                (targetType == "phase"_L1 ? request.phases : request.tasks).insert(targetId);
            for (const ChatSession &s : std::as_const(result.sessions)) {
                request.agents.insert(s.agentId);
                (s.targetType == "phase"_L1 ? request.phases : request.tasks).insert(s.targetId);
            }
            result.names = lookupNames(db, request);
            return result;
        },
        [this](const Sessions &result) {
            const QString keep = m_wantedSession.isEmpty() ? m_sessionId : m_wantedSession;
            m_names = result.names;
            m_model->setSessions(result.sessions, m_names, m_names);
            updateScopeLabel();
            const int row = m_model->rowOf(keep);
            if (row >= 0)
                m_wantedSession.clear();
            if (m_model->rowCount() == 0) {
                m_sessionId.clear();
                m_document->showHtml(
                    render::noteHtml(m_targetId.isEmpty() ? tr("No chat sessions here.")
                                                          : tr("This %1 has no chat sessions.").arg(m_targetType)));
                return;
            }
            const bool same = row >= 0 && keep == m_sessionId;
            const QSignalBlocker blocker(m_table->selectionModel());
            m_table->selectRow(qMax(0, row));
            m_sessionId = m_model->session(qMax(0, row))->id;
            loadConversation(same);
        });
}

void ChatView::loadConversation(bool keepScroll)
{
    const ChatSession *current = m_model->session(m_model->rowOf(m_sessionId));
    if (!current)
        return;
    const ChatSession session = *current;
    const NameMap names = m_names;
    load<QString>(
        ConversationChannel,
        [session, names](std::shared_ptr<Database> db) {
            const ChatTranscript transcript = KnowledgeReader(db).chatTranscript(session.id);
            return chatSessionHtml(
                session, transcript.messages, transcript.changeSets, transcript.changeSetsAvailable, names);
        },
        [this, keepScroll](const QString &html) { m_document->showHtml(html, keepScroll); });
}

Pane::Info ChatView::paneInfo() const
{
    return { QStringLiteral("chatDock"), tr("Chat sessions"), QKeySequence(Qt::ALT | Qt::Key_7), Place::BottomDock, {},
        {}, viewName(ViewName::Chat) };
}

Pane::Fit ChatView::canShow(const EntityRef &ref) const
{
    if (ref.id.isEmpty())
        return CannotShow;
    return ref.table == u"chat_sessions" ? Shows : CannotShow;
}

void ChatView::showEntity(const EntityRef &ref)
{
    showSession(ref.id);
}

bool ChatView::showView(const QStringList &args, EntityRef *, QString *)
{
    if (args.size() > 1)
        return false;
    if (args.size() == 1)
        showSession(args.first());
    return true;
}

} // namespace cwi
