#pragma once

// Stream-json lines for the insight tests: a session with repeated message ids, tool calls
// (one of them failing) and a result line whose usage is the sum of the distinct messages.

#include "fixtures.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace cwi::test {

inline QByteArray jsonLine(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

inline QJsonObject usage(int in, int out, int create, int read)
{
    return { { QStringLiteral("input_tokens"), in }, { QStringLiteral("output_tokens"), out },
        { QStringLiteral("cache_creation_input_tokens"), create },
        { QStringLiteral("cache_read_input_tokens"), read } };
}

inline QByteArray assistantLine(const QString &messageId, const QJsonArray &content, const QJsonObject &use)
{
    return jsonLine({ { QStringLiteral("type"), QStringLiteral("assistant") },
        { QStringLiteral("message"),
            QJsonObject { { QStringLiteral("id"), messageId },
                { QStringLiteral("model"), QStringLiteral("claude-sonnet-4") },
                { QStringLiteral("role"), QStringLiteral("assistant") }, { QStringLiteral("content"), content },
                { QStringLiteral("usage"), use } } } });
}

inline QJsonObject textBlock(const QString &text)
{
    return { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), text } };
}

inline QJsonObject toolUse(const QString &id, const QString &name, const QJsonObject &input)
{
    return { { QStringLiteral("type"), QStringLiteral("tool_use") }, { QStringLiteral("id"), id },
        { QStringLiteral("name"), name }, { QStringLiteral("input"), input } };
}

inline QByteArray toolResultLine(const QString &toolUseId, const QString &text, bool isError)
{
    const QJsonObject block { { QStringLiteral("type"), QStringLiteral("tool_result") },
        { QStringLiteral("tool_use_id"), toolUseId }, { QStringLiteral("content"), text },
        { QStringLiteral("is_error"), isError } };
    return jsonLine({ { QStringLiteral("type"), QStringLiteral("user") },
        { QStringLiteral("message"),
            QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                { QStringLiteral("content"), QJsonArray { block } } } } });
}

inline QByteArray resultLine(const QString &subtype, double cost, int turns, const QJsonObject &use)
{
    return jsonLine({ { QStringLiteral("type"), QStringLiteral("result") }, { QStringLiteral("subtype"), subtype },
        { QStringLiteral("is_error"), subtype != QStringLiteral("success") }, { QStringLiteral("num_turns"), turns },
        { QStringLiteral("total_cost_usd"), cost }, { QStringLiteral("duration_ms"), 1234 },
        { QStringLiteral("result"), QStringLiteral("All done") }, { QStringLiteral("usage"), use } });
}

// One whole session: init, a message spread over three lines (usage repeated), a second
// message, an Edit and a failing Bash call, and the result (usage: the two messages once each).
inline QByteArray demoSession(const QString &word)
{
    QByteArray s = jsonLine(
        { { QStringLiteral("type"), QStringLiteral("system") }, { QStringLiteral("subtype"), QStringLiteral("init") },
            { QStringLiteral("model"), QStringLiteral("claude-sonnet-4") },
            { QStringLiteral("session_id"), QStringLiteral("s-1") } });
    const QJsonObject first = usage(10, 20, 300, 4000);
    s += assistantLine(
        QStringLiteral("msg_1"), { textBlock(QStringLiteral("Looking at the %1 module").arg(word)) }, first);
    s += assistantLine(QStringLiteral("msg_1"),
        { toolUse(QStringLiteral("toolu_edit"), QStringLiteral("Edit"),
            { { QStringLiteral("file_path"), QStringLiteral("/src/app/main.cpp") },
                { QStringLiteral("old_string"), QStringLiteral("int a;") },
                { QStringLiteral("new_string"), QStringLiteral("int b;") } }) },
        first);
    s += toolResultLine(QStringLiteral("toolu_edit"), QStringLiteral("The file was edited"), false);
    s += assistantLine(QStringLiteral("msg_1"),
        { toolUse(QStringLiteral("toolu_bash"), QStringLiteral("Bash"),
            { { QStringLiteral("command"), QStringLiteral("make check") } }) },
        first);
    s += toolResultLine(QStringLiteral("toolu_bash"), QStringLiteral("make: *** No rule to make target"), true);
    const QJsonObject second = usage(5, 7, 0, 4300);
    s += assistantLine(QStringLiteral("msg_2"), { textBlock(QStringLiteral("<b>Done</b> with %1").arg(word)) }, second);
    s += resultLine(QStringLiteral("success"), 0.25, 3, usage(15, 27, 300, 8300));
    return s;
}

} // namespace cwi::test
