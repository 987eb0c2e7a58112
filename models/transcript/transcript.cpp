#include "transcript.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

// True when the quote at POS is escaped, i.e. inside a JSON string.
bool isEscaped(const char *base, qsizetype pos)
{
    qsizetype backslashes = 0;
    while (pos - backslashes > 0 && base[pos - backslashes - 1] == '\\')
        ++backslashes;
    return backslashes % 2 == 1;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// After a key ending at END (just past its closing quote): `: "value"`. Returns the value's
// bytes (still JSON-escaped; ids never need unescaping) or an empty view (null, not a string).
QByteArrayView stringValueAfterKey(QByteArrayView line, qsizetype end)
{
    const char *b = line.data();
    const qsizetype n = line.size();
    qsizetype p = end;
    while (p < n && isSpace(b[p]))
        ++p;
    if (p >= n || b[p] != ':')
        return {};
    ++p;
    while (p < n && isSpace(b[p]))
        ++p;
    if (p >= n || b[p] != '"')
        return {};
    const qsizetype start = ++p;
    while (p < n && b[p] != '"')
        p += b[p] == '\\' ? 2 : 1;
    if (p >= n)
        return {};
    return line.sliced(start, p - start);
}

bool hasAt(QByteArrayView line, qsizetype pos, const char *literal)
{
    const qsizetype len = qsizetype(std::strlen(literal));
    return pos >= 0 && pos + len <= line.size() && std::memcmp(line.data() + pos, literal, size_t(len)) == 0;
}

// The ids of the tool_use objects in LINE, whatever the key order: a lexical pass that tracks
// objects (not a parse), run only on lines that hold a "tool_use" type value.
void collectCallIds(QByteArrayView line, QVector<QByteArray> &out)
{
    struct Frame
    {
        QByteArrayView id;
        bool isCall = false;
    };
    QVarLengthArray<Frame, 8> frames;
    const char *b = line.data();
    const qsizetype n = line.size();
    QByteArrayView pendingKey; // the key whose value comes next
    for (qsizetype p = 0; p < n; ++p) {
        const char c = b[p];
        if (c == '{') {
            frames.append({});
            pendingKey = {};
        } else if (c == '}') {
            if (!frames.isEmpty()) {
                const Frame f = frames.last();
                frames.removeLast();
                if (f.isCall && !f.id.isEmpty())
                    out.append(f.id.toByteArray());
            }
            pendingKey = {};
        } else if (c == '"') {
            qsizetype end = p + 1;
            for (;;) { // memchr to the closing quote: long strings (file contents) are skipped fast
                const void *quote = std::memchr(b + end, '"', size_t(n - end));
                if (!quote)
                    return;
                end = static_cast<const char *>(quote) - b;
                if (!isEscaped(b, end))
                    break;
                ++end;
            }
            const QByteArrayView text = line.sliced(p + 1, end - p - 1);
            qsizetype q = end + 1;
            while (q < n && isSpace(b[q]))
                ++q;
            if (q < n && b[q] == ':') {
                pendingKey = text;
                p = q;
                continue;
            }
            if (!frames.isEmpty() && !pendingKey.isEmpty()) {
                if (pendingKey == "id")
                    frames.last().id = text;
                else if (pendingKey == "type" && (text == "tool_use" || text == "server_tool_use"))
                    frames.last().isCall = true;
            }
            pendingKey = {};
            p = end;
        } else if (c == ',' || c == '[') {
            pendingKey = {};
        }
    }
}

} // namespace

Transcript::Transcript(int cacheCapacity)
    : m_cache(std::make_unique<EventCache>(std::max(16, cacheCapacity)))
{ }

void Transcript::reserve(qsizetype bytes)
{
    m_index.reserve(bytes);
}

void Transcript::appendBytes(const QByteArray &chunk)
{
    if (m_index.hasPartialTail())
        m_cache->remove(tailLine()); // the tail grows: its parse is stale
    m_index.append(chunk);
}

void Transcript::append(const QByteArray &chunk)
{
    appendBytes(chunk);
    outlineAll();
}

void Transcript::outlineAll()
{
    const qsizetype remaining = m_index.completeLineCount() - outlinedCount();
    if (remaining > 1024) {
        m_parent.reserve(m_index.completeLineCount());
        m_position.reserve(m_index.completeLineCount());
        m_calls.reserve(m_calls.size() + remaining / 2); // about one call every two lines
    }
    while (outlinedCount() < m_index.completeLineCount())
        outlineNext();
}

