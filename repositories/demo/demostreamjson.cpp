#include "demostreamjson.h"

#include <QJsonDocument>

namespace cwi::demo {

namespace {

QString base62(DemoRandom &rng, int length)
{
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString out;
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[rng.range(0, 61)]));
    return out;
}

QJsonValue nullOr(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

StreamJsonSession::StreamJsonSession(DemoRandom &rng, const QString &sessionId, const QString &cwd)
    : m_rng(rng)
    , m_sessionId(sessionId)
    , m_cwd(cwd)
{ }

QString StreamJsonSession::uuid()
{
    return m_rng.hex(8) + u'-' + m_rng.hex(4) + u'-' + m_rng.hex(4) + u'-' + m_rng.hex(4) + u'-' + m_rng.hex(12);
}

void StreamJsonSession::append(QJsonObject line)
{
    line.insert(QStringLiteral("session_id"), m_sessionId);
    line.insert(QStringLiteral("uuid"), uuid());
    // The CLI prints "type" first; QJsonObject sorts its keys, so move it to the front.
    const QString type = line.take(QStringLiteral("type")).toString();
    const QByteArray rest = QJsonDocument(line).toJson(QJsonDocument::Compact);
    m_lines.append(QByteArrayLiteral("{\"type\":\"") + type.toUtf8() + QByteArrayLiteral("\",") + rest.mid(1));
}

void StreamJsonSession::init()
{
    QJsonArray tools;
    for (const char *tool : { "Task", "Bash", "Glob", "Grep", "Read", "Edit", "Write", "TodoWrite", "WebFetch" })
        tools.append(QString::fromLatin1(tool));
    append(
        { { QStringLiteral("type"), QStringLiteral("system") }, { QStringLiteral("subtype"), QStringLiteral("init") },
            { QStringLiteral("cwd"), m_cwd }, { QStringLiteral("tools"), tools },
            { QStringLiteral("mcp_servers"), QJsonArray {} }, { QStringLiteral("model"), QString(kDemoModel) },
            { QStringLiteral("permissionMode"), QStringLiteral("bypassPermissions") },
            { QStringLiteral("apiKeySource"), QStringLiteral("none") },
            { QStringLiteral("claude_code_version"), QStringLiteral("2.0.14") },
            { QStringLiteral("output_style"), QStringLiteral("default") } });
}

QStringList StreamJsonSession::assistant(const QJsonArray &blocks, const QString &parentToolUseId)
{
    const QString messageId = QStringLiteral("msg_01") + base62(m_rng, 22);
    const qint64 input = m_rng.range(3, 12);
    const qint64 creation = m_rng.range(200, 4000);
    const qint64 read = 9000 + m_turns * m_rng.range(1500, 3000);
    const qint64 output = m_rng.range(40, 900);
    const QJsonObject usage { { QStringLiteral("input_tokens"), input },
        { QStringLiteral("cache_creation_input_tokens"), creation },
        { QStringLiteral("cache_read_input_tokens"), read }, { QStringLiteral("output_tokens"), output },
        { QStringLiteral("service_tier"), QStringLiteral("standard") } };
    m_input += input;
    m_cacheCreation += creation;
    m_cacheRead += read;
    m_output += output;
    m_durationMs += m_rng.range(1500, 14000);
    ++m_turns;
    QStringList toolIds;
    for (const auto &block : blocks) {
        toolIds.append(block[QStringLiteral("type")].toString() == u"tool_use" ? block[QStringLiteral("id")].toString()
                                                                               : QString());
        const QJsonObject message { { QStringLiteral("id"), messageId },
            { QStringLiteral("type"), QStringLiteral("message") },
            { QStringLiteral("role"), QStringLiteral("assistant") }, { QStringLiteral("model"), QString(kDemoModel) },
            { QStringLiteral("content"), QJsonArray { block } }, { QStringLiteral("stop_reason"), QJsonValue::Null },
            { QStringLiteral("stop_sequence"), QJsonValue::Null }, { QStringLiteral("usage"), usage } };
        append({ { QStringLiteral("type"), QStringLiteral("assistant") }, { QStringLiteral("message"), message },
            { QStringLiteral("parent_tool_use_id"), nullOr(parentToolUseId) } });
    }
    return toolIds;
}

void StreamJsonSession::toolResult(const QString &toolUseId, const QJsonValue &content, bool isError,
    const QJsonObject &toolUseResult, const QString &parentToolUseId)
{
    const QJsonObject block { { QStringLiteral("type"), QStringLiteral("tool_result") },
        { QStringLiteral("tool_use_id"), toolUseId }, { QStringLiteral("content"), content },
        { QStringLiteral("is_error"), isError } };
    QJsonObject line { { QStringLiteral("type"), QStringLiteral("user") },
        { QStringLiteral("message"),
            QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                { QStringLiteral("content"), QJsonArray { block } } } },
        { QStringLiteral("parent_tool_use_id"), nullOr(parentToolUseId) } };
    if (!toolUseResult.isEmpty())
        line.insert(QStringLiteral("tool_use_result"), toolUseResult);
    m_durationMs += m_rng.range(80, 9000);
    append(line);
}

