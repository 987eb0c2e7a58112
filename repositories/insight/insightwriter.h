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

class Database;

QString insightCacheFolder(); // <CacheLocation>/insight
// The sidecar of the Codewalkers file at PATH (an empty string when the file cannot be stat'ed).
QString insightSidecarPath(const QString &databasePath);

class InsightWriter
{
public:
    enum Pass
    {
        FactsPass,
        TextPass,
    };

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
    // Up to LIMIT chunks with a rowid above AFTER, or the chunks of at most MAXBYTES bytes.
    bool readChunks(qint64 after, int limit, qint64 maxBytes, QVector<IndexChunk> *out, QString *error);

    // The cursor of CHUNK's session for PASS (the session row is created on first sight).
    SessionCursor &cursor(Pass pass, const IndexChunk &chunk);

    // Facts pass.
    void touchSession(qint64 session, qint64 atMs, qint64 bytes);
    void setModel(qint64 session, const QString &model);
    void addMessage(qint64 session, const IndexedMessage &message); // ignored when message.id was seen
    void addToolCall(qint64 session, const IndexedToolCall &call);
    void markToolError(qint64 session, const QString &toolUseId);
    void setResult(qint64 session, const IndexedResult &result);
    // Text pass.
    void addText(qint64 session, const IndexedText &text);

    // One transaction per batch: begin(), the calls above, commit() with the batch's last rowid.
    bool begin(QString *error);
    bool commit(Pass pass, qint64 lastRowid, QString *error);
    void rollback();

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
    QHash<QString, qint64> m_batchCalls; // tool_use_id -> tool_calls rowid, for this batch only
    QString m_chunkSql;
};

} // namespace cwi
