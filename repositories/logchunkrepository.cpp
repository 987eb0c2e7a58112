#include "logchunkrepository.h"

#include "sqlhelpers.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

const QString kTable = u"agent_log_chunks"_s;

// SQL expression for a logical field, or FALLBACK when the file lacks the column.
QString expr(const TableInfo &t, const QString &field, const QString &fallback = u"NULL"_s)
{
    return t.has(field) ? t.quoted(field) : fallback;
}

// Sessions written outside Drizzle may lack a number: they read as session 0.
QString sessionExpr(const TableInfo &t)
{
    return u"IFNULL("_s + expr(t, u"sessionNumber"_s, u"1"_s) + u", 0)"_s;
}

QString createdExpr(const TableInfo &t)
{
    return u"IFNULL("_s + expr(t, u"createdAt"_s) + u", 0)"_s;
}

class SqliteLogChunkRepository : public LogChunkRepository
{
public:
    explicit SqliteLogChunkRepository(std::shared_ptr<Database> db)
        : m_db(std::move(db))
    { }

    QVector<LogSessionInfo> sessions(const QString &agentId, QString *error) const override
    {
        const TableInfo *t = table(error);
        if (!t)
            return {};
        return summarize(*t, u"WHERE "_s + t->quoted(u"agentId"_s) + u" = ?"_s, u"3 DESC"_s, { agentId }, error);
    }

    QVector<LogSessionInfo> allSessions(QString *error) const override
    {
        const TableInfo *t = table(error);
        if (!t)
            return {};
        return summarize(*t, {}, u"7 DESC, 1, 3 DESC"_s, {}, error);
    }

    QVector<LogChunk> chunks(const QString &agentId, qint64 sessionNumber, QString *error) const override
    {
        const TableInfo *t = table(error);
        if (!t)
            return {};
        return read(*t, {}, { agentId, sessionNumber }, error);
    }

    bool readChunks(const QString &agentId, qint64 sessionNumber, const std::function<void(LogChunk &)> &sink,
        QString *error) const override
    {
        const TableInfo *t = table(error);
        if (!t)
            return false;
        return scan(*t, {}, { agentId, sessionNumber }, sink, error);
    }

    QVector<LogChunk> chunksAfter(const QString &agentId, qint64 sessionNumber, const Timestamp &lastCreatedAt,
        qint64 lastRowid, QString *error) const override
    {
        const TableInfo *t = table(error);
        if (!t)
            return {};
        const QVariant created = lastCreatedAt.isNull() ? QVariant(0) : lastCreatedAt.raw;
        return read(*t, u" AND ("_s + createdExpr(*t) + u", rowid) > (?, ?)"_s,
            { agentId, sessionNumber, created, lastRowid }, error);
    }

private:
    const TableInfo *table(QString *error) const
    {
        const TableInfo *t = m_db->schema().table(kTable);
        if (!t || !t->has(u"agentId"_s) || !t->has(u"content"_s)) {
            if (error)
                *error = u"this file has no agent_log_chunks table (or it lacks agentId/content)"_s;
            return nullptr;
        }
        return t;
    }

    QVector<LogSessionInfo> summarize(
        const TableInfo &t, const QString &where, const QString &order, const QVariantList &binds, QString *error) const
    {
        const QString agentId = t.quoted(u"agentId"_s);
        const QString sql = u"SELECT "_s + agentId + u", MAX("_s + expr(t, u"agentName"_s) + u"), "_s + sessionExpr(t)
            + u", COUNT(*), SUM(LENGTH(CAST("_s + t.quoted(u"content"_s) + u" AS BLOB))), MIN("_s
            + expr(t, u"createdAt"_s) + u"), MAX("_s + expr(t, u"createdAt"_s) + u") FROM "_s
            + SchemaMap::quoteIdentifier(t.name) + u' ' + where + u" GROUP BY 1, 3 ORDER BY "_s + order;
        QVector<LogSessionInfo> out;
        QSqlQuery query(QSqlDatabase::database(m_db->readConnection(), false));
        query.setForwardOnly(true);
        if (!sql::exec(query, sql, binds, error))
            return out;
        while (query.next()) {
            LogSessionInfo s;
            s.agentId = query.value(0).toString();
            s.agentName = query.value(1).toString();
            s.sessionNumber = query.value(2).toLongLong();
            s.chunkCount = query.value(3).toLongLong();
            s.byteCount = query.value(4).toLongLong();
            s.firstAt = Timestamp { query.value(5) };
            s.lastAt = Timestamp { query.value(6) };
            out.append(s);
        }
        return out;
    }

    QVector<LogChunk> read(
        const TableInfo &t, const QString &extraWhere, const QVariantList &binds, QString *error) const
    {
        QVector<LogChunk> out;
        scan(
            t, extraWhere, binds, [&out](LogChunk &c) { out.append(std::move(c)); }, error);
        return out;
    }

    bool scan(const TableInfo &t, const QString &extraWhere, const QVariantList &binds,
        const std::function<void(LogChunk &)> &sink, QString *error) const
    {
        // CAST AS BLOB: the bytes exactly as stored, even when they are not valid UTF-8.
        const QString sql = u"SELECT rowid, "_s + expr(t, u"id"_s) + u", "_s + t.quoted(u"agentId"_s) + u", "_s
            + expr(t, u"agentName"_s) + u", "_s + sessionExpr(t) + u", CAST("_s + t.quoted(u"content"_s)
            + u" AS BLOB), "_s + expr(t, u"createdAt"_s) + u" FROM "_s + SchemaMap::quoteIdentifier(t.name)
            + u" WHERE "_s + t.quoted(u"agentId"_s) + u" = ? AND "_s + sessionExpr(t) + u" = ?"_s + extraWhere
            + u" ORDER BY "_s + createdExpr(t) + u", rowid"_s;
        QSqlQuery query(QSqlDatabase::database(m_db->readConnection(), false));
        query.setForwardOnly(true);
        if (!sql::exec(query, sql, binds, error))
            return false;
        while (query.next()) {
            LogChunk c;
            c.rowid = query.value(0).toLongLong();
            c.id = query.value(1).toString();
            c.agentId = query.value(2).toString();
            c.agentName = query.value(3).toString();
            c.sessionNumber = query.value(4).toLongLong();
            c.content = query.value(5).toByteArray();
            c.createdAt = Timestamp { query.value(6) };
            sink(c);
        }
        return true;
    }

    std::shared_ptr<Database> m_db;
};

} // namespace

std::unique_ptr<LogChunkRepository> makeLogChunkRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteLogChunkRepository>(std::move(db));
}

} // namespace cwi
