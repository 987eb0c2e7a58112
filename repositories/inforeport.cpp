#include "inforeport.h"

#include "integrity.h"
#include "readaccess.h"
#include "sqlhelpers.h"

#include <QFileInfo>
#include <QJsonArray>

namespace cwi {

QHash<QString, qint64> tableRowCounts(const Database &database)
{
    QHash<QString, qint64> counts;
    const QString connection = database.readConnection();
    const QStringList tables = database.schema().tableNames();
    for (const QString &table : tables) {
        const QVariant count = sql::scalar(connection, u"SELECT count(*) FROM " + SchemaMap::quoteIdentifier(table));
        counts.insert(table, count.isValid() ? count.toLongLong() : -1);
    }
    return counts;
}

QHash<QString, qint64> tableRowCounts(const Database &database, qint64 exactUpTo, QSet<QString> *estimated)
{
    QHash<QString, qint64> counts;
    const QString connection = database.readConnection();
    const QStringList tables = database.schema().tableNames();
    for (const QString &table : tables) {
        const TableInfo *info = database.schema().table(table);
        const QString quoted = SchemaMap::quoteIdentifier(table);
        if (info && !info->withoutRowid) {
            const QVariant max = sql::scalar(connection, u"SELECT max(rowid) FROM " + quoted);
            if (max.isValid() && max.toLongLong() > exactUpTo) {
                counts.insert(table, max.toLongLong());
                estimated->insert(table);
                continue;
            }
        }
        const QVariant count = sql::scalar(connection, u"SELECT count(*) FROM " + quoted);
        counts.insert(table, count.isValid() ? count.toLongLong() : -1);
    }
    return counts;
}

QJsonObject infoReport(const Database &database)
{
    const SchemaMap &schema = database.schema();
    const QString connection = database.readConnection();
    // Counted here with their errors: a table that cannot be read is reported as such, not as
    // "rows": -1 in an otherwise healthy report.
    QHash<QString, qint64> counts;
    QHash<QString, QString> readErrors;
    for (const QString &table : schema.tableNames()) {
        QString error;
        const QVariant count
            = sql::scalar(connection, u"SELECT count(*) FROM " + SchemaMap::quoteIdentifier(table), {}, &error);
        if (count.isValid())
            counts.insert(table, count.toLongLong());
        else
            readErrors.insert(table, error.isEmpty() ? QStringLiteral("cannot be read") : error);
    }
    const qint64 size = QFileInfo(database.path()).size();
    // A large file is not read whole for a report: its counts still touch every table.
    const bool checked = size <= kWholeFileCheckBytes;
    QStringList problems = checked ? integrityProblems(connection, {}, size) : QStringList();
    for (auto it = readErrors.cbegin(); it != readErrors.cend(); ++it)
        problems.append(it.key() + u": " + it.value());
    QJsonObject report;
    report.insert(u"file", database.path());
    report.insert(u"sizeBytes", size);
    report.insert(u"codewalkers", schema.isCodewalkers());
    const QString access = readAccessDescription(database);
    report.insert(u"access", access.isEmpty() ? QStringLiteral("read-only") : access);
    report.insert(u"damaged", !problems.isEmpty());
    report.insert(u"integrityCheck",
        checked ? QStringLiteral("quick_check of the whole file")
                : QStringLiteral("skipped (larger than 64 MiB; row counts only)"));
    if (!problems.isEmpty())
        report.insert(u"problems", QJsonArray::fromStringList(problems));
    report.insert(u"nameStyle", nameStyleName(schema.nameStyle()));
    if (!schema.problem().isEmpty())
        report.insert(u"problem", schema.problem());
    report.insert(u"missingTables", QJsonArray::fromStringList(schema.missingTables()));

    QJsonArray tables;
    const QStringList names = schema.tableNames();
    for (const QString &name : names) {
        const TableInfo *info = schema.table(name);
        QJsonObject table;
        table.insert(u"name", name);
        table.insert(u"known", info->spec != nullptr);
        if (counts.contains(name)) {
            table.insert(u"rows", counts.value(name));
        } else {
            table.insert(u"rows", QJsonValue::Null);
            table.insert(u"error", readErrors.value(name));
        }
        QJsonArray columns;
        for (const ColumnInfo &column : info->columns) {
            QJsonObject c;
            c.insert(u"name", column.name);
            c.insert(u"type", column.declaredType);
            if (!column.logicalName.isEmpty())
                c.insert(u"field", column.logicalName);
            columns.append(c);
        }
        table.insert(u"columns", columns);
        if (!info->timestampUnits.isEmpty()) {
            QJsonObject units;
            for (auto it = info->timestampUnits.cbegin(); it != info->timestampUnits.cend(); ++it)
                units.insert(it.key(), timestampUnitName(it.value()));
            table.insert(u"timestampUnits", units);
        }
        if (!info->missingFields.isEmpty())
            table.insert(u"missingColumns", QJsonArray::fromStringList(info->missingFields));
        tables.append(table);
    }
    report.insert(u"tables", tables);

    QJsonObject migrations;
    migrations.insert(u"table", schema.hasMigrationTable());
    migrations.insert(u"applied", int(schema.migrations().size()));
    if (!schema.migrations().isEmpty()) {
        migrations.insert(u"newestHash", schema.migrations().last().hash);
        migrations.insert(u"newestCreatedAtMs", schema.migrations().last().createdAtMs);
    }
    report.insert(u"migrations", migrations);
    return report;
}

} // namespace cwi
