#pragma once

// One file of a diff as a flat list of rows for a unified view: notes (binary, mode change,
// rename), outdated comments of the file, hunk headers, lines with old/new numbers, and review
// comments right under the line they anchor to. A large file starts collapsed to one row until
// the user asks for it. Text is decoded only when a row is painted.

#include "difftypes.h"
#include "entities.h"

#include <QAbstractListModel>
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
        CollapsedRow
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
    };

    explicit DiffModel(QObject *parent = nullptr);

    // Files with more diff lines than this start collapsed.
    static constexpr int kLargeFileLines = 1500;

    void clear();
    // COMMENTS: all comments of the phase; those of FILE are placed (or listed as outdated).
    void setFile(const DiffFile &file, const QVector<ReviewComment> &comments);
    void setComments(const QVector<ReviewComment> &comments); // same file, new comment rows
    bool hasFile() const { return m_hasFile; }
    const DiffFile &file() const { return m_file; }
    bool isCollapsed() const { return m_collapsed; }
    void expand();
    void setCommentExpanded(const QString &commentId, bool expanded);

    int rowOfComment(const QString &commentId) const; // -1 when not shown
    int rowOfLine(const QString &lineType, qint64 lineNumber) const; // -1 when not in the diff
    RowKind rowKind(int row) const { return m_rows.at(row).kind; }
    const ReviewComment *commentAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        RowKind kind;
        int index; // NoteRow: into m_notes; HunkRow: hunk; LineRow: line; CommentRow: into m_comments
    };
    void rebuild();

    DiffFile m_file;
    bool m_hasFile = false;
    bool m_collapsed = false;
    QStringList m_notes;
    QVector<ReviewComment> m_comments; // of this file only
    QVector<bool> m_outdated; // parallel to m_comments
    QSet<QString> m_expanded; // resolved comments the user opened
    QVector<Row> m_rows;
};

} // namespace cwi
