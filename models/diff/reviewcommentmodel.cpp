#include "reviewcommentmodel.h"

#include "render/htmlwriter.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace cwi {

using namespace Qt::StringLiterals;

ReviewCommentModel::ReviewCommentModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ReviewCommentModel::setComments(const QVector<ReviewComment> &comments)
{
    beginResetModel();
    m_comments = comments;
    endResetModel();
}

void ReviewCommentModel::setOutdated(const QSet<QString> &ids)
{
    m_outdated = ids;
    if (!m_comments.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ReviewCommentModel::setNow(const QDateTime &now)
{
    m_now = now;
}

int ReviewCommentModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_comments.size(); ++i) {
        if (m_comments.at(i).id == id)
            return i;
    }
    return -1;
}

QString ReviewCommentModel::ageText(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return u"?"_s;
    const qint64 s = then.secsTo(now);
    if (s < 60)
        return u"just now"_s;
    if (s < 3600)
        return u"%1 min ago"_s.arg(s / 60);
    if (s < 86400)
        return u"%1 h ago"_s.arg(s / 3600);
    if (s < qint64(86400) * 60)
        return u"%1 d ago"_s.arg(s / 86400);
    return then.date().toString(Qt::ISODate);
}

int ReviewCommentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_comments.size());
}

int ReviewCommentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewCommentModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const ReviewComment &c = m_comments.at(index.row());
    const bool outdated = m_outdated.contains(c.id);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FileColumn:
            return c.filePath;
        case LineColumn:
            return outdated ? u"%1 (outdated)"_s.arg(c.lineNumber) : QString::number(c.lineNumber);
        case TypeColumn:
            return c.lineType;
        case AuthorColumn:
            return c.author;
        case BodyColumn:
            return c.body.section(u'\n', 0, 0);
        case AgeColumn:
            return ageText(c.createdAt.toDateTime(), m_now.isValid() ? m_now : QDateTime::currentDateTime());
        case ResolvedColumn:
            return c.resolved ? u"resolved"_s : u"open"_s;
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case LineColumn:
            return c.lineNumber;
        case AgeColumn:
            return c.createdAt.toDateTime();
        case ResolvedColumn:
            return c.resolved;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (outdated)
            return render::plainToolTip(u"Outdated: %1 line %2 (%3) is not in the current diff.\n\n%4"_s.arg(c.filePath)
                                            .arg(c.lineNumber)
                                            .arg(c.lineType, c.body));
        return render::plainToolTip(c.body);
    case Qt::FontRole:
        if (!c.resolved) {
            QFont bold;
            bold.setBold(index.column() == BodyColumn);
            return bold;
        }
        break;
    case Qt::ForegroundRole:
        if (c.resolved)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        if (outdated && index.column() == LineColumn)
            return QColor(0xb0, 0x60, 0x00);
        break;
    case CommentIdRole:
        return c.id;
    case FilePathRole:
        return c.filePath;
    case ResolvedRole:
        return c.resolved;
    case OutdatedRole:
        return outdated;
    case LineNumberRole:
        return c.lineNumber;
    case LineTypeRole:
        return c.lineType;
    case UpdatedAtRole:
        return c.updatedAt.raw;
    }
    return {};
}

QVariant ReviewCommentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return u"File"_s;
    case LineColumn:
        return u"Line"_s;
    case TypeColumn:
        return u"Type"_s;
    case AuthorColumn:
        return u"Author"_s;
    case BodyColumn:
        return u"Comment"_s;
    case AgeColumn:
        return u"Age"_s;
    case ResolvedColumn:
        return u"State"_s;
    }
    return {};
}

ReviewCommentFilterModel::ReviewCommentFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::EditRole);
}

void ReviewCommentFilterModel::setStateFilter(StateFilter filter)
{
    if (m_state == filter)
        return;
    m_state = filter;
    invalidateFilter();
}

void ReviewCommentFilterModel::setFileFilter(const QString &path)
{
    if (m_file == path)
        return;
    m_file = path;
    invalidateFilter();
}

bool ReviewCommentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool resolved = idx.data(ReviewCommentModel::ResolvedRole).toBool();
    if ((m_state == Unresolved && resolved) || (m_state == Resolved && !resolved))
        return false;
    return m_file.isEmpty() || idx.data(ReviewCommentModel::FilePathRole).toString() == m_file;
}

} // namespace cwi
