#include "rowreader.h"

#include "sqlhelpers.h"

#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

struct RelationSpec
{
    QString table;
    QString field;
    QString target;
    QString title;
};

// Relations the schema does not declare as foreign keys but a reader follows all the same.
const QVector<RelationSpec> &implicitRelations()
{
    static const QVector<RelationSpec> relations {
        { u"agent_log_chunks"_s, u"agentId"_s, u"agents"_s, u"Log chunks"_s },
        { u"chat_sessions"_s, u"targetId"_s, u"tasks"_s, u"Chat sessions"_s },
        { u"chat_sessions"_s, u"targetId"_s, u"phases"_s, u"Chat sessions"_s },
        { u"proposals"_s, u"targetId"_s, u"pages"_s, u"Proposals"_s },
        { u"proposals"_s, u"targetId"_s, u"phases"_s, u"Proposals"_s },
        { u"proposals"_s, u"targetId"_s, u"tasks"_s, u"Proposals"_s },
        { u"messages"_s, u"senderId"_s, u"agents"_s, u"Messages sent"_s },
        { u"messages"_s, u"recipientId"_s, u"agents"_s, u"Messages received"_s },
    };
    return relations;
}

QString relationTitle(const TableSpec &source, const QString &field, const QString &target)
{
    if (source.name == target && field == u"parentTaskId")
        return u"Sub-tasks"_s;
    if (source.name == target && field == u"parentPageId")
        return u"Child pages"_s;
    if (source.name == target && field == u"parentMessageId")
        return u"Replies"_s;
    if (field == u"dependsOnTaskId" || field == u"dependsOnPhaseId")
        return u"Depended on by"_s;
    if (field == u"taskId" && source.name == u"task_dependencies")
        return u"Depends on"_s;
    if (field == u"phaseId" && source.name == u"phase_dependencies")
        return u"Depends on"_s;
    if (field == u"fromAgentId")
        return u"Conversations asked"_s;
    if (field == u"toAgentId")
        return u"Conversations answered"_s;
    return source.title;
}

} // namespace

RowReader::RowReader(std::shared_ptr<Database> database)
    : m_database(std::move(database))
{ }

std::optional<RowRecord> RowReader::fetch(const QString &table, const QString &where, const QVariant &bind) const
{
    const TableInfo *info = m_database->schema().table(table);
    if (!info)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_database->readConnection(), false));
    query.setForwardOnly(true);
    const QString rowid = info->withoutRowid ? u"NULL"_s : u"rowid"_s;
    if (!sql::exec(query,
            u"SELECT " + rowid + u", * FROM " + SchemaMap::quoteIdentifier(table) + u" WHERE " + where + u" LIMIT 1",
            { bind })
        || !query.next())
        return std::nullopt;
    RowRecord record;
    record.table = table;
    record.rowid = query.value(0).isNull() ? -1 : query.value(0).toLongLong();
    const QSqlRecord fields = query.record();
    for (int i = 1; i < fields.count(); ++i) {
        record.columns.append(fields.fieldName(i));
        record.values.append(query.value(i));
    }
    return record;
}

std::optional<RowRecord> RowReader::byId(const QString &table, const QString &id) const
{
    const TableInfo *info = m_database->schema().table(table);
    if (!info || !info->has(u"id"_s))
        return std::nullopt;
    return fetch(table, info->quoted(u"id"_s) + u" = ?", id);
}

std::optional<RowRecord> RowReader::byRowId(const QString &table, qint64 rowid) const
{
    return fetch(table, u"rowid = ?"_s, rowid);
}

QVector<Relation> RowReader::reverseRelations(const QString &table, const QString &id) const
{
    QVector<RelationSpec> specs;
    for (const TableSpec &source : Catalog::tables()) {
        for (const FieldSpec &field : source.fields) {
            if (field.references == table)
                specs.append({ source.name, field.name, table, relationTitle(source, field.name, table) });
        }
    }
    for (const RelationSpec &spec : implicitRelations()) {
        if (spec.target == table)
            specs.append(spec);
    }
    QVector<Relation> relations;
    const QString connection = m_database->readConnection();
    for (const RelationSpec &spec : std::as_const(specs)) {
        const TableInfo *info = m_database->schema().table(spec.table);
        if (!info || !info->has(spec.field))
            continue;
        const QVariant count = sql::scalar(connection,
            u"SELECT count(*) FROM " + SchemaMap::quoteIdentifier(spec.table) + u" WHERE " + info->quoted(spec.field)
                + u" = ?",
            { id });
        if (!count.isValid())
            continue;
        Relation relation { spec.table, spec.field, spec.title, count.toLongLong(), {} };
        if (relation.count == 1 && info->has(u"id"_s)) {
            relation.onlyId = sql::scalar(connection,
                u"SELECT " + info->quoted(u"id"_s) + u" FROM " + SchemaMap::quoteIdentifier(spec.table) + u" WHERE "
                    + info->quoted(spec.field) + u" = ?",
                { id })
                                  .toString();
        }
        relations.append(relation);
    }
    return relations;
}

