#pragma once

// Builders for Claude Code stream-json lines, as the CLI writes them (compact JSON, one a line).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace cwi::test::streamjson {

inline QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

inline QByteArray init(const QString &model = QStringLiteral("claude-sonnet-4"))
{
    return line(
        { { QStringLiteral("type"), QStringLiteral("system") }, { QStringLiteral("subtype"), QStringLiteral("init") },
            { QStringLiteral("model"), model }, { QStringLiteral("cwd"), QStringLiteral("/work/tree") },
            { QStringLiteral("session_id"), QStringLiteral("sess-1") },
            { QStringLiteral("tools"), QJsonArray { QStringLiteral("Read"), QStringLiteral("Bash") } } });
}

inline QJsonObject usage(int in, int out)
{
    return { { QStringLiteral("input_tokens"), in }, { QStringLiteral("output_tokens"), out } };
}

inline QByteArray assistant(const QJsonArray &content, const QString &messageId = QStringLiteral("msg_1"),
    const QString &parent = {}, const QJsonObject &use = usage(10, 5))
{
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("assistant") },
        { QStringLiteral("message"),
            QJsonObject { { QStringLiteral("id"), messageId }, { QStringLiteral("role"), QStringLiteral("assistant") },
                { QStringLiteral("content"), content }, { QStringLiteral("usage"), use } } },
        { QStringLiteral("parent_tool_use_id"), parent.isEmpty() ? QJsonValue() : QJsonValue(parent) },
        { QStringLiteral("session_id"), QStringLiteral("sess-1") } };
    return line(o);
}

inline QJsonObject text(const QString &text)
{
    return { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), text } };
}

inline QJsonObject thinking(const QString &text)
{
    return { { QStringLiteral("type"), QStringLiteral("thinking") }, { QStringLiteral("thinking"), text } };
}

inline QJsonObject toolUse(const QString &id, const QString &name, const QJsonObject &input)
{
    return { { QStringLiteral("type"), QStringLiteral("tool_use") }, { QStringLiteral("id"), id },
        { QStringLiteral("name"), name }, { QStringLiteral("input"), input } };
}

inline QByteArray toolResult(const QString &toolUseId, const QJsonValue &content, bool isError = false,
    const QString &parent = {}, const QJsonObject &extras = {})
{
    QJsonObject block { { QStringLiteral("type"), QStringLiteral("tool_result") },
        { QStringLiteral("tool_use_id"), toolUseId }, { QStringLiteral("content"), content },
        { QStringLiteral("is_error"), isError } };
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("user") },
        { QStringLiteral("message"),
            QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                { QStringLiteral("content"), QJsonArray { block } } } },
        { QStringLiteral("parent_tool_use_id"), parent.isEmpty() ? QJsonValue() : QJsonValue(parent) } };
    if (!extras.isEmpty())
        o.insert(QStringLiteral("tool_use_result"), extras);
    return line(o);
}

inline QByteArray userText(const QJsonValue &content, const QString &parent = {})
{
    return line({ { QStringLiteral("type"), QStringLiteral("user") },
        { QStringLiteral("message"),
            QJsonObject {
                { QStringLiteral("role"), QStringLiteral("user") }, { QStringLiteral("content"), content } } },
        { QStringLiteral("parent_tool_use_id"), parent.isEmpty() ? QJsonValue() : QJsonValue(parent) } });
}

inline QByteArray result(const QString &subtype, bool isError, double cost = 0.25, int turns = 3)
{
    return line({ { QStringLiteral("type"), QStringLiteral("result") }, { QStringLiteral("subtype"), subtype },
        { QStringLiteral("is_error"), isError }, { QStringLiteral("duration_ms"), 65000 },
        { QStringLiteral("num_turns"), turns }, { QStringLiteral("result"), QStringLiteral("All done.") },
        { QStringLiteral("total_cost_usd"), cost },
        { QStringLiteral("usage"),
            QJsonObject { { QStringLiteral("input_tokens"), 100 }, { QStringLiteral("output_tokens"), 50 },
                { QStringLiteral("cache_creation_input_tokens"), 7 },
                { QStringLiteral("cache_read_input_tokens"), 900 } } } });
}

inline QByteArray systemNote(const QString &subtype)
{
    return line({ { QStringLiteral("type"), QStringLiteral("system") }, { QStringLiteral("subtype"), subtype },
        { QStringLiteral("attempt"), 2 } });
}

// A small but complete session: init, text, Read call + result, Task with a sub-agent, result.
inline QByteArray conversation()
{
    QByteArray s = init();
    s += userText(QStringLiteral("Fix the bug in parser.cpp"));
    s += assistant({ thinking(QStringLiteral("Let me look at the file first.")) }, QStringLiteral("msg_1"));
    s += assistant({ text(QStringLiteral("I will read **parser.cpp**.")) }, QStringLiteral("msg_1"));
    s += assistant({ toolUse(QStringLiteral("toolu_read"), QStringLiteral("Read"),
                       { { QStringLiteral("file_path"), QStringLiteral("/src/parser.cpp") } }) },
        QStringLiteral("msg_1"));
    s += toolResult(QStringLiteral("toolu_read"), QStringLiteral("int main() {}\n"));
    s += assistant({ toolUse(QStringLiteral("toolu_task"), QStringLiteral("Task"),
                       { { QStringLiteral("description"), QStringLiteral("Find callers") },
                           { QStringLiteral("prompt"), QStringLiteral("Find every caller") } }) },
        QStringLiteral("msg_2"), {}, usage(20, 8));
    s += userText(QStringLiteral("Find every caller"), QStringLiteral("toolu_task"));
    s += assistant({ toolUse(QStringLiteral("toolu_grep"), QStringLiteral("Grep"),
                       { { QStringLiteral("pattern"), QStringLiteral("parse\\(") } }) },
        QStringLiteral("msg_sub"), QStringLiteral("toolu_task"));
    s += toolResult(QStringLiteral("toolu_grep"), QStringLiteral("a.cpp:3"), false, QStringLiteral("toolu_task"));
    s += toolResult(QStringLiteral("toolu_task"), QJsonArray { text(QStringLiteral("One caller: a.cpp")) });
    s += systemNote(QStringLiteral("api_retry"));
    s += result(QStringLiteral("success"), false);
    return s;
}

} // namespace cwi::test::streamjson
