#pragma once

#include <QHash>

// One row of any table by id (or rowid), the rows that point at it (reverse relations), and a
// search across the names and ids of every known table (quick open). Any thread.

#include "database.h"
#include "rowvalues.h"

#include <QVariant>
#include <QVector>

#include <optional>

namespace cwi {

class RowReader
{
public:
    explicit RowReader(std::shared_ptr<Database> database);

    std::optional<RowRecord> byId(const QString &table, const QString &id) const;
    std::optional<RowRecord> byRowId(const QString &table, qint64 rowid) const;
    // Rows of other tables that refer to TABLE/ID, with counts (zero counts included).
    QVector<Relation> reverseRelations(const QString &table, const QString &id) const;
    // Ids starting with TEXT and display names containing it, across known tables.
    QVector<EntityMatch> search(const QString &text, int limit = 50) const;
    // Display label of a row ("name", "title", ...), empty when unknown.
    QString label(const QString &table, const QString &id) const;
    // Labels of many rows of TABLE in one query per 500 ids (the grid's foreign-key columns ask
    // for the rows on screen); ids not found are absent from the result.
    QHash<QString, QString> labels(const QString &table, const QStringList &ids) const;
    // (id, label) of every row of TABLE, two columns read (filter combos list every agent).
    QVector<QPair<QString, QString>> allLabels(const QString &table) const;

private:
    std::optional<RowRecord> fetch(const QString &table, const QString &where, const QVariant &bind) const;
    std::shared_ptr<Database> m_database;
};

} // namespace cwi
