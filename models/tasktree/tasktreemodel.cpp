#include "tasktreemodel.h"

#include "render/htmlwriter.h"
#include "statuscolors.h"
#include "tasktreereader.h"

#include <QFont>
#include <QVariantMap>

namespace cwi {

namespace {

const QString Initiatives = QStringLiteral("initiatives");
const QString Phases = QStringLiteral("phases");
const QString Tasks = QStringLiteral("tasks");
const QString Status = QStringLiteral("status");

} // namespace

const std::array<QString, 4> &TaskTreeModel::taskStatuses()
{
    static const std::array<QString, 4> statuses = { QStringLiteral("completed"), QStringLiteral("in_progress"),
        QStringLiteral("blocked"), QStringLiteral("pending") };
    return statuses;
}

TaskTreeModel::TaskTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

TaskTreeModel::Prepared TaskTreeModel::prepare(TaskTreeSnapshot snapshot)
{
    Prepared prepared;
    prepared.tree = build(snapshot);
    prepared.snapshot = std::move(snapshot);
    return prepared;
}

TaskTreeModel::Prepared TaskTreeModel::load(const Database &database)
{
    return prepare(readTaskTree(database));
}

void TaskTreeModel::setPrepared(Prepared prepared)
{
    Tree &tree = prepared.tree;
    TaskTreeSnapshot &snapshot = prepared.snapshot;
    // Same shape and the same ids at the same places: only values changed, update in place.
    bool inPlace = sameShape(tree, m_tree);
    for (qsizetype i = 0; inPlace && i < tree.nodes.size(); ++i) {
        const Node &node = tree.nodes[i];
        if (node.kind == Kind::Group)
            continue;
        inPlace = nodeId(m_snapshot, m_tree.nodes[i]) == nodeId(snapshot, node);
    }
    if (inPlace && !tree.nodes.isEmpty()) {
        m_snapshot = std::move(snapshot);
        m_tree = std::move(tree);
        m_dependencies.reset();
        emitChangedBelow({}, m_tree.roots);
        for (int i = 0; i < m_tree.nodes.size(); ++i) {
            const Node &node = m_tree.nodes[i];
            if (!node.children.isEmpty())
                emitChangedBelow(createIndex(node.row, 0, quintptr(i)), node.children);
        }
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_tree = std::move(tree);
    m_dependencies.reset();
    endResetModel();
}

void TaskTreeModel::emitChangedBelow(const QModelIndex &parent, const QVector<int> &children)
{
    if (children.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0, parent), index(int(children.size()) - 1, ColumnCount - 1, parent));
}

const TaskDependencies &TaskTreeModel::dependencies() const
{
    if (!m_dependencies)
        m_dependencies.emplace(m_snapshot);
    return *m_dependencies;
}

QModelIndex TaskTreeModel::indexFor(const QString &table, const QString &id) const
{
    const IdIndex *nodes = table == Tasks ? &m_tree.taskNodes
        : table == Phases                 ? &m_tree.phaseNodes
        : table == Initiatives            ? &m_tree.initiativeNodes
                                          : nullptr;
    const int node = nodes
        ? nodes->value(id, [this](int n) -> const QString & { return nodeId(m_snapshot, m_tree.nodes[n]); })
        : -1;
    if (node < 0)
        return {};
    return createIndex(m_tree.nodes[node].row, 0, quintptr(node));
}

QModelIndex TaskTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const QVector<int> &children = parent.isValid() ? m_tree.nodes[int(parent.internalId())].children : m_tree.roots;
    return createIndex(row, column, quintptr(children[row]));
}

QModelIndex TaskTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_tree.nodes[int(child.internalId())].parent;
    if (parentNode < 0)
        return {};
    return createIndex(m_tree.nodes[parentNode].row, 0, quintptr(parentNode));
}

int TaskTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_tree.roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_tree.nodes[int(parent.internalId())].children.size());
}

int TaskTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString TaskTreeModel::tableOf(const Node &node) const
{
    switch (node.kind) {
    case Kind::Initiative:
        return Initiatives;
    case Kind::Phase:
        return Phases;
    case Kind::Task:
        return Tasks;
    case Kind::Group:
        break;
    }
    return {};
}

const QString &TaskTreeModel::nodeId(const TaskTreeSnapshot &snapshot, const Node &node)
{
    static const QString none;
    switch (node.kind) {
    case Kind::Initiative:
        return snapshot.initiatives[node.source].id;
    case Kind::Phase:
        return snapshot.phases[node.source].id;
    case Kind::Task:
        return snapshot.tasks[node.source].id;
    case Kind::Group:
        break;
    }
    return none;
}

QString TaskTreeModel::nameOf(const Node &node) const
{
    QString name;
    switch (node.kind) {
    case Kind::Initiative:
        name = m_snapshot.initiatives[node.source].name;
        break;
    case Kind::Phase:
        name = m_snapshot.phases[node.source].name;
        break;
    case Kind::Task:
        name = m_snapshot.tasks[node.source].name;
        break;
    case Kind::Group:
        return tr("No initiative");
    }
    return name.isEmpty() ? tr("(unnamed %1)").arg(idOf(node)) : name;
}

QString TaskTreeModel::statusOf(const Node &node) const
{
    switch (node.kind) {
    case Kind::Initiative:
        return m_snapshot.initiatives[node.source].status;
    case Kind::Phase:
        return m_snapshot.phases[node.source].status;
    case Kind::Task:
        return m_snapshot.tasks[node.source].status;
    case Kind::Group:
        break;
    }
    return {};
}

QString TaskTreeModel::countsText(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Node &node = m_tree.nodes[int(index.internalId())];
    QStringList parts;
    const auto &statuses = taskStatuses();
    for (int c = 0; c < 4; ++c) {
        if (node.counts[c] > 0)
            parts.append(
                QStringLiteral("%1 %2").arg(node.counts[c]).arg(statusLabel(Tasks, Status, statuses[c]).toLower()));
    }
    if (node.counts[4] > 0)
        parts.append(tr("%1 other").arg(node.counts[4]));
    return parts.join(QStringLiteral(" · "));
}

QVariant TaskTreeModel::displayData(const Node &node, int column) const
{
    const TreeTask *task = node.kind == Kind::Task ? &m_snapshot.tasks[node.source] : nullptr;
    switch (Column(column)) {
    case NameColumn:
        return nameOf(node);
    case StatusColumn:
        return node.kind == Kind::Group ? QVariant() : QVariant(statusLabel(tableOf(node), Status, statusOf(node)));
    case ProgressColumn:
        return node.total() > 0 ? QVariant(QStringLiteral("%1/%2").arg(node.counts[0]).arg(node.total())) : QVariant();
    case CategoryColumn:
        return task && !task->category.isEmpty()
            ? QVariant(statusLabel(Tasks, QStringLiteral("category"), task->category))
            : QVariant();
    case PriorityColumn:
        return task && !task->priority.isEmpty()
            ? QVariant(statusLabel(Tasks, QStringLiteral("priority"), task->priority))
            : QVariant();
    case RetriesColumn:
        return task && task->retryCount > 0 ? QVariant(task->retryCount) : QVariant();
    case AgentColumn:
        if (node.agent < 0)
            return {};
        if (node.agentCount > 1)
            return tr("%1 +%2").arg(m_snapshot.agents[node.agent].name).arg(node.agentCount - 1);
        return m_snapshot.agents[node.agent].name;
    case ColumnCount:
        break;
    }
    return {};
}

