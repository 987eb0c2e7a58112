// A stand-in for the Codewalkers server in the write-path tests: a second PROCESS on the same file.
//
//   sqlitelocker hold DB MS          BEGIN IMMEDIATE, print "locked", keep the write lock MS ms, COMMIT
//   sqlitelocker exclusive DB MS     the same with BEGIN EXCLUSIVE: readers wait too (rollback journal)
//   sqlitelocker insert DB STOPFILE  insert agent_log_chunks rows (agentId "writer"), one short transaction
//                                    each, until STOPFILE exists; print "started" after the first and
//                                    "inserted N" at the end
// Exit 0 on success, 1 on any SQL error (printed).

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

QString column(const QSqlDatabase &db, const QString &table, const QString &snake, const QString &camel)
{
    QSqlQuery query(db);
    query.exec(u"SELECT name FROM pragma_table_info('"_s + table + u"')");
    while (query.next()) {
        const QString name = query.value(0).toString();
        if (name == snake || name == camel)
            return u'"' + name + u'"';
    }
    return {};
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &binds = {})
{
    query.prepare(sql);
    for (const QVariant &b : binds)
        query.addBindValue(b);
    if (query.exec())
        return true;
    out << "error: " << sql << ": " << query.lastError().text() << Qt::endl;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        out << "usage: sqlitelocker hold DB MS | insert DB STOPFILE" << Qt::endl;
        return 2;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s);
    db.setDatabaseName(args.at(2));
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=20000"_s);
    if (!db.open()) {
        out << "error: " << db.lastError().text() << Qt::endl;
        return 1;
    }
    QSqlQuery query(db);
    if (args.at(1) == u"hold" || args.at(1) == u"exclusive") {
        if (!run(query, args.at(1) == u"hold" ? u"BEGIN IMMEDIATE"_s : u"BEGIN EXCLUSIVE"_s))
            return 1;
        out << "locked" << Qt::endl;
        QThread::msleep(args.at(3).toULong());
        if (!run(query, u"COMMIT"_s))
            return 1;
        out << "released" << Qt::endl;
        return 0;
    }
    const QString table = u"agent_log_chunks"_s;
    const QString sql = u"INSERT INTO "_s + table + u" (" + column(db, table, u"id"_s, u"id"_s) + u", "
        + column(db, table, u"agent_id"_s, u"agentId"_s) + u", " + column(db, table, u"agent_name"_s, u"agentName"_s)
        + u", " + column(db, table, u"session_number"_s, u"sessionNumber"_s) + u", "
        + column(db, table, u"content"_s, u"content"_s) + u", " + column(db, table, u"created_at"_s, u"createdAt"_s)
        + u") VALUES (?, 'writer', 'writer', 1, ?, ?)";
    qint64 count = 0;
    while (!QFile::exists(args.at(3))) {
        if (!run(query, u"BEGIN IMMEDIATE"_s))
            return 1;
        const QString id = u"w-"_s + QString::number(count);
        if (!run(query, sql, { id, QString(u"{\"type\":\"system\",\"n\":"_s + QString::number(count) + u"}\n"), count })
            || !run(query, u"COMMIT"_s))
            return 1;
        if (++count == 1)
            out << "started" << Qt::endl;
        QThread::msleep(1); // a busy server, not a lock that is never free
    }
    out << "inserted " << count << Qt::endl;
    return 0;
}
