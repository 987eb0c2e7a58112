#pragma once

// EXPLAIN QUERY PLAN of a statement as a tree, and a hint when the plan reads a big table
// whole (SCAN without an index). Runs through the same read-only QueryRunner as the query.

#include "query/queryresult.h"
#include "schemamap.h"

#include <QStringList>
#include <QVector>

#include <memory>

class QStandardItemModel;

namespace cwi {

class Database;
class QueryRunner;

struct PlanStep
{
    int id = 0;
    int parent = 0;
    QString detail; // "SCAN t", "SEARCH u USING INDEX ub (b=?)", ...
};

struct QueryPlan
{
    QueryOutcome outcome; // of EXPLAIN QUERY PLAN; errorOffset is into the original SQL
    QVector<PlanStep> steps;
    QStringList hints; // plain words, one per table scanned whole that holds many rows
};

class QueryPlanner
{
public:
    static constexpr qint64 kBigTableRows = 10000;

    // Call from a worker: it runs EXPLAIN QUERY PLAN and estimates the size of scanned tables.
    static QueryPlan explain(
        const QueryRunner &runner, const QString &sql, const SchemaMap &schema, const std::atomic_bool *cancel);
    // The same over the open file, read with its busy timeout (the Query page's Explain).
    static QueryPlan explain(
        const std::shared_ptr<Database> &database, const QString &sql, const std::atomic_bool *cancel);

    // The table a plan's "SCAN x" reads, given the aliases in SQL ("FROM tasks AS x").
    static QString tableOfAlias(const QString &alias, const QString &sql, const SchemaMap &schema);
    // Tables (or aliases) the plan reads whole without an index.
    static QStringList scannedWithoutIndex(const QVector<PlanStep> &steps);
    // Fills MODEL with one row per step, children under their parent step.
    static void fillModel(QStandardItemModel *model, const QueryPlan &plan);
};

} // namespace cwi
