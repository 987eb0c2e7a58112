#include "inforeport.h"

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
    const QHash<QString, qint64> counts = tableRowCounts(database);
    QJsonObject report;
    report.insert(u"file", database.path());
    report.insert(u"sizeBytes", QFileInfo(database.path()).size());
    report.insert(u"codewalkers", schema.isCodewalkers());
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
        table.insert(u"rows", counts.value(name, -1));
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
