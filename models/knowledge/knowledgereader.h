#pragma once

// The knowledge views' reads (pages, proposals, chat sessions, agent messages, conversations),
// for their jobs: one reader over the open file, made on the worker thread, each call on that
// thread's read connection. A table or field the file lacks reads as nothing.

#include "entities.h"

#include <QHash>

#include <memory>
#include <optional>

namespace cwi {

class Database;

// A chat session's messages with the change sets they applied.
struct ChatTranscript
{
    QVector<ChatMessage> messages;
    QHash<QString, ChangeSet> changeSets;
    bool changeSetsAvailable = false; // change_sets is optional in real files
};

class KnowledgeReader
{
public:
    explicit KnowledgeReader(std::shared_ptr<Database> database)
        : m_database(std::move(database))
    { }

    QVector<Initiative> initiatives() const;

    std::optional<Page> page(const QString &id) const;
    // Every page of an initiative, by sortOrder; content left empty (see pageContent).
    QVector<Page> pageOutline(const QString &initiativeId) const;
    TextPrefix pageContent(const QString &id, qint64 maxChars) const;
    // Pages whose title or text (not the document's JSON) contains TEXT; outline only. An
    // empty INITIATIVEID searches every initiative.
    QVector<Page> searchPages(const QString &initiativeId, const QString &text) const;

    std::optional<Proposal> proposal(const QString &id) const;
    // Of INITIATIVEID if given, else of AGENTID if given, else all.
    QVector<Proposal> proposals(const QString &initiativeId, const QString &agentId) const;

    std::optional<ChatSession> chatSession(const QString &id) const;
    // Of the target (TARGETTYPE "phase" or "task") if TARGETID is given, else of INITIATIVEID if
    // given, else all.
    QVector<ChatSession> chatSessions(
        const QString &targetType, const QString &targetId, const QString &initiativeId) const;
    ChatTranscript chatTranscript(const QString &sessionId) const;

    QVector<Message> messages() const; // oldest first
    QVector<Conversation> conversations() const; // newest first

private:
    std::shared_ptr<Database> m_database;
};

} // namespace cwi
