#include "eventpresentation.h"

#include "diff/textdiff.h"
#include "transcript.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

constexpr int kPreviewLines = 6;
constexpr qsizetype kMaxBody = 20000;

QString firstLine(const QString &text, qsizetype max = 200)
{
    QString line = text.section(u'\n', 0, 0, QString::SectionSkipEmpty).trimmed();
    if (line.size() > max)
        line = line.left(max - 1) + u'…';
    return line;
}

// The first N lines, and whether there was more.
QString preview(const QString &text, int lines, bool *more)
{
    qsizetype at = -1;
    for (int i = 0; i < lines; ++i) {
        at = text.indexOf(u'\n', at + 1);
        if (at < 0)
            break;
    }
    QString out = at < 0 ? text : text.left(at);
    *more = at >= 0 && at + 1 < text.size();
    if (out.size() > 2000) {
        out.truncate(2000);
        *more = true;
    }
    return out;
}

QString capped(const QString &text, Extent extent)
{
    if (extent == Extent::Complete || text.size() <= kMaxBody)
        return text;
    return text.left(kMaxBody)
        + u"\n\n… (%1 more characters; expand or export to see all)"_s.arg(text.size() - kMaxBody);
}

QString indentedJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
}

void appendLines(QString &out, const QString &text, QChar prefix)
{
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines)
        out += prefix + line + u'\n';
}

// A real line diff (the one the review uses too), with three lines of context around changes.
QString editDiff(const QString &oldText, const QString &newText)
{
    return textdiff::unifiedDiff(oldText, newText, 3);
}

QString usageLine(const TokenUsage &u)
{
    return u"tokens: %1 in · %2 out · %3 cache write · %4 cache read"_s.arg(
        formatTokens(u.input), formatTokens(u.output), formatTokens(u.cacheCreation), formatTokens(u.cacheRead));
}

QString noteFields(const QJsonObject &o)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"type" || it.key() == u"subtype" || it.key() == u"session_id" || it.key() == u"uuid")
            continue;
        const QJsonValue v = it.value();
        QString value = v.isString() ? v.toString()
            : v.isDouble()           ? QString::number(v.toDouble())
            : v.isBool()             ? (v.toBool() ? u"true"_s : u"false"_s)
            : v.isNull()
            ? u"null"_s
            : QString::fromUtf8(QJsonDocument(v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray()))
                                    .toJson(QJsonDocument::Compact));
        parts.append(it.key() + u": "_s + firstLine(value, 160));
    }
    return parts.join(u" · "_s);
}

QString callNameFor(const Transcript *transcript, const QString &toolUseId)
{
    if (!transcript)
        return {};
    const int call = transcript->callLine(toolUseId.toUtf8());
    if (call < 0)
        return {};
    const auto event = transcript->event(call);
    for (const ContentBlock &block : event->blocks) {
        if (block.kind == EventKind::ToolCall && block.toolUseId == toolUseId)
            return block.toolName;
    }
    return {};
}

