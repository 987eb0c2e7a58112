#include "largedbbuilder.h"

#include "database.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>

namespace cwi::bench {

namespace {

const QList<QString> &vocabulary()
{
    static const QList<QString> list = QStringLiteral(
        "the task agent phase review branch merge worktree test failing passes function module schema "
        "migration column index query handler router request response error retry timeout config build "
        "lint type interface component state store hook render update delete create dispatcher queue "
        "decompose verify plan detail refine execute research discuss account project session log")
                                           .split(u' ');
    return list;
}

} // namespace

Inserter::Inserter(const QString &connection, const TableInfo &table, const QStringList &fields)
    : m_query(QSqlDatabase::database(connection))
    , m_table(table.name)
{
    QString columns, marks;
    for (const QString &field : fields) {
        if (!table.has(field))
            qFatal("bench: %s has no field %s", qPrintable(table.name), qPrintable(field));
        columns += (columns.isEmpty() ? QString() : QStringLiteral(", ")) + table.quoted(field);
        marks += marks.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
    }
    const QString sql
        = u"INSERT INTO " + SchemaMap::quoteIdentifier(table.name) + u" (" + columns + u") VALUES (" + marks + u')';
    if (!m_query.prepare(sql))
        qFatal("bench: %s: %s", qPrintable(sql), qPrintable(m_query.lastError().text()));
}

void Inserter::insert(const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        m_query.bindValue(i, values.at(i));
    if (!m_query.exec())
        qFatal("bench: insert into %s: %s", qPrintable(m_table), qPrintable(m_query.lastError().text()));
}

qint64 LargeDatabaseBuilder::AgentPlan::chunks() const
{
    qint64 total = 0;
    for (const Session &session : sessions)
        total += session.chunks;
    return total;
}

qint64 LargeDatabaseBuilder::AgentPlan::end() const
{
    const Session &last = sessions.constLast();
    return last.start + qint64(last.chunks) * last.interval;
}

LargeDatabaseBuilder::LargeDatabaseBuilder(const QString &connection)
    : m_connection(connection)
{
    const Database::OpenResult opened = Database::open(QSqlDatabase::database(connection).databaseName());
    if (!opened.database)
        qFatal("bench: the migrated file does not open: %s", qPrintable(opened.message));
    m_schema = opened.database->schema();
}

Inserter LargeDatabaseBuilder::inserter(const QString &table, const QStringList &fields) const
{
    const TableInfo *info = m_schema.table(table);
    if (!info)
        qFatal("bench: no table %s", qPrintable(table));
    return Inserter(m_connection, *info, fields);
}

void LargeDatabaseBuilder::begin()
{
    QSqlDatabase::database(m_connection).transaction();
}

void LargeDatabaseBuilder::commit()
{
    if (!QSqlDatabase::database(m_connection).commit())
        qFatal("bench: commit failed");
}

QString LargeDatabaseBuilder::prose(int length)
{
    QString out;
    out.reserve(length + 16);
    while (out.size() < length)
        out += m_rng.pick(vocabulary()) + (m_rng.chance(0.07) ? QStringLiteral(". ") : QStringLiteral(" "));
    return out;
}

QString LargeDatabaseBuilder::tiptap(int paragraphs)
{
    QString doc
        = QStringLiteral("{\"type\":\"doc\",\"content\":[{\"type\":\"heading\",\"attrs\":{\"level\":2},\"content\":[{"
                         "\"type\":\"text\",\"text\":\"")
        + prose(30) + QStringLiteral("\"}]}");
    for (int i = 0; i < paragraphs; ++i)
        doc += QStringLiteral(",{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"") + prose(160)
            + QStringLiteral("\"},{\"type\":\"text\",\"marks\":[{\"type\":\"code\"}],\"text\":\"tasks.ts\"}]}");
    return doc + QStringLiteral("]}");
}

bool LargeDatabaseBuilder::build(LargeDatabase *info)
{
    QElapsedTimer timer;
    timer.start();
    begin();
    buildWork();
    planAgents(info);
    insertAgents();
    buildOther();
    commit();
    qInfo("  work tables, agents and the rest: %.1f s", timer.elapsed() / 1000.0);
    buildLogs(info);
    info->agents = kAgents;
    info->tasks = int(m_tasks.size());
    info->initiatives = int(m_initiatives.size());
    return true; // no ANALYZE: the server never runs it, so real files have no sqlite_stat1
}

} // namespace cwi::bench
