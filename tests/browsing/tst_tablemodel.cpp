// The table model: rows from workers, bounded pages, count after data, in-place live refresh,
// off-screen pages cancelled, old rows kept until a new filter's first page.

#include "browse/tablemodel.h"
#include "database.h"
#include "fixtures.h"
#include "jobtracker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestTableModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::shared_ptr<Database> m_db;

    void addTasks(const QString &connection, int from, int count)
    {
        for (int i = from; i < from + count; ++i) {
            QVERIFY(!test::insertRow(connection, u"tasks"_s,
                { { u"id"_s, u"task-%1"_s.arg(i, 5, 10, QLatin1Char('0')) }, { u"name"_s, u"Task %1"_s.arg(i) },
                    { u"status"_s, i % 3 ? u"pending"_s : u"blocked"_s } })
                         .isEmpty());
        }
    }

    // Loads every page the way a scrolling view does and returns the ids in order.
    QStringList scrollAll(TableModel &model)
    {
        QStringList ids;
        for (int first = 0; first < model.rowCount(); first += TableModel::kPageSize) {
            const int last = qMin(first + TableModel::kPageSize, model.rowCount()) - 1;
            model.prefetch(first, last);
            [&] {
                QTRY_VERIFY_WITH_TIMEOUT(model.data(model.index(last, 0), TableModel::LoadedRole).toBool(), 10000);
            }();
            for (int row = first; row <= last; ++row)
                ids.append(model.idAt(row));
        }
        return ids;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(m_path));
        const QString c = test::openRaw(m_path);
        QVERIFY(test::exec(c, u"BEGIN"_s));
        addTasks(c, 0, 1000);
        QVERIFY(test::exec(c, u"COMMIT"_s));
        test::closeRaw(c);
        m_db = Database::open(m_path).database;
        QVERIFY(m_db);
    }

    void rowsArriveThenTheCount()
    {
        TableModel model(m_db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &TableModel::countChanged);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, {}, {} });
        QVERIFY(model.isBusy());
        QVERIFY(counted.wait(10000) || model.totalCount() == 1000);
        QCOMPARE(model.totalCount(), 1000);
        QCOMPARE(model.rowCount(), 1000);
        QTRY_COMPARE(model.idAt(0), u"task-00000"_s);
        QCOMPARE(model.headerData(model.columnOf(u"status"_s), Qt::Horizontal).toString(), u"status"_s);
        QTRY_VERIFY(!model.isBusy());
    }

    void scrollingVisitsEveryRowOnceAndMemoryStaysBounded()
    {
        // 50 pages of rows against a cap of 40 cached pages.
        const int total = (TableModel::kMaxCachedPages + 10) * TableModel::kPageSize;
        const QString c = test::openRaw(m_path);
        QVERIFY(test::exec(c, u"BEGIN"_s));
        addTasks(c, 1000, total - 1000);
        QVERIFY(test::exec(c, u"COMMIT"_s));
        test::closeRaw(c);

        TableModel model(m_db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({ u"tasks"_s, u"name"_s, Qt::DescendingOrder, {}, {} });
        QTRY_COMPARE(model.rowCount(), total);
        const QStringList ids = scrollAll(model);
        QCOMPARE(ids.size(), total);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), total);
        QVERIFY(!ids.contains(QString()));
        QTRY_VERIFY(!model.isBusy());
        QCOMPARE(model.cachedPageCount(), TableModel::kMaxCachedPages);
        // The pages dropped are the least recently used: early ones, not the last ones read.
        QVERIFY(model.data(model.index(total - 1, 0), TableModel::LoadedRole).toBool());
        QVERIFY(!model.data(model.index(5 * TableModel::kPageSize, 0), TableModel::LoadedRole).toBool());
    }

    void staleResultsAreDropped()
    {
        TableModel model(m_db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, {}, {} });
        QTRY_COMPARE(model.totalCount(), 1000);
        QTRY_VERIFY(!model.isBusy());
        // The last page is read for the old query, and its result waits in the event queue...
        model.prefetch(990, 999);
        jobPool()->waitForDone();
        // ... when the user filters: that result must not land in the new query's rows.
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, { { u"status"_s, u"=blocked"_s } }, {} });
        QTRY_VERIFY(!model.isBusy());
        QTRY_COMPARE(model.totalCount(), 334);
        QCOMPARE(model.rowCount(), 334);
        QCOMPARE(model.cachedPageCount(), 1);
        QCOMPARE(model.idAt(0), u"task-00000"_s);
    }

    void jumpToTheEndWithoutReadingTheMiddle()
    {
        TableModel model(m_db);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, {}, {} });
        QTRY_COMPARE(model.rowCount(), 1000);
        model.prefetch(990, 999);
        QTRY_COMPARE(model.idAt(999), u"task-00999"_s);
        // A page in the middle arrives through anchors, still without OFFSET.
        model.prefetch(500, 510);
        QTRY_COMPARE_WITH_TIMEOUT(model.idAt(505), u"task-00505"_s, 10000);
    }

    // A jump away from pages still on their way cancels them; a result that comes back anyway
    // is dropped (never placed, never shown).
    void offscreenPagesAreCancelledAndTheirResultsDropped()
    {
        TableModel model(m_db);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, {}, {} });
        QTRY_VERIFY(!model.isBusy() && model.totalCount() == 1000);
        model.prefetch(990, 999); // the end: page 4 (and 3) asked
        QVERIFY(model.isPageInFlight(4));
        model.prefetch(0, 10); // jumped back before page 4 arrived
        QVERIFY(!model.isPageInFlight(4));
        QVERIFY(!model.isPageInFlight(3));
        QTRY_VERIFY(!model.isBusy());
        QTest::qWait(100); // the cancelled read's result, if any, has come back by now
        QCOMPARE(model.rowForRowId(1000), -1); // the last row was never placed
        QVERIFY(model.rowForRowId(1) >= 0);
    }

    // Another filter keeps the old rows on screen until its first page replaces them.
    void newFilterKeepsOldRowsUntilItsFirstPage()
    {
        TableModel model(m_db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, {}, {} });
        QTRY_VERIFY(!model.isBusy() && model.totalCount() == 1000);
        QCOMPARE(model.idAt(1), u"task-00001"_s);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, { { u"status"_s, u"=blocked"_s } }, {} });
        QCOMPARE(model.rowCount(), 1000); // nothing reset yet
        QCOMPARE(model.idAt(1), u"task-00001"_s);
        QTRY_COMPARE(model.idAt(1), u"task-00003"_s);
        QTRY_COMPARE(model.totalCount(), 334);
        QCOMPARE(model.rowCount(), 334);
    }

    void filterAndRawMode()
    {
        TableModel model(m_db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, { { u"status"_s, u"=blocked"_s } }, {} });
        QTRY_COMPARE(model.totalCount(), 334);
        const int created = model.columnOf(u"createdAt"_s);
        QTRY_VERIFY(model.data(model.index(0, created), TableModel::LoadedRole).toBool());
        const QString formatted = model.data(model.index(0, created)).toString();
        QVERIFY2(formatted.contains(u'-') && formatted.contains(u':'), qPrintable(formatted)); // a date-time
        model.setRawMode(true);
        bool isNumber = false;
        model.data(model.index(0, created)).toString().toLongLong(&isNumber);
        QVERIFY(isNumber); // seconds as stored
        const int status = model.columnOf(u"status"_s);
        QCOMPARE(model.data(model.index(0, status), TableModel::EnumBadgeRole), QVariant()); // raw: no badge
        model.setRawMode(false);
        QCOMPARE(model.data(model.index(0, status), TableModel::EnumBadgeRole).toString(), u"blocked"_s);
    }

    void nullIsShownDistinctly()
    {
        TableModel model(m_db);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, {}, {} });
        const int summary = model.columnOf(u"summary"_s);
        QTRY_VERIFY(model.rowCount() > 0 && model.data(model.index(0, summary), TableModel::LoadedRole).toBool());
        QCOMPARE(model.data(model.index(0, summary)).toString(), u"NULL"_s);
        QVERIFY(model.data(model.index(0, summary), TableModel::IsNullRole).toBool());
        QVERIFY(model.data(model.index(0, summary), Qt::FontRole).value<QFont>().italic());
    }

    void liveRefreshKeepsRowsInPlaceAndAppendsNewOnes()
    {
        TableModel model(m_db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({ u"tasks"_s, {}, Qt::AscendingOrder, {}, {} });
        QTRY_COMPARE(model.rowCount(), 1000);
        QTRY_COMPARE(model.idAt(10), u"task-00010"_s);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // Another connection (the server) commits: an update and 5 new rows.
        const QString server = test::openRaw(m_path);
        QVERIFY(test::exec(server, u"UPDATE tasks SET name = 'Renamed' WHERE id = 'task-00010'"_s));
        addTasks(server, 1000, 5);
        test::closeRaw(server);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 1005);
        const int name = model.columnOf(u"name"_s);
        QTRY_COMPARE(model.data(model.index(10, name)).toString(), u"Renamed"_s);
        QCOMPARE(model.idAt(10), u"task-00010"_s); // the row stayed where it was
        QCOMPARE(resets.count(), 0); // no reset: selection and scroll position survive
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 1000);
    }

    void changeDetectorSeesAnotherProcessCommit()
    {
        QVERIFY(!m_db->pollForChanges()); // baseline
        QSignalSpy changed(m_db.get(), &Database::externallyChanged);
        m_db->setWatchInterval(50);
        const QString server = test::openRaw(m_path);
        addTasks(server, 2000, 1);
        test::closeRaw(server);
        QVERIFY(changed.wait(5000));
        m_db->setWatchInterval(0);
    }

    void unknownTableSaysSo()
    {
        TableModel model(m_db);
        QSignalSpy errors(&model, &TableModel::errorOccurred);
        model.setQuery({ u"no_such_table"_s, {}, Qt::AscendingOrder, {}, {} });
        QCOMPARE(errors.count(), 1);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestTableModel)
#include "tst_tablemodel.moc"
