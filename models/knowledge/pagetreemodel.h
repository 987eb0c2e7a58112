#pragma once

// The page tree of one initiative: the root page (parentPageId NULL) and its children by
// sortOrder. Pages whose parent is missing, or that sit in a parent cycle, are still shown at
// the top level (marked), never dropped.

#include "entities.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>
#include <vector>

namespace cwi {

class PageTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        TitleColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        OrphanRole,
        MatchRole
    };

    explicit PageTreeModel(QObject *parent = nullptr);

    // Replaces the pages (an outline: content is not needed). Keeps nothing of the old tree.
    void setPages(const QVector<Page> &pages);
    // Highlights (MatchRole / bold) the pages with these ids; empty clears the highlight.
    void setMatches(const QSet<QString> &ids);

    QModelIndex indexOfPage(const QString &id) const;
    QString pageId(const QModelIndex &index) const;
    int pageCount() const { return int(m_nodes.size()); }
    const Page *page(const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Page page;
        int parent = -1; // node index, -1 for top level
        int row = 0;
        bool orphan = false;
        std::vector<int> children;
    };
    const std::vector<int> &childrenOf(int node) const
    {
        return node < 0 ? m_topLevel : m_nodes[size_t(node)].children;
    }

    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
    QHash<QString, int> m_byId;
    QSet<QString> m_matches;
};

} // namespace cwi
