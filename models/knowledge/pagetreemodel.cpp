#include "pagetreemodel.h"

#include "browse/cellformat.h"
#include "render/htmlwriter.h"

#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace cwi {

PageTreeModel::PageTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void PageTreeModel::setPages(const QVector<Page> &pages)
{
    beginResetModel();
    m_nodes.clear();
    m_topLevel.clear();
    m_byId.clear();
    m_nodes.reserve(size_t(pages.size()));
    for (const Page &page : pages) {
        if (m_byId.contains(page.id))
            continue;
        m_byId.insert(page.id, int(m_nodes.size()));
        m_nodes.push_back({ page, -1, 0, false, {} });
    }
    // Pages arrive ordered by sortOrder, so appending keeps siblings in order.
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const QString parentId = m_nodes[i].page.parentPageId;
        const int parent = parentId.isEmpty() ? -1 : m_byId.value(parentId, -1);
        m_nodes[i].orphan = !parentId.isEmpty() && parent < 0;
        m_nodes[i].parent = parent == int(i) ? -1 : parent;
    }
    // A parent cycle is never reached from the top: walk up with a step limit and lift the
    // node that closes the loop to the top level.
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        int current = int(i);
        size_t steps = 0;
        while (current >= 0 && steps <= m_nodes.size()) {
            current = m_nodes[size_t(current)].parent;
            ++steps;
        }
        if (current >= 0) {
            m_nodes[i].parent = -1;
            m_nodes[i].orphan = true;
        }
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        std::vector<int> &siblings = m_nodes[i].parent < 0 ? m_topLevel : m_nodes[size_t(m_nodes[i].parent)].children;
        m_nodes[i].row = int(siblings.size());
        siblings.push_back(int(i));
    }
    endResetModel();
}

void PageTreeModel::setMatches(const QSet<QString> &ids)
{
    const QSet<QString> changed = (m_matches - ids) + (ids - m_matches);
    m_matches = ids;
    for (const QString &id : changed) {
        const QModelIndex first = indexOfPage(id);
        if (first.isValid())
            Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    }
}

QModelIndex PageTreeModel::indexOfPage(const QString &id) const
{
    const int node = m_byId.value(id, -1);
    return node < 0 ? QModelIndex() : createIndex(m_nodes[size_t(node)].row, 0, quintptr(node));
}

QString PageTreeModel::pageId(const QModelIndex &index) const
{
    return index.isValid() ? m_nodes[size_t(index.internalId())].page.id : QString();
}

const Page *PageTreeModel::page(const QString &id) const
{
    const int node = m_byId.value(id, -1);
    return node < 0 ? nullptr : &m_nodes[size_t(node)].page;
}

QModelIndex PageTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentNode = parent.isValid() ? int(parent.internalId()) : -1;
    return createIndex(row, column, quintptr(childrenOf(parentNode)[size_t(row)]));
}

QModelIndex PageTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes[size_t(child.internalId())].parent;
    return parent < 0 ? QModelIndex() : createIndex(m_nodes[size_t(parent)].row, 0, quintptr(parent));
}

int PageTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(childrenOf(parent.isValid() ? int(parent.internalId()) : -1).size());
}

int PageTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PageTreeModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const Node &node = m_nodes[size_t(index.internalId())];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == UpdatedColumn)
            return node.page.updatedAt.isNull() ? QString() : CellFormat::relativeAge(node.page.updatedAt.toDateTime());
        return node.page.title.isEmpty() ? u"(untitled)"_s : node.page.title;
    case Qt::ToolTipRole:
        return render::plainToolTip(node.orphan
                ? u"Its parent page %1 is missing or in a cycle; shown at the top."_s.arg(node.page.parentPageId)
                : node.page.id);
    case Qt::FontRole:
        if (m_matches.contains(node.page.id)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return node.orphan ? QVariant(QColor(0x9a, 0x6b, 0x00)) : QVariant();
    case IdRole:
        return node.page.id;
    case OrphanRole:
        return node.orphan;
    case MatchRole:
        return m_matches.contains(node.page.id);
    default:
        return {};
    }
}

QVariant PageTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == TitleColumn ? u"Page"_s : u"Updated"_s;
}

} // namespace cwi
