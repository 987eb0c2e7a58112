#pragma once

// Private to the demo seeder: writes the lines of one Claude Code `stream-json` session the way
// the CLI prints them (system/init, assistant blocks with a repeated message.id and usage, user
// tool results, retries, compaction, partial stream events, the final result).

#include "democontext.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QVector>

namespace cwi::demo {

class StreamJsonSession
{
public:
    StreamJsonSession(DemoRandom &rng, const QString &sessionId, const QString &cwd);

    void init();
    // One API message: every block becomes its own line, all sharing message.id and usage.
    // Returns the tool_use ids of the blocks in order (empty strings for non-tool blocks).
    QStringList assistant(const QJsonArray &blocks, const QString &parentToolUseId = {});
    void toolResult(const QString &toolUseId, const QJsonValue &content, bool isError,
        const QJsonObject &toolUseResult = {}, const QString &parentToolUseId = {});
    void apiRetry(int attempt);
    void compactBoundary();
    void streamEvent(const QString &textDelta);
    void result(const QString &subtype, bool isError, const QString &text);
    void raw(const QByteArray &line) { m_lines.append(line); } // anything, even invalid JSON

    QByteArray bytes(bool completeLastLine = true) const;
    int lineCount() const { return int(m_lines.size()); }
    QByteArray lastLine() const { return m_lines.isEmpty() ? QByteArray() : m_lines.constLast(); }
    void dropLastLine() { m_lines.removeLast(); }

    static QJsonObject text(const QString &markdown);
    static QJsonObject thinking(const QString &thought, DemoRandom &rng);
    static QJsonObject toolUse(const QString &name, const QJsonObject &input, DemoRandom &rng);

private:
    void append(QJsonObject line);
    QString uuid();

    DemoRandom &m_rng;
    QString m_sessionId;
    QString m_cwd;
    QVector<QByteArray> m_lines;
    int m_turns = 0;
    qint64 m_input = 0, m_output = 0, m_cacheCreation = 0, m_cacheRead = 0;
    qint64 m_durationMs = 0;
};

inline constexpr QLatin1StringView kDemoModel("claude-sonnet-4-5-20250929");

} // namespace cwi::demo