QString RowReader::label(const QString &table, const QString &id) const
{
    const TableInfo *info = m_database->schema().table(table);
    if (!info || !info->spec || !info->has(u"id"_s) || !info->has(info->spec->displayField))
        return {};
    return sql::scalar(m_database->readConnection(),
        u"SELECT " + info->quoted(info->spec->displayField) + u" FROM " + SchemaMap::quoteIdentifier(table) + u" WHERE "
            + info->quoted(u"id"_s) + u" = ?",
        { id })
        .toString();
}

QHash<QString, QString> RowReader::labels(const QString &table, const QStringList &ids) const
{
    QHash<QString, QString> found;
    const TableInfo *info = m_database->schema().table(table);
    if (!info || !info->spec || !info->has(u"id"_s) || !info->has(info->spec->displayField) || ids.isEmpty())
        return found;
    const QString connection = m_database->readConnection();
    constexpr int kBatch = 500; // well under SQLite's bound-parameter limit
    for (int start = 0; start < ids.size(); start += kBatch) {
        const QStringList batch = ids.mid(start, kBatch);
        QStringList marks;
        QVariantList binds;
        for (const QString &id : batch) {
            marks.append(u"?"_s);
            binds.append(id);
        }
        QSqlQuery q(QSqlDatabase::database(connection, false));
        q.setForwardOnly(true);
        if (!sql::exec(q,
                u"SELECT " + info->quoted(u"id"_s) + u", " + info->quoted(info->spec->displayField) + u" FROM "
                    + SchemaMap::quoteIdentifier(table) + u" WHERE " + info->quoted(u"id"_s) + u" IN ("
                    + marks.join(u',') + u')',
                binds))
            return found;
        while (q.next())
            found.insert(q.value(0).toString(), q.value(1).toString());
    }
    return found;
}

QVector<QPair<QString, QString>> RowReader::allLabels(const QString &table) const
{
    QVector<QPair<QString, QString>> all;
    const TableInfo *info = m_database->schema().table(table);
    if (!info || !info->spec || !info->has(u"id"_s) || !info->has(info->spec->displayField))
        return all;
    QSqlQuery q(QSqlDatabase::database(m_database->readConnection(), false));
    q.setForwardOnly(true);
    if (!sql::exec(q,
            u"SELECT " + info->quoted(u"id"_s) + u", " + info->quoted(info->spec->displayField) + u" FROM "
                + SchemaMap::quoteIdentifier(table),
            {}))
        return all;
    while (q.next())
        all.append({ q.value(0).toString(), q.value(1).toString() });
    return all;
}

QVector<EntityMatch> RowReader::search(const QString &text, int limit) const
{
    QVector<EntityMatch> matches;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return matches;
    const QString escaped = sql::escapeLike(needle);
    const QString connection = m_database->readConnection();
    // Ids first (exact prefix), then names; agent_log_chunks is huge and has no names worth it.
    for (int pass = 0; pass < 2 && matches.size() < limit; ++pass) {
        for (const TableSpec &spec : Catalog::tables()) {
            const TableInfo *info = m_database->schema().table(spec.name);
            if (!info || spec.name == u"agent_log_chunks" || !info->has(u"id"_s))
                continue;
            const bool byName = pass == 1;
            if (byName && (spec.displayField.isEmpty() || !info->has(spec.displayField)))
                continue;
            const QString field = byName ? spec.displayField : u"id"_s;
            const QString pattern = byName ? QString(u'%' + escaped + u'%') : QString(escaped + u'%');
            const QString label = spec.displayField.isEmpty() || !info->has(spec.displayField)
                ? u"NULL"_s
                : info->quoted(spec.displayField);
            const QString status = info->has(u"status"_s) ? info->quoted(u"status"_s) : u"NULL"_s;
            QSqlQuery query(QSqlDatabase::database(connection, false));
            query.setForwardOnly(true);
            if (!sql::exec(query,
                    u"SELECT " + info->quoted(u"id"_s) + u", " + label + u", " + status + u" FROM "
                        + SchemaMap::quoteIdentifier(spec.name) + u" WHERE " + info->quoted(field)
                        + u" LIKE ? ESCAPE '\\' LIMIT " + QString::number(limit - matches.size()),
                    { pattern }))
                continue;
            while (query.next()) {
                EntityMatch match { spec.name, query.value(0).toString(), query.value(1).toString(),
                    query.value(2).toString() };
                const bool seen = std::any_of(matches.cbegin(), matches.cend(),
                    [&match](const EntityMatch &m) { return m.table == match.table && m.id == match.id; });
                if (!seen)
                    matches.append(match);
            }
        }
    }
    return matches;
}

} // namespace cwi
