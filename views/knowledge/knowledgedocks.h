#pragma once

// The five knowledge docks' contents, created together, and the routing of a navigation
// request to the one that shows that table. The main window puts each widget in a dock
// (objectName is set: PagesView, ProposalsView, ChatView, MessagesView, ConversationsView).

#include "appcontext.h"

#include <QList>

class QWidget;

namespace cwi {

class ChatView;
class ConversationsView;
class MessagesView;
class PagesView;
class ProposalsView;

struct KnowledgeDocks
{
    PagesView *pages = nullptr;
    ProposalsView *proposals = nullptr;
    ChatView *chat = nullptr;
    MessagesView *messages = nullptr;
    ConversationsView *conversations = nullptr;

    static KnowledgeDocks create(AppContext *ctx, QWidget *parent);
    QList<QWidget *> widgets() const;
    static QString title(const QWidget *view); // "Pages", "Proposals", ...

    // Shows a row of pages, proposals, chat_sessions, messages or conversations in its view and
    // returns that view (raise its dock); nullptr for any other table.
    QWidget *show(const EntityRef &ref) const;
    // What a phase, task, initiative or agent has here: its chat sessions (phase / task), its
    // pages (initiative), its proposals (agent). nullptr when there is nothing to show.
    QWidget *showRelated(const EntityRef &ref) const;
};

} // namespace cwi
