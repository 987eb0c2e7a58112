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
#include <QString>
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

} // namespace cwi
