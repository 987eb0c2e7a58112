#include "tablereader.h"

#include "sqlhelpers.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace cwi {

namespace {

QString keyColumn(const TableInfo &table)
{
    if (!table.withoutRowid)
        return QStringLiteral("rowid");
    for (const ColumnInfo &column : table.columns) {
        if (column.primaryKey)
            return SchemaMap::quoteIdentifier(column.name);
    }
    return SchemaMap::quoteIdentifier(table.columns.value(0).name);
}

// Numbers bind as numbers so that "=5" matches an INTEGER column with any affinity.
QVariant literal(const QString &text)
{
    bool ok = false;
    const qlonglong integer = text.toLongLong(&ok);
    if (ok)
        return integer;
    const double real = text.toDouble(&ok);
    if (ok)
        return real;
    return text;
}

struct Operator
{
    QLatin1StringView prefix;
    QLatin1StringView sql;
};

constexpr Operator kOperators[] = {
    { QLatin1StringView("!="), QLatin1StringView(" != ?") },
    { QLatin1StringView("<="), QLatin1StringView(" <= ?") },
    { QLatin1StringView(">="), QLatin1StringView(" >= ?") },
    { QLatin1StringView("="), QLatin1StringView(" = ?") },
    { QLatin1StringView("<"), QLatin1StringView(" < ?") },
    { QLatin1StringView(">"), QLatin1StringView(" > ?") },
};

// SQLite refuses LIKE patterns over 50,000 bytes; beyond this length search with instr().
constexpr qsizetype kLongPattern = 10000;

QString containsCondition(const QString &column, const QString &text, QVariantList *binds)
{
    if (text.size() > kLongPattern) {
        binds->append(text);
        return u"instr(" + column + u", ?) > 0";
    }
    binds->append(QString(u'%' + sql::escapeLike(text) + u'%'));
    return column + u" LIKE ? ESCAPE '\\'";
}

// What a filter field holds is what the grid shows: a badge reads "In progress" for the stored
// "in_progress", a timestamp reads "2026-10-20 14:03" for 1792497780. OPERAND is turned back
// into the stored form before it is bound; anything else stays as typed.
struct ShownColumn
{
    const FieldSpec *field = nullptr;
    TimestampUnit unit = TimestampUnit::Unknown;
};

QString storedEnumValue(const FieldSpec &field, const QString &operand)
{
    QString value = operand.trimmed();
    if (value.endsWith(QStringLiteral(" (unknown)")))
        value.chop(10);
    value.replace(u' ', u'_');
    for (const QString &known : field.enumValues) {
        if (known.compare(value, Qt::CaseInsensitive) == 0)
            return known;
    }
    return value;
}

// A local date-time as precise as it was typed ("2026", "2026-10", "2026-10-20", "2026-10-20
// 14", "2026-10-20 14:03", "2026-10-20 14:03:11") as the half-open range [start, end) it covers.
std::optional<std::pair<QDateTime, QDateTime>> shownTimeRange(const QString &operand)
{
    static const QRegularExpression shape(
        QStringLiteral("^\\d{4}(-\\d\\d(-\\d\\d([ T]\\d\\d(:\\d\\d(:\\d\\d)?)?)?)?)?$"));
    const QString text = QString(operand.trimmed()).replace(u'T', u' ');
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    struct Precision
    {
        QLatin1StringView format;
        int unit; // 0 year, 1 month, 2 day, 3 hour, 4 minute, 5 second
    };
    static constexpr Precision precisions[] = {
        { QLatin1StringView("yyyy-MM-dd HH:mm:ss"), 5 },
        { QLatin1StringView("yyyy-MM-dd HH:mm"), 4 },
        { QLatin1StringView("yyyy-MM-dd HH"), 3 },
        { QLatin1StringView("yyyy-MM-dd"), 2 },
        { QLatin1StringView("yyyy-MM"), 1 },
        { QLatin1StringView("yyyy"), 0 },
    };
    for (const Precision &precision : precisions) {
        const QDateTime start = QDateTime::fromString(text, QString(precision.format));
        if (!start.isValid())
            continue;
        QDateTime end;
        switch (precision.unit) {
        case 0:
            end = start.addYears(1);
            break;
        case 1:
            end = start.addMonths(1);
            break;
        case 2:
            end = start.addDays(1);
            break;
        case 3:
            end = start.addSecs(3600);
            break;
        case 4:
            end = start.addSecs(60);
            break;
        default:
            end = start.addSecs(1);
        }
        return std::pair { start, end };
    }
    return std::nullopt;
}

QVariant storedTime(const QDateTime &when, TimestampUnit unit)
{
    switch (unit) {
    case TimestampUnit::Milliseconds:
        return when.toMSecsSinceEpoch();
    case TimestampUnit::IsoText:
        return when.toUTC().toString(Qt::ISODateWithMs);
    default: // Drizzle writes seconds
        return when.toSecsSinceEpoch();
    }
}

// OP is "=", "!=", "<", "<=", ">", ">=" or "" (contains): a time range compiles to bounds.
QString timeCondition(const QString &column, const QString &op, const std::pair<QDateTime, QDateTime> &range,
    TimestampUnit unit, QVariantList *binds)
{
    const QVariant start = storedTime(range.first, unit);
    const QVariant end = storedTime(range.second, unit);
    if (op == u"<" || op == u">=") {
        binds->append(start);
        return column + (op == u"<" ? QStringLiteral(" < ?") : QStringLiteral(" >= ?"));
    }
    if (op == u">" || op == u"<=") {
        binds->append(end);
        return column + (op == u">" ? QStringLiteral(" >= ?") : QStringLiteral(" < ?"));
    }
    *binds << start << end;
    const QString inside = u'(' + column + u" >= ? AND " + column + u" < ?)";
    return op == u"!=" ? QString(u"NOT " + inside) : inside;
}

QString compileOne(const QString &column, const QString &expression, const ShownColumn &shown, QVariantList *binds)
{
    const QString trimmed = expression.trimmed();
    if (trimmed == u"NULL")
        return column + u" IS NULL";
    if (trimmed == u"!NULL")
        return column + u" IS NOT NULL";
    QString op;
    QString operand = expression;
    const Operator *matched = nullptr;
    for (const Operator &candidate : kOperators) {
        if (trimmed.startsWith(candidate.prefix)) {
            matched = &candidate;
            op = candidate.prefix;
            operand = trimmed.mid(candidate.prefix.size()).trimmed();
            break;
        }
    }
    const FieldKind kind = shown.field ? shown.field->kind : FieldKind::Text;
    if (kind == FieldKind::Timestamp) {
        if (const auto range = shownTimeRange(operand))
            return timeCondition(column, op, *range, shown.unit, binds);
    }
    if (kind == FieldKind::Enum && (op.isEmpty() || op == u"=" || op == u"!="))
        operand = storedEnumValue(*shown.field, operand);
    if (kind == FieldKind::Boolean && (op == u"=" || op == u"!=")) {
        const QString word = operand.toLower();
        if (word == u"true" || word == u"false")
            operand = word == u"true" ? QStringLiteral("1") : QStringLiteral("0");
    }
    if (!matched)
        return containsCondition(column, operand, binds);
    binds->append(literal(operand));
    return column + matched->sql;
}

} // namespace

