#pragma once

// What one real file holds, learned once when it is opened (PRAGMA table_info per table,
// a sample of each timestamp column, __drizzle_migrations). Every SQL statement the
// repositories run is built from this map: no SQL text spells a column name directly.

#include "catalog.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

enum class TimestampUnit
{
    Unknown,
    Seconds,
    Milliseconds,
    IsoText,
    AllNull
};
enum class NameStyle
{
    SnakeCase,
    CamelCase,
    Mixed,
    Unknown
};

QString timestampUnitName(TimestampUnit unit);
QString nameStyleName(NameStyle style);

struct ColumnInfo
{
    QString name; // real spelling in the file
    QString declaredType;
    bool notNull = false;
    bool primaryKey = false;
    QString logicalName; // catalogue field it maps to; empty for unknown columns
};

struct TableInfo
{
    QString name;
    QVector<ColumnInfo> columns;
    QHash<QString, QString> logicalToReal; // logical field -> real column
    QHash<QString, TimestampUnit> timestampUnits; // logical field -> unit seen in the data
    QStringList missingFields; // catalogue fields this file lacks (older schema)
    const TableSpec *spec = nullptr; // null for tables the catalogue does not know
    bool withoutRowid = false;
    QStringList leadingIndexColumns; // real columns that some index starts with (cheap to sort by)

    bool has(const QString &logicalField) const { return logicalToReal.contains(logicalField); }
    // Real column name for a logical field, or an empty string when the file lacks it.
    QString column(const QString &logicalField) const { return logicalToReal.value(logicalField); }
    // Double-quoted identifier for SQL text, e.g. "initiative_id".
    QString quoted(const QString &logicalField) const;
    int columnIndex(const QString &realName) const;
    // Can rows be read in REALNAME's order without sorting the whole table?
    bool isIndexed(const QString &realName) const { return leadingIndexColumns.contains(realName); }
};

struct MigrationRecord
{
    QString hash;
    qint64 createdAtMs = 0;
};

class SchemaMap
{
public:
    bool isCodewalkers() const { return m_isCodewalkers; }
    // Why the file is not (fully) a Codewalkers database; empty when it is complete.
    QString problem() const { return m_problem; }
    NameStyle nameStyle() const { return m_nameStyle; }
    QStringList tableNames() const; // every table in the file, sqlite_* excluded, sorted
    const TableInfo *table(const QString &name) const;
    bool hasTable(const QString &name) const { return m_tables.contains(name); }
    QStringList missingTables() const { return m_missingTables; }
    const QVector<MigrationRecord> &migrations() const { return m_migrations; }
    bool hasMigrationTable() const { return m_hasMigrationTable; }

    static QString quoteIdentifier(const QString &name);

private:
    friend class SchemaReader;
    QHash<QString, TableInfo> m_tables;
    QStringList m_missingTables;
    QVector<MigrationRecord> m_migrations;
    NameStyle m_nameStyle = NameStyle::Unknown;
    bool m_isCodewalkers = false;
    bool m_hasMigrationTable = false;
    QString m_problem;
};

} // namespace cwi
