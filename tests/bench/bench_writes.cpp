// How long a manual action holds the write lock (BEGIN IMMEDIATE acquired -> COMMIT done) on a
// large database, in rollback-journal and WAL mode, on the real disk (fsync included).
//
//   bench_writes [--db FILE] [--actions N] [--keep]
// The file: --db FILE, else the shared large benchmark database (benchdata.h) when it is built,
// else a file of its own (100k tasks, 100k review comments, 50k messages, 20k agents, 100k log
// chunks of ~1 KB). Always a COPY in a temporary folder beside the build (the bench writes and
// switches journal modes). Each action is applied and undone (pairs), so rows can be reused.
// Prints Markdown tables.

#include "benchdata.h"
#include "database.h"
#include "fixtures.h"
#include "writes/actions.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace cwi;

namespace {

QTextStream out(stdout);

bool build(const QString &path)
{
    if (!test::createFixture(path, NameStyle::SnakeCase))
        return false;
    const QString c = test::openRaw(path);
    QSqlDatabase db = QSqlDatabase::database(c);
    QSqlQuery q(db);
    q.exec(u"BEGIN"_s);
    const qint64 ts = 1'700'000'000;
    const auto run = [&](const QString &sql, const QVariantList &binds) {
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec())
            qFatal("%s", qPrintable(sql));
    };
    run(u"INSERT INTO initiatives (id, name, status, created_at, updated_at) VALUES ('I', 'Big', 'active', ?, ?)"_s,
        { ts, ts });
    for (int p = 0; p < 50; ++p)
        run(u"INSERT INTO phases (id, initiative_id, name, status, created_at, updated_at) "
            u"VALUES (?, 'I', ?, 'in_progress', ?, ?)"_s,
            { QString(u"P"_s + QString::number(p)), QString(u"Phase "_s + QString::number(p)), ts, ts });
    const QStringList statuses { u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s, u"completed"_s };
    for (int t = 0; t < 100'000; ++t)
        run(u"INSERT INTO tasks (id, phase_id, initiative_id, name, status, retry_count, created_at, updated_at) "
            u"VALUES (?, ?, 'I', ?, ?, 2, ?, ?)"_s,
            { QString(u"T"_s + QString::number(t)), QString(u"P"_s + QString::number(t % 50)),
                QString(u"Task "_s + QString::number(t)), statuses.at(t % statuses.size()), ts, ts });
    for (int a = 0; a < 20'000; ++a)
        run(u"INSERT INTO agents (id, name, worktree_id, status, task_id, created_at, updated_at) "
            u"VALUES (?, ?, '/wt', 'stopped', ?, ?, ?)"_s,
            { QString(u"A"_s + QString::number(a)), QString(u"agent-"_s + QString::number(a)),
                QString(u"T"_s + QString::number(a * 5 + 2)), ts, ts });
    for (int r = 0; r < 100'000; ++r)
        run(u"INSERT INTO review_comments (id, phase_id, file_path, line_number, line_type, body, author, resolved, "
            u"created_at, updated_at) VALUES (?, ?, 'src/x.ts', ?, 'added', 'Why?', 'you', 0, ?, ?)"_s,
            { QString(u"R"_s + QString::number(r)), QString(u"P"_s + QString::number(r % 50)), r % 500 + 1, ts, ts });
    for (int m = 0; m < 50'000; ++m)
        run(u"INSERT INTO messages (id, sender_type, sender_id, recipient_type, type, content, requires_response, "
            u"status, created_at, updated_at) VALUES (?, 'agent', 'A1', 'user', 'question', 'May I?', 1, 'pending', ?, ?)"_s,
            { QString(u"M"_s + QString::number(m)), ts, ts });
    const QString content
        = QString(u"{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\""_s
            + QString(900, u'x') + u"\"}]}}\n");
    for (int l = 0; l < 100'000; ++l)
        run(u"INSERT INTO agent_log_chunks (id, agent_id, agent_name, session_number, content, created_at) "
            u"VALUES (?, ?, 'agent', 1, ?, ?)"_s,
            { QString(u"L"_s + QString::number(l)), QString(u"A"_s + QString::number(l % 20'000)), content, ts + l });
    q.exec(u"COMMIT"_s);
    q.finish();
    test::closeRaw(c);
    return true;
}

struct Stats
{
    double median = 0, p95 = 0, max = 0;
    int count = 0;
};

Stats stats(QVector<qint64> us)
{
    Stats s;
    if (us.isEmpty())
        return s;
    std::sort(us.begin(), us.end());
    s.count = int(us.size());
    s.median = us.at(us.size() / 2) / 1000.0;
    s.p95 = us.at(std::min<qsizetype>(us.size() - 1, us.size() * 95 / 100)) / 1000.0;
    s.max = us.last() / 1000.0;
    return s;
}

struct Candidates
{
    QStringList tasks, comments, messages, agents;
};

// Rows each action applies to, found through the file's own column spelling.
Candidates candidates(const Database &db)
{
    Candidates c;
    const SchemaMap &schema = db.schema();
    const auto ids = [&](const QString &table, const QString &where) {
        QStringList out;
        const TableInfo *t = schema.table(table);
        QString sql = where;
        for (const ColumnInfo &column : t->columns) {
            if (!column.logicalName.isEmpty())
                sql.replace(u'{' + column.logicalName + u'}', t->quoted(column.logicalName));
        }
        QSqlQuery q(QSqlDatabase::database(db.readConnection()));
        q.exec(u"SELECT "_s + t->quoted(u"id"_s) + u" FROM " + table + u" WHERE " + sql + u" LIMIT 500");
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    };
    c.tasks = ids(u"tasks"_s, u"{status} = 'blocked'"_s);
    c.comments = ids(u"review_comments"_s, u"{resolved} = 0"_s);
    c.messages
        = ids(u"messages"_s, u"{requiresResponse} = 1 AND {recipientType} = 'user' AND {status} <> 'responded'"_s);
    c.agents = ids(u"agents"_s, u"{userDismissedAt} IS NULL AND {status} IN ('idle', 'stopped', 'crashed')"_s);
    return c;
}

// N actions (apply + undo pairs of four kinds); lock hold and whole-action times in microseconds.
bool measure(const QString &path, const QString &journal, int n, QVector<qint64> *lock, QVector<qint64> *total,
    QMap<QString, QVector<qint64>> *perKind)
{
    Database::OpenResult opened = Database::open(path);
    if (!opened.database || !opened.database->enableWriting(nullptr))
        return false;
    Actions actions(opened.database, journal);
    const Candidates c = candidates(*opened.database);
    if (c.tasks.isEmpty() || c.comments.isEmpty() || c.messages.isEmpty() || c.agents.isEmpty()) {
        out << "the database lacks rows for some action (blocked task, open comment, message, agent)" << Qt::endl;
        return false;
    }
    for (int i = 0; i < n / 2; ++i) {
        ActionPlan plan;
        switch (i % 4) {
        case 0:
            plan = actions.planRetryTasks({ c.tasks.at(i / 4 % c.tasks.size()) });
            break;
        case 1:
            plan = actions.planResolveComments({ c.comments.at(i / 4 % c.comments.size()) });
            break;
        case 2:
            plan = actions.planRespondToMessage(c.messages.at(i / 4 % c.messages.size()), u"Yes"_s);
            break;
        default:
            plan = actions.planDismissAgent(c.agents.at(i / 4 % c.agents.size()));
            break;
        }
        QElapsedTimer timer;
        timer.start();
        const WriteResult done = actions.apply(plan);
        total->append(timer.nsecsElapsed() / 1000);
        if (!done.applied()) {
            out << "not applied: " << done.message << Qt::endl;
            return false;
        }
        lock->append(done.lockHeldUs);
        (*perKind)[plan.action].append(done.lockHeldUs);
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE") && done.lockHeldUs > 5000)
            out << "slow apply " << plan.action << ' ' << done.lockHeldUs << " us" << Qt::endl;
        timer.restart();
        const WriteResult undone = actions.undoLast();
        total->append(timer.nsecsElapsed() / 1000);
        if (!undone.applied())
            return false;
        lock->append(undone.lockHeldUs);
        (*perKind)[u"undo "_s + plan.action].append(undone.lockHeldUs);
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE") && undone.lockHeldUs > 5000)
            out << "slow undo " << plan.action << ' ' << undone.lockHeldUs << " us" << Qt::endl;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QString path;
    int n = 1000;
    bool keep = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--db" && i + 1 < args.size())
            path = args.at(++i);
        else if (args.at(i) == u"--actions" && i + 1 < args.size())
            n = args.at(++i).toInt();
        else if (args.at(i) == u"--keep")
            keep = true;
    }
    QTemporaryDir dir(QDir::currentPath() + u"/bench-writes-XXXXXX"_s);
    dir.setAutoRemove(!keep);
    if (path.isEmpty() && bench::largeDatabaseReady())
        path = bench::largeDatabasePath();
    if (!path.isEmpty()) {
        // Never write into the shared benchmark file (or the user's): work on a copy.
        const QString copy = dir.filePath(u"copy.db"_s);
        QElapsedTimer timer;
        timer.start();
        if (!QFile::copy(path, copy)) {
            out << "cannot copy " << path << Qt::endl;
            return 1;
        }
        out << "copied " << path << " (" << QFile(copy).size() / (qint64(1024) * 1024) << " MiB) in " << timer.elapsed()
            << " ms" << Qt::endl;
        path = copy;
    } else {
        path = dir.filePath(u"large.db"_s);
        QElapsedTimer timer;
        timer.start();
        if (!build(path))
            return 1;
        out << "built " << path << " (" << QFile(path).size() / (qint64(1024) * 1024) << " MiB) in " << timer.elapsed()
            << " ms" << Qt::endl;
    }
    out << "\n| journal mode | actions | lock held median | p95 | max | whole action median | max |\n"
        << "|---|---|---|---|---|---|---|\n";
    QString details;
    for (const QString &mode : { u"delete"_s, u"wal"_s }) {
        const QString c = test::openRaw(path);
        test::exec(c, u"PRAGMA journal_mode = "_s + mode);
        test::closeRaw(c);
        QVector<qint64> lock, total;
        QMap<QString, QVector<qint64>> perKind;
        if (!measure(path, dir.filePath(u"journal-"_s + mode + u".sqlite"), n, &lock, &total, &perKind)) {
            out << "measurement failed" << Qt::endl;
            return 1;
        }
        const Stats l = stats(lock), t = stats(total);
        out << "| " << mode << " | " << l.count << " | " << QString::number(l.median, 'f', 2) << " ms | "
            << QString::number(l.p95, 'f', 2) << " ms | " << QString::number(l.max, 'f', 2) << " ms | "
            << QString::number(t.median, 'f', 2) << " ms | " << QString::number(t.max, 'f', 2) << " ms |\n";
        for (auto it = perKind.cbegin(); it != perKind.cend(); ++it) {
            const Stats k = stats(it.value());
            details += u"| "_s + mode + u" | " + it.key() + u" | " + QString::number(k.count) + u" | "
                + QString::number(k.median, 'f', 2) + u" ms | " + QString::number(k.max, 'f', 2) + u" ms |\n";
        }
        out.flush();
    }
    out << "\n| journal mode | action | count | lock held median | max |\n|---|---|---|---|---|\n" << details;
    return 0;
}
