#include "insight/chunkprefetch.h"

#include "entities.h"

#include <QDateTime>
#include <QVariant>

namespace cwi {

namespace {

constexpr qint64 kMillisecondsThreshold = 100000000000LL;
constexpr std::size_t kBatchesAhead = 2;
constexpr int kStopCheckEvery = 256; // chunks read between two looks at the stop flags

qint64 toMs(const lite::Statement &st, int column)
{
    switch (st.type(column)) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT: {
        const qint64 v = st.integer(column);
        return v > kMillisecondsThreshold || v < -kMillisecondsThreshold ? v : v * 1000;
    }
    case SQLITE_TEXT: {
        const QDateTime t = Timestamp::interpret(QVariant(st.text(column)));
        return t.isValid() ? t.toMSecsSinceEpoch() : 0;
    }
    default:
        return 0;
    }
}

} // namespace

ChunkPrefetch::ChunkPrefetch(Query query, qint64 after, qint64 end, const std::atomic_bool *cancel)
    : m_query(std::move(query))
    , m_after(after)
    , m_end(end)
    , m_cancel(cancel)
{ }

ChunkPrefetch::~ChunkPrefetch()
{
    m_stop = true;
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_chunks = {}; // statements before their connection
    m_id = {};
}

bool ChunkPrefetch::start(QString *error)
{
    if (!m_conn.open(m_query.path, false, error))
        return false;
    m_chunks = m_conn.prepare(m_query.chunkSql, error);
    m_id = m_conn.prepare(m_query.idSql, error);
    if (!m_chunks.isValid() || !m_id.isValid())
        return false;
    m_thread = std::thread([this] { run(); });
    return true;
}

bool ChunkPrefetch::stopping() const
{
    return m_stop.load(std::memory_order_relaxed) || (m_cancel && m_cancel->load(std::memory_order_relaxed));
}

bool ChunkPrefetch::next(ChunkBatch *out, QString *error)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_finished || stopping(); });
    if (!m_ready.empty()) {
        *out = std::move(m_ready.front());
        m_ready.pop_front();
        lock.unlock();
        m_changed.notify_all(); // room for the reader
        return true;
    }
    *out = {};
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    return true; // the end, or stopped
}

void ChunkPrefetch::run()
{
    qint64 after = m_after;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_ready.size() < kBatchesAhead || stopping(); });
        }
        if (stopping())
            break;
        ChunkBatch batch;
        const bool ok = readBatch(after, &batch);
        std::lock_guard lock(m_mutex);
        if (!ok) {
            m_error = m_conn.errorMessage();
            break;
        }
        if (batch.chunks.isEmpty() || stopping())
            break;
        after = batch.chunks.constLast().rowid;
        m_ready.push_back(std::move(batch));
        m_changed.notify_all();
        if (after >= m_end)
            break;
    }
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_changed.notify_all();
}

bool ChunkPrefetch::readBatch(qint64 after, ChunkBatch *out)
{
    lite::Statement &st = m_chunks;
    st.bind(1, after).bind(2, qint64(m_query.batchChunks));
    qint64 bytes = 0;
    int sinceCheck = 0;
    while (bytes < m_query.batchBytes && st.step()) {
        IndexChunk c;
        c.rowid = st.integer(0);
        c.agentId = st.text(1);
        c.agentName = st.text(2);
        c.sessionNumber = st.integer(3);
        c.content = st.blob(4);
        c.createdMs = toMs(st, 5);
        bytes += c.content.size();
        out->chunks.append(std::move(c));
        if (++sinceCheck == kStopCheckEvery) {
            sinceCheck = 0;
            if (stopping())
                break;
        }
    }
    const int rc = sqlite3_errcode(m_conn.get());
    st.reset();
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        return false;
    if (!out->chunks.isEmpty()) {
        m_id.bind(1, out->chunks.constLast().rowid);
        out->lastChunkId = m_id.step() ? m_id.text(0) : QString();
        m_id.reset();
    }
    return true;
}

} // namespace cwi
