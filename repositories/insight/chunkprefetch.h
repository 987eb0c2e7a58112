#pragma once

// Private to cwi_repositories: reads the agent_log_chunks rows above a rowid, batch by batch, on
// a thread of its own with its own read-only connection, at most two batches ahead of the
// indexer. Reading a gigabyte of chunks (page reads, overflow pages, copies) is a third of an
// index pass: it runs on the second core while the previous batch is parsed and written.
//
// The thread belongs to the pass that made the prefetcher (a job of the insight index's job
// tracker): the destructor stops and joins it, within one chunk's read.

#include "insight/insighttypes.h"
#include "insight/sqlite3handle.h"

#include <QString>
#include <QVector>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace cwi {

class ChunkPrefetch
{
public:
    struct Query
    {
        QString path; // the Codewalkers file, opened read-only
        QString chunkSql; // ? = the rowid to read above, ? = how many rows at most
        QString idSql; // ? = a rowid: its chunk's id
        int batchChunks = 20000;
        qint64 batchBytes = qint64(32) * 1024 * 1024;
    };

    // Reads the chunks with a rowid above AFTER until a batch ends at or past END (or the table
    // ends). CANCEL, when given, stops the reading as the pass's own flag does.
    ChunkPrefetch(Query query, qint64 after, qint64 end, const std::atomic_bool *cancel);
    ~ChunkPrefetch();
    ChunkPrefetch(const ChunkPrefetch &) = delete;
    ChunkPrefetch &operator=(const ChunkPrefetch &) = delete;

    bool start(QString *error); // opens the connection and starts the thread
    // Waits for the next batch: an empty one at the end or once stopped. False on a read error.
    bool next(ChunkBatch *out, QString *error);

private:
    void run();
    bool readBatch(qint64 after, ChunkBatch *out);
    bool stopping() const;

    Query m_query;
    qint64 m_after;
    qint64 m_end;
    const std::atomic_bool *m_cancel;
    lite::Connection m_conn;
    lite::Statement m_chunks;
    lite::Statement m_id;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ChunkBatch> m_ready; // guarded by m_mutex
    bool m_finished = false; // guarded by m_mutex: no batch comes after those in m_ready
    QString m_error; // guarded by m_mutex
    std::atomic_bool m_stop = false;
    std::thread m_thread;
};

} // namespace cwi
