#include "queryplan.h"

#include "database.h"
#include "query/queryrunner.h"
#include "query/sqltext.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QStandardItemModel>

namespace cwi {

namespace {

QString unquote(const QString &text, const sqltext::Token &token)
{
    QString word = text.mid(token.start, token.length);
    if (token.kind == sqltext::TokenKind::QuotedIdentifier && word.size() >= 2)
        word = word.mid(1, word.size() - 2);
    return word;
}

} // namespace

QString QueryPlanner::tableOfAlias(const QString &alias, const QString &sql, const SchemaMap &schema)
{
    if (schema.hasTable(alias))
        return alias;
    QVector<sqltext::Token> words;
    for (const sqltext::Token &token : sqltext::tokenize(sql)) {
        if (token.kind == sqltext::TokenKind::Word || token.kind == sqltext::TokenKind::QuotedIdentifier)
            words.append(token);
        else if (token.kind == sqltext::TokenKind::Punctuation)
            words.append(token); // a comma or parenthesis ends "table alias"
    }
    for (int i = 0; i + 1 < words.size(); ++i) {
        QString table = unquote(sql, words.at(i));
        if (!schema.hasTable(table))
            continue;
        int next = i + 1;
        if (words.at(next).kind == sqltext::TokenKind::Word
            && QStringView(sql).mid(words.at(next).start, words.at(next).length).compare(u"AS", Qt::CaseInsensitive)
                == 0)
            ++next;
        if (next < words.size() && words.at(next).kind != sqltext::TokenKind::Punctuation
            && unquote(sql, words.at(next)) == alias)
            return table;
    }
    return {};
}

QStringList QueryPlanner::scannedWithoutIndex(const QVector<PlanStep> &steps)
{
    QStringList names;
    for (const PlanStep &step : steps) {
        const QStringList words = step.detail.split(u' ', Qt::SkipEmptyParts);
        // "SCAN x" reads every row; "SCAN x USING (COVERING) INDEX i" walks an index.
        if (words.size() == 2 && words.at(0) == u"SCAN" && words.at(1) != u"CONSTANT" && !names.contains(words.at(1)))
            names.append(words.at(1));
    }
    return names;
}

QueryPlan QueryPlanner::explain(
    const std::shared_ptr<Database> &database, const QString &sql, const std::atomic_bool *cancel)
{
    return explain(QueryRunner(database->path(), { database->busyTimeoutMs(), 0 }), sql, database->schema(), cancel);
}

QueryPlan QueryPlanner::explain(
    const QueryRunner &runner, const QString &sql, const SchemaMap &schema, const std::atomic_bool *cancel)
{
    QueryPlan plan;
    const QString prefix = QStringLiteral("EXPLAIN QUERY PLAN ");
    const QueryRows page = runner.page(prefix + sql, 0, 10000, 0, cancel);
    plan.outcome = page;
    plan.outcome.columns.clear();
    if (plan.outcome.errorOffset >= 0)
        plan.outcome.errorOffset = qMax(0, plan.outcome.errorOffset - int(prefix.size()));
    if (!page.ok())
        return plan;
    for (const QVariantList &row : page.rows)
        plan.steps.append({ row.value(0).toInt(), row.value(1).toInt(), row.value(3).toString() });
    for (const QString &alias : scannedWithoutIndex(plan.steps)) {
        const QString table = tableOfAlias(alias, sql, schema);
        const TableInfo *info = table.isEmpty() ? nullptr : schema.table(table);
        if (!info || info->withoutRowid)
            continue;
        // max(rowid) is instant and close to the row count of a table that is mostly appended to.
        const QueryRows size
            = runner.page(u"SELECT max(rowid) FROM " + SchemaMap::quoteIdentifier(table), 0, 1, 0, cancel);
        const qint64 rows = size.ok() ? size.rows.value(0).value(0).toLongLong() : 0;
        if (rows < kBigTableRows)
            continue;
        plan.hints.append(
            QCoreApplication::translate("QueryPlanner",
                "Reads all of %1 (about %2 rows) without an index: a WHERE on an indexed column, or a smaller "
                "range, makes it faster.")
                .arg(alias == table ? table : QString(table + u" (" + alias + u')'), QLocale().toString(rows)));
    }
    return plan;
}

void QueryPlanner::fillModel(QStandardItemModel *model, const QueryPlan &plan)
{
    model->clear();
    model->setHorizontalHeaderLabels({ QCoreApplication::translate("QueryPlanner", "Plan step") });
    QHash<int, QStandardItem *> items;
    for (const PlanStep &step : plan.steps) {
        auto *item = new QStandardItem(step.detail);
        item->setEditable(false);
        if (scannedWithoutIndex({ step }).size() == 1)
            item->setToolTip(QCoreApplication::translate("QueryPlanner", "Reads every row of this table"));
        QStandardItem *parent = items.value(step.parent);
        (parent ? parent : model->invisibleRootItem())->appendRow(item);
        items.insert(step.id, item);
    }
}

} // namespace cwi
