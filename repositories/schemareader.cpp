#include "schemareader.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cwi {

namespace {

constexpr qint64 kMillisecondsThreshold = 100'000'000'000;

// How many of the catalogue's tables make a file "Codewalkers" rather than a stranger's.
constexpr int kMinimumKnownTables = 3;

TimestampUnit unitOf(const QVariant &value)
{
    if (value.isNull())
        return TimestampUnit::AllNull;
    bool isNumber = false;
    const qint64 number = value.toString().toLongLong(&isNumber);
    if (!isNumber)
        return TimestampUnit::IsoText;
    return number > kMillisecondsThreshold ? TimestampUnit::Milliseconds : TimestampUnit::Seconds;
}

} // namespace

bool SchemaReader::read(const QString &connection, SchemaMap *map, QString *error)
{
    const QSqlDatabase db = QSqlDatabase::database(connection, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                   "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"))) {
        *error = query.lastError().databaseText();
        if (error->isEmpty())
            *error = query.lastError().text();
        return false;
    }
    QVector<TableInfo> tables;
    while (query.next()) {
        TableInfo info;
        info.name = query.value(0).toString();
        info.withoutRowid = query.value(1).toString().contains(QStringLiteral("WITHOUT ROWID"), Qt::CaseInsensitive);
        info.spec = Catalog::table(info.name);
        tables.append(info);
    }
    query.finish();

    for (TableInfo &info : tables) {
        QSqlQuery columns(db);
        columns.setForwardOnly(true);
        columns.prepare(QStringLiteral("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)"));
        columns.addBindValue(info.name);
        if (!columns.exec()) {
            *error = columns.lastError().databaseText();
            return false;
        }
        while (columns.next()) {
            ColumnInfo column;
            column.name = columns.value(0).toString();
            column.declaredType = columns.value(1).toString();
            column.notNull = columns.value(2).toInt() != 0;
            column.primaryKey = columns.value(3).toInt() != 0;
            info.columns.append(column);
        }
        QSqlQuery indexes(db);
        indexes.setForwardOnly(true);
        indexes.prepare(
            QStringLiteral("SELECT ii.name FROM pragma_index_list(?1) AS il, pragma_index_info(il.name) AS ii "
                           "WHERE ii.seqno = 0 AND ii.name IS NOT NULL"));
        indexes.addBindValue(info.name);
        if (indexes.exec()) {
            while (indexes.next())
                info.leadingIndexColumns.append(indexes.value(0).toString());
        }
        mapColumns(&info);
        sampleTimestamps(connection, &info);
        map->m_tables.insert(info.name, info);
    }
    readMigrations(connection, map);
    classify(map);
    return true;
}

void SchemaReader::mapColumns(TableInfo *table)
{
    if (!table->spec)
        return;
    for (const FieldSpec &field : table->spec->fields) {
        const QString snake = Catalog::toSnakeCase(field.name);
        int found = -1;
        for (int i = 0; i < table->columns.size() && found < 0; ++i) {
            if (table->columns.at(i).name == field.name || table->columns.at(i).name == snake)
                found = i;
        }
        for (int i = 0; i < table->columns.size() && found < 0; ++i) {
            const QString &name = table->columns.at(i).name;
            if (name.compare(field.name, Qt::CaseInsensitive) == 0 || name.compare(snake, Qt::CaseInsensitive) == 0)
                found = i;
        }
        if (found < 0) {
            table->missingFields.append(field.name);
            continue;
        }
        table->columns[found].logicalName = field.name;
        table->logicalToReal.insert(field.name, table->columns.at(found).name);
    }
}

void SchemaReader::sampleTimestamps(const QString &connection, TableInfo *table)
{
    if (!table->spec)
        return;
    const QSqlDatabase db = QSqlDatabase::database(connection, false);
    for (const FieldSpec &field : table->spec->fields) {
        if (field.kind != FieldKind::Timestamp || !table->has(field.name))
            continue;
        // Look at the newest rows only: the unit the server writes now, and cheap on huge tables.
        const QString column = table->quoted(field.name);
        const QString order = table->withoutRowid ? QString() : QStringLiteral(" ORDER BY rowid DESC");
        QSqlQuery sample(db);
        sample.setForwardOnly(true);
        const QString sql = u"SELECT v FROM (SELECT " + column + u" AS v FROM "
            + SchemaMap::quoteIdentifier(table->name) + order + u" LIMIT 1000) WHERE v IS NOT NULL LIMIT 1";
        TimestampUnit unit = TimestampUnit::Unknown;
        if (sample.exec(sql))
            unit = sample.next() ? unitOf(sample.value(0)) : TimestampUnit::AllNull;
        table->timestampUnits.insert(field.name, unit);
    }
}

void SchemaReader::readMigrations(const QString &connection, SchemaMap *map)
{
    const TableInfo *migrations = map->table(QStringLiteral("__drizzle_migrations"));
    map->m_hasMigrationTable = migrations != nullptr;
    if (!migrations || migrations->columnIndex(QStringLiteral("hash")) < 0)
        return;
    const bool hasCreatedAt = migrations->columnIndex(QStringLiteral("created_at")) >= 0;
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.setForwardOnly(true);
    const QString sql = hasCreatedAt
        ? QStringLiteral("SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at, rowid")
        : QStringLiteral("SELECT hash, NULL FROM __drizzle_migrations ORDER BY rowid");
    if (!query.exec(sql))
        return;
    while (query.next())
        map->m_migrations.append({ query.value(0).toString(), query.value(1).toLongLong() });
}

void SchemaReader::classify(SchemaMap *map)
{
    int known = 0;
    int snake = 0;
    int camel = 0;
    QStringList missingColumns;
    for (const TableSpec &spec : Catalog::tables()) {
        const TableInfo *info = map->table(spec.name);
        if (!info) {
            if (spec.required)
                map->m_missingTables.append(spec.name);
            continue;
        }
        ++known;
        for (const QString &field : info->missingFields)
            missingColumns.append(spec.name + u'.' + field);
        for (auto it = info->logicalToReal.cbegin(); it != info->logicalToReal.cend(); ++it) {
            if (Catalog::toSnakeCase(it.key()) == it.key())
                continue; // one-word names say nothing about the style
            (it.value() == it.key() ? camel : snake) += 1;
        }
    }
    map->m_nameStyle = snake && camel ? NameStyle::Mixed
        : snake                       ? NameStyle::SnakeCase
        : camel                       ? NameStyle::CamelCase
                                      : NameStyle::Unknown;
    map->m_isCodewalkers = known >= kMinimumKnownTables;

    if (map->m_tables.isEmpty()) {
        map->m_problem = QStringLiteral("The file is an empty SQLite database (no tables).");
    } else if (!map->m_isCodewalkers) {
        QStringList some = map->tableNames().mid(0, 5);
        map->m_problem = u"This SQLite file belongs to another application (tables: " + some.join(u", ")
            + (map->m_tables.size() > 5 ? QStringLiteral(", ...") : QString()) + u").";
    } else if (!map->m_missingTables.isEmpty() || !missingColumns.isEmpty()) {
        QStringList parts;
        if (!map->m_missingTables.isEmpty())
            parts.append(u"missing tables: " + map->m_missingTables.join(u", "));
        if (!missingColumns.isEmpty())
            parts.append(u"missing columns: " + missingColumns.join(u", "));
        map->m_problem = u"Older or partial schema; " + parts.join(u"; ") + u'.';
    }
}

} // namespace cwi
