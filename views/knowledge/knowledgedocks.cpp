#include "knowledgedocks.h"

#include "chatview.h"
#include "conversationsview.h"
#include "messagesview.h"
#include "pagesview.h"
#include "proposalsview.h"

using namespace Qt::StringLiterals;

namespace cwi {

KnowledgeDocks KnowledgeDocks::create(AppContext *ctx, QWidget *parent)
{
    KnowledgeDocks docks;
    docks.pages = new PagesView(ctx, parent);
    docks.proposals = new ProposalsView(ctx, parent);
    docks.chat = new ChatView(ctx, parent);
    docks.messages = new MessagesView(ctx, parent);
    docks.conversations = new ConversationsView(ctx, parent);
    return docks;
}

QList<QWidget *> KnowledgeDocks::widgets() const
{
    return { pages, proposals, chat, messages, conversations };
}

QString KnowledgeDocks::title(const QWidget *view)
{
    static const QHash<QString, QString> titles { { u"PagesView"_s, u"Pages"_s },
        { u"ProposalsView"_s, u"Proposals"_s }, { u"ChatView"_s, u"Chat sessions"_s },
        { u"MessagesView"_s, u"Messages"_s }, { u"ConversationsView"_s, u"Conversations"_s } };
    return view ? titles.value(view->objectName(), view->objectName()) : QString();
}

QWidget *KnowledgeDocks::show(const EntityRef &ref) const
{
    if (ref.table == "pages"_L1) {
        if (!ref.id.isEmpty())
            pages->showPage(ref.id);
        return pages;
    }
    if (ref.table == "proposals"_L1) {
        if (!ref.id.isEmpty())
            proposals->showProposal(ref.id);
        return proposals;
    }
    if (ref.table == "chat_sessions"_L1 || ref.table == "chat_messages"_L1) {
        if (ref.table == "chat_sessions"_L1 && !ref.id.isEmpty())
            chat->showSession(ref.id);
        return chat;
    }
    if (ref.table == "messages"_L1) {
        if (!ref.id.isEmpty())
            messages->showMessage(ref.id);
        return messages;
    }
    if (ref.table == "conversations"_L1) {
        if (!ref.id.isEmpty())
            conversations->showConversation(ref.id);
        return conversations;
    }
    return nullptr;
}

QWidget *KnowledgeDocks::showRelated(const EntityRef &ref) const
{
    if (ref.id.isEmpty())
        return nullptr;
    if (ref.table == "tasks"_L1 || ref.table == "phases"_L1) {
        chat->showTarget(ref.table == "tasks"_L1 ? u"task"_s : u"phase"_s, ref.id);
        return chat;
    }
    if (ref.table == "initiatives"_L1) {
        pages->showInitiative(ref.id);
        return pages;
    }
    if (ref.table == "agents"_L1) {
        proposals->showAgent(ref.id);
        return proposals;
    }
    return nullptr;
}

} // namespace cwi
