#pragma once

// Private to cwi_repositories (includes Qt Sql): the pieces of the write path that speak SQL.
// Every column name comes from the SchemaMap; every value is bound.

#include "schemamap.h"
#include "writes/writeplan.h"

#include <QDateTime>
#include <QSqlError>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace cwi::writes {

// Real column for FIELD: the logical mapping, else a column of exactly that name (columns the
// catalogue does not know, kept so a deleted row can be restored whole). Empty when absent.
QString realColumn(const TableInfo &table, const QString &field);

// SQLITE_BUSY / SQLITE_LOCKED (the lock was not granted within busy_timeout).
bool isBusy(const QSqlError &error);

// The row ID of TABLE as logical field -> raw value (type exactly as stored). FIELDS the file lacks
// are left out. Empty FIELDS: every column of the row. nullopt when the row does not exist.
std::optional<QVariantMap> readRow(const QString &connection, const TableInfo &table, const QString &id,
    const QStringList &fields, QString *error = nullptr);

// "Now" in the unit a timestamp column holds: the row's own value decides (SAMPLE, e.g. the
// current updatedAt, else createdAt), then the unit seen in the table, then the file's other
// tables, then Unix seconds (what Drizzle writes).
QVariant timestampNow(const QDateTime &now, const SchemaMap &schema, const TableInfo &table, const QString &field,
    const QVariantList &samples);

// Before each action (outside the lock): in WAL mode, synchronous = NORMAL for this connection (SQLite's
// recommendation for WAL: a commit appends to the WAL without an fsync, so the lock the server waits
// behind is held for microseconds, not for a disk flush; a power cut may lose the last action but
// never corrupts the file), and no automatic checkpoints from this connection (the server does them).
// In rollback-journal mode the default FULL stays: NORMAL could corrupt there.
void prepareWriteConnection(const QString &connection);

// Runs PLAN on the read-write CONNECTION in one BEGIN IMMEDIATE ... COMMIT. Fills outcome,
// message, lockHeldUs and, for a stale row, staleTable/staleId/current. stampNow values must be
// resolved before (Actions::apply does).
WriteResult execute(const QString &connection, const SchemaMap &schema, const ActionPlan &plan);

} // namespace cwi::writes
