#include "streamevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace cwi {

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Init:
        return u"init"_s;
    case EventKind::SystemNote:
        return u"system"_s;
    case EventKind::AssistantText:
        return u"text"_s;
    case EventKind::Thinking:
        return u"thinking"_s;
    case EventKind::ToolCall:
        return u"tool call"_s;
    case EventKind::ToolResult:
        return u"tool result"_s;
    case EventKind::UserText:
        return u"user"_s;
    case EventKind::Result:
        return u"result"_s;
    case EventKind::Unparseable:
        return u"unparseable"_s;
    case EventKind::UnknownType:
        return u"unknown type"_s;
    case EventKind::StreamEvent:
        return u"stream event"_s;
    case EventKind::Incomplete:
        return u"incomplete"_s;
    case EventKind::Blank:
        return u"blank"_s;
    }
    return {};
}

TokenUsage &TokenUsage::operator+=(const TokenUsage &other)
{
    input += other.input;
    output += other.output;
    cacheCreation += other.cacheCreation;
    cacheRead += other.cacheRead;
    return *this;
}

TokenUsage TokenUsage::fromJson(const QJsonObject &usage)
{
    TokenUsage u;
    u.input = usage.value("input_tokens"_L1).toInteger();
    u.output = usage.value("output_tokens"_L1).toInteger();
    u.cacheCreation = usage.value("cache_creation_input_tokens"_L1).toInteger();
    u.cacheRead = usage.value("cache_read_input_tokens"_L1).toInteger();
    return u;
}

bool TranscriptEvent::isError() const
{
    switch (kind) {
    case EventKind::Unparseable:
        return true;
    case EventKind::Result:
        return !result.succeeded();
    default:
        for (const ContentBlock &block : blocks) {
            if (block.kind == EventKind::ToolResult && block.isError)
                return true;
        }
        return false;
    }
}

bool TranscriptEvent::hasKind(EventKind wanted) const
{
    if (kind == wanted)
        return true;
    for (const ContentBlock &block : blocks) {
        if (block.kind == wanted)
            return true;
    }
    return false;
}

QString displayText(QByteArrayView bytes, qsizetype maxChars)
{
    const bool cut = maxChars >= 0 && bytes.size() > maxChars * 4;
    if (cut)
        bytes = bytes.first(maxChars * 4);
    QString text = QString::fromUtf8(bytes);
    if (maxChars >= 0 && text.size() > maxChars)
        text.truncate(maxChars);
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7f)
            c = QChar(0x2400 + (u == 0x7f ? 0x21 : u)); // control pictures: NUL -> U+2400 ...
    }
    return text;
}

namespace {

QString toolResultText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    if (!content.isArray())
        return content.isNull() || content.isUndefined()
            ? QString()
            : QString::fromUtf8(QJsonDocument(QJsonArray { content }).toJson(QJsonDocument::Compact));
    QStringList parts;
    const QJsonArray array = content.toArray();
    for (const auto &item : array) {
        const QJsonObject block = item.toObject();
        const QString type = block.value("type"_L1).toString();
        if (type == u"text")
            parts.append(block.value("text"_L1).toString());
        else if (type == u"image")
            parts.append(u"[image]"_s);
        else
            parts.append(QString::fromUtf8(QJsonDocument(block).toJson(QJsonDocument::Compact)));
    }
    return parts.join(u'\n');
}

