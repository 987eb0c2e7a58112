#pragma once

// The review's file tree beside the diff: a filter field over the session's folder tree
// (DiffFileTreeModel: full names, status letters, +/- counts, unresolved comments, "Viewed"
// boxes). It keeps every folder open and the shown file selected as batches of files arrive,
// and steps through files in the order the tree shows them (j / k).

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace cwi {

class DiffFileTreeModel;

class ReviewFilePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewFilePanel(DiffFileTreeModel *tree, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    // Selects file FILEINDEX in the tree (clearing a filter that hides it); no fileChosen().
    void selectFile(int fileIndex);
    // The file STEP places after (1) or before (-1) FROM in tree order; -1 when there is none.
    int neighbour(int from, int step) const;
    void clearFilter();
    // The width that shows every name and the status, +/- and comment columns without scrolling.
    int neededWidth() const;

Q_SIGNALS:
    void fileChosen(int fileIndex); // the user picked a file in the tree

private:
    DiffFileTreeModel *m_tree;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_filterEdit;
    QTreeView *m_view;
    int m_selected = -1;
};

} // namespace cwi
