#pragma once

// Rich-text documents for the knowledge views' reading panes: a chat session as a conversation,
// a proposal, an inter-agent conversation, an agent message. Pure functions of value structs.
// Links to other rows use the internal scheme "cwi://<table>/<id>" (see parseEntityLink);
// everything from the database goes through the safe renderers or is escaped.

#include "entities.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QUrl>

namespace cwi {

struct EntityLinkTarget
{
    QString table;
    QString id;
    bool isValid() const { return !table.isEmpty() && !id.isEmpty(); }
};

// <a href="cwi://table/id">label</a>, label escaped.
QString entityLinkHtml(const QString &table, const QString &id, const QString &label);
// The table and id of an internal link; invalid for any other URL.
EntityLinkTarget parseEntityLink(const QUrl &url);

// NAMES maps ids (agents, tasks, phases, initiatives) to display names for links.
using NameMap = QHash<QString, QString>;

QString chatSessionHtml(const ChatSession &session, const QVector<ChatMessage> &messages,
    const QHash<QString, ChangeSet> &changeSets, bool changeSetsAvailable, const NameMap &names);
QString proposalHtml(const Proposal &proposal, const NameMap &names);
QString conversationHtml(const Conversation &conversation, const NameMap &names, const QDateTime &nowUtc);
QString messageHtml(const Message &message, const QString &from, const QString &to, const QString &fromAgentId,
    const QString &toAgentId);

} // namespace cwi
