#include "commentanchor.h"

namespace cwi {

using namespace Qt::StringLiterals;

bool commentBelongsTo(const ReviewComment &comment, const DiffFile &file)
{
    return comment.filePath == file.newPath || comment.filePath == file.oldPath;
}

int anchorLine(const DiffFile &file, const ReviewComment &comment)
{
    if (!commentBelongsTo(comment, file) || comment.lineNumber <= 0 || file.binary)
        return -1;
    DiffLine::Kind kind;
    if (comment.lineType == u"added"_s)
        kind = DiffLine::Added;
    else if (comment.lineType == u"removed"_s)
        kind = DiffLine::Removed;
    else if (comment.lineType == u"context"_s)
        kind = DiffLine::Context;
    else
        return -1; // unknown line type: shown as outdated rather than guessed
    const bool oldSide = kind == DiffLine::Removed;
    for (const DiffHunk &hunk : file.hunks) {
        // Skip hunks whose range cannot hold the line.
        const qint64 start = oldSide ? hunk.oldStart : hunk.newStart;
        const qint64 count = oldSide ? hunk.oldCount : hunk.newCount;
        if (comment.lineNumber < start || comment.lineNumber >= start + qMax<qint64>(count, 1))
            continue;
        const int end = qMin<int>(hunk.firstLine + hunk.lineCount, int(file.lines.size()));
        for (int i = hunk.firstLine; i < end; ++i) {
            const DiffLine &line = file.lines.at(i);
            if (line.kind == kind && (oldSide ? line.oldLine : line.newLine) == comment.lineNumber)
                return i;
        }
    }
    return -1;
}

qint64 commentLineNumber(const DiffLine &line)
{
    return line.kind == DiffLine::Removed ? line.oldLine : line.newLine;
}

QString commentLineType(const DiffLine &line)
{
    switch (line.kind) {
    case DiffLine::Added:
        return u"added"_s;
    case DiffLine::Removed:
        return u"removed"_s;
    case DiffLine::Context:
    case DiffLine::NoNewline:
        break;
    }
    return u"context"_s;
}

QSet<QString> outdatedComments(const QVector<DiffFile> &files, const QVector<ReviewComment> &comments)
{
    QHash<QString, int> fileByPath;
    for (int i = 0; i < files.size(); ++i)
        fileByPath.insert(files.at(i).oldPath, i);
    for (int i = 0; i < files.size(); ++i)
        fileByPath.insert(files.at(i).newPath, i); // a new path wins over another file's old path
    QSet<QString> outdated;
    for (const ReviewComment &c : comments) {
        const int f = fileByPath.value(c.filePath, -1);
        if (f < 0 || anchorLine(files.at(f), c) < 0)
            outdated.insert(c.id);
    }
    return outdated;
}

QHash<QString, CommentCount> commentCountsByPath(const QVector<ReviewComment> &comments)
{
    QHash<QString, CommentCount> counts;
    for (const ReviewComment &c : comments) {
        CommentCount &count = counts[c.filePath];
        ++count.total;
        if (!c.resolved)
            ++count.unresolved;
    }
    return counts;
}

} // namespace cwi
