#include "schemamap.h"

#include <algorithm>

namespace cwi {

QString timestampUnitName(TimestampUnit unit)
{
    switch (unit) {
    case TimestampUnit::Seconds:
        return QStringLiteral("seconds");
    case TimestampUnit::Milliseconds:
        return QStringLiteral("milliseconds");
    case TimestampUnit::IsoText:
        return QStringLiteral("iso-text");
    case TimestampUnit::AllNull:
        return QStringLiteral("null");
    case TimestampUnit::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString nameStyleName(NameStyle style)
{
    switch (style) {
    case NameStyle::SnakeCase:
        return QStringLiteral("snake_case");
    case NameStyle::CamelCase:
        return QStringLiteral("camelCase");
    case NameStyle::Mixed:
        return QStringLiteral("mixed");
    case NameStyle::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString SchemaMap::quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString TableInfo::quoted(const QString &logicalField) const
{
    const QString real = column(logicalField);
    return real.isEmpty() ? QString() : SchemaMap::quoteIdentifier(real);
}

int TableInfo::columnIndex(const QString &realName) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == realName)
            return i;
    }
    return -1;
}

QStringList SchemaMap::tableNames() const
{
    QStringList names = m_tables.keys();
    std::sort(names.begin(), names.end());
    return names;
}

const TableInfo *SchemaMap::table(const QString &name) const
{
    const auto it = m_tables.constFind(name);
    return it == m_tables.cend() ? nullptr : &it.value();
}

} // namespace cwi
