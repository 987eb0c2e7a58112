#include "reviewfilepanel.h"

#include "diff/difffiletreemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace cwi {

using namespace Qt::StringLiterals;

ReviewFilePanel::ReviewFilePanel(DiffFileTreeModel *tree, QWidget *parent)
    : QWidget(parent)
    , m_tree(tree)
    , m_filter(new QSortFilterProxyModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    m_filter->setSourceModel(m_tree);
    m_filter->setRecursiveFilteringEnabled(true); // a folder stays while one of its files matches
    m_filter->setFilterRole(DiffFileTreeModel::PathRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filterEdit->setPlaceholderText(tr("Filter files"));
    m_filterEdit->setClearButtonEnabled(true);
    m_view->setObjectName(u"reviewFileTree"_s);
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setIndentation(14);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    // Names in full (a narrow pane scrolls sideways): elided names read alike ("pa…", "pa…").
    header->setSectionResizeMode(DiffFileTreeModel::NameColumn, QHeaderView::ResizeToContents);
    for (int c : { int(DiffFileTreeModel::StatusColumn), int(DiffFileTreeModel::AddedColumn),
             int(DiffFileTreeModel::RemovedColumn), int(DiffFileTreeModel::CommentsColumn) })
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_view, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        m_view->expandAll();
    });
    // The tree is rebuilt as batches of files arrive: open every folder, keep the file selected.
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        if (m_selected >= 0)
            selectFile(m_selected);
    });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            const int file = current.siblingAtColumn(0).data(DiffFileTreeModel::FileIndexRole).toInt();
            if (current.isValid() && file >= 0 && file != m_selected) {
                m_selected = file;
                Q_EMIT fileChosen(file);
            }
        });
}

void ReviewFilePanel::clearFilter()
{
    m_filterEdit->clear();
}

int ReviewFilePanel::neededWidth() const
{
    int width = 0;
    for (int c = 0; c < m_filter->columnCount(); ++c)
        width += qMax(
            static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(c), m_view->header()->sectionSizeHint(c));
    return width + m_view->verticalScrollBar()->sizeHint().width() + 2 * m_view->frameWidth();
}

void ReviewFilePanel::selectFile(int fileIndex)
{
    m_selected = fileIndex;
    QModelIndex index = m_filter->mapFromSource(m_tree->indexOfFile(fileIndex));
    if (!index.isValid() && fileIndex >= 0) { // hidden by the filter
        m_filterEdit->clear();
        index = m_filter->mapFromSource(m_tree->indexOfFile(fileIndex));
    }
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    } else if (fileIndex < 0) { // no file of the diff is shown (one it no longer has, or none)
        const QSignalBlocker blocker(m_view->selectionModel());
        m_view->selectionModel()->clear();
        m_view->viewport()->update();
    }
}

int ReviewFilePanel::neighbour(int from, int step) const
{
    const QVector<int> order = m_tree->filesInTreeOrder();
    if (order.isEmpty())
        return -1;
    const int at = int(order.indexOf(from));
    const int next = at < 0 ? 0 : at + step;
    return next >= 0 && next < order.size() ? order.at(next) : -1;
}

} // namespace cwi
