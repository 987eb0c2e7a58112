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
    m_partner.clear();
    endResetModel();
}

void DiffModel::setFile(const DiffFile &file, const QVector<ReviewComment> &comments)
{
    beginResetModel();
    m_file = file;
    m_hasFile = true;
    m_notInDiff = false;
    m_collapsed = file.lines.size() > kLargeFileLines;
    m_expanded.clear();
    m_hasFullText = false;
    m_fullText.clear();
    m_revealed.clear();
    m_comments.clear();
    for (const ReviewComment &c : comments) {
        if (commentBelongsTo(c, m_file))
            m_comments.append(c);
    }
    pairChangedLines();
    rebuild();
    endResetModel();
}

void DiffModel::setFileNotInDiff(const QString &path, const QVector<ReviewComment> &comments)
{
    DiffFile file;
    file.oldPath = path;
    file.newPath = path;
    setFile(file, comments);
    beginResetModel();
    m_notInDiff = true;
    rebuild();
    endResetModel();
}

void DiffModel::pairChangedLines()
{
    const QVector<DiffLine> &lines = m_file.lines;
    m_partner.fill(-1, lines.size());
    for (const DiffHunk &hunk : std::as_const(m_file.hunks)) {
        const int end = qMin<int>(hunk.firstLine + hunk.lineCount, int(lines.size()));
        int i = hunk.firstLine;
        while (i < end) {
            if (lines.at(i).kind != DiffLine::Removed) {
                ++i;
                continue;
            }
            const int removed = i;
            while (i < end && lines.at(i).kind == DiffLine::Removed)
                ++i;
            const int added = i;
            while (i < end && lines.at(i).kind == DiffLine::Added)
                ++i;
            for (int k = 0; removed + k < added && added + k < i; ++k) {
                m_partner[removed + k] = added + k;
                m_partner[added + k] = removed + k;
            }
        }
    }
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
    if (m_notInDiff) {
        m_notes << tr("Not in this diff: the comments below were written on an earlier version of the branch.");
        m_rows.append({ NoteRow, 0 });
        m_outdated.fill(true, m_comments.size());
        for (int c = 0; c < m_comments.size(); ++c)
            m_rows.append({ CommentRow, c });
        return;
    }
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
    const bool expandable = m_contextExpandable && !f.binary && f.status != DiffFile::Deleted && !f.hunks.isEmpty();
    for (int h = 0; h < f.hunks.size(); ++h) {
        if (expandable)
            appendGapRows(h);
        appendHunkRows(h, byLine);
    }
    if (expandable)
        appendGapRows(int(f.hunks.size()));
}

int DiffModel::gapFirst(int gap) const
{
    if (gap == 0)
        return 1;
    const DiffHunk &before = m_file.hunks.at(gap - 1);
    return before.newCount == 0 ? before.newStart + 1 : before.newStart + before.newCount;
}

int DiffModel::gapLast(int gap) const
{
    if (gap < m_file.hunks.size()) {
        const DiffHunk &after = m_file.hunks.at(gap);
        return after.newCount == 0 ? after.newStart : after.newStart - 1;
    }
    return m_hasFullText ? int(m_fullText.size()) : -1;
}

int DiffModel::gapOldDelta(int gap) const
{
    // The first line after the gap has these numbers on both sides (or, after the last hunk,
    // the first line after it).
    if (gap < m_file.hunks.size()) {
        const DiffHunk &after = m_file.hunks.at(gap);
        return (after.oldCount == 0 ? after.oldStart + 1 : after.oldStart)
            - (after.newCount == 0 ? after.newStart + 1 : after.newStart);
    }
    const DiffHunk &last = m_file.hunks.last();
    return (last.oldCount == 0 ? last.oldStart + 1 : last.oldStart + last.oldCount)
        - (last.newCount == 0 ? last.newStart + 1 : last.newStart + last.newCount);
}