TableReader::TableReader(std::shared_ptr<Database> database)
    : m_database(std::move(database))
{ }

QStringList TableReader::columns(const QString &table) const
{
    QStringList names;
    if (const TableInfo *info = m_database->schema().table(table)) {
        for (const ColumnInfo &column : info->columns)
            names.append(column.name);
    }
    return names;
}

bool TableReader::hasRowid(const QString &table) const
{
    const TableInfo *info = m_database->schema().table(table);
    return info && !info->withoutRowid;
}

CompiledFilter TableReader::compileFilter(const TableInfo &table, const TableQuery &query)
{
    CompiledFilter compiled;
    QStringList conditions;
    for (const ColumnFilter &filter : query.filters) {
        if (filter.expression.isEmpty())
            continue;
        if (table.columnIndex(filter.column) < 0) {
            compiled.error = u"No column " + filter.column + u" in " + table.name;
            return compiled;
        }
        const ColumnInfo &column = table.columns.at(table.columnIndex(filter.column));
        ShownColumn shown;
        if (table.spec && !column.logicalName.isEmpty()) {
            shown.field = table.spec->field(column.logicalName);
            shown.unit = table.timestampUnits.value(column.logicalName, TimestampUnit::Unknown);
        }
        conditions.append(
            compileOne(SchemaMap::quoteIdentifier(filter.column), filter.expression, shown, &compiled.binds));
    }
    if (!query.search.isEmpty() && !table.columns.isEmpty()) {
        QStringList any;
        for (const ColumnInfo &column : table.columns)
            any.append(containsCondition(SchemaMap::quoteIdentifier(column.name), query.search, &compiled.binds));
        conditions.append(u'(' + any.join(QStringLiteral(" OR ")) + u')');
    }
    if (!conditions.isEmpty())
        compiled.where = u" WHERE " + conditions.join(QStringLiteral(" AND "));
    return compiled;
}

