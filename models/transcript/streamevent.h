#pragma once

// One line of Claude Code `stream-json` output, parsed (see ../shared/spec/NOTES.md). Parsing
// never fails: a line that is not JSON, not an object, of an unknown type or cut short is an
// event of its own kind, so the transcript can show it for what it is.

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

enum class EventKind : quint8
{
    Init, // system/init: model, cwd, tools, session id
    SystemNote, // other system subtypes (api_retry, compact_boundary, ...)
    AssistantText,
    Thinking,
    ToolCall,
    ToolResult,
    UserText, // the prompt or a user message
    Result, // the final `result` line
    Unparseable, // not JSON, or JSON that is not an object
    UnknownType, // an object whose `type` (or content block type) is not known
    StreamEvent, // partial deltas: skipped, counted
    Incomplete, // the last line of a session that has no '\n' yet
    Blank,
};
constexpr int EventKindCount = int(EventKind::Blank) + 1;
QString eventKindName(EventKind kind);

struct TokenUsage
{
    qint64 input = 0;
    qint64 output = 0;
    qint64 cacheCreation = 0;
    qint64 cacheRead = 0;

    qint64 total() const { return input + output + cacheCreation + cacheRead; }
    bool isEmpty() const { return total() == 0; }
    TokenUsage &operator+=(const TokenUsage &other);
    static TokenUsage fromJson(const QJsonObject &usage);
};

struct ContentBlock
{
    EventKind kind = EventKind::AssistantText;
    QString text; // text, thinking, tool result output, raw JSON of an unknown block
    QString toolName; // ToolCall
    QString toolUseId; // ToolCall: its id; ToolResult: the call it answers
    QJsonObject input; // ToolCall input
    bool isError = false; // ToolResult is_error
};

struct InitInfo
{
    QString model;
    QString cwd;
    QString sessionId;
    QString permissionMode;
    QStringList tools;
};

struct ResultInfo
{
    QString subtype;
    bool isError = false;
    qint64 durationMs = -1;
    qint64 numTurns = -1;
    double costUsd = -1;
    TokenUsage usage;
    QString text;

    // Any subtype other than "success" is a failure, whatever is_error says.
    bool succeeded() const { return subtype == u"success" && !isError; }
};

struct TranscriptEvent
{
    EventKind kind = EventKind::Blank; // the line's main kind (its first block for messages)
    QString type; // `type` as written
    QString subtype;
    QVector<ContentBlock> blocks;
    QString parentToolUseId; // non-empty: a sub-agent's line
    QString messageId;
    TokenUsage usage; // message.usage (repeats across the lines of one message)
    InitInfo init;
    ResultInfo result;
    QJsonObject object; // the whole line (empty when it does not parse)
    QJsonObject toolUseResult; // per-tool extras of a user line (structuredPatch, ...)
    QString problem; // why the line does not parse
    qsizetype byteCount = 0;

    bool isSubAgent() const { return !parentToolUseId.isEmpty(); }
    bool isError() const;
    bool hasKind(EventKind kind) const;
};

// Parses one line (without its '\n'). PARTIAL marks the incomplete last line of a session.
TranscriptEvent parseEvent(QByteArrayView line, bool partial = false);

// Text safe to show for arbitrary bytes: invalid UTF-8 becomes U+FFFD, control characters
// other than tab and newline become visible, and at most MAXCHARS characters are kept.
QString displayText(QByteArrayView bytes, qsizetype maxChars = -1);

} // namespace cwi