// The revealed unchanged lines of a gap and, while some stay hidden, the row that shows more.
// Before a hunk the lines next to it are revealed first; after the last hunk, the ones below it.
void DiffModel::appendGapRows(int gap)
{
    const int first = gapFirst(gap);
    const int last = gapLast(gap);
    const bool trailing = gap == m_file.hunks.size();
    if (last >= 0 && last < first)
        return; // no hidden lines here
    const int total = last < 0 ? -1 : last - first + 1;
    const int revealed = m_revealed.value(gap, 0);
    const int shown = !m_hasFullText ? 0 : (revealed < 0 || revealed >= total ? total : revealed);
    const bool more = total < 0 || shown < total;
    if (trailing) {
        for (int n = first; n < first + shown; ++n)
            m_rows.append({ ContextRow, n, gap });
        if (more)
            m_rows.append({ ExpandRow, gap });
        return;
    }
    if (more)
        m_rows.append({ ExpandRow, gap });
    for (int n = last - shown + 1; n <= last; ++n)
        m_rows.append({ ContextRow, n, gap });
}

void DiffModel::setContextExpandable(bool expandable)
{
    if (expandable == m_contextExpandable)
        return;
    beginResetModel();
    m_contextExpandable = expandable;
    rebuild();
    endResetModel();
}

void DiffModel::setFullText(const QStringList &lines)
{
    beginResetModel();
    m_fullText = lines;
    if (!m_fullText.isEmpty() && m_fullText.last().isEmpty())
        m_fullText.removeLast(); // the text ended with a line break
    m_hasFullText = true;
    rebuild();
    endResetModel();
}

void DiffModel::expandGap(int gap, int count)
{
    beginResetModel();
    const int now = m_revealed.value(gap, 0);
    m_revealed.insert(gap, count < 0 || now < 0 ? -1 : now + count);
    rebuild();
    endResetModel();
}

void DiffModel::showWholeFile()
{
    beginResetModel();
    for (int gap = 0; gap <= m_file.hunks.size(); ++gap)
        m_revealed.insert(gap, -1);
    m_collapsed = false;
    rebuild();
    endResetModel();
}

void DiffModel::appendCommentRows(int line, const QMultiHash<int, int> &commentsByLine)
{
    if (line < 0 || !commentsByLine.contains(line))
        return;
    QList<int> here = commentsByLine.values(line);
    std::sort(here.begin(), here.end()); // oldest first, as read
    for (int c : std::as_const(here))
        m_rows.append({ CommentRow, c });
}

void DiffModel::appendHunkRows(int h, const QMultiHash<int, int> &commentsByLine)
{
    m_rows.append({ HunkRow, h });
    const DiffHunk &hunk = m_file.hunks.at(h);
    const QVector<DiffLine> &lines = m_file.lines;
    const int end = qMin<int>(hunk.firstLine + hunk.lineCount, int(lines.size()));
    if (!m_sideBySide) {
        for (int i = hunk.firstLine; i < end; ++i) {
            m_rows.append({ LineRow, i });
            appendCommentRows(i, commentsByLine);
        }
        return;
    }
    int i = hunk.firstLine;
    while (i < end) {
        const DiffLine::Kind kind = lines.at(i).kind;
        if (kind != DiffLine::Removed && kind != DiffLine::Added) {
            m_rows.append({ LineRow, i, i }); // context (and "no newline") on both sides
            appendCommentRows(i, commentsByLine);
            ++i;
            continue;
        }
        // A removed run beside the added run that follows it; the longer one goes on alone.
        const int removed = i;
        while (i < end && lines.at(i).kind == DiffLine::Removed)
            ++i;
        const int added = i;
        while (i < end && lines.at(i).kind == DiffLine::Added)
            ++i;
        const int removedCount = added - removed;
        const int addedCount = i - added;
        for (int k = 0; k < qMax(removedCount, addedCount); ++k) {
            const int left = k < removedCount ? removed + k : -1;
            const int right = k < addedCount ? added + k : -1;
            m_rows.append({ LineRow, left, right });
            appendCommentRows(left, commentsByLine);
            appendCommentRows(right, commentsByLine);
        }
    }
}

