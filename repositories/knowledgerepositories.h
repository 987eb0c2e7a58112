#pragma once

// Repository ports for the knowledge and conversation tables (pages, proposals, chat sessions
// and messages, change sets, agent messages, inter-agent conversations) with SQLite adapters.
// Read methods of database.md's "Repository Interfaces" table plus what the views need.
// Every method uses the calling thread's read connection, so adapters work from workers.
// A table or field the file lacks (older schema) reads as nothing, never as an error.

#include "database.h"
#include "entities.h"

#include <memory>
#include <optional>

namespace cwi {

class PageRepository
{
public:
    virtual ~PageRepository() = default;
    virtual std::optional<Page> findById(const QString &id) const = 0;
    // Every page of an initiative, by sortOrder; content is left empty (see contentPrefix).
    virtual QVector<Page> findOutlineByInitiativeId(const QString &initiativeId) const = 0;
    virtual std::optional<Page> findRootPage(const QString &initiativeId) const = 0;
    virtual QVector<Page> findByParentPageId(const QString &parentPageId) const = 0;
    // Pages whose title or content contains TEXT (case-insensitive for ASCII), outline only.
    // An empty initiativeId searches every initiative.
    virtual QVector<Page> search(const QString &initiativeId, const QString &text) const = 0;
    virtual TextPrefix contentPrefix(const QString &id, qint64 maxChars) const = 0;
};

class ProposalRepository
{
public:
    virtual ~ProposalRepository() = default;
    virtual std::optional<Proposal> findById(const QString &id) const = 0;
    virtual QVector<Proposal> findAll() const = 0;
    virtual QVector<Proposal> findByInitiativeId(const QString &initiativeId) const = 0;
    virtual QVector<Proposal> findByAgentId(const QString &agentId) const = 0;
    virtual QVector<Proposal> findByAgentIdAndStatus(const QString &agentId, const QString &status) const = 0;
    virtual qint64 countByAgentIdAndStatus(const QString &agentId, const QString &status) const = 0;
};

class ChatSessionRepository
{
public:
    virtual ~ChatSessionRepository() = default;
    virtual std::optional<ChatSession> findById(const QString &id) const = 0;
    virtual QVector<ChatSession> findAll() const = 0;
    virtual QVector<ChatSession> findByInitiativeId(const QString &initiativeId) const = 0;
    virtual QVector<ChatSession> findByTarget(const QString &targetType, const QString &targetId) const = 0;
    virtual std::optional<ChatSession> findActiveSession(const QString &targetType, const QString &targetId) const = 0;
    virtual std::optional<ChatSession> findActiveSessionByAgentId(const QString &agentId) const = 0;
    virtual QVector<ChatMessage> findMessagesBySessionId(const QString &chatSessionId) const = 0;
    // change_sets is optional in real files: false when the table is missing.
    virtual bool hasChangeSets() const = 0;
    virtual std::optional<ChangeSet> findChangeSetById(const QString &id) const = 0;
};

class MessageRepository
{
public:
    virtual ~MessageRepository() = default;
    virtual std::optional<Message> findById(const QString &id) const = 0;
    virtual QVector<Message> findAll() const = 0; // oldest first
    virtual QVector<Message> findPendingForUser() const = 0;
    // requiresResponse set and status still 'pending'.
    virtual QVector<Message> findRequiringResponse() const = 0;
    virtual qint64 countRequiringResponse() const = 0;
    virtual QVector<Message> findReplies(const QString &parentMessageId) const = 0;
};

class ConversationRepository
{
public:
    virtual ~ConversationRepository() = default;
    virtual std::optional<Conversation> findById(const QString &id) const = 0;
    virtual QVector<Conversation> findAll() const = 0; // newest first
    virtual QVector<Conversation> findPendingForAgent(const QString &toAgentId) const = 0;
    virtual QVector<Conversation> findByAgentId(const QString &agentId) const = 0; // from or to
    virtual qint64 countPending() const = 0;
};

std::unique_ptr<PageRepository> makePageRepository(std::shared_ptr<Database> db);
std::unique_ptr<ProposalRepository> makeProposalRepository(std::shared_ptr<Database> db);
std::unique_ptr<ChatSessionRepository> makeChatSessionRepository(std::shared_ptr<Database> db);
std::unique_ptr<MessageRepository> makeMessageRepository(std::shared_ptr<Database> db);
std::unique_ptr<ConversationRepository> makeConversationRepository(std::shared_ptr<Database> db);

} // namespace cwi
