#pragma once

// One file of a diff as a flat list of rows: notes (binary, mode change, rename), outdated
// comments of the file, hunk headers, lines with old/new numbers, and review comments right under
// the line they anchor to. Unified: one line per row. Side by side: a row holds the old line on
// the left and the new one on the right (a removed run beside the added run after it). A large
// file starts collapsed to one row until the user asks for it. Text is decoded only when a row
// is painted; the changed words of a removed/added pair come from textdiff.

#include "difftypes.h"
#include "entities.h"
#include "outdatedcode.h"
#include "textdiff.h"

#include <QAbstractListModel>
#include <QHash>
#include <QMultiHash>
#include <QSet>
#include <QVector>

namespace cwi {

class DiffModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum RowKind
    {
        NoteRow,
        HunkRow,
        LineRow,
        CommentRow,
        CollapsedRow,
        ContextRow, // an unchanged line shown from the whole file (expanded context); no comments here
        ExpandRow, // "show more lines" between hunks (or after the last one)
    };
    enum Role
    {
        RowKindRole = Qt::UserRole + 1,
        LineKindRole, // DiffLine::Kind (LineRow)
        OldLineRole, // int, 0 when none
        NewLineRole,
        CommentIdRole, // CommentRow
        AuthorRole,
        BodyRole,
        ResolvedRole,
        OutdatedRole, // CommentRow: the comment's line is not in this diff
        CreatedAtRole, // QDateTime
        AnchorTextRole, // CommentRow: "line 12 (added)"
        CommentLineNumberRole, // LineRow: lineNumber a new comment on this row gets
        CommentLineTypeRole, // LineRow: "added" | "removed" | "context"
        ExpandedRole, // CommentRow: resolved comments are collapsed unless expanded
        ChangedSpansRole, // LineRow: QVector<textdiff::Span>, the changed words of a removed/added pair
        // Side by side, the roles above describe the left (old) side and these the right (new):
        RightTextRole,
        RightLineKindRole, // -1 when the row has no right side
        RightChangedSpansRole,
        OutdatedCodeRole, // CommentRow of an outdated comment: OutdatedCode, once looked up
    };

    explicit DiffModel(QObject *parent = nullptr);

    // Files with more diff lines than this start collapsed.
    static constexpr int kLargeFileLines = 1500;

    void clear();
    // COMMENTS: all comments of the phase; those of FILE are placed (or listed as outdated).
    void setFile(const DiffFile &file, const QVector<ReviewComment> &comments);
    void setComments(const QVector<ReviewComment> &comments); // same file, new comment rows
    // A file the diff no longer has (PATH): a note and the outdated comments written on it.
    void setFileNotInDiff(const QString &path, const QVector<ReviewComment> &comments);
    bool isFileNotInDiff() const { return m_hasFile && m_notInDiff; }
    bool hasFile() const { return m_hasFile; }
    const DiffFile &file() const { return m_file; }
    bool isCollapsed() const { return m_collapsed; }
    void expand();
    void setCommentExpanded(const QString &commentId, bool expanded);
    void setSideBySide(bool sideBySide);
    // Offer "show more lines" rows between hunks (someone can load the file's text).
    void setContextExpandable(bool expandable);
    // The file's text at the head (new side), for the unchanged lines around the hunks.
    void setFullText(const QStringList &lines);
    bool hasFullText() const { return m_hasFullText; }
    // Shows COUNT more hidden lines of gap GAP (before hunk GAP; the one after the last hunk is
    // hunks().size()), the ones next to the changes first; a negative COUNT shows all of them.
    void expandGap(int gap, int count);
    void showWholeFile(); // every gap open
    static constexpr int kExpandStep = 20;
    bool isSideBySide() const { return m_sideBySide; }
    // The code outdated comments were written on, by comment id (ReviewSession::outdatedCode()).
    void setOutdatedCode(const QHash<QString, OutdatedCode> &codeByComment);

    int rowOfComment(const QString &commentId) const; // -1 when not shown
    int rowOfLine(const QString &lineType, qint64 lineNumber) const; // -1 when not in the diff
    RowKind rowKind(int row) const { return m_rows.at(row).kind; }
    int gapOfRow(int row) const { return m_rows.at(row).kind == ExpandRow ? m_rows.at(row).index : -1; }
    const ReviewComment *commentAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        RowKind kind;
        int index; // NoteRow: into m_notes; HunkRow: hunk; LineRow: line (left side: -1 when none);
                   // CommentRow: into m_comments
        int right = -1; // LineRow side by side: the line on the right, -1 when none
    };
    void rebuild();
    void appendHunkRows(int hunk, const QMultiHash<int, int> &commentsByLine);
    void appendCommentRows(int line, const QMultiHash<int, int> &commentsByLine);
    QVariant lineData(int line, int role) const;
    QVariant contextData(const Row &row, int role) const;
    int gapFirst(int gap) const; // first new line number of the gap
    int gapLast(int gap) const; // last one; -1 when unknown (after the last hunk, text not loaded)
    int gapOldDelta(int gap) const; // old line number minus new line number in the gap
    void appendGapRows(int gap);
    void pairChangedLines();

    DiffFile m_file;
    bool m_hasFile = false;
    bool m_collapsed = false;
    bool m_sideBySide = false;
    bool m_notInDiff = false;
    QHash<QString, OutdatedCode> m_outdatedCode;
    bool m_contextExpandable = false;
    bool m_hasFullText = false;
    QStringList m_fullText;
    QHash<int, int> m_revealed; // gap -> lines shown (a negative value: all)
    QStringList m_notes;
    QVector<ReviewComment> m_comments; // of this file only
    QVector<bool> m_outdated; // parallel to m_comments
    QSet<QString> m_expanded; // resolved comments the user opened
    QVector<Row> m_rows;
    // Line index -> the line it pairs with (the k-th removed line of a run with the k-th added
    // line right after it), -1 without one: their words are diffed for the highlighting.
    QVector<qint32> m_partner;
};

} // namespace cwi

Q_DECLARE_METATYPE(QVector<cwi::textdiff::Span>)
