#include "insightindexer.h"

#include "assistantfacts.h"
#include "database.h"
#include "insight/insightwriter.h"
#include "modelprices.h"
#include "transcript/streamevent.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <cstring>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

// One document of the full-text index keeps at most this many characters: a 200 KB file read by
// an agent is found by its first lines, and the index stays a fraction of the log.
constexpr qsizetype kMaxTextChars = 4000;

bool contains(QByteArrayView line, const char *needle)
{
    return line.indexOf(QByteArrayView(needle)) >= 0;
}

// The top-level `type` of a stream-json line, found without parsing: `"type":"user"` written
// unescaped can only be a key of an object, and no content block has these types.
enum class LineType
{
    Assistant,
    User,
    System,
    Result,
    Other,
};

LineType lineType(QByteArrayView line)
{
    if (contains(line, "\"type\":\"assistant\""))
        return LineType::Assistant;
    if (contains(line, "\"type\":\"user\""))
        return LineType::User;
    if (contains(line, "\"type\":\"result\""))
        return LineType::Result;
    if (contains(line, "\"type\":\"system\""))
        return LineType::System;
    return LineType::Other;
}

TokenCounts tokens(const TokenUsage &u)
{
    return { u.input, u.output, u.cacheCreation, u.cacheRead };
}

QString inputPath(const QJsonObject &input)
{
    for (const char *key : { "file_path", "notebook_path", "path" }) {
        QString value = input.value(QLatin1StringView(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

bool isFileTool(const QString &tool)
{
    return tool == u"Read" || tool == u"Edit" || tool == u"Write" || tool == u"MultiEdit" || tool == u"NotebookEdit";
}

void addToolCall(InsightWriter &w, qint64 session, const QString &id, const QString &tool, const QString &path,
    const QString &command, qint64 lineNo, qint64 atMs)
{
    IndexedToolCall call { id, tool, atMs, lineNo, {}, {} };
    if (isFileTool(tool))
        call.path = path;
    else if (tool == u"Bash")
        call.command = command.left(2000);
    w.addToolCall(session, call);
}

// Usage repeats on every line of one API message: the writer keeps one row per message.id.
// Sub-agents' messages are not the session's own (the result line does not count them).
void addMessage(InsightWriter &w, qint64 session, const QString &messageId, const QString &model,
    const TokenUsage &usage, qint64 lineNo, qint64 atMs)
{
    if (!messageId.isEmpty() && w.isLastMessage(session, messageId))
        return; // usage is repeated on every line of one API message
    IndexedMessage m { messageId.isEmpty() ? u"#line%1"_s.arg(lineNo) : messageId, model, atMs, tokens(usage), 0 };
    m.costUsd = estimateCostUsd(model, m.tokens);
    w.addMessage(session, m);
}

void addAssistantFacts(InsightWriter &w, qint64 session, const AssistantFacts &facts, qint64 lineNo, qint64 atMs)
{
    for (const AssistantFacts::ToolCall &call : facts.toolCalls)
        addToolCall(w, session, call.id, call.name, call.path, call.command, lineNo, atMs);
    if (!facts.subAgent)
        addMessage(w, session, facts.messageId, facts.model, facts.usage, lineNo, atMs);
}

// What the facts pass keeps of one line: usage once per message, tool calls, failed results,
// the model and the result line. Lines that cannot add a fact are not parsed at all: a tool
// result that did not fail (most of the bytes of a log) is skipped after one byte search.
void indexFacts(InsightWriter &w, qint64 session, QByteArrayView line, qint64 lineNo, qint64 atMs)
{
    const LineType type = lineType(line);
    switch (type) {
    case LineType::Other:
        return;
    case LineType::Assistant:
        if (AssistantFacts facts; scanAssistantFacts(line, &facts)) {
            addAssistantFacts(w, session, facts, lineNo, atMs);
            return;
        }
        break; // not a line the fast reader takes: parse it in full below
    case LineType::User:
        if (!contains(line, "\"is_error\":true") && !contains(line, "\"is_error\": true"))
            return;
        break;
    case LineType::System:
        if (!contains(line, "\"subtype\":\"init\""))
            return;
        break;
    default:
        break;
    }
    const TranscriptEvent event = parseEvent(line);
    if (event.kind == EventKind::Init) {
        w.setModel(session, event.init.model);
        return;
    }
    if (event.kind == EventKind::Result) {
        const ResultInfo &r = event.result;
        w.setResult(session, { r.subtype, !r.succeeded(), r.costUsd, r.numTurns, r.durationMs, tokens(r.usage), atMs });
        return;
    }
    for (const ContentBlock &block : event.blocks) {
        if (block.kind == EventKind::ToolCall) {
            addToolCall(w, session, block.toolUseId, block.toolName, inputPath(block.input),
                block.input.value("command"_L1).toString(), lineNo, atMs);
        } else if (block.kind == EventKind::ToolResult && block.isError) {
            w.markToolError(session, block.toolUseId);
        }
    }
    if (event.type == u"assistant" && !event.isSubAgent()) {
        addMessage(w, session, event.messageId,
            event.object.value("message"_L1).toObject().value("model"_L1).toString(), event.usage, lineNo, atMs);
    }
}

QString bodyText(const QString &text)
{
    // displayText: control characters become visible, so \x01 / \x02 stay free to mark hits.
    return displayText(text.left(kMaxTextChars).toUtf8(), kMaxTextChars);
}

// What the text pass keeps: every text, thinking, tool input and tool result, and the result.
void indexText(InsightWriter &w, qint64 session, QByteArrayView line, qint64 lineNo, qint64 atMs)
{
    if (lineType(line) == LineType::Other)
        return;
    auto add = [&](const QString &kind, const QString &tool, const QString &text) {
        if (!text.trimmed().isEmpty())
            w.addText(session, { lineNo, atMs, kind, tool, bodyText(text) });
    };
    thread_local QVector<LineText> texts;
    if (scanLineTexts(line, &texts)) {
        for (const LineText &t : std::as_const(texts))
            add(t.kind, t.tool, t.text);
        return;
    }
    const TranscriptEvent event = parseEvent(line);
    if (event.kind == EventKind::Result) {
        add(u"result"_s, {}, event.result.text);
        return;
    }
    for (const ContentBlock &block : event.blocks) {
        switch (block.kind) {
        case EventKind::AssistantText:
            add(u"text"_s, {}, block.text);
            break;
        case EventKind::UserText:
            add(u"user"_s, {}, block.text);
            break;
        case EventKind::Thinking:
            add(u"thinking"_s, {}, block.text);
            break;
        case EventKind::ToolCall: {
            QStringList parts { block.toolName };
            appendJsonStrings(block.input, &parts);
            add(u"tool"_s, block.toolName, parts.join(u'\n'));
            break;
        }
        case EventKind::ToolResult:
            add(block.isError ? u"error"_s : u"output"_s, {}, block.text);
            break;
        default:
            break;
        }
    }
}

} // namespace

InsightRunResult runInsightPass(const std::shared_ptr<Database> &db, InsightPasses::Pass pass,
    const std::atomic_bool *cancel, std::atomic_int *permille)
{
    InsightRunResult result;
    QElapsedTimer timer;
    timer.start();
    InsightWriter w(db);
    if (!w.open(&result.error))
        return result;
    result.sidecar = w.sidecarPath();
    result.rebuilt = w.rebuilt();
    if (pass == InsightWriter::FactsPass && !w.refreshNames(&result.error))
        return result;
    const qint64 start = w.watermark(pass);
    const qint64 end = w.maxSourceRowid(&result.error);
    if (end < 0)
        return result;
    if (start < end && !w.startReading(start, end, cancel, &result.error))
        return result;
    auto indexLine = pass == InsightWriter::FactsPass ? indexFacts : indexText;
    ChunkBatch batch;
    qint64 after = start;
    while (after < end) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            break;
        }
        if (!w.nextBatch(&batch, &result.error))
            return result;
        if (batch.chunks.isEmpty())
            break;
        if (!w.begin(&result.error))
            return result;
        for (const IndexChunk &chunk : std::as_const(batch.chunks)) {
            SessionCursor &cur = w.cursor(pass, chunk);
            if (pass == InsightWriter::FactsPass)
                w.touchSession(cur.sessionKey, chunk.createdMs, chunk.content.size());
            const char *data = chunk.content.constData();
            const qsizetype size = chunk.content.size();
            qsizetype pos = 0;
            // The session's unfinished line continues in this chunk: only that line is joined.
            if (!cur.tail.isEmpty()) {
                const void *nl = std::memchr(data, '\n', size_t(size));
                if (!nl) {
                    cur.tail += chunk.content;
                    pos = size;
                } else {
                    pos = static_cast<const char *>(nl) - data;
                    cur.tail.append(data, pos);
                    indexLine(w, cur.sessionKey, cur.tail, cur.lines, chunk.createdMs);
                    ++cur.lines;
                    ++result.lines;
                    cur.tail.clear();
                    ++pos;
                }
            }
            while (pos < size) {
                const void *nl = std::memchr(data + pos, '\n', size_t(size - pos));
                if (!nl)
                    break;
                const qsizetype next = static_cast<const char *>(nl) - data;
                indexLine(w, cur.sessionKey, QByteArrayView(data + pos, next - pos), cur.lines, chunk.createdMs);
                ++cur.lines;
                ++result.lines;
                pos = next + 1;
            }
            if (pos < size)
                cur.tail.append(data + pos, size - pos);
            cur.dirty = true;
            result.bytes += size;
        }
        result.chunks += batch.chunks.size();
        after = batch.chunks.constLast().rowid;
        if (!w.commit(pass, batch, &result.error))
            return result;
        if (permille && end > start)
            permille->store(int((after - start) * 1000 / (end - start)), std::memory_order_relaxed);
    }
    if (!result.cancelled && !w.finish(pass, &result.error))
        return result;
    result.seconds = timer.nsecsElapsed() / 1e9;
    return result;
}

} // namespace cwi
