#pragma once

// Line boundaries over the joined bytes of one agent session (agent_log_chunks.content of one
// agentId + sessionNumber, in createdAt then rowid order). The bytes are kept once; lines are
// found with memchr, so indexing runs at memory speed and appending a chunk costs time
// proportional to the chunk. A line may be cut across chunks: the bytes after the last '\n'
// are the partial tail, completed by a later append.

#include <QByteArray>
#include <QByteArrayView>
#include <QVector>

namespace cwi {

class LineIndex
{
public:
    // Appends the bytes of one chunk and indexes the lines it completes. The buffer grows by a
    // quarter (not Qt's doubling through a fresh copy, which held the old 64 MB and the new
    // 128 MB of a 100 MB session at once), in place where the allocator can (mremap).
    void append(const QByteArray &chunk);
    void clear();
    void reserve(qsizetype bytes) { m_bytes.reserve(bytes); }
    // What the index holds in memory: the bytes' buffer and the offsets' arrays, by capacity.
    qsizetype heldBytes() const;

    // Complete lines (terminated by '\n'), plus the partial tail when there is one.
    qsizetype lineCount() const { return m_starts.size() - 1 + (hasPartialTail() ? 1 : 0); }
    qsizetype completeLineCount() const { return m_starts.size() - 1; }
    bool hasPartialTail() const { return m_starts.constLast() < m_bytes.size(); }
    bool isPartial(qsizetype line) const { return line == completeLineCount() && hasPartialTail(); }

    // The bytes of LINE without its '\n' (and without a trailing '\r').
    QByteArrayView line(qsizetype line) const;
    qsizetype lineStart(qsizetype line) const { return m_starts.at(line); }
    // The line that holds byte OFFSET.
    qsizetype lineAt(qsizetype offset) const;

    const QByteArray &bytes() const { return m_bytes; }
    qsizetype byteCount() const { return m_bytes.size(); }

    // Byte offsets where each chunk began (the first is 0), for raw mode.
    const QVector<qsizetype> &chunkStarts() const { return m_chunkStarts; }
    int chunkCount() const { return int(m_chunkStarts.size()); }
    // Chunk boundaries strictly inside LINE (offsets relative to the line start).
    QVector<qsizetype> chunkBoundariesIn(qsizetype line) const;
    // True when LINE begins exactly at a chunk start.
    bool startsChunk(qsizetype line) const;

private:
    QByteArray m_bytes;
    QVector<qsizetype> m_starts { 0 }; // start of every complete line, plus the start of the tail
    QVector<qsizetype> m_chunkStarts;
};

} // namespace cwi
