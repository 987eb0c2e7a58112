#include "journal.h"

#include "sqlhelpers.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

std::atomic<int> g_journalSerial { 0 };

const QString kPending = u"pending"_s;

QString opName(RowOp op)
{
    switch (op) {
    case RowOp::Update:
        return u"update"_s;
    case RowOp::Insert:
        return u"insert"_s;
    case RowOp::Delete:
        return u"delete"_s;
    case RowOp::Check:
        return u"check"_s;
    }
    return u"update"_s;
}

RowOp opFromName(const QString &name)
{
    if (name == u"insert")
        return RowOp::Insert;
    if (name == u"delete")
        return RowOp::Delete;
    if (name == u"check")
        return RowOp::Check;
    return RowOp::Update;
}

WriteOutcome outcomeFromName(const QString &name)
{
    for (WriteOutcome outcome : { WriteOutcome::Applied, WriteOutcome::ChangedMeanwhile, WriteOutcome::NotValid,
             WriteOutcome::Busy, WriteOutcome::ReadOnly, WriteOutcome::Failed }) {
        if (writeOutcomeName(outcome) == name)
            return outcome;
    }
    return WriteOutcome::Failed;
}

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, "
    "file TEXT NOT NULL, action TEXT NOT NULL, title TEXT, outcome TEXT NOT NULL, message TEXT, "
    "undo_of INTEGER, undone INTEGER NOT NULL DEFAULT 0, lock_us INTEGER)",
    "CREATE INDEX IF NOT EXISTS entries_by_file ON entries (file, id)",
    // before / after deliberately without a declared type: values keep their storage class.
    "CREATE TABLE IF NOT EXISTS changes (entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE, "
    "seq INTEGER NOT NULL, row_index INTEGER NOT NULL, op TEXT NOT NULL, table_name TEXT NOT NULL, "
    "row_id TEXT, field TEXT, before, after)",
    "CREATE INDEX IF NOT EXISTS changes_by_entry ON changes (entry_id, seq)",
};

} // namespace

Journal::Journal(const QString &path)
    : m_path(path)
    , m_connection(u"cwi-journal-" + QString::number(++g_journalSerial))
{
    if (path.isEmpty()) {
        m_error = u"No journal path."_s;
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=2000"_s);
        if (!db.open()) {
            m_error = u"Cannot open the action journal " + path + u": " + db.lastError().text();
            return;
        }
        QSqlQuery query(db);
        // The History is a convenience record, not the data: WAL + NORMAL keeps its two short
        // transactions per action cheap (no fsync per commit) and never corrupts it.
        query.exec(u"PRAGMA journal_mode = WAL"_s);
        query.exec(u"PRAGMA synchronous = NORMAL"_s);
        for (const char *statement : kSchema) {
            if (!query.exec(QString::fromLatin1(statement))) {
                m_error = u"Cannot prepare the action journal " + path + u": " + query.lastError().text();
                return;
            }
        }
    }
}

