#pragma once

// Initiative > phase > task > sub-task, over one TaskTreeSnapshot. Tasks without a phase hang
// under their initiative (after its phases); tasks and phases whose initiative is missing hang
// under a "No initiative" group. A parentTaskId cycle is cut where it is found, so every task
// appears exactly once. Initiatives, phases and tasks with sub-tasks carry progress
// (completed / total tasks below them) and counts by status.
//
// setSnapshot() on a tree of the same shape (only values changed) updates rows in place
// (dataChanged); a different shape resets the model and views restore expansion by id.

#include "idindex.h"
#include "taskdependencies.h"
#include "tasktreesnapshot.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QVector>

#include <array>
#include <optional>

namespace cwi {

class Database;

class TaskTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        ProgressColumn,
        CategoryColumn,
        PriorityColumn,
        RetriesColumn,
        AgentColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TableRole, // "initiatives", "phases", "tasks"; empty for the "No initiative" group
        StatusRole, // raw status value
        ProgressDoneRole, // completed tasks below (int)
        ProgressTotalRole, // all tasks below (int)
        StatusCountsRole, // QVariantMap status -> count of the tasks below
        AgentIdRole,
        AgentNameRole,
        SearchTextRole, // what the text filter looks at
    };
    // Task statuses in the order progress bars draw them; anything else counts as "other".
    static const std::array<QString, 4> &taskStatuses();

private:
    enum class Kind : quint8
    {
        Group,
        Initiative,
        Phase,
        Task
    };
    struct Node
    {
        Kind kind = Kind::Group;
        int source = -1; // index into the snapshot's vector for KIND
        int parent = -1; // node index, -1 for top level
        int row = 0;
        int agent = -1; // index into snapshot.agents (tasks)
        int agentCount = 0;
        QVector<int> children;
        std::array<int, 5> counts {}; // taskStatuses() then "other", over the tasks below
        int total() const { return counts[0] + counts[1] + counts[2] + counts[3] + counts[4]; }
    };
    struct Tree
    {
        QVector<Node> nodes;
        QVector<int> roots;
        IdIndex taskNodes, phaseNodes, initiativeNodes; // ids: nodeId(snapshot, nodes[n])
    };

public:
    // A snapshot with its tree already built: prepare() is pure and runs on a worker thread, so
    // the UI thread only swaps it in (setPrepared). 20,000 tasks: see BENCHMARKS.md.
    struct Prepared
    {
        TaskTreeSnapshot snapshot;

    private:
        friend class TaskTreeModel;
        Tree tree;
    };
    static Prepared prepare(TaskTreeSnapshot snapshot);
    // Reads the snapshot (on the calling thread's read connection: call it inside the worker)
    // and prepares it.
    static Prepared load(const Database &database);

    explicit TaskTreeModel(QObject *parent = nullptr);

    void setPrepared(Prepared prepared);
    void setSnapshot(TaskTreeSnapshot snapshot) { setPrepared(prepare(std::move(snapshot))); }
    const TaskTreeSnapshot &snapshot() const { return m_snapshot; }
    // The dependency graph, built on first use (selection, tooltips), not on every reload.
    const TaskDependencies &dependencies() const;

    // The row of an initiative, phase or task (column 0), invalid when absent.
    QModelIndex indexFor(const QString &table, const QString &id) const;
    // Task / initiative / phase counts, for status lines.
    int taskCount() const { return int(m_snapshot.tasks.size()); }
    // Counts "completed 3 · in progress 2 · ..." for a row, empty for plain tasks.
    QString countsText(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static Tree build(const TaskTreeSnapshot &snapshot);
    static bool sameShape(const Tree &a, const Tree &b);
    void emitChangedBelow(const QModelIndex &parent, const QVector<int> &children);
    QString tableOf(const Node &node) const;
    static const QString &nodeId(const TaskTreeSnapshot &snapshot, const Node &node);
    QString idOf(const Node &node) const { return nodeId(m_snapshot, node); }
    QString nameOf(const Node &node) const;
    QString statusOf(const Node &node) const;
    QVariant displayData(const Node &node, int column) const;
    QString toolTip(const Node &node, int column) const;

    TaskTreeSnapshot m_snapshot;
    mutable std::optional<TaskDependencies> m_dependencies;
    Tree m_tree;
};

} // namespace cwi
