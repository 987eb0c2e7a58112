#pragma once

// The files of a diff as a tree of folders, the way a reviewer reads a change: every name in
// full (no elided paths that look alike), a status letter per file (A added, M modified,
// R renamed, D deleted, B binary), +/− counts (folders add up their files), the number of
// unresolved comments, and a "Viewed" check box per file (ViewedFiles keeps it). Folders with
// a single sub-folder are shown as one row ("src/components"). Built over DiffFileListModel,
// rebuilt as batches of files arrive.

#include <QAbstractItemModel>
#include <QVector>

namespace cwi {

class DiffFileListModel;
class ViewedFiles;

class DiffFileTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn, // check box: viewed
        StatusColumn,
        AddedColumn,
        RemovedColumn,
        CommentsColumn, // unresolved comments
        ColumnCount
    };
    enum Role
    {
        FileIndexRole = Qt::UserRole + 1, // int: index into DiffFileListModel::files(), -1 for a folder
        PathRole, // the full path of the file or folder (what the filter matches)
        UnresolvedCountRole,
    };

    // FILES and VIEWED are not owned; VIEWED may be null (no check boxes).
    DiffFileTreeModel(DiffFileListModel *files, ViewedFiles *viewed, QObject *parent = nullptr);

    QModelIndex indexOfFile(int fileIndex, int column = NameColumn) const;
    // The file indexes in the order the tree shows them (folders first, by name).
    QVector<int> filesInTreeOrder() const;
    // The viewed state changed outside (another head, another phase): repaint the boxes.
    void viewedReloaded();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void viewedChanged(int fileIndex, bool viewed);

private:
    struct Node
    {
        QString name; // shown: a file name, or folder names joined by '/'
        QString path; // full path
        int parent = -1;
        int row = 0; // in the parent's children
        QVector<int> children;
        int file = -1;
        int added = 0;
        int removed = 0;
        int unresolved = 0;
    };
    void rebuild();
    void recount(); // comment counts changed: recount and repaint
    void countUnresolved();
    int nodeOf(const QModelIndex &index) const;
    QString statusLetter(int fileIndex) const;

    DiffFileListModel *m_files;
    ViewedFiles *m_viewed;
    QVector<Node> m_nodes; // 0 is the root
    QVector<int> m_nodeOfFile;
};

} // namespace cwi