QString TaskTreeModel::toolTip(const Node &node, int column) const
{
    if (node.kind == Kind::Group)
        return tr("Phases and tasks whose initiative is missing or unset");
    if (column == AgentColumn && node.agent >= 0) {
        const TreeAgent &agent = m_snapshot.agents[node.agent];
        return tr("Agent %1 (%2), %3 agent(s) worked on this task")
            .arg(agent.name, statusLabel(QStringLiteral("agents"), Status, agent.status))
            .arg(node.agentCount);
    }
    if (column == RetriesColumn && node.kind == Kind::Task)
        return tr("Retried %1 time(s) after an agent crash").arg(m_snapshot.tasks[node.source].retryCount);
    const QModelIndex idx = createIndex(node.row, 0, quintptr(&node - m_tree.nodes.constData()));
    const QString counts = countsText(idx);
    QString tip = QStringLiteral("%1\n%2").arg(nameOf(node), idOf(node));
    if (!counts.isEmpty())
        tip += QStringLiteral("\n%1 of %2 tasks completed: %3").arg(node.counts[0]).arg(node.total()).arg(counts);
    const QString reason = dependencies().waitReason(tableOf(node), idOf(node));
    if (!reason.isEmpty() && statusOf(node) != QLatin1StringView("in_progress"))
        tip += u'\n' + reason;
    return tip;
}

QVariant TaskTreeModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const Node &node = m_tree.nodes[int(index.internalId())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, column);
    case Qt::EditRole:
        if (column == RetriesColumn && node.kind == Kind::Task)
            return m_snapshot.tasks[node.source].retryCount;
        if (column == StatusColumn)
            return statusOf(node);
        return displayData(node, column);
    case Qt::DecorationRole:
        if (column == NameColumn && node.kind != Kind::Group)
            return statusIcon(tableOf(node), Status, statusOf(node));
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn && node.kind != Kind::Group)
            return statusColor(tableOf(node), Status, statusOf(node));
        if (column == PriorityColumn && node.kind == Kind::Task)
            return statusColor(Tasks, QStringLiteral("priority"), m_snapshot.tasks[node.source].priority);
        if (column == RetriesColumn)
            return statusColor(Tasks, Status, QStringLiteral("blocked"));
        return {};
    case Qt::FontRole:
        if (column == NameColumn && (node.kind == Kind::Initiative || node.kind == Kind::Group)) {
            QFont font;
            font.setBold(true);
            font.setItalic(node.kind == Kind::Group);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return render::plainToolTip(toolTip(node, column));
    case Qt::TextAlignmentRole:
        if (column == RetriesColumn || column == ProgressColumn)
            return QVariant(Qt::AlignCenter);
        return {};
    case IdRole:
        return idOf(node);
    case TableRole:
        return tableOf(node);
    case StatusRole:
        return statusOf(node);
    case ProgressDoneRole:
        return node.counts[0];
    case ProgressTotalRole:
        return node.total();
    case StatusCountsRole: {
        QVariantMap counts;
        const auto &statuses = taskStatuses();
        for (int c = 0; c < 4; ++c)
            counts.insert(statuses[c], node.counts[c]);
        counts.insert(QStringLiteral("other"), node.counts[4]);
        return counts;
    }
    case AgentIdRole:
        return node.agent >= 0 ? QVariant(m_snapshot.agents[node.agent].id) : QVariant();
    case AgentNameRole:
        return node.agent >= 0 ? QVariant(m_snapshot.agents[node.agent].name) : QVariant();
    case SearchTextRole: {
        QString text = nameOf(node) % u' ' % idOf(node);
        if (node.kind == Kind::Task)
            text += u' ' % m_snapshot.tasks[node.source].category;
        if (node.agent >= 0)
            text += u' ' % m_snapshot.agents[node.agent].name;
        return text;
    }
    default:
        return {};
    }
}

QVariant TaskTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case CategoryColumn:
        return tr("Category");
    case PriorityColumn:
        return tr("Priority");
    case RetriesColumn:
        return tr("Retries");
    case AgentColumn:
        return tr("Agent");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cwi