Transcript::Scan Transcript::scanLine(QByteArrayView line)
{
    Scan scan;
    const char *b = line.data();
    const qsizetype n = line.size();
    scan.blank = std::all_of(b, b + n, isSpace);
    if (scan.blank)
        return scan;

    // One pass for "tool_use": it finds "parent_tool_use_id", "tool_use_id" keys and the
    // "tool_use" / "server_tool_use" type values.
    QVarLengthArray<qsizetype, 4> callAt;
    static constexpr char needle[] = "tool_use";
    static constexpr qsizetype needleLen = sizeof(needle) - 1;
    qsizetype from = 0;
    while (from < n) {
        const void *hit = ::memmem(b + from, size_t(n - from), needle, needleLen);
        if (!hit)
            break;
        const qsizetype h = static_cast<const char *>(hit) - b;
        from = h + needleLen;
        const bool idKey = hasAt(line, h + needleLen, "_id\"");
        if (idKey && hasAt(line, h - 8, "\"parent_") && !isEscaped(b, h - 8)) {
            if (scan.parentToolUseId.isEmpty())
                scan.parentToolUseId = stringValueAfterKey(line, h + needleLen + 4).toByteArray();
        } else if (idKey && hasAt(line, h - 1, "\"") && !isEscaped(b, h - 1)) {
            const QByteArrayView id = stringValueAfterKey(line, h + needleLen + 4);
            if (!id.isEmpty())
                scan.resultIds.append(id.toByteArray());
        } else if (hasAt(line, h + needleLen, "\"")
            && ((hasAt(line, h - 1, "\"") && !isEscaped(b, h - 1))
                || (hasAt(line, h - 8, "\"server_") && !isEscaped(b, h - 8)))) {
            callAt.append(h + needleLen);
        }
    }
    if (!callAt.isEmpty())
        collectCallIds(line, scan.callIds);
    return scan;
}

Transcript::Placement Transcript::place(const Scan &scan) const
{
    Placement placement;
    if (scan.blank) {
        placement.parent = Hidden;
        return placement;
    }
    // A result goes under its call; a sub-agent line under the Task call that started it.
    for (const QByteArray &id : scan.resultIds) {
        const int call = m_calls.value(id).callLine;
        if (call >= 0) {
            placement.parent = call;
            break;
        }
    }
    if (placement.parent == NoParent && !scan.parentToolUseId.isEmpty())
        placement.parent = m_calls.value(scan.parentToolUseId, Call { NoParent, -1 }).callLine;
    placement.position = int(placement.parent == NoParent ? m_topLevel.size() : childLines(placement.parent).size());
    return placement;
}

Transcript::Placement Transcript::placementOfNext() const
{
    Q_ASSERT(outlinedCount() < m_index.completeLineCount());
    m_scannedLine = outlinedCount();
    m_scanned = scanLine(m_index.line(m_scannedLine));
    return place(m_scanned);
}

void Transcript::outlineNext()
{
    const int line = outlinedCount();
    Q_ASSERT(line < m_index.completeLineCount());
    const Scan scan = line == m_scannedLine ? std::move(m_scanned) : scanLine(m_index.line(line));
    m_scannedLine = -1;
    const Placement placement = place(scan);
    m_parent.append(placement.parent);
    m_position.append(placement.position);
    if (placement.parent == NoParent)
        m_topLevel.append(line);
    else if (placement.parent >= 0)
        m_children[placement.parent].append(line);
    for (const QByteArray &id : scan.callIds)
        m_calls[id].callLine = line;
    for (const QByteArray &id : scan.resultIds) {
        auto it = m_calls.find(id);
        if (it != m_calls.end() && it->resultLine < 0)
            it->resultLine = line;
    }
}

qsizetype Transcript::heldBytes() const
{
    // A hash node: its key and value, and about two pointers of bucket and span per entry.
    constexpr qsizetype kNode = 2 * qsizetype(sizeof(void *));
    constexpr qsizetype kArrayHeader = qsizetype(sizeof(QArrayData));
    qsizetype held = m_index.heldBytes();
    held += (m_parent.capacity() + m_position.capacity() + m_topLevel.capacity()) * qsizetype(sizeof(int));
    held += m_children.size() * (qsizetype(sizeof(int) + sizeof(QVector<int>)) + kNode + kArrayHeader);
    for (const QVector<int> &children : m_children)
        held += children.capacity() * qsizetype(sizeof(int));
    held += m_calls.size() * (qsizetype(sizeof(QByteArray) + sizeof(Call)) + kNode + kArrayHeader);
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it)
        held += it.key().capacity();
    return held;
}

const QVector<int> &Transcript::childLines(int line) const
{
    static const QVector<int> none;
    auto it = m_children.constFind(line);
    return it == m_children.cend() ? none : *it;
}

std::shared_ptr<const TranscriptEvent> Transcript::event(int line) const
{
    if (const auto *cached = m_cache->object(line))
        return *cached;
    ++m_parseCount;
    auto event = std::make_shared<const TranscriptEvent>(parseEvent(m_index.line(line), m_index.isPartial(line)));
    m_cache->insert(line, new std::shared_ptr<const TranscriptEvent>(event));
    return event;
}

} // namespace cwi
