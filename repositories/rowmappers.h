#pragma once

// Row -> value struct, by logical field name. Private to cwi_repositories.

#include "database.h"
#include "entities.h"
#include "sqlhelpers.h"

namespace cwi::sql {

Initiative toInitiative(const Row &r);
Phase toPhase(const Row &r);
Task toTask(const Row &r);
Agent toAgent(const Row &r);
Account toAccount(const Row &r);
Project toProject(const Row &r);
Errand toErrand(const Row &r);

// A table of the open file seen through its catalogue fields: SELECT ... WHERE field = ?.
template<typename T> class TableAccess
{
public:
    using Mapper = T (*)(const Row &);
    TableAccess(const std::shared_ptr<Database> &db, const QString &table, Mapper map)
        : m_db(db)
        , m_table(db->schema().table(table))
        , m_map(map)
    { }

    bool available() const { return m_table && m_table->spec; }
    const TableInfo *info() const { return m_table; }

    // ORDER is a logical field list like {"createdAt", "id"}; fields the file lacks are skipped.
    QVector<T> where(const QString &condition, const QVariantList &binds, const QStringList &order = {}) const
    {
        if (!available())
            return {};
        const Select select = Select::allFields(*m_table);
        return fetch<T>(m_db->readConnection(), select, condition + orderBy(order), binds, m_map);
    }
    QVector<T> all(const QStringList &order = {}) const { return where({}, {}, order); }
    QVector<T> by(const QString &field, const QVariant &value, const QStringList &order = {}) const
    {
        if (!available() || !m_table->has(field))
            return {};
        return where(u"WHERE " + m_table->quoted(field) + u" = ?", { value }, order);
    }
    std::optional<T> one(const QString &field, const QVariant &value) const
    {
        QVector<T> rows = by(field, value);
        return rows.isEmpty() ? std::nullopt : std::optional<T>(rows.takeFirst());
    }
    QString orderBy(const QStringList &fields) const
    {
        QStringList parts;
        for (const QString &field : fields) {
            const bool descending = field.startsWith(u'-');
            const QString name = descending ? field.mid(1) : field;
            if (m_table->has(name))
                parts.append(m_table->quoted(name) + (descending ? QStringLiteral(" DESC") : QString()));
        }
        if (!m_table->withoutRowid)
            parts.append(QStringLiteral("rowid"));
        return u" ORDER BY " + parts.join(u", ");
    }

private:
    std::shared_ptr<Database> m_db;
    const TableInfo *m_table;
    Mapper m_map;
};

} // namespace cwi::sql
