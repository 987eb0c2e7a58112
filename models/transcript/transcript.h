#pragma once

// The transcript of one agent session: the joined bytes (LineIndex), an outline that places each
// line in the conversation tree, and a bounded cache of parsed lines.
//
// The outline is a byte scan, not a parse: a JSON key with unescaped quotes can only be structure
// (inside a string every quote is escaped), so `"tool_use_id":"X"` and `"parent_tool_use_id":"X"`
// found that way are real keys. That places tool results under their calls and sub-agent lines
// under their Task call at memchr speed, and lines are parsed only when someone looks at them.

#include "lineindex.h"
#include "streamevent.h"

#include <QCache>
#include <QHash>

#include <memory>

namespace cwi {

class Transcript
{
public:
    static constexpr int NoParent = -1; // top level
    static constexpr int Hidden = -2; // blank lines take no place in the tree

    explicit Transcript(int cacheCapacity = 2048);

    void reserve(qsizetype bytes);
    // Adds the bytes of one chunk to the index. The new complete lines are outlined by
    // outlineNext(), one at a time, so a model can announce each insertion.
    void appendBytes(const QByteArray &chunk);
    // Both steps at once (no model watching).
    void append(const QByteArray &chunk);

    const LineIndex &index() const { return m_index; }
    int lineCount() const { return int(m_index.lineCount()); }
    bool hasPartialTail() const { return m_index.hasPartialTail(); }
    int tailLine() const { return int(m_index.completeLineCount()); }

    // Outline: lines 0 .. outlinedCount()-1 are placed.
    int outlinedCount() const { return int(m_parent.size()); }
    struct Placement
    {
        int parent = NoParent; // parent line, NoParent or Hidden
        int position = 0; // index among the parent's child lines
    };
    Placement placementOfNext() const; // where the next line will go
    void outlineNext();
    void outlineAll(); // every complete line not outlined yet

    int parentLine(int line) const { return m_parent.at(line); }
    int positionInParent(int line) const { return m_position.at(line); }
    const QVector<int> &topLevelLines() const { return m_topLevel; }
    const QVector<int> &childLines(int line) const;
    // The line holding the tool call with this id, or -1.
    int callLine(const QByteArray &toolUseId) const { return m_calls.value(toolUseId).callLine; }
    // The line answering the call with this id, or -1.
    int resultLine(const QByteArray &toolUseId) const { return m_calls.value(toolUseId).resultLine; }

    // The parsed line, from the cache or parsed now. Never null.
    std::shared_ptr<const TranscriptEvent> event(int line) const;
    qint64 parseCount() const { return m_parseCount; } // parses done so far (lazy-parsing checks)
    int cachedCount() const { return int(m_cache->size()); }

    // What the session holds in memory, by capacity: the line index (the bytes once) and the
    // outline (parents, positions, children, calls). The parsed lines' cache is bounded apart.
    qsizetype heldBytes() const;

private:
    struct Scan
    {
        QByteArray parentToolUseId;
        QVector<QByteArray> resultIds;
        QVector<QByteArray> callIds;
        bool blank = false;
    };
    static Scan scanLine(QByteArrayView line);
    Placement place(const Scan &scan) const;

    LineIndex m_index;
    // The scan placementOfNext() made, for outlineNext() on the same line: each line once.
    mutable int m_scannedLine = -1;
    mutable Scan m_scanned;
    QVector<int> m_parent;
    QVector<int> m_position;
    QVector<int> m_topLevel;
    QHash<int, QVector<int>> m_children;
    struct Call
    {
        int callLine = -1;
        int resultLine = -1;
    };
    QHash<QByteArray, Call> m_calls; // tool_use id -> its call and its result

    // Parsed lines, least recently used dropped first; on the heap so a Transcript can move.
    using EventCache = QCache<int, std::shared_ptr<const TranscriptEvent>>;
    std::unique_ptr<EventCache> m_cache;
    mutable qint64 m_parseCount = 0;
};

} // namespace cwi
