#pragma once

// An endless Claude Code `stream-json` session for the benchmark database, produced lazily and
// cut into pipe-read chunks at arbitrary byte positions (never inside a UTF-8 sequence): system
// init, assistant lines (one per content block, message.id and usage repeated), tool results with
// file contents and command output, sub-agent lines, stream events, retries, compaction, and a
// final result line (or a line cut short when the agent crashed). Cheap enough for 1 GB of logs.

#include "benchrandom.h"

#include <QByteArray>
#include <QVector>

namespace cwi::bench {

class StreamJsonStream
{
public:
    StreamJsonStream(BenchRandom &rng, const QByteArray &sessionId, const QByteArray &cwd);

    // About SIZE bytes of the session, continuing where the previous chunk stopped.
    QByteArray nextChunk(int size);
    // The last chunk: what is buffered plus the result line; a crashed session instead ends
    // in the middle of a line.
    QByteArray finish(bool crashed);

    qint64 linesWritten() const { return m_lines; }
    qint64 bytesWritten() const { return m_bytes; }

private:
    void appendLine();
    void queueTurn();
    void queueAssistant(const QVector<QByteArray> &blocks, const QByteArray &parentToolUseId);
    QByteArray toolUse(QByteArray *resultLine, const QByteArray &parentToolUseId);
    QByteArray toolResultLine(const QByteArray &toolUseId, const QByteArray &content, bool isError,
        const QByteArray &extra, const QByteArray &parentToolUseId);
    QByteArray envelope(const QByteArray &typeAndBody);
    QByteArray filePath();

    BenchRandom &m_rng;
    QByteArray m_sessionId;
    QByteArray m_cwd;
    QByteArray m_buffer;
    QVector<QByteArray> m_queue; // lines of the current turn, in order
    qint64 m_lines = 0;
    qint64 m_bytes = 0;
    int m_turns = 0;
    qint64 m_outputTokens = 0;
    qint64 m_cacheRead = 0;
};

} // namespace cwi::bench
