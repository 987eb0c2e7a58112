#pragma once

// Fixture databases for tests: built from migrations/ (the embedded copies) in a temporary
// folder, in snake_case (as Drizzle writes with named columns) or camelCase spelling.

#include "schemamap.h"

#include <QString>
#include <QVariantMap>

namespace cwi::test {

// Creates PATH from the migrations. CamelCase renames every column to its camelCase key
// afterwards (ALTER TABLE ... RENAME COLUMN), as a Drizzle schema without named columns has it.
// Fails the current test (QFAIL semantics via qFatal-free return false) when anything goes wrong.
bool createFixture(const QString &path, NameStyle style = NameStyle::SnakeCase);

// A raw read-write connection to PATH for building rows; removed by closeRaw().
QString openRaw(const QString &path);
void closeRaw(const QString &connection);

// Inserts one row. VALUES uses logical (camelCase) field names; they are mapped to the
// file's real spelling. Missing id gets a fresh nanoid-like id; missing createdAt / updatedAt
// get "now" in Unix seconds. Returns the id, or an empty string on failure (message in qWarning).
QString insertRow(const QString &connection, const QString &table, QVariantMap values);

// Executes one statement (for setup only); returns false and warns on failure.
bool exec(const QString &connection, const QString &sql);

// sha256 of the file's bytes: "the file is unchanged" checks.
QByteArray fileDigest(const QString &path);

} // namespace cwi::test
