#include "lineindex.h"

#include <algorithm>
#include <cstring>

namespace cwi {

void LineIndex::append(const QByteArray &chunk)
{
    if (chunk.isEmpty())
        return;
    const qsizetype from = m_bytes.size();
    m_chunkStarts.append(from);
    if (m_bytes.isEmpty() && m_bytes.capacity() == 0 && chunk.capacity() > 0) { // not fromRawData
        m_bytes = chunk; // implicitly shared: no copy until the next append
    } else {
        const qsizetype needed = from + chunk.size();
        if (needed > m_bytes.capacity() || !m_bytes.isDetached())
            m_bytes.reserve(std::max(needed, from + from / 4)); // realloc: no second buffer
        m_bytes.append(chunk);
    }

    const char *base = m_bytes.constData();
    const char *p = base + from;
    const char *end = base + m_bytes.size();
    // m_starts.constLast() is the start of the tail; each '\n' completes it.
    while (p < end) {
        const void *nl = std::memchr(p, '\n', size_t(end - p));
        if (!nl)
            break;
        p = static_cast<const char *>(nl) + 1;
        m_starts.append(p - base);
    }
}

qsizetype LineIndex::heldBytes() const
{
    return m_bytes.capacity() + (m_starts.capacity() + m_chunkStarts.capacity()) * qsizetype(sizeof(qsizetype));
}

void LineIndex::clear()
{
    m_bytes.clear();
    m_starts = { 0 };
    m_chunkStarts.clear();
}

QByteArrayView LineIndex::line(qsizetype line) const
{
    Q_ASSERT(line >= 0 && line < lineCount());
    const qsizetype start = m_starts.at(line);
    qsizetype end = line + 1 < m_starts.size() ? m_starts.at(line + 1) - 1 : m_bytes.size();
    if (line + 1 < m_starts.size() && end > start && m_bytes.at(end - 1) == '\r')
        --end;
    return QByteArrayView(m_bytes.constData() + start, end - start);
}

qsizetype LineIndex::lineAt(qsizetype offset) const
{
    auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
    const qsizetype line = qsizetype(it - m_starts.cbegin()) - 1;
    return std::clamp<qsizetype>(line, 0, std::max<qsizetype>(0, lineCount() - 1));
}

QVector<qsizetype> LineIndex::chunkBoundariesIn(qsizetype line) const
{
    QVector<qsizetype> out;
    const qsizetype start = m_starts.at(line);
    const qsizetype end = line + 1 < m_starts.size() ? m_starts.at(line + 1) : m_bytes.size();
    auto it = std::upper_bound(m_chunkStarts.cbegin(), m_chunkStarts.cend(), start);
    for (; it != m_chunkStarts.cend() && *it < end; ++it)
        out.append(*it - start);
    return out;
}

bool LineIndex::startsChunk(qsizetype line) const
{
    const qsizetype start = m_starts.at(line);
    return std::binary_search(m_chunkStarts.cbegin(), m_chunkStarts.cend(), start);
}

} // namespace cwi
