#include "difffilelistmodel.h"

#include "render/htmlwriter.h"

#include <QFont>
#include <QLocale>

namespace cwi {

using namespace Qt::StringLiterals;

DiffFileListModel::DiffFileListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DiffFileListModel::clear()
{
    beginResetModel();
    m_files.clear();
    endResetModel();
}

void DiffFileListModel::appendFiles(const QVector<DiffFile> &files)
{
    if (files.isEmpty())
        return;
    beginInsertRows({}, int(m_files.size()), int(m_files.size() + files.size() - 1));
    m_files += files;
    endInsertRows();
}

void DiffFileListModel::setComments(const QVector<ReviewComment> &comments)
{
    m_counts = commentCountsByPath(comments);
    if (!m_files.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int DiffFileListModel::rowOfPath(const QString &path) const
{
    for (int i = 0; i < m_files.size(); ++i) {
        if (m_files.at(i).newPath == path)
            return i;
    }
    for (int i = 0; i < m_files.size(); ++i) {
        if (m_files.at(i).oldPath == path)
            return i;
    }
    return -1;
}

CommentCount DiffFileListModel::countFor(int row) const
{
    const DiffFile &f = m_files.at(row);
    CommentCount count = m_counts.value(f.newPath);
    if (f.oldPath != f.newPath) {
        const CommentCount old = m_counts.value(f.oldPath);
        count.total += old.total;
        count.unresolved += old.unresolved;
    }
    return count;
}

QString DiffFileListModel::statusText(int row) const
{
    const DiffFile &f = m_files.at(row);
    QString text = diffStatusName(f.status);
    if (f.binary)
        text += u", binary"_s;
    if (f.modeChanged())
        text += u", mode"_s;
    return text;
}

int DiffFileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int DiffFileListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiffFileListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const DiffFile &f = m_files.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn:
            return f.displayPath();
        case StatusColumn:
            return statusText(index.row());
        case AddedColumn:
            return f.binary ? QString() : u"+"_s + QLocale().toString(f.additions);
        case RemovedColumn:
            return f.binary ? QString() : u"−"_s + QLocale().toString(f.deletions);
        case CommentsColumn: {
            const CommentCount c = countFor(index.row());
            return c.total == 0 ? QString() : QLocale().toString(c.total);
        }
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case PathColumn:
            return f.displayPath();
        case StatusColumn:
            return int(f.status);
        case AddedColumn:
            return f.additions;
        case RemovedColumn:
            return f.deletions;
        case CommentsColumn:
            return countFor(index.row()).total;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CommentsColumn) {
            const CommentCount c = countFor(index.row());
            return render::plainToolTip(
                c.total == 0 ? QString() : u"%1 comments, %2 unresolved"_s.arg(c.total).arg(c.unresolved));
        }
        return render::plainToolTip(f.displayPath());
    case Qt::FontRole:
        if (index.column() == CommentsColumn && countFor(index.row()).unresolved > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != PathColumn && index.column() != StatusColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case FileIndexRole:
        return index.row();
    case StatusRole:
        return int(f.status);
    case BinaryRole:
        return f.binary;
    case CommentCountRole:
        return countFor(index.row()).total;
    case UnresolvedCountRole:
        return countFor(index.row()).unresolved;
    case PathRole:
        return f.path();
    }
    return {};
}

QVariant DiffFileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return u"File"_s;
    case StatusColumn:
        return u"Status"_s;
    case AddedColumn:
        return u"Added"_s;
    case RemovedColumn:
        return u"Removed"_s;
    case CommentsColumn:
        return u"Comments"_s;
    }
    return {};
}

} // namespace cwi
