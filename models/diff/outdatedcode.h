#pragma once

// The code an outdated review comment was written on, as GitHub's "Outdated" conversation shows
// it: the few diff lines around the commented line, in the diff the reviewer saw then.
//
// The database keeps no commit with a comment, only its time. The head at that time is found in
// git: first the newest commit of the head before the comment (`git rev-list -1 --before=T`),
// then, for a branch that was rewritten since (rebased, amended), where the branch's reflog says
// it pointed then (`BRANCH@{T}`). A candidate counts only when the comment anchors in its diff
// (merge-base with the review's base .. candidate, the comment's file only) exactly as a comment
// anchors in the current diff (commentanchor.h): a wrong guess shows "unavailable", never someone
// else's line. Every git call goes through GitRunner (argument lists, refs checked, pathspecs
// literal).

#include "difftypes.h"
#include "entities.h"

#include <QMetaType>
#include <QString>
#include <QVector>

namespace cwi {

class GitRunner;

struct OutdatedCode
{
    struct Line
    {
        DiffLine::Kind kind = DiffLine::Context;
        qint32 oldLine = 0;
        qint32 newLine = 0;
        QString text;
        bool commented = false; // the line the comment is on
    };

    QString commit; // the head the comment was written on (full hash); empty when not found
    QVector<Line> lines; // empty when unavailable
    QString unavailable; // why git could not give the code (for the card)

    bool found() const { return !lines.isEmpty(); }
    // The snippet as plain text, one line each: "› 17 + text" for the commented line, "  16   text"
    // for the others (tests, tool tips).
    QString text() const;
};

// Lines shown before and after the commented line (within its hunk).
inline constexpr int kOutdatedLinesBefore = 3;
inline constexpr int kOutdatedLinesAfter = 2;

// Finds the code COMMENT was written on. BASESHA and HEADSHA: the review's resolved base and
// head; HEADREF the head as named (a branch: its reflog is the second place to look; may be
// empty). Blocking: runs git, call it from a worker.
OutdatedCode findOutdatedCode(const GitRunner &git, const QString &baseSha, const QString &headSha,
    const QString &headRef, const ReviewComment &comment);

} // namespace cwi

Q_DECLARE_METATYPE(cwi::OutdatedCode)
