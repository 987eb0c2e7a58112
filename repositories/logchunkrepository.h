#pragma once

// agent_log_chunks: the raw stream-json output of every agent session. The table has no foreign
// key, so the logs of a deleted agent are still here (agentName is the snapshot).
// Methods use the calling thread's read connection: call them from a worker.

#include "database.h"
#include "entities.h"

#include <QVector>

#include <functional>
#include <memory>

namespace cwi {

class LogChunkRepository
{
public:
    virtual ~LogChunkRepository() = default;

    // The sessions of one agent, newest (highest sessionNumber) first. Content is not read, so
    // LogSessionInfo::byteCount is -1 (the size is known once a session is read), and firstAt /
    // lastAt are the createdAt of the session's first and last written chunks.
    virtual QVector<LogSessionInfo> sessions(const QString &agentId, QString *error = nullptr) const = 0;
    // Every session in the file, most recently written first.
    virtual QVector<LogSessionInfo> allSessions(QString *error = nullptr) const = 0;
    // The chunks of one session in createdAt, then rowid order; content exactly as stored.
    virtual QVector<LogChunk> chunks(const QString &agentId, qint64 sessionNumber, QString *error = nullptr) const = 0;

    // Gets each chunk as it is read; returning false stops the read (nobody needs the rest).
    using ChunkSink = std::function<bool(LogChunk &)>;
    // The chunks handed so far were not in createdAt order (the server's clock stepped back):
    // drop them; the whole session follows again, sorted.
    using ChunkRestart = std::function<void()>;
    // The same chunks, handed to SINK one at a time as they are read, so a reader can keep one
    // copy of the bytes instead of two, and show the first ones before the last are read.
    // They are read in the agentId index's (rowid) order, which needs no sort and is the
    // createdAt order whenever the server's clock did not step back; if it did, RESTART is called
    // and the session is read again through a sort of its keys only (never of its contents).
    // Returns false (and sets ERROR) when the read fails; a stop by SINK is no failure.
    virtual bool readChunks(const QString &agentId, qint64 sessionNumber, const ChunkSink &sink,
        const ChunkRestart &restart, QString *error = nullptr) const = 0;
    // EXPLAIN QUERY PLAN of readChunks' streamed read, one detail line per step: it must sort
    // nothing (no "TEMP B-TREE"), or SQLite's sorter would copy the session's contents.
    virtual QStringList chunkReadPlan(QString *error = nullptr) const = 0;
    // Follow mode: the chunks that come after (LASTCREATEDAT, LASTROWID) in that order.
    virtual QVector<LogChunk> chunksAfter(const QString &agentId, qint64 sessionNumber, const Timestamp &lastCreatedAt,
        qint64 lastRowid, QString *error = nullptr) const = 0;
};

std::unique_ptr<LogChunkRepository> makeLogChunkRepository(std::shared_ptr<Database> db);

} // namespace cwi
