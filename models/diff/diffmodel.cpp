#include "diffmodel.h"

#include "commentanchor.h"

#include <QLocale>
#include <QMultiHash>

namespace cwi {

using namespace Qt::StringLiterals;

DiffModel::DiffModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void DiffModel::clear()
{
    beginResetModel();
    m_file = DiffFile();
    m_hasFile = false;
    m_comments.clear();
    m_outdated.clear();
    m_rows.clear();
    m_notes.clear();
    endResetModel();
}

void DiffModel::setFile(const DiffFile &file, const QVector<ReviewComment> &comments)
{
    beginResetModel();
    m_file = file;
    m_hasFile = true;
    m_collapsed = file.lines.size() > kLargeFileLines;
    m_expanded.clear();
    m_comments.clear();
    for (const ReviewComment &c : comments) {
        if (commentBelongsTo(c, m_file))
            m_comments.append(c);
    }
    rebuild();
    endResetModel();
}

void DiffModel::setComments(const QVector<ReviewComment> &comments)
{
    if (!m_hasFile)
        return;
    beginResetModel();
    m_comments.clear();
    for (const ReviewComment &c : comments) {
        if (commentBelongsTo(c, m_file))
            m_comments.append(c);
    }
    rebuild();
    endResetModel();
}

void DiffModel::expand()
{
    if (!m_collapsed)
        return;
    beginResetModel();
    m_collapsed = false;
    rebuild();
    endResetModel();
}

void DiffModel::setCommentExpanded(const QString &commentId, bool expanded)
{
    if (expanded)
        m_expanded.insert(commentId);
    else
        m_expanded.remove(commentId);
    const int row = rowOfComment(commentId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

void DiffModel::rebuild()
{
    m_rows.clear();
    m_notes.clear();
    m_outdated.fill(false, m_comments.size());
    if (!m_hasFile)
        return;
    const DiffFile &f = m_file;
    if ((f.status == DiffFile::Renamed || f.status == DiffFile::Copied) && f.oldPath != f.newPath) {
        const QString what = f.status == DiffFile::Renamed ? u"Renamed"_s : u"Copied"_s;
        m_notes << (f.similarity >= 0 ? u"%1 from %2 (%3% similar)"_s.arg(what, f.oldPath).arg(f.similarity)
                                      : u"%1 from %2"_s.arg(what, f.oldPath));
    }
    if (f.modeChanged())
        m_notes << u"Mode changed %1 → %2"_s.arg(f.oldMode, f.newMode);
    else if (f.status == DiffFile::Added && !f.newMode.isEmpty() && f.newMode != u"100644"_s)
        m_notes << u"New file with mode %1"_s.arg(f.newMode);
    if (f.binary)
        m_notes << u"Binary file: contents not shown"_s;
    else if (f.hunks.isEmpty())
        m_notes << (f.status == DiffFile::Added || f.status == DiffFile::Deleted ? u"Empty file"_s
                                                                                 : u"No content changes"_s);
    for (int i = 0; i < m_notes.size(); ++i)
        m_rows.append({ NoteRow, i });

    QMultiHash<int, int> byLine; // line index -> comment index
    for (int c = 0; c < m_comments.size(); ++c) {
        const int line = anchorLine(f, m_comments.at(c));
        if (line < 0)
            m_outdated[c] = true;
        else
            byLine.insert(line, c);
    }
    for (int c = 0; c < m_comments.size(); ++c) {
        if (m_outdated.at(c))
            m_rows.append({ CommentRow, c });
    }
    if (m_collapsed) {
        m_rows.append({ CollapsedRow, 0 });
        return;
    }
    m_rows.reserve(m_rows.size() + f.lines.size() + f.hunks.size() + m_comments.size());
    for (int h = 0; h < f.hunks.size(); ++h) {
        m_rows.append({ HunkRow, h });
        const DiffHunk &hunk = f.hunks.at(h);
        const int end = qMin<int>(hunk.firstLine + hunk.lineCount, int(f.lines.size()));
        for (int i = hunk.firstLine; i < end; ++i) {
            m_rows.append({ LineRow, i });
            if (!byLine.contains(i))
                continue;
            QList<int> here = byLine.values(i);
            std::sort(here.begin(), here.end()); // oldest first, as read
            for (int c : std::as_const(here))
                m_rows.append({ CommentRow, c });
        }
    }
}

int DiffModel::rowOfComment(const QString &commentId) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).kind == CommentRow && m_comments.at(m_rows.at(r).index).id == commentId)
            return r;
    }
    return -1;
}

int DiffModel::rowOfLine(const QString &lineType, qint64 lineNumber) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).kind != LineRow)
            continue;
        const DiffLine &line = m_file.lines.at(m_rows.at(r).index);
        if (line.kind != DiffLine::NoNewline && commentLineType(line) == lineType
            && commentLineNumber(line) == lineNumber)
            return r;
    }
    return -1;
}

const ReviewComment *DiffModel::commentAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).kind != CommentRow)
        return nullptr;
    return &m_comments.at(m_rows.at(row).index);
}

int DiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DiffModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    if (role == RowKindRole)
        return int(row.kind);
    switch (row.kind) {
    case NoteRow:
        if (role == Qt::DisplayRole)
            return m_notes.at(row.index);
        break;
    case CollapsedRow:
        if (role == Qt::DisplayRole) {
            return u"Large diff: %1 lines changed (+%2 −%3). Click or press Enter to show it."_s.arg(
                QLocale().toString(m_file.lines.size()), QLocale().toString(m_file.additions),
                QLocale().toString(m_file.deletions));
        }
        break;
    case HunkRow: {
        const DiffHunk &h = m_file.hunks.at(row.index);
        if (role == Qt::DisplayRole) {
            QString text = u"@@ -%1,%2 +%3,%4 @@"_s.arg(h.oldStart).arg(h.oldCount).arg(h.newStart).arg(h.newCount);
            if (!h.section.isEmpty())
                text += u' ' + h.section;
            if (h.truncated)
                text += u"   (cut short: the diff ended early)"_s;
            return text;
        }
        break;
    }
    case LineRow: {
        const DiffLine &line = m_file.lines.at(row.index);
        switch (role) {
        case Qt::DisplayRole:
            return m_file.lineText(row.index);
        case LineKindRole:
            return int(line.kind);
        case OldLineRole:
            return line.oldLine;
        case NewLineRole:
            return line.newLine;
        case CommentLineNumberRole:
            return commentLineNumber(line);
        case CommentLineTypeRole:
            return commentLineType(line);
        }
        break;
    }
    case CommentRow: {
        const ReviewComment &c = m_comments.at(row.index);
        switch (role) {
        case Qt::DisplayRole:
        case BodyRole:
            return c.body;
        case CommentIdRole:
            return c.id;
        case AuthorRole:
            return c.author;
        case ResolvedRole:
            return c.resolved;
        case OutdatedRole:
            return m_outdated.at(row.index);
        case CreatedAtRole:
            return c.createdAt.toDateTime();
        case AnchorTextRole:
            return u"line %1 (%2)"_s.arg(c.lineNumber).arg(c.lineType);
        case ExpandedRole:
            return !c.resolved || m_expanded.contains(c.id);
        }
        break;
    }
    }
    return {};
}

} // namespace cwi
