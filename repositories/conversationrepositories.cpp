// SQLite adapters of the conversation ports: chat sessions (+ messages, change sets), agent
// messages and inter-agent conversations.

#include "knowledgerepositories.h"
#include "knowledgesql.h"

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

using sql::Row;
using sql::TableAccess;
using sql::whereAll;

ChatSession toChatSession(const Row &r)
{
    return { r.text(u"id"_s), r.text(u"targetType"_s), r.text(u"targetId"_s), r.text(u"initiativeId"_s),
        r.text(u"agentId"_s), r.text(u"status"_s), r.timestamp(u"createdAt"_s), r.timestamp(u"updatedAt"_s) };
}

ChatMessage toChatMessage(const Row &r)
{
    return { r.text(u"id"_s), r.text(u"chatSessionId"_s), r.text(u"role"_s), r.text(u"content"_s),
        r.text(u"changeSetId"_s), r.timestamp(u"createdAt"_s) };
}

ChangeSet toChangeSet(const Row &r)
{
    return { r.text(u"id"_s), r.text(u"agentId"_s), r.text(u"initiativeId"_s), r.text(u"mode"_s), r.text(u"summary"_s),
        r.text(u"status"_s), r.timestamp(u"createdAt"_s) };
}

Message toMessage(const Row &r)
{
    Message m;
    m.id = r.text(u"id"_s);
    m.senderType = r.text(u"senderType"_s);
    m.senderId = r.text(u"senderId"_s);
    m.recipientType = r.text(u"recipientType"_s);
    m.recipientId = r.text(u"recipientId"_s);
    m.type = r.text(u"type"_s);
    m.content = r.text(u"content"_s);
    m.requiresResponse = r.boolean(u"requiresResponse"_s);
    m.status = r.text(u"status"_s);
    m.parentMessageId = r.text(u"parentMessageId"_s);
    m.createdAt = r.timestamp(u"createdAt"_s);
    m.updatedAt = r.timestamp(u"updatedAt"_s);
    return m;
}

Conversation toConversation(const Row &r)
{
    Conversation c;
    c.id = r.text(u"id"_s);
    c.fromAgentId = r.text(u"fromAgentId"_s);
    c.toAgentId = r.text(u"toAgentId"_s);
    c.initiativeId = r.text(u"initiativeId"_s);
    c.phaseId = r.text(u"phaseId"_s);
    c.taskId = r.text(u"taskId"_s);
    c.question = r.text(u"question"_s);
    c.answer = r.text(u"answer"_s);
    c.status = r.text(u"status"_s);
    c.createdAt = r.timestamp(u"createdAt"_s);
    c.updatedAt = r.timestamp(u"updatedAt"_s);
    return c;
}

class SqliteChatSessionRepository : public ChatSessionRepository
{
public:
    explicit SqliteChatSessionRepository(std::shared_ptr<Database> db)
        : m_sessions(db, u"chat_sessions"_s, &toChatSession)
        , m_messages(db, u"chat_messages"_s, &toChatMessage)
        , m_changeSets(db, u"change_sets"_s, &toChangeSet)
    { }
    std::optional<ChatSession> findById(const QString &id) const override { return m_sessions.one(u"id"_s, id); }
    QVector<ChatSession> findAll() const override { return m_sessions.all({ u"-createdAt"_s }); }
    QVector<ChatSession> findByInitiativeId(const QString &initiativeId) const override
    {
        return m_sessions.by(u"initiativeId"_s, initiativeId, { u"-createdAt"_s });
    }
    QVector<ChatSession> findByTarget(const QString &targetType, const QString &targetId) const override
    {
        const auto where = whereAll(m_sessions.info(), { u"targetType"_s, u"targetId"_s });
        return where && m_sessions.available() ? m_sessions.where(*where, { targetType, targetId }, { u"-createdAt"_s })
                                               : QVector<ChatSession>();
    }
    std::optional<ChatSession> findActiveSession(const QString &targetType, const QString &targetId) const override
    {
        const auto where = whereAll(m_sessions.info(), { u"targetType"_s, u"targetId"_s, u"status"_s });
        if (!where || !m_sessions.available())
            return std::nullopt;
        const auto rows = m_sessions.where(*where, { targetType, targetId, u"active"_s }, { u"-createdAt"_s });
        return rows.isEmpty() ? std::nullopt : std::optional<ChatSession>(rows.first());
    }
    std::optional<ChatSession> findActiveSessionByAgentId(const QString &agentId) const override
    {
        const auto where = whereAll(m_sessions.info(), { u"agentId"_s, u"status"_s });
        if (!where || !m_sessions.available())
            return std::nullopt;
        const auto rows = m_sessions.where(*where, { agentId, u"active"_s }, { u"-createdAt"_s });
        return rows.isEmpty() ? std::nullopt : std::optional<ChatSession>(rows.first());
    }
    QVector<ChatMessage> findMessagesBySessionId(const QString &chatSessionId) const override
    {
        return m_messages.by(u"chatSessionId"_s, chatSessionId, { u"createdAt"_s });
    }
    bool hasChangeSets() const override { return m_changeSets.available(); }
    std::optional<ChangeSet> findChangeSetById(const QString &id) const override
    {
        return m_changeSets.one(u"id"_s, id);
    }

private:
    TableAccess<ChatSession> m_sessions;
    TableAccess<ChatMessage> m_messages;
    TableAccess<ChangeSet> m_changeSets;
};

