#include "transcriptexport.h"

#include "database.h"
#include "eventpresentation.h"
#include "logchunkrepository.h"
#include "outputfile.h"
#include "terminaltext.h"

#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

QString fenced(const QString &text, const QString &language)
{
    QString fence = u"```"_s;
    while (text.contains(fence))
        fence += u'`';
    return fence + language + u'\n' + text + (text.endsWith(u'\n') ? QString() : u"\n"_s) + fence + u'\n';
}

QString formatted(const QString &text, BodyFormat format)
{
    switch (format) {
    case BodyFormat::Markdown:
    case BodyFormat::Plain:
        return text + u'\n';
    case BodyFormat::Monospace:
        return fenced(text, {});
    case BodyFormat::Diff:
        return fenced(text, u"diff"_s);
    case BodyFormat::Note:
        return u"_"_s + text + u"_\n"_s;
    }
    return text;
}

QString quoted(const QString &block, int depth)
{
    if (depth == 0)
        return block;
    const QString prefix = QString(u"> "_s).repeated(depth);
    QString out;
    const QStringList lines = block.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == lines.size() - 1 && lines.at(i).isEmpty())
            break;
        out += prefix + lines.at(i) + u'\n';
    }
    return out;
}

void appendLine(QString &out, const Transcript &t, int line, int depth)
{
    const auto event = t.event(line);
    if (event->kind == EventKind::Blank)
        return;
    const EventPresentation p = presentEvent(*event, &t, line, Extent::Complete);
    QString block = u"**"_s + p.header + u"**\n\n"_s;
    if (!p.body.isEmpty())
        block += formatted(p.body, p.format) + u'\n';
    const bool detailWanted = event->kind == EventKind::Thinking || event->hasKind(EventKind::ToolCall)
        || event->hasKind(EventKind::ToolResult) || event->kind == EventKind::Unparseable
        || event->kind == EventKind::UnknownType || event->kind == EventKind::AssistantText;
    if (detailWanted && !p.detail.isEmpty())
        block += formatted(p.detail, p.detailFormat) + u'\n';
    out += quoted(block, depth) + u'\n';
    for (int child : t.childLines(line))
        appendLine(out, t, child, depth + 1);
}

// OUTPATH empty: standard output. Otherwise through the one output guard (never the database).
bool writeAll(const QString &outPath, const QString &databasePath, const QByteArray &bytes, QString *error)
{
    if (!outPath.isEmpty())
        return writeOutputFile(outPath, databasePath, bytes, error);
    // On a terminal, control characters from the log are shown escaped, not obeyed.
    const QByteArray shown = forStandardOutput(bytes);
    QFile file;
    if (!file.open(stdout, QIODevice::WriteOnly) || file.write(shown) != shown.size() || !file.flush()) {
        if (error)
            *error = u"cannot write to standard output: %1"_s.arg(file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString transcriptMarkdown(const Transcript &t, const QString &title)
{
    QString out = u"# "_s + title + u"\n\n"_s;
    for (int line : t.topLevelLines())
        appendLine(out, t, line, 0);
    if (t.hasPartialTail())
        appendLine(out, t, t.tailLine(), 0);
    return out;
}

int exportSession(const std::shared_ptr<Database> &db, const QString &agentId, qint64 session, const QString &format,
    const QString &outPath, QString *error)
{
    if (format != u"jsonl" && format != u"md") {
        if (error)
            *error = u"unknown format \"%1\" (use jsonl or md)"_s.arg(format);
        return 2;
    }
    if (!db || agentId.isEmpty()) {
        if (error)
            *error = u"no database or no agent id"_s;
        return 2;
    }
    if (!outPath.isEmpty()) { // refused before the session is read, not after
        const QString refusal = refuseOutputPath(outPath, db->path());
        if (!refusal.isEmpty()) {
            if (error)
                *error = u"refused: "_s + refusal + u"; nothing was written"_s;
            return 2;
        }
    }
    const auto repo = makeLogChunkRepository(db);
    QString readError;
    const QVector<LogChunk> chunks = repo->chunks(agentId, session, &readError);
    if (chunks.isEmpty()) {
        if (error)
            *error = readError.isEmpty() ? u"no log for agent %1 session %2"_s.arg(agentId).arg(session) : readError;
        return 2;
    }
    if (format == u"jsonl") {
        QByteArray bytes;
        qsizetype total = 0;
        for (const LogChunk &chunk : chunks)
            total += chunk.content.size();
        bytes.reserve(total);
        for (const LogChunk &chunk : chunks)
            bytes += chunk.content;
        return writeAll(outPath, db->path(), bytes, error) ? 0 : 1;
    }
    Transcript transcript;
    for (const LogChunk &chunk : chunks)
        transcript.append(chunk.content);
    const QString title
        = u"%1 — session %2"_s.arg(chunks.constFirst().agentName.isEmpty() ? agentId : chunks.constFirst().agentName)
              .arg(session);
    return writeAll(outPath, db->path(), transcriptMarkdown(transcript, title).toUtf8(), error) ? 0 : 1;
}

} // namespace cwi