Journal::~Journal()
{
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

qint64 Journal::begin(const QString &file, const ActionPlan &plan, qint64 undoOf, QString *error)
{
    if (!isOpen()) {
        *error = m_error;
        return 0;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    if (!query.exec(u"BEGIN IMMEDIATE"_s)) {
        *error = u"The action journal is busy: " + query.lastError().text();
        return 0;
    }
    bool ok = sql::exec(query,
        u"INSERT INTO entries (at_ms, file, action, title, outcome, undo_of) VALUES (?, ?, ?, ?, ?, ?)"_s,
        { QDateTime::currentMSecsSinceEpoch(), file, plan.action, plan.title, kPending,
            undoOf > 0 ? QVariant(undoOf) : QVariant() },
        error);
    const qint64 id = ok ? query.lastInsertId().toLongLong() : 0;
    int seq = 0;
    for (int r = 0; ok && r < plan.rows.size(); ++r) {
        const RowChange &row = plan.rows.at(r);
        if (row.op == RowOp::Check)
            continue; // a guard, nothing changes: not needed to show or undo the action
        for (const FieldChange &change : row.changes) {
            ok = sql::exec(query,
                u"INSERT INTO changes (entry_id, seq, row_index, op, table_name, row_id, field, before, "
                u"after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                { id, seq++, r, opName(row.op), row.table, row.id, change.field,
                    row.op == RowOp::Insert ? QVariant() : change.before,
                    row.op == RowOp::Delete ? QVariant() : change.after },
                error);
            if (!ok)
                break;
        }
    }
    if (!ok || !query.exec(u"COMMIT"_s)) {
        if (ok)
            *error = query.lastError().text();
        query.exec(u"ROLLBACK"_s);
        *error = u"Cannot write the action journal: " + *error;
        return 0;
    }
    return id;
}

bool Journal::finish(qint64 id, const WriteResult &result)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!sql::exec(query, u"UPDATE entries SET outcome = ?, message = ?, lock_us = ? WHERE id = ?"_s,
            { writeOutcomeName(result.outcome), result.message,
                result.lockHeldUs >= 0 ? QVariant(result.lockHeldUs) : QVariant(), id }))
        return false;
    if (result.applied()) {
        const std::optional<JournalEntry> done = entry(id);
        if (done && done->undoOf > 0)
            sql::exec(query, u"UPDATE entries SET undone = 1 WHERE id = ?"_s, { done->undoOf });
    }
    return true;
}

QVector<RowChange> Journal::rowsOf(qint64 id) const
{
    QVector<RowChange> rows;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!sql::exec(query,
            u"SELECT row_index, op, table_name, row_id, field, before, after FROM changes WHERE entry_id = ? "
            u"ORDER BY seq"_s,
            { id }))
        return rows;
    int lastIndex = -1;
    while (query.next()) {
        const int index = query.value(0).toInt();
        if (index != lastIndex) {
            RowChange row;
            row.op = opFromName(query.value(1).toString());
            row.table = query.value(2).toString();
            row.id = query.value(3).toString();
            rows.append(row);
            lastIndex = index;
        }
        FieldChange change;
        change.field = query.value(4).toString();
        if (rows.last().op != RowOp::Insert)
            change.before = query.value(5);
        if (rows.last().op != RowOp::Delete)
            change.after = query.value(6);
        rows.last().changes.append(change);
    }
    return rows;
}

std::optional<JournalEntry> Journal::entry(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!sql::exec(query,
            u"SELECT id, at_ms, file, action, title, outcome, message, undo_of, undone FROM entries "
            u"WHERE id = ?"_s,
            { id })
        || !query.next())
        return std::nullopt;
    JournalEntry e;
    e.id = query.value(0).toLongLong();
    e.atMs = query.value(1).toLongLong();
    e.file = query.value(2).toString();
    e.action = query.value(3).toString();
    e.title = query.value(4).toString();
    e.pending = query.value(5).toString() == kPending;
    e.outcome = outcomeFromName(query.value(5).toString());
    e.message = query.value(6).toString();
    e.undoOf = query.value(7).toLongLong();
    e.undone = query.value(8).toLongLong() != 0;
    query.finish();
    e.rows = rowsOf(e.id);
    return e;
}

QVector<JournalEntry> Journal::entries(const QString &file, int limit) const
{
    QVector<qint64> ids;
    {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.setForwardOnly(true);
        if (!sql::exec(query, u"SELECT id FROM entries WHERE file = ? ORDER BY id DESC LIMIT ?"_s, { file, limit }))
            return {};
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    QVector<JournalEntry> out;
    out.reserve(ids.size());
    for (qint64 id : std::as_const(ids)) {
        if (std::optional<JournalEntry> e = entry(id))
            out.append(std::move(*e));
    }
    return out;
}

qint64 Journal::lastUndoable(const QString &file) const
{
    if (!isOpen())
        return 0;
    return sql::scalar(m_connection,
        u"SELECT id FROM entries WHERE file = ? AND outcome = ? AND undo_of IS NULL AND undone = 0 "
        u"ORDER BY id DESC LIMIT 1"_s,
        { file, writeOutcomeName(WriteOutcome::Applied) })
        .toLongLong();
}

} // namespace cwi
