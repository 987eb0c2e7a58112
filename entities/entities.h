#pragma once

// Plain value structs, one per Codewalkers table. SQL-free: models and views include this.
// Field names are the logical (camelCase) names of ../shared/spec/database.md.

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariant>
#include <QVector>

namespace cwi {

// A timestamp exactly as stored, with its interpretation. Drizzle writes Unix seconds; files
// written by hand may hold milliseconds (any value above 1e11) or ISO text, or NULL.
struct Timestamp
{
    QVariant raw;

    bool isNull() const { return raw.isNull() || !raw.isValid(); }
    QDateTime toDateTime() const;
    static QDateTime interpret(const QVariant &raw);
};

struct Initiative
{
    QString id;
    QString name;
    QString status;
    QString branch;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct Phase
{
    QString id;
    QString initiativeId;
    QString name;
    QString content; // Tiptap JSON
    QString status;
    QString mergeBase;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct Dependency
{
    QString fromId; // phaseId / taskId
    QString dependsOnId; // dependsOnPhaseId / dependsOnTaskId
};

struct Task
{
    QString id;
    QString phaseId;
    QString initiativeId;
    QString parentTaskId;
    QString name;
    QString description;
    QString type;
    QString category;
    QString priority;
    QString status;
    qint64 order = 0;
    QString summary;
    qint64 retryCount = 0;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct Agent
{
    QString id;
    QString name;
    QString taskId;
    QString initiativeId;
    QString sessionId;
    QString worktreeId;
    QString provider;
    QString accountId;
    QString status;
    QString mode;
    QVariant pid; // NULL when not running
    QVariant exitCode;
    QString prompt;
    QString outputFilePath;
    QString result; // JSON
    QString pendingQuestions; // JSON
    Timestamp userDismissedAt;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct Account
{
    QString id;
    QString email;
    QString provider;
    QString configJson;
    QString credentials;
    bool isExhausted = false;
    Timestamp exhaustedUntil;
    Timestamp lastUsedAt;
    qint64 sortOrder = 0;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct Proposal
{
    QString id;
    QString agentId;
    QString initiativeId;
    QString targetType;
    QString targetId;
    QString title;
    QString summary;
    QString content;
    QString metadata; // JSON
    QString status;
    qint64 sortOrder = 0;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct Page
{
    QString id;
    QString initiativeId;
    QString parentPageId;
    QString title;
    QString content; // Tiptap JSON
    qint64 sortOrder = 0;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct Project
{
    QString id;
    QString name;
    QString url;
    QString defaultBranch;
    Timestamp lastFetchedAt;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct Message
{
    QString id;
    QString senderType;
    QString senderId;
    QString recipientType;
    QString recipientId;
    QString type;
    QString content;
    bool requiresResponse = false;
    QString status;
    QString parentMessageId;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct LogChunk
{
    qint64 rowid = 0;
    QString id;
    QString agentId;
    QString agentName;
    qint64 sessionNumber = 0;
    QByteArray content; // raw JSONL bytes, exactly as stored
    Timestamp createdAt;
};

// One (agentId, sessionNumber) of agent_log_chunks, summarised without reading the content.
struct LogSessionInfo
{
    QString agentId;
    QString agentName;
    qint64 sessionNumber = 0;
    qint64 chunkCount = 0;
    qint64 byteCount = 0;
    Timestamp firstAt;
    Timestamp lastAt;
};

struct Conversation
{
    QString id;
    QString fromAgentId;
    QString toAgentId;
    QString initiativeId;
    QString phaseId;
    QString taskId;
    QString question;
    QString answer;
    QString status;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct ChatSession
{
    QString id;
    QString targetType;
    QString targetId;
    QString initiativeId;
    QString agentId;
    QString status;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct ChatMessage
{
    QString id;
    QString chatSessionId;
    QString role;
    QString content;
    QString changeSetId;
    Timestamp createdAt;
};

struct ChangeSet
{
    QString id;
    QString agentId;
    QString initiativeId;
    QString mode;
    QString summary;
    QString status;
    Timestamp createdAt;
};

struct Errand
{
    QString id;
    QString description;
    QString branch;
    QString baseBranch;
    QString agentId;
    QString projectId;
    QString status;
    Timestamp createdAt;
    Timestamp updatedAt;
};

struct ReviewComment
{
    QString id;
    QString phaseId;
    QString filePath;
    qint64 lineNumber = 0;
    QString lineType; // added | removed | context
    QString body;
    QString author;
    bool resolved = false;
    Timestamp createdAt;
    Timestamp updatedAt;
};

// The first part of a long text column, with the full length (so a view can say "truncated").
struct TextPrefix
{
    QString text;
    qint64 totalChars = 0;
    bool found = false;
    bool isCut() const { return totalChars > text.size(); }
};

} // namespace cwi
