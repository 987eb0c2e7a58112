#include "messagethreadmodel.h"

#include "browse/cellformat.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"

#include <QBrush>
#include <QFont>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cwi {

MessageThreadModel::MessageThreadModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

bool MessageThreadModel::isPendingResponse(const Message &message)
{
    return message.requiresResponse && message.status == "pending"_L1;
}

void MessageThreadModel::setMessages(const QVector<Message> &messages, const QHash<QString, QString> &agentNames)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_byId.clear();
    m_agentNames = agentNames;
    m_pendingCount = 0;
    for (const Message &message : messages) { // oldest first, as the repository reads them
        if (m_byId.contains(message.id))
            continue;
        m_byId.insert(message.id, int(m_nodes.size()));
        m_nodes.push_back({ message, -1, 0, {} });
        m_pendingCount += isPendingResponse(message) ? 1 : 0;
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const int parent = m_byId.value(m_nodes[i].message.parentMessageId, -1);
        m_nodes[i].parent = parent == int(i) ? -1 : parent;
    }
    // Cut reply cycles: a node whose parent chain never reaches a root becomes a root.
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        int current = int(i);
        size_t steps = 0;
        while (current >= 0 && steps++ <= m_nodes.size())
            current = m_nodes[size_t(current)].parent;
        if (current >= 0)
            m_nodes[i].parent = -1;
    }
    // Latest activity per thread, so the thread with the newest message comes first.
    std::vector<qint64> latest(m_nodes.size(), 0);
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const QDateTime at = m_nodes[i].message.createdAt.toDateTime();
        const qint64 secs = at.isValid() ? at.toSecsSinceEpoch() : 0;
        int root = int(i);
        for (size_t steps = 0; m_nodes[size_t(root)].parent >= 0 && steps <= m_nodes.size(); ++steps)
            root = m_nodes[size_t(root)].parent;
        latest[size_t(root)] = std::max(latest[size_t(root)], secs);
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].parent >= 0)
            m_nodes[size_t(m_nodes[i].parent)].children.push_back(int(i));
        else
            m_roots.push_back(int(i));
    }
    std::stable_sort(
        m_roots.begin(), m_roots.end(), [&latest](int a, int b) { return latest[size_t(a)] > latest[size_t(b)]; });
    for (size_t r = 0; r < m_roots.size(); ++r)
        m_nodes[size_t(m_roots[r])].row = int(r);
    for (Node &node : m_nodes) {
        for (size_t r = 0; r < node.children.size(); ++r)
            m_nodes[size_t(node.children[r])].row = int(r);
    }
    endResetModel();
}

const Message *MessageThreadModel::message(const QModelIndex &index) const
{
    return index.isValid() ? &m_nodes[size_t(index.internalId())].message : nullptr;
}

QModelIndex MessageThreadModel::indexOfMessage(const QString &id) const
{
    const int node = m_byId.value(id, -1);
    return node < 0 ? QModelIndex() : createIndex(m_nodes[size_t(node)].row, 0, quintptr(node));
}

QString MessageThreadModel::partyName(const QString &type, const QString &id) const
{
    if (type == "user"_L1)
        return u"you"_s;
    if (id.isEmpty())
        return type.isEmpty() ? u"?"_s : type;
    return m_agentNames.value(id, id);
}

QModelIndex MessageThreadModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(
        row, column, quintptr(childrenOf(parent.isValid() ? int(parent.internalId()) : -1)[size_t(row)]));
}

QModelIndex MessageThreadModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes[size_t(child.internalId())].parent;
    return parent < 0 ? QModelIndex() : createIndex(m_nodes[size_t(parent)].row, 0, quintptr(parent));
}

int MessageThreadModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(childrenOf(parent.isValid() ? int(parent.internalId()) : -1).size());
}

int MessageThreadModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant MessageThreadModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const Message &m = m_nodes[size_t(index.internalId())].message;
    const bool pending = isPendingResponse(m);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case FromColumn:
            return partyName(m.senderType, m.senderId);
        case ToColumn:
            return partyName(m.recipientType, m.recipientId);
        case TextColumn:
            return CellFormat::elide(m.content, 120);
        case TypeColumn:
            return m.type;
        case StatusColumn:
            return pending ? u"needs response"_s : m.status;
        case TimeColumn:
            return m.createdAt.isNull() ? QString() : CellFormat::relativeAge(m.createdAt.toDateTime());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn && !m.createdAt.isNull())
            return render::plainToolTip(CellFormat::dateTime(m.createdAt.toDateTime()));
        return render::plainToolTip(m.content.left(CellFormat::kToolTipChars));
    case Qt::BackgroundRole:
        return pending ? QVariant(QBrush(QColor(0xff, 0xf1, 0xc9))) : QVariant();
    case Qt::FontRole:
        if (pending) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case IdRole:
        return m.id;
    case PendingResponseRole:
        return pending;
    case SenderAgentIdRole:
        return m.senderType == "agent"_L1 ? m.senderId : QString();
    case RecipientAgentIdRole:
        return m.recipientType == "agent"_L1 ? m.recipientId : QString();
    default:
        return {};
    }
}

QVariant MessageThreadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles { u"From"_s, u"To"_s, u"Message"_s, u"Type"_s, u"Status"_s, u"When"_s };
    return titles.value(section);
}

} // namespace cwi
