#pragma once

// Builds a SchemaMap from an open connection: PRAGMA table_info per table, a sample of each
// timestamp column, __drizzle_migrations. Private to cwi_repositories.

#include "schemamap.h"

namespace cwi {

class SchemaReader
{
public:
    // Reads the schema of the database behind CONNECTION. Returns false with a message taken
    // from SQLite (locked, not a database, ...) when the file cannot be read at all.
    static bool read(const QString &connection, SchemaMap *map, QString *error);

private:
    static void mapColumns(TableInfo *table);
    static void sampleTimestamps(const QString &connection, TableInfo *table);
    static void readMigrations(const QString &connection, SchemaMap *map);
    static void classify(SchemaMap *map);
};

} // namespace cwi
