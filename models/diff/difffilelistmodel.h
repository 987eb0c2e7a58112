#pragma once

// The files of a diff: path (renames as old → new), status, +/- counts and the number of review
// comments (bold when some are unresolved). Files are appended batch by batch as the parser
// delivers them. Filter by path with a QSortFilterProxyModel on PathColumn.

#include "commentanchor.h"
#include "difftypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace cwi {

class DiffFileListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PathColumn,
        StatusColumn,
        AddedColumn,
        RemovedColumn,
        CommentsColumn,
        ColumnCount
    };
    enum Role
    {
        FileIndexRole = Qt::UserRole + 1, // int: index into files()
        StatusRole, // DiffFile::Status
        BinaryRole,
        CommentCountRole,
        UnresolvedCountRole,
        PathRole, // DiffFile::path(), the path comments use
    };

    explicit DiffFileListModel(QObject *parent = nullptr);

    void clear();
    void appendFiles(const QVector<DiffFile> &files);
    void setComments(const QVector<ReviewComment> &comments);

    const QVector<DiffFile> &files() const { return m_files; }
    int rowOfPath(const QString &path) const; // -1 when absent; matches new or old path
    CommentCount countFor(int row) const;
    QString statusText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<DiffFile> m_files;
    QHash<QString, CommentCount> m_counts;
};

} // namespace cwi
