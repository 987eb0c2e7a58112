// The query result model: first rows, a 1M-row result scrolled to its end with the rows held
// bounded, stale runs dropped, cancel, errors; the examples in both spellings; the history kept
// in the data folder, never in the Codewalkers file.

#include "browse/tablemodel.h"
#include "database.h"
#include "fixtures.h"
#include "query/querylibrary.h"
#include "query/querymodel.h"
#include "query/queryplan.h"
#include "query/queryrunner.h"
#include "query/sqltext.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cwi;

class TestQueryModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<Database> m_database;

    static constexpr int kBigRows = 1000000;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(m_path));
        const QString raw = test::openRaw(m_path);
        QVERIFY(test::exec(raw, u"CREATE TABLE big(n INTEGER PRIMARY KEY, label TEXT)"_s));
        QVERIFY(test::exec(raw,
            u"WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c LIMIT %1) "
            "INSERT INTO big SELECT x, 'row ' || x FROM c"_s.arg(kBigRows)));
        QVERIFY(!test::insertRow(raw, u"tasks"_s, { { u"name"_s, u"Blocked one"_s }, { u"status"_s, u"blocked"_s } })
                     .isEmpty());
        test::closeRaw(raw);
        auto opened = Database::open(m_path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        m_database = opened.database;
    }

    void firstRowsAndFormatting()
    {
        QueryModel model(m_database);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.run(u"SELECT name, status, NULL AS empty_value, created_at FROM tasks"_s);
        QTRY_VERIFY2(model.state() == QueryModel::State::Done, qPrintable(model.failure().message));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.countKnown());
        QCOMPARE(model.data(model.index(0, 0)).toString(), u"Blocked one"_s);
        // Same roles as the table browser: enum badge, NULL, timestamp as a date.
        QCOMPARE(model.data(model.index(0, 1), TableModel::EnumBadgeRole).toString(), u"blocked"_s);
        QCOMPARE(model.data(model.index(0, 1), TableModel::BadgeFieldRole).toString(), u"tasks.status"_s);
        QVERIFY(model.data(model.index(0, 2), TableModel::IsNullRole).toBool());
        QVERIFY(model.data(model.index(0, 3)).toString().contains(u'-'));
        QVERIFY(model.firstPageMs() >= 0);
    }

    void millionRowsScrolledToTheEndStayBounded()
    {
        QueryModel model(m_database);
        model.run(u"SELECT n, label FROM big"_s);
        QTRY_VERIFY_WITH_TIMEOUT(model.state() == QueryModel::State::Done, 30000);
        const int cap = QueryModel::kPageRows * QueryModel::kMaxPages;
        // Scroll through the first part page by page, then jump to the end, as a view does.
        for (int row = 0; row < 40 * QueryModel::kPageRows; row += QueryModel::kPageRows) {
            model.prefetch(row, row + 40);
            QTRY_VERIFY(!model.isBusy());
            QVERIFY(model.data(model.index(row, 0), TableModel::LoadedRole).toBool());
            QVERIFY2(model.rowsHeld() <= cap, qPrintable(QString::number(model.rowsHeld())));
        }
        int rounds = 0;
        while (!model.countKnown() && rounds++ < 200) { // the count grows as the view reaches the end
            QVERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 30000);
        }
        QVERIFY(model.countKnown());
        QCOMPARE(model.rowCount(), kBigRows);
        const int last = model.rowCount() - 1;
        model.prefetch(last - 40, last);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 30000);
        QCOMPARE(model.data(model.index(last, 0), TableModel::RawValueRole).toLongLong(), qint64(kBigRows - 1));
        QCOMPARE(model.data(model.index(last, 1)).toString(), u"row %1"_s.arg(kBigRows - 1));
        QVERIFY2(model.rowsHeld() <= cap, qPrintable(QString::number(model.rowsHeld())));
        QCOMPARE(model.state(), QueryModel::State::Done);
    }

    void newRunDropsTheOldOne()
    {
        QueryModel model(m_database);
        model.run(u"SELECT n FROM big ORDER BY label DESC"_s);
        model.run(u"SELECT 'second' AS which"_s);
        QTRY_COMPARE(model.state(), QueryModel::State::Done);
        QTRY_VERIFY(!model.isBusy());
        QCOMPARE(model.columnCount(), 1);
        QCOMPARE(model.data(model.index(0, 0)).toString(), u"second"_s);
    }

    void cancelStopsARunawayQuery()
    {
        QueryModel model(m_database);
        QSignalSpy busy(&model, &QueryModel::busyChanged);
        model.run(u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000) "
                  "SELECT count(*) FROM c AS a, c AS b"_s);
        QVERIFY(model.isBusy());
        model.cancel();
        QCOMPARE(model.state(), QueryModel::State::Cancelled);
        QVERIFY(!model.isBusy());
        // busyChanged follows from the event loop (JobTracker): whatever it said last is "idle".
        QCoreApplication::processEvents();
        QVERIFY(busy.isEmpty() || !busy.last().first().toBool());
    }

    void errorsComeBackWithTheirPosition()
    {
        QueryModel model(m_database);
        model.run(u"SELECT * FROM no_such_table"_s);
        QTRY_COMPARE(model.state(), QueryModel::State::Failed);
        QVERIFY(model.failure().message.contains(u"no such table"_s, Qt::CaseInsensitive));
        QCOMPARE(model.failure().errorOffset, 14);
        model.run(u"DELETE FROM tasks"_s);
        QTRY_COMPARE(model.state(), QueryModel::State::Failed);
        QCOMPARE(model.failure().status, QueryStatus::Denied);
    }

    void statementUnderTheCursor_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cursor");
        QTest::addColumn<QString>("statement");
        const QString two = u"SELECT 1;\nSELECT ';' AS semi -- ;\n, 2;\n"_s;
        QTest::newRow("first") << two << 3 << u"SELECT 1"_s;
        QTest::newRow("second") << two << int(two.indexOf(u"semi"_s)) << u"SELECT ';' AS semi -- ;\n, 2"_s;
        QTest::newRow("after-last") << two << int(two.size()) << u"SELECT ';' AS semi -- ;\n, 2"_s;
        QTest::newRow("comment-block") << u"/* a; b */ SELECT 3"_s << 0 << u"SELECT 3"_s;
    }

    void statementUnderTheCursor()
    {
        QFETCH(QString, text);
        QFETCH(int, cursor);
        QFETCH(QString, statement);
        const sqltext::Range range = sqltext::statementAt(text, cursor);
        QCOMPARE(text.mid(range.start, range.end - range.start), statement);
    }

    void examplesRunInBothSpellings_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("snake") << int(NameStyle::SnakeCase);
        QTest::newRow("camel") << int(NameStyle::CamelCase);
    }

    void examplesRunInBothSpellings()
    {
        QFETCH(int, style);
        const QString path = m_dir.filePath(u"spelled-%1.db"_s.arg(style));
        QFile::remove(path);
        QVERIFY(test::createFixture(path, NameStyle(style)));
        const QString raw = test::openRaw(path);
        const QString initiative = test::insertRow(raw, u"initiatives"_s, { { u"name"_s, u"Billing"_s } });
        const QString blocker = test::insertRow(raw, u"tasks"_s,
            { { u"name"_s, u"Schema"_s }, { u"status"_s, u"in_progress"_s }, { u"initiativeId"_s, initiative } });
        const QString blocked = test::insertRow(raw, u"tasks"_s,
            { { u"name"_s, u"Invoices"_s }, { u"status"_s, u"blocked"_s }, { u"initiativeId"_s, initiative } });
        QVERIFY(!test::insertRow(
            raw, u"task_dependencies"_s, { { u"taskId"_s, blocked }, { u"dependsOnTaskId"_s, blocker } })
                     .isEmpty());
        const QString agent = test::insertRow(raw, u"agents"_s,
            { { u"name"_s, u"calm-owl"_s }, { u"worktreeId"_s, u"/wt"_s }, { u"status"_s, u"waiting_for_input"_s },
                { u"taskId"_s, blocked }, { u"initiativeId"_s, initiative },
                { u"pendingQuestions"_s, u"{\"questions\":[{\"id\":\"q1\",\"question\":\"Which currency?\"}]}"_s } });
        QVERIFY(!test::insertRow(raw, u"agent_log_chunks"_s,
            { { u"agentId"_s, agent }, { u"agentName"_s, u"calm-owl"_s }, { u"sessionNumber"_s, 1 },
                { u"content"_s, u"{\"type\":\"result\",\"subtype\":\"success\",\"total_cost_usd\":0.25}\n"_s } })
                     .isEmpty());
        test::closeRaw(raw);
        auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        const QVector<SavedQuery> examples = QueryLibrary::examples(opened.database->schema());
        QCOMPARE(examples.size(), 3);
        const QueryRunner runner(path, {});
        const QStringList expected { u"Which currency?"_s, u"0.25"_s, u"Schema"_s };
        for (int i = 0; i < examples.size(); ++i) {
            const QueryRows page = runner.page(examples.at(i).sql, 0, 50, 1000);
            QVERIFY2(page.ok(), qPrintable(examples.at(i).name + u": "_s + page.message));
            QCOMPARE(page.rows.size(), 1);
            QStringList cells;
            for (const QVariant &value : page.rows.first())
                cells.append(value.toString());
            QVERIFY2(cells.contains(expected.at(i)), qPrintable(cells.join(u" | "_s)));
        }
    }

    void planTreeAndBigTableHint()
    {
        const QueryRunner runner(m_path, {});
        const QueryPlan scan = QueryPlanner::explain(runner,
            u"SELECT b.label FROM big AS b JOIN tasks t ON t.name = b.label WHERE b.label LIKE '%9'"_s,
            m_database->schema(), nullptr);
        QVERIFY2(scan.outcome.ok(), qPrintable(scan.outcome.message));
        QVERIFY(!scan.steps.isEmpty());
        QCOMPARE(scan.hints.size(), 1);
        QVERIFY2(scan.hints.first().contains(u"big (b)"_s), qPrintable(scan.hints.first()));
        // A lookup by primary key reads no table whole.
        const QueryPlan search
            = QueryPlanner::explain(runner, u"SELECT label FROM big WHERE n = 5"_s, m_database->schema(), nullptr);
        QVERIFY(search.outcome.ok());
        QVERIFY(search.hints.isEmpty());
        QStandardItemModel tree;
        QueryPlanner::fillModel(&tree, scan);
        QVERIFY(tree.rowCount() >= 1);
        // Errors point into the statement, not into the EXPLAIN prefix.
        const QueryPlan bad = QueryPlanner::explain(runner, u"SELECT * FROM nowhere"_s, m_database->schema(), nullptr);
        QCOMPARE(bad.outcome.errorOffset, 14);
    }

    void historyIsKeptInTheDataFolder()
    {
        const QString folder = m_dir.filePath(u"appdata"_s);
        const QByteArray before = test::fileDigest(m_path);
        QueryLibrary library(folder, m_path);
        QVERIFY(library.historyFile().startsWith(folder));
        QVERIFY(library.addHistory({ u"SELECT 1"_s, QDateTime::currentDateTimeUtc(), 1, 3, false }));
        QVERIFY(library.addHistory({ u"SELECT name FROM tasks"_s, QDateTime::currentDateTimeUtc(), 1, 4, false }));
        QVERIFY(library.addHistory({ u"SELECT 1"_s, QDateTime::currentDateTimeUtc(), 1, 2, false }));
        QCOMPARE(library.history().size(), 2);
        QCOMPARE(library.history().constFirst().sql, u"SELECT 1"_s); // moved to the top, not repeated
        QCOMPARE(library.history(u"tasks"_s).size(), 1);
        QVERIFY(library.save({ u"mine"_s, u"SELECT 2"_s }));
        QCOMPARE(library.saved().value(0).name, u"mine"_s);
        // Another file has its own history; the Codewalkers file is untouched.
        QCOMPARE(QueryLibrary(folder, m_dir.filePath(u"other.db"_s)).history().size(), 0);
        QCOMPARE(test::fileDigest(m_path), before);
        QVERIFY(QFile::exists(library.historyFile()));
    }
};

QTEST_GUILESS_MAIN(TestQueryModel)
#include "tst_querymodel.moc"
