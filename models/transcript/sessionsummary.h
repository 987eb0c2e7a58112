#pragma once

// Whole-session figures: kinds counted, usage added once per message.id, the result line's
// outcome. Parses every line once without caching, so it runs in a worker.

#include "streamevent.h"

#include <QByteArray>
#include <QSet>
#include <QVector>

#include <atomic>

namespace cwi {

class LineIndex;

enum class SessionOutcome
{
    Running,
    Succeeded,
    Failed,
    NoResult
};
QString sessionOutcomeName(SessionOutcome outcome);

struct SessionSummary
{
    int lineCount = 0;
    int counts[EventKindCount] = {};
    int subAgentLines = 0;
    int messageCount = 0; // distinct assistant message ids
    TokenUsage usage; // from the result line when there is one, else summed once per message.id
    bool hasResult = false;
    ResultInfo result;
    QString model;
    int firstErrorLine = -1;
    static constexpr quint8 ErrorBit = 0x80;
    QVector<quint8> kinds; // EventKind per line (| ErrorBit), for filtering

    int count(EventKind kind) const { return counts[int(kind)]; }
    // Turns: the result's num_turns, else the number of assistant messages.
    qint64 turns() const { return hasResult && result.numTurns >= 0 ? result.numTurns : messageCount; }
    SessionOutcome outcome(bool agentRunning) const;
};

// CANCEL (may be null) stops early; PROGRESS (may be null) receives lines done.
SessionSummary summarizeSession(
    const LineIndex &index, const std::atomic_bool *cancel = nullptr, std::atomic_int *progress = nullptr);

// The same figures from a session's chunks as they are read, keeping only the unfinished last
// line: adding up a session the screen does not show (other sessions' figures, an agent's or a
// task's totals) holds one chunk and one line, not the session's bytes.
class SessionSummarizer
{
public:
    // Summarizes every line CHUNK completes (with the unfinished line before it).
    void append(QByteArrayView chunk);
    // The summary, the unfinished last line counted as a partial line. Call once.
    SessionSummary finish();
    void clear() { *this = SessionSummarizer(); } // the session is read again from its start

    qint64 byteCount() const { return m_bytes; }
    qsizetype heldBytes() const { return m_tail.capacity(); } // the unfinished line's buffer

private:
    void addLine(QByteArrayView line, bool partial);

    SessionSummary m_summary;
    QSet<QString> m_messages;
    TokenUsage m_summed;
    QByteArray m_tail;
    qint64 m_bytes = 0;
};

} // namespace cwi
