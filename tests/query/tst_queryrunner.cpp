// The query connection: read-only by construction (every denied statement leaves the file
// byte-identical and creates no file), one statement per run, cancellable, bounded counting,
// busy past the timeout, and both column spellings.

#include "fixtures.h"
#include "locker.h"
#include "query/queryrunner.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace cwi;

class TestQueryRunner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    QueryRunner runner(int busyTimeoutMs = 2000) const { return QueryRunner(m_path, { busyTimeoutMs, 0 }); }

    // A probe name in /tmp that only this test would create.
    static QString tmpProbe(const QString &name)
    {
        return QDir::tempPath() + u"/cwi-query-probe-" + QString::number(QCoreApplication::applicationPid()) + u'-'
            + name;
    }

    static QStringList listing(const QString &folder, const QString &filter = {})
    {
        QStringList names
            = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        if (!filter.isEmpty())
            names = names.filter(filter);
        return names;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw.db"_s);
        QFile::remove(m_path);
        QVERIFY(test::createFixture(m_path));
        const QString raw = test::openRaw(m_path);
        for (int i = 0; i < 5; ++i)
            QVERIFY(!test::insertRow(raw, u"tasks"_s, { { u"name"_s, u"task %1"_s.arg(i) } }).isEmpty());
        test::closeRaw(raw);
    }

    void deniedStatementChangesNothing_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("status");
        const int denied = int(QueryStatus::Denied);
        const int notRun = int(QueryStatus::SqlError); // a second statement: refused before anything runs
        const QString dir = m_dir.path();
        QTest::newRow("attach") << u"ATTACH DATABASE '%1/other.db' AS other"_s.arg(dir) << denied;
        QTest::newRow("attach-memory") << u"ATTACH ':memory:' AS scratch"_s << denied;
        QTest::newRow("detach") << u"DETACH DATABASE temp"_s << denied;
        QTest::newRow("vacuum") << u"VACUUM"_s << denied;
        QTest::newRow("vacuum-into-folder") << u"VACUUM INTO '%1/copy.db'"_s.arg(dir) << denied;
        QTest::newRow("vacuum-into-tmp") << u"VACUUM INTO '%1'"_s.arg(tmpProbe(u"vacuum.db"_s)) << denied;
        QTest::newRow("vacuum-main-into") << u"  vacuum main into '%1'"_s.arg(tmpProbe(u"v2.db"_s)) << denied;
        QTest::newRow("pragma-user-version") << u"PRAGMA user_version = 7"_s << denied;
        QTest::newRow("pragma-journal-mode") << u"PRAGMA journal_mode = WAL"_s << denied;
        QTest::newRow("pragma-writable-schema") << u"PRAGMA writable_schema = ON"_s << denied;
        QTest::newRow("pragma-query-only-off") << u"PRAGMA query_only = 0"_s << denied;
        QTest::newRow("pragma-wal-checkpoint") << u"PRAGMA wal_checkpoint(TRUNCATE)"_s << denied;
        QTest::newRow("pragma-optimize") << u"PRAGMA optimize"_s << denied;
        QTest::newRow("load-extension") << u"SELECT load_extension('%1')"_s.arg(tmpProbe(u"ext.so"_s)) << denied;
        QTest::newRow("create-temp-table") << u"CREATE TEMP TABLE scratch(x)"_s << denied;
        QTest::newRow("create-temp-table-as") << u"CREATE TEMP TABLE scratch AS SELECT * FROM tasks"_s << denied;
        QTest::newRow("create-temp-view") << u"CREATE TEMP VIEW v AS SELECT 1"_s << denied;
        QTest::newRow("create-temp-trigger")
            << u"CREATE TEMP TRIGGER t AFTER INSERT ON tasks BEGIN SELECT 1; END"_s << denied;
        QTest::newRow("create-table") << u"CREATE TABLE x(y)"_s << denied;
        QTest::newRow("create-index") << u"CREATE INDEX i ON tasks(name)"_s << denied;
        QTest::newRow("drop-table") << u"DROP TABLE tasks"_s << denied;
        QTest::newRow("alter-table") << u"ALTER TABLE tasks ADD COLUMN x"_s << denied;
        QTest::newRow("insert") << u"INSERT INTO tasks(id, name) VALUES ('x', 'y')"_s << denied;
        QTest::newRow("update") << u"UPDATE tasks SET name = 'changed'"_s << denied;
        QTest::newRow("delete") << u"DELETE FROM tasks"_s << denied;
        QTest::newRow("replace") << u"REPLACE INTO tasks(id, name) VALUES ('x', 'y')"_s << denied;
        QTest::newRow("cte-delete") << u"WITH doomed AS (SELECT id FROM tasks) DELETE FROM tasks"_s << denied;
        QTest::newRow("begin") << u"BEGIN IMMEDIATE"_s << denied;
        QTest::newRow("savepoint") << u"SAVEPOINT keep"_s << denied;
        QTest::newRow("analyze") << u"ANALYZE"_s << denied;
        QTest::newRow("reindex") << u"REINDEX"_s << denied;
        QTest::newRow("select-then-delete") << u"SELECT 1; DELETE FROM tasks"_s << notRun;
        QTest::newRow("select-then-vacuum-into") << u"SELECT 1;\nVACUUM INTO '%1/sneak.db'"_s.arg(dir) << notRun;
        QTest::newRow("select-then-attach") << u"select 1 ; ATTACH '%1/a.db' AS a"_s.arg(dir) << notRun;
        QTest::newRow("comment-then-update") << u"-- harmless\nSELECT 2; /* */ UPDATE tasks SET name = ''"_s << notRun;
    }

    void deniedStatementChangesNothing()
    {
        QFETCH(QString, sql);
        QFETCH(int, status);
        const QByteArray before = test::fileDigest(m_path);
        const QStringList folderBefore = listing(m_dir.path());
        const QStringList tmpBefore = listing(QDir::tempPath(), u"cwi-query-probe"_s);

        const QueryRows page = runner().page(sql, 0, 100, 0);
        QVERIFY2(int(page.status) == status, qPrintable(page.message));
        QVERIFY(!page.message.isEmpty());
        QVERIFY(page.rows.isEmpty());

        QCOMPARE(test::fileDigest(m_path), before);
        QCOMPARE(listing(m_dir.path()), folderBefore);
        QCOMPARE(listing(QDir::tempPath(), u"cwi-query-probe"_s), tmpBefore);
        // The same file answers an ordinary query afterwards, unchanged.
        const QueryRows check = runner().page(u"SELECT count(*) FROM tasks"_s, 0, 10, 0);
        QVERIFY2(check.ok(), qPrintable(check.message));
        QCOMPARE(check.rows.value(0).value(0).toLongLong(), 5);
    }

    void readingStatementsRun_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("select") << u"SELECT * FROM tasks"_s;
        QTest::newRow("pragma-table-info") << u"PRAGMA table_info(tasks)"_s;
        QTest::newRow("pragma-function") << u"SELECT name FROM pragma_table_info('tasks')"_s;
        QTest::newRow("pragma-user-version") << u"PRAGMA user_version"_s;
        QTest::newRow("explain-plan") << u"EXPLAIN QUERY PLAN SELECT * FROM tasks WHERE name = 'x'"_s;
        QTest::newRow("recursive")
            << u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c LIMIT 5"_s;
        QTest::newRow("trailing-semicolon-comment") << u"SELECT 1; -- done\n"_s;
    }

    void readingStatementsRun()
    {
        QFETCH(QString, sql);
        const QueryRows page = runner().page(sql, 0, 100, 1000);
        QVERIFY2(page.ok(), qPrintable(page.message));
        QVERIFY(!page.rows.isEmpty());
        QVERIFY(page.countKnown);
    }

    void syntaxErrorHasPosition()
    {
        const QString sql = u"SELECT id,\n  name FROM tasks\nWHERE status = 'x' AND AND 1"_s;
        const QueryRows page = runner().page(sql, 0, 10, 0);
        QCOMPARE(page.status, QueryStatus::SqlError);
        QVERIFY2(page.message.contains(u"syntax error"_s), qPrintable(page.message));
        QCOMPARE(page.errorOffset, sql.indexOf(u"AND 1"_s));
    }

    void namedErrorsHavePosition_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("offset");
        QTest::newRow("table") << u"SELECT * FROM tasks JOIN nowhere"_s << 25;
        QTest::newRow("column") << u"SELECT id, t.missing FROM tasks t"_s << 11;
        QTest::newRow("incomplete") << u"SELECT name FROM tasks WHERE  "_s << 28;
    }

    void namedErrorsHavePosition()
    {
        QFETCH(QString, sql);
        QFETCH(int, offset);
        const QueryRows page = runner().page(sql, 0, 10, 0);
        QCOMPARE(page.status, QueryStatus::SqlError);
        QCOMPARE(page.errorOffset, offset);
    }

    void pagesAndCount()
    {
        const QString sql
            = u"WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c LIMIT 1000) SELECT x FROM c"_s;
        const QueryRows page = runner().page(sql, 300, 50, 10000);
        QVERIFY(page.ok());
        QCOMPARE(page.first, 300);
        QCOMPARE(page.rows.size(), 50);
        QCOMPARE(page.rows.first().value(0).toInt(), 300);
        QCOMPARE(page.rows.last().value(0).toInt(), 349);
        QVERIFY(page.countKnown);
        QCOMPARE(page.rowsSeen, 1000);
        // A run without rows only counts: by count(*) for a SELECT, by stepping for a PRAGMA.
        const QueryRows count = runner().page(sql, 0, 0, 10000);
        QVERIFY(count.ok());
        QVERIFY(count.countKnown);
        QCOMPARE(count.rowsSeen, 1000);
        QVERIFY(count.rows.isEmpty());
        const QueryRows pragma = runner().page(u"PRAGMA table_info(tasks)"_s, 0, 0, 10000);
        QVERIFY(pragma.ok());
        QVERIFY(pragma.countKnown);
        QVERIFY(pragma.rowsSeen > 5);
        // No counting budget: the run stops after the page, count unknown.
        const QueryRows quick = runner().page(sql, 0, 10, 0);
        QVERIFY(quick.ok());
        QVERIFY(!quick.countKnown);
        QCOMPARE(quick.rowsSeen, 10);
    }

    void columnOrigins()
    {
        const QueryRows page = runner().page(u"SELECT t.name AS title, 1 + 1 AS two FROM tasks t"_s, 0, 1, 0);
        QVERIFY(page.ok());
        QCOMPARE(page.columns.size(), 2);
        QCOMPARE(page.columns.at(0).name, u"title"_s);
        QCOMPARE(page.columns.at(0).table, u"tasks"_s);
        QCOMPARE(page.columns.at(0).column, u"name"_s);
        QVERIFY(page.columns.at(1).table.isEmpty());
    }

    void bothSpellings_data()
    {
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("column");
        QTest::newRow("snake") << int(NameStyle::SnakeCase) << u"retry_count"_s;
        QTest::newRow("camel") << int(NameStyle::CamelCase) << u"retryCount"_s;
    }

    void bothSpellings()
    {
        QFETCH(int, style);
        QFETCH(QString, column);
        const QString path = m_dir.filePath(u"spelled.db"_s);
        QFile::remove(path);
        QVERIFY(test::createFixture(path, NameStyle(style)));
        const QString raw = test::openRaw(path);
        QVERIFY(!test::insertRow(raw, u"tasks"_s, { { u"name"_s, u"a"_s }, { u"retryCount"_s, 3 } }).isEmpty());
        test::closeRaw(raw);
        const QueryRows page = QueryRunner(path, {}).page(u"SELECT \"%1\" FROM tasks"_s.arg(column), 0, 10, 100);
        QVERIFY2(page.ok(), qPrintable(page.message));
        QCOMPARE(page.columns.value(0).column, column);
        QCOMPARE(page.rows.value(0).value(0).toInt(), 3);
    }

    void cancelStopsRunawayQuery()
    {
        // 10^6 x 10^6 = 10^12 rows: never finishes on its own.
        const QString sql = u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000) "
                            "SELECT count(*) FROM c AS a, c AS b"_s;
        std::atomic_bool cancel { false };
        const QueryRunner query = runner();
        QFuture<QueryRows> future = QtConcurrent::run([&] { return query.page(sql, 0, 10, 0, &cancel); });
        QTest::qWait(200); // let it get deep into the join
        QVERIFY(!future.isFinished());
        cancel = true;
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
        QCOMPARE(future.result().status, QueryStatus::Cancelled);
    }

    void countingStopsAtItsBudget()
    {
        // The page comes back although the statement has 10^12 rows: counting gives up in time.
        const QString sql = u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000) "
                            "SELECT a.x, b.x FROM c AS a, c AS b"_s;
        const QueryRows page = runner().page(sql, 0, 20, 50);
        QVERIFY2(page.ok(), qPrintable(page.message));
        QCOMPARE(page.rows.size(), 20);
        QVERIFY(!page.countKnown);
        QVERIFY(page.rowsSeen >= 20);
        // Counting alone gives up in time too, without an error.
        const QueryRows count = runner().page(sql, 0, 0, 50);
        QVERIFY2(count.ok(), qPrintable(count.message));
        QVERIFY(!count.countKnown);
    }

    void readsWhileAnotherProcessHoldsTheWriteLock()
    {
        QProcess locker;
        QVERIFY(test::startLocker(locker, { u"hold"_s, m_path, u"3000"_s }));
        const QueryRows page = runner(500).page(u"SELECT name FROM tasks ORDER BY name"_s, 0, 10, 100);
        QVERIFY2(page.ok(), qPrintable(page.message));
        QCOMPARE(page.rows.size(), 5);
        locker.waitForFinished(10000);
    }

    void busyPastTheTimeout()
    {
        QProcess locker;
        QVERIFY(test::startLocker(locker, { u"exclusive"_s, m_path, u"3000"_s }));
        const QueryRows page = runner(200).page(u"SELECT name FROM tasks"_s, 0, 10, 0);
        QCOMPARE(page.status, QueryStatus::Busy);
        locker.waitForFinished(10000);
    }

    void missingFileIsNotCreated()
    {
        const QString path = m_dir.filePath(u"missing.db"_s);
        const QueryRows page = QueryRunner(path, {}).page(u"SELECT 1"_s, 0, 1, 0);
        QCOMPARE(page.status, QueryStatus::FileError);
        QVERIFY(!QFile::exists(path));
    }

    void longCellsAreCut()
    {
        const QueryRows page = QueryRunner(m_path, { 2000, 100 }).page(u"SELECT printf('%.*c', 5000, 'x')"_s, 0, 1, 0);
        QVERIFY(page.ok());
        QCOMPARE(page.rows.value(0).value(0).toString().size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestQueryRunner)
#include "tst_queryrunner.moc"