ContentBlock parseBlock(const QJsonValue &value, bool fromUser)
{
    ContentBlock block;
    const QJsonObject o = value.toObject();
    const QString type = o.value("type"_L1).toString();
    if (value.isString()) {
        block.kind = fromUser ? EventKind::UserText : EventKind::AssistantText;
        block.text = value.toString();
    } else if (type == u"text") {
        block.kind = fromUser ? EventKind::UserText : EventKind::AssistantText;
        block.text = o.value("text"_L1).toString();
    } else if (type == u"thinking" || type == u"redacted_thinking") {
        block.kind = EventKind::Thinking;
        block.text = type == u"thinking" ? o.value("thinking"_L1).toString() : u"(redacted)"_s;
    } else if (type == u"tool_use" || type == u"server_tool_use") {
        block.kind = EventKind::ToolCall;
        block.toolName = o.value("name"_L1).toString();
        block.toolUseId = o.value("id"_L1).toString();
        block.input = o.value("input"_L1).toObject();
    } else if (type == u"tool_result") {
        block.kind = EventKind::ToolResult;
        block.toolUseId = o.value("tool_use_id"_L1).toString();
        block.isError = o.value("is_error"_L1).toBool();
        block.text = toolResultText(o.value("content"_L1));
    } else {
        block.kind = EventKind::UnknownType;
        block.toolName = type;
        block.text = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    return block;
}

void parseMessage(TranscriptEvent &event, bool fromUser)
{
    const QJsonObject message = event.object.value("message"_L1).toObject();
    event.messageId = message.value("id"_L1).toString();
    event.usage = TokenUsage::fromJson(message.value("usage"_L1).toObject());
    const QJsonValue content = message.value("content"_L1);
    if (content.isArray()) {
        const QJsonArray array = content.toArray();
        for (const auto &item : array)
            event.blocks.append(parseBlock(item, fromUser));
    } else if (content.isString()) {
        event.blocks.append(parseBlock(content, fromUser));
    }
    if (fromUser) {
        const QJsonValue extras = event.object.value("tool_use_result"_L1);
        if (extras.isObject())
            event.toolUseResult = extras.toObject();
    }
    if (event.blocks.isEmpty()) {
        ContentBlock empty;
        empty.kind = fromUser ? EventKind::UserText : EventKind::AssistantText;
        event.blocks.append(empty);
    }
    event.kind = event.blocks.constFirst().kind;
}

void parseSystem(TranscriptEvent &event)
{
    const QJsonObject &o = event.object;
    if (event.subtype == u"init") {
        event.kind = EventKind::Init;
        event.init.model = o.value("model"_L1).toString();
        event.init.cwd = o.value("cwd"_L1).toString();
        event.init.sessionId = o.value("session_id"_L1).toString();
        event.init.permissionMode = o.value("permissionMode"_L1).toString();
        const QJsonArray tools = o.value("tools"_L1).toArray();
        for (const auto &tool : tools)
            event.init.tools.append(tool.toString());
        return;
    }
    event.kind = EventKind::SystemNote;
}

void parseResult(TranscriptEvent &event)
{
    const QJsonObject &o = event.object;
    event.kind = EventKind::Result;
    ResultInfo &r = event.result;
    r.subtype = event.subtype;
    r.isError = o.value("is_error"_L1).toBool();
    r.durationMs = o.value("duration_ms"_L1).toInteger(-1);
    r.numTurns = o.value("num_turns"_L1).toInteger(-1);
    r.costUsd = o.value("total_cost_usd"_L1).toDouble(-1);
    r.usage = TokenUsage::fromJson(o.value("usage"_L1).toObject());
    const QJsonValue text = o.value("result"_L1);
    r.text = text.toString();
}

} // namespace

TranscriptEvent parseEvent(QByteArrayView line, bool partial)
{
    TranscriptEvent event;
    event.byteCount = line.size();
    if (partial) {
        event.kind = EventKind::Incomplete;
        event.problem = u"the last line has no end yet: the agent may still be writing, or its output was cut"_s;
        return event;
    }
    if (line.trimmed().isEmpty()) {
        event.kind = EventKind::Blank;
        return event;
    }

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &error);
    if (error.error != QJsonParseError::NoError) {
        event.kind = EventKind::Unparseable;
        event.problem = u"not JSON: %1 at byte %2"_s.arg(error.errorString()).arg(error.offset);
        return event;
    }
    if (!doc.isObject()) {
        event.kind = EventKind::Unparseable;
        event.problem = u"valid JSON, but not an object"_s;
        return event;
    }
    event.object = doc.object();
    event.type = event.object.value("type"_L1).toString();
    event.subtype = event.object.value("subtype"_L1).toString();
    event.parentToolUseId = event.object.value("parent_tool_use_id"_L1).toString();

    if (event.type == u"assistant")
        parseMessage(event, false);
    else if (event.type == u"user")
        parseMessage(event, true);
    else if (event.type == u"system")
        parseSystem(event);
    else if (event.type == u"result")
        parseResult(event);
    else if (event.type == u"stream_event")
        event.kind = EventKind::StreamEvent;
    else
        event.kind = EventKind::UnknownType;
    return event;
}

} // namespace cwi
