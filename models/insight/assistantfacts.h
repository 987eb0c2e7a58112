#pragma once

// The index's fast path for the commonest line of a log: an assistant message. It reads only
// what the facts pass keeps (message id, model, usage, whether a sub-agent wrote it, and each
// tool call's id, name, file path and Bash command) in one pass over the bytes, without building
// a JSON document: every other value is skipped, strings are decoded only when kept.
//
// It agrees with parseEvent (models/transcript/streamevent.h) on every line it accepts, and
// accepts only well-formed JSON objects whose top-level "type" is "assistant"; for anything else
// it returns false and the caller parses the line the slow, general way.

#include "transcript/streamevent.h"

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

struct AssistantFacts
{
    struct ToolCall
    {
        QString id;
        QString name;
        QString path; // input.file_path, else notebook_path, else path (strings only)
        QString command; // input.command (a string)
    };
    QString messageId;
    QString model;
    TokenUsage usage;
    bool subAgent = false; // parent_tool_use_id is a non-empty string
    QVector<ToolCall> toolCalls; // tool_use and server_tool_use blocks, in order
};

bool scanAssistantFacts(QByteArrayView line, AssistantFacts *out);

// The text pass's fast path: what the full-text index keeps of one line, as the indexer would
// take it from parseEvent's blocks (text, user, thinking, tool = name and every string of the
// input, output / error = a tool result, result = the session's last answer), without building
// a JSON document for the whole line. False when the line is not well-formed JSON: the caller
// parses it the slow way.
struct LineText
{
    QString kind;
    QString tool;
    QString text;
};
bool scanLineTexts(QByteArrayView line, QVector<LineText> *out);

// Appends every string in VALUE, depth first, an object's members in QJsonObject's (sorted) key
// order: what the full-text index keeps of a tool's input, on either path.
void appendJsonStrings(const QJsonValue &value, QStringList *out);

} // namespace cwi