EventPresentation presentBlock(
    const TranscriptEvent &event, const ContentBlock &block, const Transcript *transcript, Extent extent)
{
    EventPresentation p;
    const QString who = event.isSubAgent() ? u"Sub-agent"_s : QString();
    switch (block.kind) {
    case EventKind::AssistantText:
        p.header = who.isEmpty() ? u"Assistant"_s : who;
        p.body = capped(block.text, extent);
        p.format = BodyFormat::Markdown;
        if (extent == Extent::Screen && block.text.size() > kMaxBody) {
            p.detail = block.text;
            p.detailFormat = BodyFormat::Plain;
        }
        break;
    case EventKind::UserText:
        p.header = who.isEmpty() ? u"User"_s : who + u" prompt"_s;
        p.body = capped(block.text, extent);
        p.format = BodyFormat::Markdown;
        break;
    case EventKind::Thinking:
        p.header = u"Thinking"_s;
        p.body = firstLine(block.text) + (block.text.contains(u'\n') || block.text.size() > 200 ? u" …"_s : QString());
        p.format = BodyFormat::Plain;
        p.detail = block.text;
        p.detailFormat = BodyFormat::Plain;
        p.dim = true;
        break;
    case EventKind::ToolCall: {
        p.header = block.toolName.isEmpty() ? u"Tool call"_s : block.toolName;
        p.body = toolCallSummary(block.toolName, block.input);
        p.format = BodyFormat::Monospace;
        const QString diff = toolCallDiff(block.toolName, block.input, extent);
        p.detail = diff.isEmpty() ? indentedJson(block.input) : diff;
        p.detailFormat = diff.isEmpty() ? BodyFormat::Monospace : BodyFormat::Diff;
        // The outcome in the call's row: the result itself sits under the call, collapsed.
        const int resultLine = transcript ? transcript->resultLine(block.toolUseId.toUtf8()) : -1;
        if (transcript && resultLine < 0)
            p.header += u"  (no result)"_s;
        if (resultLine >= 0) {
            const auto result = transcript->event(resultLine);
            for (const ContentBlock &r : result->blocks) {
                if (r.kind != EventKind::ToolResult || r.toolUseId != block.toolUseId)
                    continue;
                const QString first = firstLine(r.text, 160);
                p.body += u"\n→ "_s + (r.isError ? u"error: "_s : QString()) + (first.isEmpty() ? u"(empty)"_s : first);
                p.failedCall = r.isError;
            }
        }
        break;
    }
    case EventKind::ToolResult: {
        const QString tool = callNameFor(transcript, block.toolUseId);
        const bool orphan = transcript && transcript->callLine(block.toolUseId.toUtf8()) < 0;
        p.header = (block.isError ? u"Error"_s : u"Output"_s) + (tool.isEmpty() ? QString() : u" of "_s + tool)
            + (orphan ? u"  (no matching call)"_s : QString());
        bool more = false;
        p.body = preview(block.text, kPreviewLines, &more);
        if (p.body.isEmpty())
            p.body = u"(empty)"_s;
        p.format = BodyFormat::Monospace;
        const QString patch = structuredPatchDiff(event.toolUseResult);
        if (!patch.isEmpty()) {
            p.detail = patch;
            p.detailFormat = BodyFormat::Diff;
        } else if (more) {
            p.detail = capped(block.text, extent);
            p.body += u"\n… %1 more lines"_s.arg(block.text.count(u'\n') - kPreviewLines + 1);
        }
        p.error = block.isError;
        break;
    }
    default: // an unknown content block
        p.header = u"Unknown block “%1”"_s.arg(block.toolName);
        p.body = u"(raw JSON when expanded)"_s;
        p.format = BodyFormat::Note;
        p.detail = block.text;
        p.dim = true;
        break;
    }
    return p;
}

} // namespace

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return u"—"_s;
    const qint64 s = ms / 1000;
    if (s < 60)
        return ms < 10000 ? u"%1 s"_s.arg(double(ms) / 1000.0, 0, 'f', 1) : u"%1 s"_s.arg(s);
    if (s < 3600)
        return u"%1m %2s"_s.arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    return u"%1h %2m"_s.arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
}

QString formatTokens(qint64 t)
{
    if (t < 1000)
        return QString::number(t);
    if (t < 1000000)
        return u"%1k"_s.arg(double(t) / 1000.0, 0, 'f', t < 10000 ? 1 : 0);
    return u"%1M"_s.arg(double(t) / 1000000.0, 0, 'f', 1);
}

QString formatCost(double usd)
{
    if (usd < 0)
        return u"—"_s;
    return u"$"_s + QString::number(usd, 'f', usd < 1 ? 3 : 2);
}

QString toolCallSummary(const QString &tool, const QJsonObject &input)
{
    auto str = [&input](const char *key) { return input.value(QLatin1StringView(key)).toString(); };
    QString s;
    if (input.contains("file_path"_L1))
        s = str("file_path");
    else if (input.contains("notebook_path"_L1))
        s = str("notebook_path");
    else if (tool == u"Bash")
        s = str("command");
    else if (tool == u"Grep" || tool == u"Glob") {
        s = str("pattern");
        if (input.contains("path"_L1))
            s += u"  in "_s + str("path");
        if (input.contains("glob"_L1))
            s += u"  ("_s + str("glob") + u')';
    } else if (tool == u"Task" || tool == u"Agent") {
        s = str("description");
        if (input.contains("subagent_type"_L1))
            s += u"  ["_s + str("subagent_type") + u']';
    } else if (input.contains("url"_L1))
        s = str("url");
    else if (input.contains("query"_L1))
        s = str("query");
    else if (tool == u"TodoWrite")
        s = u"%1 items"_s.arg(input.value("todos"_L1).toArray().size());
    else if (input.contains("path"_L1))
        s = str("path");
    else {
        for (auto it = input.begin(); it != input.end() && s.isEmpty(); ++it) {
            if (it.value().isString())
                s = it.key() + u": "_s + it.value().toString();
        }
        if (s.isEmpty())
            s = QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact));
    }
    return firstLine(s, 240);
}

QString toolCallDiff(const QString &tool, const QJsonObject &input, Extent extent)
{
    if (tool == u"Edit")
        return editDiff(input.value("old_string"_L1).toString(), input.value("new_string"_L1).toString());
    if (tool == u"MultiEdit") {
        QString out;
        const QJsonArray edits = input.value("edits"_L1).toArray();
        for (qsizetype i = 0; i < edits.size(); ++i) {
            const QJsonObject e = edits.at(i).toObject();
            out += u"@@ edit %1 of %2 @@\n"_s.arg(i + 1).arg(edits.size());
            out += editDiff(e.value("old_string"_L1).toString(), e.value("new_string"_L1).toString());
        }
        return out;
    }
    if (tool == u"Write") {
        QString out;
        appendLines(out, capped(input.value("content"_L1).toString(), extent), u'+');
        return out;
    }
    return {};
}