void DiffModel::setSideBySide(bool sideBySide)
{
    if (sideBySide == m_sideBySide)
        return;
    beginResetModel();
    m_sideBySide = sideBySide;
    rebuild();
    endResetModel();
}

void DiffModel::setOutdatedCode(const QHash<QString, OutdatedCode> &codeByComment)
{
    m_outdatedCode = codeByComment;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
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
        for (int i : { m_rows.at(r).index, m_rows.at(r).right }) {
            if (i < 0)
                continue;
            const DiffLine &line = m_file.lines.at(i);
            if (line.kind != DiffLine::NoNewline && commentLineType(line) == lineType
                && commentLineNumber(line) == lineNumber)
                return r;
        }
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
    case ContextRow:
        return contextData(row, role);
    case ExpandRow:
        if (role == Qt::DisplayRole) {
            const int last = gapLast(row.index);
            if (last < 0)
                return tr("⋯  Show the lines below (loads the file from git)");
            const int hidden = last - gapFirst(row.index) + 1 - qMax(0, m_revealed.value(row.index, 0));
            return hidden > kExpandStep ? tr("⋯  %n hidden line(s): show %1 more", nullptr, hidden).arg(kExpandStep)
                                        : tr("⋯  Show %n hidden line(s)", nullptr, hidden);
        }
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
        if (!m_sideBySide)
            return lineData(row.index, role);
        switch (role) {
        case RightTextRole:
            return row.right < 0 ? QVariant() : lineData(row.right, Qt::DisplayRole);
        case RightLineKindRole:
            return row.right < 0 ? -1 : lineData(row.right, LineKindRole).toInt();
        case RightChangedSpansRole:
            return row.right < 0 ? QVariant() : lineData(row.right, ChangedSpansRole);
        case NewLineRole:
            return row.right < 0 ? 0 : lineData(row.right, NewLineRole).toInt();
        case CommentLineNumberRole:
        case CommentLineTypeRole:
            // A comment on a side-by-side row goes to the new line when there is one.
            return lineData(row.right >= 0 ? row.right : row.index, role);
        case LineKindRole:
            return row.index < 0 ? -1 : lineData(row.index, role).toInt();
        default:
            return row.index < 0 ? QVariant() : lineData(row.index, role);
        }
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
        case OutdatedCodeRole:
            if (const auto it = m_outdatedCode.constFind(c.id); m_outdated.at(row.index) && it != m_outdatedCode.cend())
                return QVariant::fromValue(*it);
            return {};
        }
        break;
    }
    }
    return {};
}

QVariant DiffModel::contextData(const Row &row, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case RightTextRole:
        return m_fullText.value(row.index - 1);
    case LineKindRole:
    case RightLineKindRole:
        return int(DiffLine::Context);
    case OldLineRole:
        return row.index + gapOldDelta(row.right);
    case NewLineRole:
        return row.index;
    }
    return {};
}

QVariant DiffModel::lineData(int lineIndex, int role) const
{
    const DiffLine &line = m_file.lines.at(lineIndex);
    switch (role) {
    case Qt::DisplayRole:
        return m_file.lineText(lineIndex);
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
    case ChangedSpansRole: {
        const int partner = m_partner.value(lineIndex, -1);
        if (partner < 0)
            return {};
        const bool removed = line.kind == DiffLine::Removed;
        const QString text = m_file.lineText(lineIndex);
        const QString other = m_file.lineText(partner);
        const textdiff::WordChanges changes
            = removed ? textdiff::diffWords(text, other) : textdiff::diffWords(other, text);
        return QVariant::fromValue(removed ? changes.oldSpans : changes.newSpans);
    }
    }
    return {};
}

} // namespace cwi
