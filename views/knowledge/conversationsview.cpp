#include "conversationsview.h"
#include "viewnames.h"

#include "documentbrowser.h"
#include "knowledge/conversationlistmodel.h"
#include "knowledge/knowledgereader.h"
#include "render/htmlwriter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

ConversationsView::ConversationsView(AppContext *ctx, QWidget *parent)
    : KnowledgeViewBase(ctx, parent)
    , m_model(new ConversationListModel(this))
    , m_state(new QComboBox(this))
    , m_agents(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_document(new DocumentBrowser(ctx, this))
{
    m_count->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(u"ConversationsView"_s);
    m_state->addItem(tr("Pending and answered"), int(ConversationListModel::StateFilter::All));
    m_state->addItem(tr("Pending"), int(ConversationListModel::StateFilter::Pending));
    m_state->addItem(tr("Answered"), int(ConversationListModel::StateFilter::Answered));
    m_agents->addItem(tr("All agents"), QString());
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(ConversationListModel::AgentsColumn, QHeaderView::ResizeToContents);
    setAdaptiveColumn(header, ConversationListModel::QuestionColumn, 320);
    header->setSectionResizeMode(ConversationListModel::CreatedColumn, QHeaderView::ResizeToContents);
    header->resizeSection(ConversationListModel::AnswerColumn, 220);
    header->resizeSection(ConversationListModel::AboutColumn, 220);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_state);
    bar->addWidget(m_agents, 1);
    bar->addWidget(m_count, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_document);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_state, &QComboBox::currentIndexChanged, this, &ConversationsView::applyFilters);
    connect(m_agents, &QComboBox::currentIndexChanged, this, &ConversationsView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showCurrent(); });
    reload();
}

QVector<EntityRef> ConversationsView::selectedRefs() const
{
    const QModelIndex current = m_table->currentIndex();
    const QString id = current.isValid() ? current.data(ConversationListModel::IdRole).toString() : QString();
    return id.isEmpty() ? QVector<EntityRef>() : QVector<EntityRef> { { u"conversations"_s, id } };
}

int ConversationsView::pendingCount() const
{
    return m_model->pendingCount();
}

void ConversationsView::reload()
{
    load<Loaded>(
        0,
        [](std::shared_ptr<Database> db) {
            Loaded loaded;
            loaded.conversations = KnowledgeReader(db).conversations();
            loaded.directory = readDirectory(db);
            NameRequest request;
            for (const Conversation &c : std::as_const(loaded.conversations)) {
                request.initiatives.insert(c.initiativeId);
                request.phases.insert(c.phaseId);
                request.tasks.insert(c.taskId);
            }
            loaded.names = lookupNames(db, request);
            for (const auto &[id, name] : std::as_const(loaded.directory.agents))
                loaded.names.insert(id, name);
            return loaded;
        },
        [this](const Loaded &loaded) {
            const QString keepAgent = m_wantedAgent.isEmpty() ? m_agents->currentData().toString() : m_wantedAgent;
            const QString keepRow = m_wantedId.isEmpty()
                ? m_table->currentIndex().data(ConversationListModel::IdRole).toString()
                : m_wantedId;
            {
                const QSignalBlocker blocker(m_agents);
                m_agents->clear();
                m_agents->addItem(tr("All agents"), QString());
                for (const auto &[id, name] : loaded.directory.agents)
                    m_agents->addItem(name, id);
                m_agents->setCurrentIndex(qMax(0, m_agents->findData(keepAgent)));
            }
            m_wantedAgent.clear();
            m_names = loaded.names;
            m_model->setConversations(loaded.conversations, m_names);
            applyFilters();
            const int row = m_model->rowOf(keepRow);
            if (row >= 0) {
                m_wantedId.clear();
                m_table->selectRow(row);
            }
        });
}

void ConversationsView::applyFilters()
{
    const QString keep = m_table->currentIndex().data(ConversationListModel::IdRole).toString();
    m_model->setStateFilter(ConversationListModel::StateFilter(m_state->currentData().toInt()));
    m_model->setAgentFilter(m_agents->currentData().toString());
    m_count->setText(tr("%1 shown \u00b7 %2 pending in all").arg(m_model->rowCount()).arg(m_model->pendingCount()));
    const int row = m_model->rowOf(keep);
    if (m_model->rowCount() > 0)
        m_table->selectRow(qMax(0, row));
    showCurrent();
}

void ConversationsView::showConversation(const QString &conversationId)
{
    int row = m_model->rowOf(conversationId);
    if (row < 0 && m_state->currentIndex() != 0) {
        m_state->setCurrentIndex(0);
        m_agents->setCurrentIndex(0);
        row = m_model->rowOf(conversationId);
    }
    if (row < 0) {
        m_wantedId = conversationId; // arrives with the next load
        return;
    }
    m_table->selectRow(row);
}

void ConversationsView::showPending()
{
    m_agents->setCurrentIndex(0);
    m_state->setCurrentIndex(m_state->findData(int(ConversationListModel::StateFilter::Pending)));
}

void ConversationsView::showAgent(const QString &agentId)
{
    const int index = m_agents->findData(agentId);
    if (index < 0) {
        m_wantedAgent = agentId;
        return;
    }
    m_agents->setCurrentIndex(index);
}

void ConversationsView::showCurrent()
{
    const Conversation *c = m_model->conversation(m_table->currentIndex().row());
    if (!c) {
        m_document->showHtml(render::noteHtml(
            m_model->rowCount() == 0 ? tr("No conversations match the filters.") : tr("Select a conversation.")));
        return;
    }
    m_document->showHtml(conversationHtml(*c, m_names, QDateTime::currentDateTimeUtc()));
}

Pane::Info ConversationsView::paneInfo() const
{
    return { QStringLiteral("conversationsDock"), tr("Conversations"), QKeySequence(Qt::ALT | Qt::Key_0),
        Place::BottomDock, {}, {}, viewName(ViewName::Conversations) };
}

Pane::Fit ConversationsView::canShow(const EntityRef &ref) const
{
    if (ref.id.isEmpty())
        return CannotShow;
    return ref.table == u"conversations" ? Shows : CannotShow;
}

void ConversationsView::showEntity(const EntityRef &ref)
{
    showConversation(ref.id);
}

bool ConversationsView::showView(const QStringList &args, EntityRef *, QString *)
{
    if (args.size() > 1)
        return false;
    if (args.isEmpty())
        showPending();
    if (args.size() == 1)
        showConversation(args.first());
    return true;
}

} // namespace cwi
