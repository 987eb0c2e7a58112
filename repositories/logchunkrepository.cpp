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

bool failed(const QSqlQuery &query, QString *error)
{
    if (error)
        *error = query.lastError().text();
    return false;
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
        // Times from the first and last written chunk (two rows), not MIN/MAX(createdAt): that
        // column comes after content, so reading it for every chunk walks every byte of the log.
        const QString sql = u"SELECT "_s + t->quoted(u"agentId"_s) + u", MAX("_s + expr(*t, u"agentName"_s) + u"), "_s
            + sessionExpr(*t) + u", COUNT(*), MIN(rowid), MAX(rowid) FROM "_s + SchemaMap::quoteIdentifier(t->name)
            + u" WHERE "_s + t->quoted(u"agentId"_s) + u" = ? GROUP BY 1, 3 ORDER BY 3 DESC"_s;
        const QSqlDatabase db = QSqlDatabase::database(m_db->readConnection(), false);
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!sql::exec(query, sql, { agentId }, error))
            return {};
        QVector<LogSessionInfo> out;
        QVector<std::pair<qint64, qint64>> ends;
        while (query.next()) {
            LogSessionInfo s;
            s.agentId = query.value(0).toString();
            s.agentName = query.value(1).toString();
            s.sessionNumber = query.value(2).toLongLong();
            s.chunkCount = query.value(3).toLongLong();
            s.byteCount = -1; // unknown until read: a sum would read every byte of the session
            ends.append({ query.value(4).toLongLong(), query.value(5).toLongLong() });
            out.append(s);
        }
        query.finish();
        QSqlQuery at(db);
        at.setForwardOnly(true);
        if (!at.prepare(u"SELECT "_s + expr(*t, u"createdAt"_s) + u" FROM "_s + SchemaMap::quoteIdentifier(t->name)
                + u" WHERE rowid = ?"_s))
            return out;
        const auto createdAt = [&at](qint64 rowid) {
            at.bindValue(0, rowid);
            QVariant value;
            if (at.exec() && at.next())
                value = at.value(0);
            at.finish();
            return value;
        };
        for (qsizetype i = 0; i < out.size(); ++i) {
            const QVariant first = createdAt(ends.at(i).first);
            const QVariant last = createdAt(ends.at(i).second);
            // A clock that stepped back makes the last written chunk the earlier one.
            const bool swapped = !first.isNull() && !last.isNull() && sql::sqliteLess(last, first);
            out[i].firstAt = Timestamp { swapped ? last : first };
            out[i].lastAt = Timestamp { swapped ? first : last };
        }
        return out;
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

    bool readChunks(const QString &agentId, qint64 sessionNumber, const ChunkSink &sink, const ChunkRestart &restart,
        QString *error) const override
    {
        const TableInfo *t = table(error);
        if (!t)
            return false;
        return scan(*t, {}, { agentId, sessionNumber }, sink, restart, error);
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

    QStringList chunkReadPlan(QString *error) const override
    {
        const TableInfo *t = table(error);
        if (!t)
            return {};
        QSqlQuery query(QSqlDatabase::database(m_db->readConnection(), false));
        query.setForwardOnly(true);
        if (!sql::exec(query, u"EXPLAIN QUERY PLAN "_s + streamedSql(*t, {}), { QString(), 1 }, error))
            return {};
        QStringList out;
        while (query.next())
            out.append(query.value(3).toString());
        return out;
    }

private:
    QString fromSession(const TableInfo &t, const QString &extraWhere) const
    {
        return u" FROM "_s + SchemaMap::quoteIdentifier(t.name) + u" WHERE "_s + t.quoted(u"agentId"_s) + u" = ? AND "_s
            + sessionExpr(t) + u" = ?"_s + extraWhere;
    }

    // In the agentId index's order, which is rowid order: no sort.
    QString streamedSql(const TableInfo &t, const QString &extraWhere) const
    {
        return u"SELECT "_s + chunkColumns(t) + fromSession(t, extraWhere) + u" ORDER BY rowid"_s;
    }

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
            + u", COUNT(*), -1, MIN("_s + expr(t, u"createdAt"_s) + u"), MAX("_s + expr(t, u"createdAt"_s)
            + u") FROM "_s + SchemaMap::quoteIdentifier(t.name) + u' ' + where + u" GROUP BY 1, 3 ORDER BY "_s + order;
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
            t, extraWhere, binds,
            [&out](LogChunk &c) {
                out.append(std::move(c));
                return true;
            },
            [&out]() { out.clear(); }, error);
        return out;
    }

    // The columns of a chunk, then the sort key IFNULL(createdAt, 0).
    QString chunkColumns(const TableInfo &t) const
    {
        // CAST AS BLOB: the bytes exactly as stored, even when they are not valid UTF-8.
        return u"rowid, "_s + expr(t, u"id"_s) + u", "_s + t.quoted(u"agentId"_s) + u", "_s + expr(t, u"agentName"_s)
            + u", "_s + sessionExpr(t) + u", CAST("_s + t.quoted(u"content"_s) + u" AS BLOB), "_s
            + expr(t, u"createdAt"_s) + u", "_s + createdExpr(t);
    }

    static LogChunk chunkOf(const QSqlQuery &query)
    {
        LogChunk c;
        c.rowid = query.value(0).toLongLong();
        c.id = query.value(1).toString();
        c.agentId = query.value(2).toString();
        c.agentName = query.value(3).toString();
        c.sessionNumber = query.value(4).toLongLong();
        c.content = query.value(5).toByteArray();
        c.createdAt = Timestamp { query.value(6) };
        return c;
    }

    // Rows of one session in index (rowid) order, while their createdAt never goes back; then, if
    // it did, RESTART and the sorted read. Sorting whole rows would make SQLite's sorter copy
    // every byte of the session (into etilqs_* temp files once it passes the cache).
    bool scan(const TableInfo &t, const QString &extraWhere, const QVariantList &binds, const ChunkSink &sink,
        const ChunkRestart &restart, QString *error) const
    {
        QSqlQuery query(QSqlDatabase::database(m_db->readConnection(), false));
        query.setForwardOnly(true);
        if (!sql::exec(query, streamedSql(t, extraWhere), binds, error))
            return false;
        QVariant previous;
        bool ordered = true;
        while (query.next()) {
            const QVariant key = query.value(7);
            if (previous.isValid() && sql::sqliteLess(key, previous)) {
                ordered = false;
                break;
            }
            previous = key;
            LogChunk c = chunkOf(query);
            if (!sink(c))
                return true;
        }
        if (ordered)
            return query.lastError().type() == QSqlError::NoError || failed(query, error);
        query.finish();
        if (restart)
            restart();
        return scanSorted(t, fromSession(t, extraWhere), binds, sink, error);
    }

    // The keys (createdAt, rowid) sorted alone, then each row's content by rowid in that order.
    bool scanSorted(
        const TableInfo &t, const QString &from, const QVariantList &binds, const ChunkSink &sink, QString *error) const
    {
        const QSqlDatabase db = QSqlDatabase::database(m_db->readConnection(), false);
        QSqlQuery keys(db);
        keys.setForwardOnly(true);
        if (!sql::exec(keys, u"SELECT rowid"_s + from + u" ORDER BY "_s + createdExpr(t) + u", rowid"_s, binds, error))
            return false;
        QVector<qint64> rowids;
        while (keys.next())
            rowids.append(keys.value(0).toLongLong());
        keys.finish();
        QSqlQuery row(db);
        row.setForwardOnly(true);
        if (!row.prepare(u"SELECT "_s + chunkColumns(t) + u" FROM "_s + SchemaMap::quoteIdentifier(t.name)
                + u" WHERE rowid = ?"_s))
            return failed(row, error);
        for (const qint64 rowid : std::as_const(rowids)) {
            row.bindValue(0, rowid);
            if (!row.exec())
                return failed(row, error);
            if (!row.next())
                continue; // deleted meanwhile
            LogChunk c = chunkOf(row);
            row.finish();
            if (!sink(c))
                return true;
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
