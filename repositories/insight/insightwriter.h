#pragma once

// Writes the insight index: a sidecar SQLite file per Codewalkers file, in the user's cache
// folder (never the Codewalkers file itself), named after the file's identity (device, inode,
// birth time), so a file replaced under the same name gets a fresh index. The indexer (models/)
// parses; this class reads chunks in rowid order from the Codewalkers file (read-only) and
// writes what it is handed, in big transactions with prepared statements.
//
// Two passes, each with its own watermark: "facts" (sessions, messages, tool calls) and "text"
// (the FTS5 full-text index, slower to build). Each remembers per session the bytes of its
// unfinished last line, so a restart reads nothing it already indexed. Use from one thread.

#include "insight/insighttypes.h"

#include <QHash>

#include <memory>

namespace cwi {

class ChunkPrefetch;
class Database;

QString insightCacheFolder(); // <CacheLocation>/insight
// The sidecar of the Codewalkers file at PATH (an empty string when the file cannot be stat'ed).
QString insightSidecarPath(const QString &databasePath);

class InsightWriter : public InsightPasses // Pass, FactsPass, TextPass
{
public:
    explicit InsightWriter(std::shared_ptr<Database> db);
    ~InsightWriter();

    // Opens the Codewalkers file read-only and the sidecar read-write; creates the sidecar, or
    // deletes and recreates it when it was made for another file or another version, or the
    // chunks it indexed are no longer there.
    bool open(QString *error);
    QString sidecarPath() const { return m_sidecarPath; }
    bool rebuilt() const { return m_rebuilt; } // open() found a stale index and started over

    // agents / initiatives / tasks: a copy of their names and links, refreshed every run.
    bool refreshNames(QString *error);

    qint64 watermark(Pass pass) const { return m_watermark[pass]; }
    qint64 maxSourceRowid(QString *error);
    // Starts reading the chunks with a rowid above AFTER, up to END, ahead of the caller on a
    // thread of its own (ChunkPrefetch); CANCEL stops it. nextBatch() hands them over in rowid
    // order, an empty batch at the end.
    bool startReading(qint64 after, qint64 end, const std::atomic_bool *cancel, QString *error);
    bool nextBatch(ChunkBatch *out, QString *error);

    // The cursor of CHUNK's session for PASS (the session row is created on first sight).
    SessionCursor &cursor(Pass pass, const IndexChunk &chunk);

    // Facts pass.
    void touchSession(qint64 session, qint64 atMs, qint64 bytes);
    void setModel(qint64 session, const QString &model);
    void addMessage(qint64 session, const IndexedMessage &message); // ignored when message.id was seen
    // MESSAGEID is the last message added to SESSION: a line of the same API message, nothing to add.
    bool isLastMessage(qint64 session, const QString &messageId) const
    {
        return m_lastMessage.value(session) == messageId;
    }
    void addToolCall(qint64 session, const IndexedToolCall &call);
    void markToolError(qint64 session, const QString &toolUseId);
    void setResult(qint64 session, const IndexedResult &result);
    // Text pass.
    void addText(qint64 session, const IndexedText &text);

    // One transaction per batch: begin(), the calls above, commit() with the batch read.
    bool begin(QString *error);
    bool commit(Pass pass, const ChunkBatch &batch, QString *error);
    void rollback();
    // After the last batch of a pass that was not cancelled: stops the reader and, after the
    // facts pass, makes the tool calls' indexes when the table was filled without them.
    bool finish(Pass pass, QString *error);

private:
    struct SessionTotals
    {
        TokenCounts tokens;
        double costUsd = 0;
        qint64 messages = 0;
        qint64 toolCalls = 0;
        qint64 toolErrors = 0;
        qint64 startMs = 0;
        qint64 endMs = 0;
        qint64 bytes = 0;
        QString model;
    };
    struct Statements;

    bool createSchema(QString *error);
    bool isStale(QString *reason);
    bool openSidecar(QString *error);
    qint64 sessionKey(const IndexChunk &chunk);
    bool flush(Pass pass, QString *error);
    void rememberCall(const QString &toolUseId, qint64 rowid);

    std::shared_ptr<Database> m_db;
    QString m_sidecarPath;
    QString m_identity;
    bool m_rebuilt = false;
    struct Connections;
    std::unique_ptr<Connections> m_conn;
    std::unique_ptr<Statements> m_st;
    qint64 m_watermark[2] = { 0, 0 };
    QHash<QPair<QString, qint64>, qint64> m_sessionKeys;
    QHash<qint64, SessionCursor> m_cursors[2];
    QHash<qint64, SessionTotals> m_totals;
    QHash<qint64, QString> m_lastMessage; // session -> the message.id added last
    QHash<QString, qint64> m_recentCalls[2]; // tool_use_id -> tool_calls rowid: the newest calls, the ones before
    QString m_chunkSql; // ChunkPrefetch's queries
    QString m_idSql;
    std::unique_ptr<ChunkPrefetch> m_reader;
};

} // namespace cwi
