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

    // The sessions of one agent, newest (highest sessionNumber) first. Content is not read.
    virtual QVector<LogSessionInfo> sessions(const QString &agentId, QString *error = nullptr) const = 0;
    // Every session in the file, most recently written first.
    virtual QVector<LogSessionInfo> allSessions(QString *error = nullptr) const = 0;
    // The chunks of one session in createdAt, then rowid order; content exactly as stored.
    virtual QVector<LogChunk> chunks(const QString &agentId, qint64 sessionNumber, QString *error = nullptr) const = 0;
    // The same chunks, handed to SINK one at a time as they are read, so a reader can keep one
    // copy of the bytes instead of two. Returns false (and sets ERROR) when the read fails.
    virtual bool readChunks(const QString &agentId, qint64 sessionNumber, const std::function<void(LogChunk &)> &sink,
        QString *error = nullptr) const = 0;
    // Follow mode: the chunks that come after (LASTCREATEDAT, LASTROWID) in that order.
    virtual QVector<LogChunk> chunksAfter(const QString &agentId, qint64 sessionNumber, const Timestamp &lastCreatedAt,
        qint64 lastRowid, QString *error = nullptr) const = 0;
};

std::unique_ptr<LogChunkRepository> makeLogChunkRepository(std::shared_ptr<Database> db);

} // namespace cwi
