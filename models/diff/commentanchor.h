#pragma once

// Where a review comment sits in a diff (database.md): (filePath, lineNumber, lineType) anchors to
// the new-side line for `added` and `context`, the old-side line for `removed`. A comment whose
// file or line is not in the current diff is outdated: listed, never hidden.

#include "difftypes.h"
#include "entities.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

namespace cwi {

// True when COMMENT belongs to FILE (its new path, or its old path for renames and deletions).
bool commentBelongsTo(const ReviewComment &comment, const DiffFile &file);

// Index into file.lines of the line COMMENT anchors to, or -1.
int anchorLine(const DiffFile &file, const ReviewComment &comment);

// The lineNumber / lineType a new comment on LINE gets; lineNumber 0 for a no-newline marker.
qint64 commentLineNumber(const DiffLine &line);
QString commentLineType(const DiffLine &line);

// Ids of the COMMENTS that do not anchor anywhere in FILES (complete diff).
QSet<QString> outdatedComments(const QVector<DiffFile> &files, const QVector<ReviewComment> &comments);

// Per path (file.path()): comments and unresolved comments of that file (anchored or not).
struct CommentCount
{
    int total = 0;
    int unresolved = 0;
};
QHash<QString, CommentCount> commentCountsByPath(const QVector<ReviewComment> &comments);

} // namespace cwi