void StreamJsonSession::apiRetry(int attempt)
{
    const int delay = 500 * (1 << attempt) + m_rng.range(0, 400);
    m_durationMs += delay;
    append({ { QStringLiteral("type"), QStringLiteral("system") },
        { QStringLiteral("subtype"), QStringLiteral("api_retry") }, { QStringLiteral("attempt"), attempt },
        { QStringLiteral("max_retries"), 10 }, { QStringLiteral("retry_delay_ms"), delay },
        { QStringLiteral("error_status"), 529 }, { QStringLiteral("error"), QStringLiteral("overloaded_error") } });
}

void StreamJsonSession::compactBoundary()
{
    append({ { QStringLiteral("type"), QStringLiteral("system") },
        { QStringLiteral("subtype"), QStringLiteral("compact_boundary") },
        { QStringLiteral("compact_metadata"),
            QJsonObject { { QStringLiteral("trigger"), QStringLiteral("auto") },
                { QStringLiteral("pre_tokens"), 155000 + m_rng.range(0, 9000) } } } });
}

void StreamJsonSession::streamEvent(const QString &textDelta)
{
    const QJsonObject delta { { QStringLiteral("type"), QStringLiteral("text_delta") },
        { QStringLiteral("text"), textDelta } };
    append({ { QStringLiteral("type"), QStringLiteral("stream_event") },
        { QStringLiteral("event"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
                { QStringLiteral("index"), 0 }, { QStringLiteral("delta"), delta } } },
        { QStringLiteral("parent_tool_use_id"), QJsonValue::Null } });
}

void StreamJsonSession::result(const QString &subtype, bool isError, const QString &text)
{
    // Claude Sonnet prices per million tokens: input 3, output 15, cache write 3.75, cache read 0.30.
    const double cost = (m_input * 3.0 + m_output * 15.0 + m_cacheCreation * 3.75 + m_cacheRead * 0.30) / 1e6;
    QJsonObject line { { QStringLiteral("type"), QStringLiteral("result") }, { QStringLiteral("subtype"), subtype },
        { QStringLiteral("is_error"), isError },
        { QStringLiteral("duration_ms"), m_durationMs + m_rng.range(200, 2000) },
        { QStringLiteral("duration_api_ms"), m_durationMs * 8 / 10 }, { QStringLiteral("num_turns"), m_turns },
        { QStringLiteral("total_cost_usd"), qRound64(cost * 1e6) / 1e6 },
        { QStringLiteral("usage"),
            QJsonObject { { QStringLiteral("input_tokens"), m_input }, { QStringLiteral("output_tokens"), m_output },
                { QStringLiteral("cache_creation_input_tokens"), m_cacheCreation },
                { QStringLiteral("cache_read_input_tokens"), m_cacheRead } } },
        { QStringLiteral("permission_denials"), QJsonArray {} } };
    if (!text.isEmpty())
        line.insert(QStringLiteral("result"), text);
    append(line);
}

QByteArray StreamJsonSession::bytes(bool completeLastLine) const
{
    QByteArray out;
    for (const QByteArray &line : m_lines) {
        out += line;
        out += '\n';
    }
    if (!completeLastLine && !out.isEmpty())
        out.chop(1);
    return out;
}

QJsonObject StreamJsonSession::text(const QString &markdown)
{
    return { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), markdown } };
}

QJsonObject StreamJsonSession::thinking(const QString &thought, DemoRandom &rng)
{
    return { { QStringLiteral("type"), QStringLiteral("thinking") }, { QStringLiteral("thinking"), thought },
        { QStringLiteral("signature"), QString(QStringLiteral("Eu") + base62(rng, 40)) } };
}

QJsonObject StreamJsonSession::toolUse(const QString &name, const QJsonObject &input, DemoRandom &rng)
{
    return { { QStringLiteral("type"), QStringLiteral("tool_use") },
        { QStringLiteral("id"), QString(QStringLiteral("toolu_01") + base62(rng, 22)) },
        { QStringLiteral("name"), name }, { QStringLiteral("input"), input } };
}

} // namespace cwi::demo
