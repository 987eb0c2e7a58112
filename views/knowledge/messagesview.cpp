#include "messagesview.h"
#include "viewnames.h"

#include "documentbrowser.h"
#include "knowledge/knowledgehtml.h"
#include "knowledge/knowledgereader.h"
#include "knowledge/messagethreadmodel.h"
#include "knowledge/namelookup.h"
#include "render/htmlwriter.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
struct Loaded
{
    QVector<Message> messages;
    QHash<QString, QString> agentNames;
};
} // namespace

MessagesView::MessagesView(AppContext *ctx, QWidget *parent)
    : KnowledgeViewBase(ctx, parent)
    , m_model(new MessageThreadModel(this))
    , m_summary(new QLabel(this))
    , m_nextPending(new QPushButton(tr("Next needing a response"), this))
    , m_tree(new QTreeView(this))
    , m_document(new DocumentBrowser(ctx, this))
{
    setObjectName(u"MessagesView"_s);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->header()->setStretchLastSection(false);
    setAdaptiveColumn(m_tree->header(), MessageThreadModel::TextColumn, 320);
    for (int column : { MessageThreadModel::FromColumn, MessageThreadModel::ToColumn, MessageThreadModel::TypeColumn,
             MessageThreadModel::StatusColumn, MessageThreadModel::TimeColumn })
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_nextPending);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_document);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_nextPending, &QPushButton::clicked, this, &MessagesView::showNextPending);
    connect(
        m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            const Message *m = m_model->message(current);
            m_currentId = m ? m->id : QString();
            showCurrent();
        });
    reload();
}

int MessagesView::pendingResponseCount() const
{
    return m_model->pendingResponseCount();
}

void MessagesView::reload()
{
    load<Loaded>(
        0,
        [](std::shared_ptr<Database> db) {
            Loaded loaded;
            loaded.messages = KnowledgeReader(db).messages();
            NameRequest request;
            for (const Message &m : std::as_const(loaded.messages)) {
                request.agents.insert(m.senderId);
                request.agents.insert(m.recipientId);
            }
            loaded.agentNames = lookupNames(db, request);
            return loaded;
        },
        [this](const Loaded &loaded) {
            const int before = m_model->pendingResponseCount();
            const QString keep = m_wantedId.isEmpty() ? m_currentId : m_wantedId;
            m_model->setMessages(loaded.messages, loaded.agentNames);
            m_tree->expandAll();
            const int pending = m_model->pendingResponseCount();
            m_summary->setText(loaded.messages.isEmpty()
                    ? tr("No messages.")
                    : tr("%1 messages \u00b7 <b>%2 need a response</b>").arg(loaded.messages.size()).arg(pending));
            m_nextPending->setEnabled(pending > 0);
            const QModelIndex index = m_model->indexOfMessage(keep);
            if (index.isValid()) {
                m_wantedId.clear();
                m_tree->setCurrentIndex(index);
                m_tree->scrollTo(index);
            } else if (pending > 0) {
                showNextPending(); // open on what needs the reader
            } else if (m_model->rowCount() > 0) {
                m_tree->setCurrentIndex(m_model->index(0, 0));
            }
            showCurrent();
            if (pending != before)
                Q_EMIT pendingResponseCountChanged(pending);
        });
}

void MessagesView::showMessage(const QString &messageId)
{
    const QModelIndex index = m_model->indexOfMessage(messageId);
    if (!index.isValid()) {
        m_wantedId = messageId; // not loaded yet
        return;
    }
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void MessagesView::showNextPending()
{
    // Depth-first order of the tree, starting after the current row.
    QVector<QModelIndex> order;
    QVector<QModelIndex> stack;
    for (int row = m_model->rowCount() - 1; row >= 0; --row)
        stack.append(m_model->index(row, 0));
    while (!stack.isEmpty()) {
        const QModelIndex index = stack.takeLast();
        order.append(index);
        for (int row = m_model->rowCount(index) - 1; row >= 0; --row)
            stack.append(m_model->index(row, 0, index));
    }
    const int start = int(order.indexOf(m_tree->currentIndex().siblingAtColumn(0)));
    for (int step = 1; step <= order.size(); ++step) {
        const QModelIndex candidate = order.at((start + step) % order.size());
        if (candidate.data(MessageThreadModel::PendingResponseRole).toBool()) {
            m_tree->setCurrentIndex(candidate);
            m_tree->scrollTo(candidate);
            return;
        }
    }
}

void MessagesView::showCurrent()
{
    const QModelIndex index = m_model->indexOfMessage(m_currentId);
    const Message *m = m_model->message(index);
    if (!m) {
        m_document->showHtml(render::noteHtml(tr("Select a message to read it.")));
        return;
    }
    const QString fromAgent = index.data(MessageThreadModel::SenderAgentIdRole).toString();
    const QString toAgent = index.data(MessageThreadModel::RecipientAgentIdRole).toString();
    m_document->showHtml(messageHtml(*m, m_model->partyName(m->senderType, m->senderId),
        m_model->partyName(m->recipientType, m->recipientId), fromAgent, toAgent));
}

Pane::Info MessagesView::paneInfo() const
{
    return { QStringLiteral("messagesDock"), tr("Messages"), QKeySequence(Qt::ALT | Qt::Key_8), Place::BottomDock, {},
        {}, viewName(ViewName::Messages) };
}

Pane::Fit MessagesView::canShow(const EntityRef &ref) const
{
    if (ref.id.isEmpty())
        return CannotShow;
    return ref.table == u"messages" ? Shows : CannotShow;
}

void MessagesView::showEntity(const EntityRef &ref)
{
    showMessage(ref.id);
}

bool MessagesView::showView(const QStringList &args, EntityRef *, QString *)
{
    if (args.size() > 1)
        return false;
    if (args.size() == 1)
        showMessage(args.first());
    return true;
}

} // namespace cwi
