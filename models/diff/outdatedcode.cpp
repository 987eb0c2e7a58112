#include "outdatedcode.h"

#include "commentanchor.h"
#include "diffparser.h"
#include "git/gitrunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cwi::OutdatedCode", text);
}

// The diff lines around the anchored line LINE of FILE, within its hunk.
QVector<OutdatedCode::Line> snippet(const DiffFile &file, int line)
{
    int first = line;
    int last = line;
    for (const DiffHunk &hunk : file.hunks) {
        const int end = qMin<int>(hunk.firstLine + hunk.lineCount, int(file.lines.size()));
        if (line >= hunk.firstLine && line < end) {
            first = qMax(hunk.firstLine, line - kOutdatedLinesBefore);
            last = qMin(end - 1, line + kOutdatedLinesAfter);
            break;
        }
    }
    QVector<OutdatedCode::Line> lines;
    for (int i = first; i <= last; ++i) {
        const DiffLine &d = file.lines.at(i);
        if (d.kind == DiffLine::NoNewline)
            continue;
        lines.append({ d.kind, d.oldLine, d.newLine, file.lineText(i), i == line });
    }
    return lines;
}

// Where the head pointed when the comment was written, most likely first; no duplicates.
QStringList candidates(
    const GitRunner &git, const QString &headSha, const QString &headRef, const QDateTime &when, QString *failure)
{
    QStringList found;
    const GitResult before
        = git.run({ u"rev-list"_s, u"-1"_s, u"--before=%1"_s.arg(when.toSecsSinceEpoch()), headSha, u"--"_s });
    if (!before.ok() && before.failure != GitResult::Failed) {
        *failure = before.message; // no repository, no git: nothing else will work either
        return {};
    }
    if (before.ok() && !before.text().isEmpty())
        found << before.text();
    // A rewritten branch no longer holds the commit: its reflog may still say where it pointed.
    if (!headRef.isEmpty() && headRef != headSha && GitRunner::refuseRef(headRef).isEmpty()) {
        const QString at = when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" +0000"_s;
        const GitResult then = git.resolveCommit(headRef + u"@{"_s + at + u'}');
        if (then.ok() && !found.contains(then.text()))
            found << then.text();
    }
    return found;
}

} // namespace

QString OutdatedCode::text() const
{
    QStringList out;
    for (const Line &l : lines) {
        const qint32 number = l.kind == DiffLine::Removed ? l.oldLine : l.newLine;
        const QString mark = l.kind == DiffLine::Added ? u"+"_s : l.kind == DiffLine::Removed ? u"-"_s : u" "_s;
        out << (l.commented ? u"› "_s : u"  "_s) + QString::number(number) + u' ' + mark + u' ' + l.text;
    }
    return out.join(u'\n');
}

OutdatedCode findOutdatedCode(const GitRunner &git, const QString &baseSha, const QString &headSha,
    const QString &headRef, const ReviewComment &comment)
{
    OutdatedCode code;
    const QDateTime when = comment.createdAt.toDateTime();
    if (comment.lineNumber <= 0) {
        code.unavailable = tr("The comment has no line number.");
        return code;
    }
    if (const QString refused = GitRunner::refusePath(comment.filePath); !refused.isEmpty()) {
        code.unavailable = refused;
        return code;
    }
    if (!when.isValid()) {
        code.unavailable = tr("The comment has no time, so the version it was written on is unknown.");
        return code;
    }
    QString failure;
    const QStringList heads = candidates(git, headSha, headRef, when, &failure);
    for (const QString &head : heads) {
        // The diff as the reviewer saw it then: from where that head left the base.
        const GitResult base = git.run({ u"merge-base"_s, baseSha, head });
        if (!base.ok())
            continue;
        // The path taken literally: ":(glob)**" from the file names that file, not a pattern.
        const GitResult diff
            = git.run({ u"diff"_s, u"--no-color"_s, u"--no-ext-diff"_s, u"--no-textconv"_s, u"--src-prefix=a/"_s,
                u"--dst-prefix=b/"_s, base.text(), head, u"--"_s, u":(literal)"_s + comment.filePath });
        if (!diff.ok()) {
            failure = diff.message;
            continue;
        }
        for (const DiffFile &file : DiffParser::parse(diff.output)) {
            const int line = anchorLine(file, comment);
            if (line >= 0) {
                code.commit = head;
                code.lines = snippet(file, line);
                return code;
            }
        }
    }
    if (!failure.isEmpty())
        code.unavailable = tr("git could not show the code it was written on: %1").arg(failure);
    else
        code.unavailable = tr("The code it was written on is no longer in the repository: no version of the "
                              "branch before the comment has line %1 of this file in its diff (the branch "
                              "was rewritten, or the commits are gone).")
                               .arg(comment.lineNumber);
    return code;
}

} // namespace cwi
