#pragma once

// Private to cwi_repositories: what every action's planning shares. A Planner reads rows (through
// the file's own column spelling, on the calling thread's read-only connection) and builds one
// ActionPlan: optimistic on the values it read, updatedAt stamped at apply time.

#include "actions.h"
#include "catalog.h"
#include "database.h"
#include "sqlhelpers.h"
#include "writesql.h"

#include <QDateTime>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace cwi::writes {

inline const QString kId = u"id"_s;
inline const QString kStatus = u"status"_s;
inline const QString kUpdatedAt = u"updatedAt"_s;
inline const QString kCreatedAt = u"createdAt"_s;

// nanoid(21): what the server uses for ids.
inline QString newId()
{
    static const QLatin1StringView alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    QString id(21, u'_');
    for (QChar &c : id)
        c = QLatin1Char(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return id;
}

inline bool truthy(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString)
        return v.toString() == u"1" || v.toString().compare(u"true"_s, Qt::CaseInsensitive) == 0;
    return !v.isNull() && v.toLongLong() != 0;
}

inline bool isNull(const QVariant &v)
{
    return !v.isValid() || v.isNull();
}

// Reads rows and builds plans for one Actions call.
class Planner
{
public:
    Planner(const Database &db, const QString &action)
        : m_db(db)
    {
        m_plan.action = action;
    }

    ActionPlan &plan() { return m_plan; }

    ActionPlan fail(const QString &why, bool badArguments = false)
    {
        m_plan.rows.clear();
        m_plan.notValid = why;
        m_plan.badArguments = badArguments;
        return m_plan;
    }

    const TableInfo *table(const QString &name) const { return m_db.schema().table(name); }

    // Row ID of TABLE with FIELDS (+ id, status, updatedAt, createdAt and the display field).
    std::optional<QVariantMap> read(const QString &tableName, const QString &id, QStringList fields)
    {
        const TableInfo *t = table(tableName);
        if (!t)
            return std::nullopt;
        fields << kId << kStatus << kUpdatedAt << kCreatedAt;
        if (t->spec && !t->spec->displayField.isEmpty())
            fields << t->spec->displayField;
        fields.removeDuplicates();
        return writes::readRow(m_db.readConnection(), *t, id, fields);
    }

    // "task “Build login”" for titles.
    QString name(const QString &tableName, const QVariantMap &row) const
    {
        const TableInfo *t = table(tableName);
        QString noun = t && t->spec ? t->spec->title.toLower() : tableName;
        if (noun.endsWith(u's'))
            noun.chop(1);
        const QString display = t && t->spec ? row.value(t->spec->displayField).toString().simplified() : QString();
        QString label = display.isEmpty() ? row.value(kId).toString() : display;
        if (label.size() > 50)
            label = label.left(49).trimmed() + u'…';
        return noun + u" “" + label + u'”';
    }

    // Missing row / table: the message for a bad id.
    ActionPlan notFound(const QString &tableName, const QString &id)
    {
        if (!table(tableName))
            return fail(u"This file has no "_s + tableName + u" table.");
        return fail(u"No "_s + tableName + u" row with id " + id + u'.', true);
    }

    // UPDATE of SETS (field -> new value) on ROW, optimistic on status, updatedAt and every changed
    // field, with updatedAt stamped now. Returns false (and sets notValid) when the file lacks a field.
    bool update(const QString &tableName, const QVariantMap &row, const QList<std::pair<QString, QVariant>> &sets,
        bool stampUpdatedAt = true)
    {
        const TableInfo *t = table(tableName);
        RowChange change;
        change.op = RowOp::Update;
        change.table = tableName;
        change.id = row.value(kId).toString();
        for (const auto &[field, after] : sets) {
            if (!t->has(field)) {
                fail(u"This file's "_s + tableName + u" table has no " + field + u" column (an older schema).");
                return false;
            }
            FieldChange fc { field, row.value(field), after, false };
            if (after.userType() == QMetaType::QDateTime) { // "now", stamped at apply time
                fc.after = QVariant();
                fc.stampNow = true;
            }
            change.changes.append(fc);
            change.expected.insert(field, row.value(field));
        }
        for (const QString &field : { kStatus, kUpdatedAt }) {
            if (t->has(field))
                change.expected.insert(field, row.value(field));
        }
        if (stampUpdatedAt && t->has(kUpdatedAt))
            change.changes.append({ kUpdatedAt, row.value(kUpdatedAt), QVariant(), true });
        m_plan.rows.append(change);
        return true;
    }

    // The newest agent that worked on TASKID, or nullopt.
    std::optional<QVariantMap> latestAgentOf(const QString &taskId)
    {
        const TableInfo *agents = table(u"agents"_s);
        if (!agents || !agents->has(u"taskId"_s))
            return std::nullopt;
        const sql::Select select(*agents, { kId, u"name"_s, kStatus, kUpdatedAt });
        QString order = u"ORDER BY "_s;
        if (agents->has(kCreatedAt))
            order += agents->quoted(kCreatedAt) + u" DESC, ";
        order += u"rowid DESC"_s;
        return sql::fetchOne<QVariantMap>(m_db.readConnection(), select,
            u"WHERE "_s + agents->quoted(u"taskId"_s) + u" IS ? " + order, { taskId }, [](const sql::Row &r) {
                return QVariantMap { { kId, r.value(kId) }, { u"name"_s, r.value(u"name"_s) },
                    { kStatus, r.value(kStatus) }, { kUpdatedAt, r.value(kUpdatedAt) } };
            });
    }

private:
    const Database &m_db;
    ActionPlan m_plan;
};

inline const QVariant kNow = QVariant(QDateTime()); // marker: stamp "now" in the column's unit

inline QStringList documentedValues(const QString &table, const QString &field)
{
    const TableSpec *spec = Catalog::table(table);
    const FieldSpec *f = spec ? spec->field(field) : nullptr;
    return f ? f->enumValues : QStringList();
}

} // namespace cwi::writes
