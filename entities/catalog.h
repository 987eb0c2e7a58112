#pragma once

// What the inspector knows about the Codewalkers schema (database.md + NOTES.md), independent
// of any file: logical tables, their fields, each field's kind. SchemaMap matches a real file
// against this catalogue.

#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

enum class FieldKind
{
    Text,
    Integer,
    Timestamp, // integer seconds (Drizzle mode 'timestamp'), ms or ISO text accepted
    Boolean, // 0 / 1
    Json, // text holding JSON
    Tiptap, // text holding Tiptap JSON
    Enum, // text with a documented set of values
    Blob,
};

enum class TableGroup
{
    Work,
    Agents,
    Review,
    Knowledge,
    AccountsProjects,
    Other
};

struct FieldSpec
{
    QString name; // logical camelCase name
    FieldKind kind = FieldKind::Text;
    QStringList enumValues; // for Enum
    QString references; // table a foreign key points at, empty if none
};

struct TableSpec
{
    QString name;
    TableGroup group = TableGroup::Other;
    QString title; // human name, e.g. "Review comments"
    QString displayField; // the field that names a row (name, title, ...)
    QVector<FieldSpec> fields;
    bool required = true; // a Codewalkers file normally has it (change_sets may be missing)

    const FieldSpec *field(const QString &logicalName) const;
};

class Catalog
{
public:
    static const QVector<TableSpec> &tables();
    static const TableSpec *table(const QString &name);
    static QString groupTitle(TableGroup group);
    // "initiativeId" -> "initiative_id"
    static QString toSnakeCase(const QString &camel);
    // "initiative_id" -> "initiativeId"
    static QString toCamelCase(const QString &snake);
};

} // namespace cwi