QString structuredPatchDiff(const QJsonObject &toolUseResult)
{
    const QJsonArray hunks = toolUseResult.value("structuredPatch"_L1).toArray();
    QString out;
    for (const auto &value : hunks) {
        const QJsonObject h = value.toObject();
        out += u"@@ -%1,%2 +%3,%4 @@\n"_s.arg(h.value("oldStart"_L1).toInteger())
                   .arg(h.value("oldLines"_L1).toInteger())
                   .arg(h.value("newStart"_L1).toInteger())
                   .arg(h.value("newLines"_L1).toInteger());
        const QJsonArray lines = h.value("lines"_L1).toArray();
        for (const auto &line : lines)
            out += line.toString() + u'\n';
    }
    return out;
}

EventPresentation presentEvent(const TranscriptEvent &event, const Transcript *transcript, int line, Extent extent)
{
    Q_UNUSED(line);
    EventPresentation p;
    switch (event.kind) {
    case EventKind::Init:
        p.header = u"Session start"_s;
        p.body = u"model %1 · cwd %2 · %3 tools · session %4"_s.arg(event.init.model, event.init.cwd)
                     .arg(event.init.tools.size())
                     .arg(event.init.sessionId);
        p.format = BodyFormat::Note;
        p.detail = indentedJson(event.object);
        return p;
    case EventKind::SystemNote:
        p.header = u"System · "_s + (event.subtype.isEmpty() ? u"(no subtype)"_s : event.subtype);
        p.body = noteFields(event.object);
        p.format = BodyFormat::Note;
        p.detail = indentedJson(event.object);
        p.dim = true;
        return p;
    case EventKind::Result: {
        const ResultInfo &r = event.result;
        p.error = !r.succeeded();
        p.header = r.succeeded() ? u"Finished · success"_s
                                 : u"Finished · FAILED (%1%2)"_s.arg(r.subtype.isEmpty() ? u"no subtype"_s : r.subtype,
                                     r.isError ? u", is_error"_s : QString());
        p.body = u"%1 · %2 turns · %3 · %4"_s.arg(formatDuration(r.durationMs))
                     .arg(r.numTurns)
                     .arg(formatCost(r.costUsd), usageLine(r.usage));
        if (!r.text.isEmpty())
            p.body += u"\n\n"_s + capped(r.text, extent);
        p.format = BodyFormat::Markdown;
        p.detail = indentedJson(event.object);
        return p;
    }
    case EventKind::Unparseable:
    case EventKind::Incomplete:
        p.error = event.kind == EventKind::Unparseable;
        p.header
            = (event.kind == EventKind::Unparseable ? u"⚠ Line does not parse — "_s : u"⚠ Incomplete last line — "_s)
            + event.problem;
        p.format = BodyFormat::Monospace;
        if (transcript && line >= 0) {
            const QByteArrayView raw = transcript->index().line(line);
            p.body = displayText(raw, 600);
            if (raw.size() > 600) {
                p.body += u" … (%1 bytes)"_s.arg(raw.size());
                p.detail = displayText(raw, extent == Extent::Complete ? -1 : kMaxBody);
            }
        }
        return p;
    case EventKind::UnknownType:
        p.header = u"Unknown type “%1”"_s.arg(event.type);
        p.body = u"(raw JSON when expanded)"_s;
        p.format = BodyFormat::Note;
        p.detail = indentedJson(event.object);
        p.dim = true;
        return p;
    case EventKind::StreamEvent:
        p.header = u"stream_event (partial output, skipped)"_s;
        p.format = BodyFormat::Note;
        p.detail = indentedJson(event.object);
        p.dim = true;
        return p;
    case EventKind::Blank:
        p.header = u"(blank line)"_s;
        p.dim = true;
        return p;
    default:
        break;
    }
    if (event.blocks.isEmpty())
        return p;
    p = presentBlock(event, event.blocks.constFirst(), transcript, extent);
    for (qsizetype i = 1; i < event.blocks.size(); ++i) {
        const EventPresentation more = presentBlock(event, event.blocks.at(i), transcript, extent);
        p.body += u"\n\n**"_s + more.header + u"** "_s + more.body;
        if (!more.detail.isEmpty())
            p.detail += (p.detail.isEmpty() ? QString() : u"\n\n"_s) + more.detail;
        p.error = p.error || more.error;
        p.failedCall = p.failedCall || more.failedCall;
    }
    return p;
}

} // namespace cwi