qint64 TableReader::estimateCount(const TableQuery &query) const
{
    const TableInfo *info = m_database->schema().table(query.table);
    if (!info || info->withoutRowid || !query.filters.isEmpty() || !query.search.isEmpty())
        return -1;
    const QVariant max = sql::scalar(
        m_database->readConnection(), u"SELECT max(rowid) FROM " + SchemaMap::quoteIdentifier(info->name));
    return max.isValid() ? max.toLongLong() : -1; // NULL (empty table) reads as 0
}

qint64 TableReader::count(const TableQuery &query, QString *error, const std::atomic_bool *cancel) const
{
    const TableInfo *info = m_database->schema().table(query.table);
    if (!info) {
        if (error)
            *error = u"No table " + query.table;
        return -1;
    }
    const CompiledFilter filter = compileFilter(*info, query);
    if (!filter.error.isEmpty()) {
        if (error)
            *error = filter.error;
        return -1;
    }
    const QString connection = m_database->readConnection();
    sql::CancelGuard guard(connection, cancel);
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.setForwardOnly(true);
    if (!sql::exec(
            q, u"SELECT count(*) FROM " + SchemaMap::quoteIdentifier(info->name) + filter.where, filter.binds, error)
        || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

TablePage TableReader::pageAfter(
    const TableQuery &query, const std::optional<RowKey> &key, int limit, const std::atomic_bool *cancel) const
{
    return page(query, key, limit, true, cancel);
}

TablePage TableReader::pageBefore(
    const TableQuery &query, const std::optional<RowKey> &key, int limit, const std::atomic_bool *cancel) const
{
    TablePage result = page(query, key, limit, false, cancel);
    std::reverse(result.rows.begin(), result.rows.end());
    return result;
}

TablePage TableReader::page(const TableQuery &query, const std::optional<RowKey> &key, int limit, bool forward,
    const std::atomic_bool *cancel) const
{
    TablePage result;
    const TableInfo *info = m_database->schema().table(query.table);
    if (!info) {
        result.ok = false;
        result.error = u"No table " + query.table;
        return result;
    }
    CompiledFilter filter = compileFilter(*info, query);
    if (!filter.error.isEmpty()) {
        result.ok = false;
        result.error = filter.error;
        return result;
    }
    const QString rowid = keyColumn(*info);
    const bool bySort = !query.sortColumn.isEmpty() && info->columnIndex(query.sortColumn) >= 0;
    const QString sort = bySort ? SchemaMap::quoteIdentifier(query.sortColumn) : QString();
    // Walking "forward" in a descending query means walking down in SQL terms.
    const bool ascending = (query.order == Qt::AscendingOrder) == forward;
    const QLatin1StringView dir = ascending ? QLatin1StringView(" ASC") : QLatin1StringView(" DESC");
    const QLatin1StringView cmp = ascending ? QLatin1StringView(" > ?") : QLatin1StringView(" < ?");

    QString condition;
    if (key) {
        if (!bySort) {
            condition = rowid + cmp;
            filter.binds.append(key->rowid);
        } else if (key->sortValue.isNull()) {
            // NULLs sort first ascending: after a NULL key come the other NULLs, then every value.
            condition = ascending
                ? QString(u"((" + sort + u" IS NULL AND " + rowid + cmp + u") OR " + sort + u" IS NOT NULL)")
                : QString(u"(" + sort + u" IS NULL AND " + rowid + cmp + u')');
            filter.binds.append(key->rowid);
        } else {
            condition = u"(" + sort + cmp + u" OR (" + sort + u" = ? AND " + rowid + cmp + u')'
                + (ascending ? QString() : QString(u" OR " + sort + u" IS NULL")) + u')';
            filter.binds << key->sortValue << key->sortValue << key->rowid;
        }
    }
    QString where = filter.where;
    if (!condition.isEmpty())
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) + condition;
    const QString order
        = bySort ? QString(u" ORDER BY " + sort + dir + u", " + rowid + dir) : QString(u" ORDER BY " + rowid + dir);
    const QString sql = u"SELECT " + rowid + (bySort ? QString(u", " + sort) : QStringLiteral(", NULL")) + u", * FROM "
        + SchemaMap::quoteIdentifier(info->name) + where + order + u" LIMIT " + QString::number(limit);

    const QString connection = m_database->readConnection();
    sql::CancelGuard guard(connection, cancel);
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.setForwardOnly(true);
    if (!sql::exec(q, sql, filter.binds, &result.error)) {
        result.ok = false;
        result.cancelled = cancel && cancel->load();
        return result;
    }
    const int columnCount = info->columns.size();
    while (q.next()) {
        TableRow row;
        row.rowid = q.value(0).toLongLong();
        row.key = { q.value(1), row.rowid };
        row.values.reserve(columnCount);
        for (int c = 0; c < columnCount; ++c)
            row.values.append(q.value(c + 2));
        result.rows.append(std::move(row));
    }
    if (q.lastError().isValid()) {
        result.ok = false;
        result.cancelled = cancel && cancel->load();
        result.error = q.lastError().text();
    }
    return result;
}

QVector<RowKey> TableReader::anchors(const TableQuery &query, int stride, const std::atomic_bool *cancel) const
{
    QVector<RowKey> keys;
    const TableInfo *info = m_database->schema().table(query.table);
    if (!info || stride <= 0)
        return keys;
    const CompiledFilter filter = compileFilter(*info, query);
    if (!filter.error.isEmpty())
        return keys;
    const QString rowid = keyColumn(*info);
    const bool bySort = !query.sortColumn.isEmpty() && info->columnIndex(query.sortColumn) >= 0;
    const QString sort = bySort ? SchemaMap::quoteIdentifier(query.sortColumn) : QString();
    const QLatin1StringView dir
        = query.order == Qt::AscendingOrder ? QLatin1StringView(" ASC") : QLatin1StringView(" DESC");
    const QString order
        = bySort ? QString(u" ORDER BY " + sort + dir + u", " + rowid + dir) : QString(u" ORDER BY " + rowid + dir);
    const QString sql = u"SELECT " + rowid + u", " + (bySort ? sort : QStringLiteral("NULL")) + u" FROM "
        + SchemaMap::quoteIdentifier(info->name) + filter.where + order;
    const QString connection = m_database->readConnection();
    sql::CancelGuard guard(connection, cancel);
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.setForwardOnly(true);
    if (!sql::exec(q, sql, filter.binds))
        return keys;
    qint64 index = 0;
    while (q.next()) {
        if (++index % stride == 0)
            keys.append({ q.value(1), q.value(0).toLongLong() });
    }
    if (q.lastError().isValid())
        keys.clear(); // cancelled or failed: partial anchors would be wrong for the tail
    return keys;
}

} // namespace cwi