class SqliteMessageRepository : public MessageRepository
{
public:
    explicit SqliteMessageRepository(std::shared_ptr<Database> db)
        : m_db(db)
        , m_rows(db, u"messages"_s, &toMessage)
    { }
    std::optional<Message> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Message> findAll() const override { return m_rows.all({ u"createdAt"_s }); }
    QVector<Message> findPendingForUser() const override
    {
        const auto where = whereAll(m_rows.info(), { u"recipientType"_s, u"status"_s });
        return where && m_rows.available() ? m_rows.where(*where, { u"user"_s, u"pending"_s }, { u"createdAt"_s })
                                           : QVector<Message>();
    }
    QVector<Message> findRequiringResponse() const override
    {
        const auto where = whereAll(m_rows.info(), { u"requiresResponse"_s, u"status"_s });
        return where && m_rows.available() ? m_rows.where(*where, { 1, u"pending"_s }, { u"createdAt"_s })
                                           : QVector<Message>();
    }
    qint64 countRequiringResponse() const override
    {
        const auto where = whereAll(m_rows.info(), { u"requiresResponse"_s, u"status"_s });
        if (!where || !m_rows.available())
            return 0;
        return sql::scalar(m_db->readConnection(),
            u"SELECT COUNT(*) FROM "_s + SchemaMap::quoteIdentifier(m_rows.info()->name) + u' ' + *where,
            { 1, u"pending"_s })
            .toLongLong();
    }
    QVector<Message> findReplies(const QString &parentMessageId) const override
    {
        return m_rows.by(u"parentMessageId"_s, parentMessageId, { u"createdAt"_s });
    }

private:
    std::shared_ptr<Database> m_db;
    TableAccess<Message> m_rows;
};

class SqliteConversationRepository : public ConversationRepository
{
public:
    explicit SqliteConversationRepository(std::shared_ptr<Database> db)
        : m_db(db)
        , m_rows(db, u"conversations"_s, &toConversation)
    { }
    std::optional<Conversation> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Conversation> findAll() const override { return m_rows.all({ u"-createdAt"_s }); }
    QVector<Conversation> findPendingForAgent(const QString &toAgentId) const override
    {
        const auto where = whereAll(m_rows.info(), { u"toAgentId"_s, u"status"_s });
        return where && m_rows.available() ? m_rows.where(*where, { toAgentId, u"pending"_s }, { u"createdAt"_s })
                                           : QVector<Conversation>();
    }
    QVector<Conversation> findByAgentId(const QString &agentId) const override
    {
        const TableInfo *t = m_rows.info();
        if (!m_rows.available() || !t->has(u"fromAgentId"_s) || !t->has(u"toAgentId"_s))
            return {};
        return m_rows.where(
            u"WHERE "_s + t->quoted(u"fromAgentId"_s) + u" = ? OR "_s + t->quoted(u"toAgentId"_s) + u" = ?"_s,
            { agentId, agentId }, { u"-createdAt"_s });
    }
    qint64 countPending() const override
    {
        const auto where = whereAll(m_rows.info(), { u"status"_s });
        if (!where || !m_rows.available())
            return 0;
        return sql::scalar(m_db->readConnection(),
            u"SELECT COUNT(*) FROM "_s + SchemaMap::quoteIdentifier(m_rows.info()->name) + u' ' + *where,
            { u"pending"_s })
            .toLongLong();
    }

private:
    std::shared_ptr<Database> m_db;
    TableAccess<Conversation> m_rows;
};

} // namespace

std::unique_ptr<ChatSessionRepository> makeChatSessionRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteChatSessionRepository>(std::move(db));
}

std::unique_ptr<MessageRepository> makeMessageRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteMessageRepository>(std::move(db));
}

std::unique_ptr<ConversationRepository> makeConversationRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteConversationRepository>(std::move(db));
}

} // namespace cwi
