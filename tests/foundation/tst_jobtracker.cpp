// The one job tracker: stale results are dropped, cancel reaches the job (also inside SQLite,
// through the progress handler), busy toggles, and an owner may die while its job runs.

#include "jobtracker.h"
#include "sqlhelpers.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <memory>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

// A gate a job waits at until the test opens it (never longer than 10 s, so a failing test ends).
struct Gate
{
    QSemaphore semaphore;
    void open() { semaphore.release(1000); }
    void wait() { semaphore.tryAcquire(1, 10'000); }
};

} // namespace

// Says "paint" for an UpdateRequest, as a window would paint on it.
class Recorder : public QObject
{
public:
    explicit Recorder(QStringList *order)
        : m_order(order)
    { }
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::UpdateRequest)
            return QObject::event(event);
        *m_order << QStringLiteral("paint");
        return true;
    }

private:
    QStringList *m_order;
};

class TestJobTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { jobPool()->waitForDone(); }

    void deliversOnTheTrackersThread()
    {
        JobTracker tracker;
        QThread *deliveredOn = nullptr;
        int result = 0;
        tracker.run([] { return 42; },
            [&](int value) {
                result = value;
                deliveredOn = QThread::currentThread();
            });
        QTRY_COMPARE(result, 42);
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    // Long jobs never take Qt's global pool: Qt 6.4's raster engine paints with its threads and
    // waits for them, so jobs there froze the window's painting for as long as they ran.
    void longJobsLeaveQtsGlobalPoolFree()
    {
        JobTracker tracker;
        auto gate = std::make_shared<Gate>();
        const int jobs = QThreadPool::globalInstance()->maxThreadCount() + 2;
        for (int i = 0; i < jobs; ++i)
            tracker.add(
                i, [gate] { gate->wait(); }, [] {});
        QTest::qWait(200); // the jobs start
        QSemaphore painted;
        const bool started = QThreadPool::globalInstance()->tryStart([&painted] { painted.release(); });
        gate->open();
        QVERIFY2(started, "every thread of the global pool is held by a job");
        QVERIFY(painted.tryAcquire(1, 5000));
    }

    void staleResultIsDropped()
    {
        JobTracker tracker;
        auto gate = std::make_shared<Gate>();
        QStringList delivered;
        tracker.run(
            [gate] {
                gate->wait();
                return QStringLiteral("old");
            },
            [&](const QString &value) { delivered << value; });
        tracker.run([] { return QStringLiteral("new"); }, [&](const QString &value) { delivered << value; });
        QTRY_COMPARE(delivered, QStringList { QStringLiteral("new") });
        gate->open(); // the old job ends after the new one: its result must not land
        jobPool()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(delivered, QStringList { QStringLiteral("new") });
    }

    // A channel that was cancelled and used again: the old job's result must not pass for the
    // new one's (job ids are never reused).
    void resultOfACancelledChannelStaysStale()
    {
        JobTracker tracker;
        auto gate = std::make_shared<Gate>();
        QStringList delivered;
        tracker.run(
            7,
            [gate] {
                gate->wait();
                return QStringLiteral("old");
            },
            [&](const QString &value) { delivered << value; });
        tracker.cancel(7);
        auto second = std::make_shared<Gate>();
        tracker.run(
            7,
            [second] {
                second->wait();
                return QStringLiteral("new");
            },
            [&](const QString &value) { delivered << value; });
        gate->open(); // the old job lands while the new one is pending on the same channel
        QTest::qWait(50);
        QVERIFY(delivered.isEmpty());
        second->open();
        QTRY_COMPARE(delivered, QStringList { QStringLiteral("new") });
    }

    void busyChannelsAreThoseWithPendingJobs()
    {
        JobTracker tracker;
        auto gate = std::make_shared<Gate>();
        for (int channel : { 3, 5 })
            tracker.run(
                channel,
                [gate] {
                    gate->wait();
                    return 0;
                },
                [](int) {});
        QList<int> channels = tracker.busyChannels();
        std::sort(channels.begin(), channels.end());
        QCOMPARE(channels, (QList<int> { 3, 5 }));
        tracker.cancel(3);
        QCOMPARE(tracker.busyChannels(), QList<int> { 5 });
        QVERIFY(!tracker.isBusy(3));
        gate->open();
        QTRY_VERIFY(tracker.busyChannels().isEmpty());
    }

    void streamDeliversPartsInOrderThenDone()
    {
        JobTracker tracker;
        QList<int> parts;
        bool done = false;
        tracker.stream<int>(
            0,
            [](const CancelToken &, const Reporter<int> &reporter) {
                for (int i = 0; i < 5; ++i)
                    reporter.report(i);
            },
            [&](int part) {
                QVERIFY(!done);
                parts << part;
            },
            [&] { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(parts, (QList<int> { 0, 1, 2, 3, 4 }));
    }

    // A stream's parts wait behind what was queued after them (a paint, a click's slot): a stream
    // running ahead of its reader never holds back the window. And its end still comes after
    // its last part, which waited behind it.
    void streamPartsWaitBehindLaterEvents()
    {
        JobTracker tracker;
        auto gate = std::make_shared<Gate>();
        auto reported = std::make_shared<std::atomic_int>(0);
        QStringList order;
        tracker.stream<int>(
            0,
            [gate, reported](const CancelToken &, const Reporter<int> &reporter) {
                for (int i = 0; i < 3; ++i) {
                    reporter.report(i);
                    ++*reported;
                }
                gate->wait();
            },
            [&](int part) { order << u"part %1"_s.arg(part); }, [&] { order << u"done"_s; });
        while (reported->load() < 3) // posted, none delivered: no event loop ran
            QThread::msleep(1);
        QMetaObject::invokeMethod(
            &tracker, [&] { order << u"call"_s; }, Qt::QueuedConnection);
        // A paint: QWidget::update() posts its UpdateRequest at Qt::LowEventPriority.
        Recorder window(&order);
        QCoreApplication::postEvent(&window, new QEvent(QEvent::UpdateRequest), Qt::LowEventPriority);
        QTRY_COMPARE(order.size(), 5); // the job still runs: its end is not queued yet
        gate->open();
        QTRY_COMPARE(order.size(), 6);
        QCOMPARE(order, (QStringList { u"call"_s, u"paint"_s, u"part 0"_s, u"part 1"_s, u"part 2"_s, u"done"_s }));
    }

    // Parts of a stream that was superseded are dropped, also those already posted, and the
    // job hears it (report() says false) and stops.
    void staleStreamPartsAreDropped()
    {
        JobTracker tracker;
        auto gate = std::make_shared<Gate>();
        auto stoppedAt = std::make_shared<std::atomic_int>(-1);
        QStringList parts;
        tracker.stream<QString>(
            0,
            [gate, stoppedAt](const CancelToken &, const Reporter<QString> &reporter) {
                reporter.report(QStringLiteral("old 0"));
                gate->wait();
                for (int i = 1; i < 1000; ++i) {
                    if (!reporter.report(QStringLiteral("old %1").arg(i))) {
                        *stoppedAt = i;
                        return;
                    }
                }
            },
            [&](const QString &part) { parts << part; }, [] {});
        QThread::msleep(50); // "old 0" is posted, not yet delivered: no event loop ran
        tracker.stream<QString>(
            0, [](const CancelToken &, const Reporter<QString> &reporter) { reporter.report(QStringLiteral("new")); },
            [&](const QString &part) { parts << part; }, [] {});
        gate->open();
        QTRY_COMPARE(parts, QStringList { QStringLiteral("new") });
        jobPool()->waitForDone();
        QTest::qWait(20);
        QCOMPARE(parts, QStringList { QStringLiteral("new") });
        QCOMPARE(stoppedAt->load(), 1);
    }

    void trackerDestroyedWhileAStreamReports()
    {
        auto *tracker = new JobTracker;
        auto gate = std::make_shared<Gate>();
        auto refused = std::make_shared<std::atomic_bool>(false);
        int delivered = 0;
        tracker->stream<int>(
            0,
            [gate, refused](const CancelToken &, const Reporter<int> &reporter) {
                gate->wait();
                *refused = !reporter.report(1);
            },
            [&](int) { ++delivered; }, [] {});
        delete tracker;
        gate->open();
        jobPool()->waitForDone();
        QTest::qWait(20);
        QVERIFY(refused->load());
        QCOMPARE(delivered, 0);
    }

    void jobsAddedBesideEachOtherAllLand()
    {
        JobTracker tracker;
        QList<int> delivered;
        for (int i = 0; i < 3; ++i)
            tracker.add([i] { return i; }, [&](int value) { delivered << value; });
        QTRY_COMPARE(delivered.size(), 3);
    }

    void channelsAreIndependent()
    {
        JobTracker tracker;
        QStringList delivered;
        tracker.run(
            0, [] { return QStringLiteral("a"); }, [&](const QString &v) { delivered << v; });
        tracker.run(
            1, [] { return QStringLiteral("b"); }, [&](const QString &v) { delivered << v; });
        QTRY_COMPARE(delivered.size(), 2);
    }

    void cancelReachesTheJob()
    {
        JobTracker tracker;
        auto gate = std::make_shared<Gate>();
        auto sawCancel = std::make_shared<std::atomic_bool>(false);
        bool delivered = false;
        tracker.run(
            [gate, sawCancel](const CancelToken &token) {
                gate->wait();
                *sawCancel = token.isCancelled();
                return 1;
            },
            [&](int) { delivered = true; });
        tracker.cancel();
        gate->open();
        jobPool()->waitForDone();
        QVERIFY(sawCancel->load());
        QTest::qWait(20);
        QVERIFY(!delivered);
    }

    void cancelInterruptsSqlite()
    {
        // A statement that would count for minutes stops soon after cancel(): the token is what
        // the SQLite progress handler of sql::CancelGuard reads.
        JobTracker tracker;
        auto started = std::make_shared<Gate>();
        auto outcome = std::make_shared<std::atomic_int>(-1); // 0 finished, 1 interrupted
        tracker.run(
            [started, outcome](const CancelToken &token) {
                const QString name = QStringLiteral("tst_jobtracker_%1").arg(quintptr(QThread::currentThreadId()));
                {
                    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                    db.setDatabaseName(QStringLiteral(":memory:"));
                    db.open();
                    QSqlQuery query(db);
                    sql::CancelGuard guard(name, token.flag());
                    started->open();
                    const bool ok = query.exec(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                                                              "FROM c WHERE x < 400000000) SELECT count(*) FROM c"));
                    *outcome = ok ? 0 : 1;
                }
                QSqlDatabase::removeDatabase(name);
                return 0;
            },
            [](int) {});
        started->wait();
        QTest::qWait(50);
        tracker.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(outcome->load() >= 0, 5000);
        QCOMPARE(outcome->load(), 1);
    }

    void busyToggles()
    {
        JobTracker tracker;
        QSignalSpy spy(&tracker, &JobTracker::busyChanged);
        auto gate = std::make_shared<Gate>();
        tracker.run(
            [gate] {
                gate->wait();
                return 0;
            },
            [](int) {});
        QVERIFY(tracker.isBusy());
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        gate->open();
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(1).at(0).toBool(), false);
        QVERIFY(!tracker.isBusy());
    }

    void cancelThenRunIsNoMomentOfIdleness()
    {
        JobTracker tracker;
        QSignalSpy spy(&tracker, &JobTracker::busyChanged);
        auto gate = std::make_shared<Gate>();
        auto blocked = [gate] {
            gate->wait();
            return 0;
        };
        tracker.run(blocked, [](int) {});
        QTRY_COMPARE(spy.size(), 1);
        tracker.cancel();
        tracker.run(blocked, [](int) {});
        QTest::qWait(20);
        QCOMPARE(spy.size(), 1); // still busy, never said idle in between
        gate->open();
        QTRY_COMPARE(spy.size(), 2);
    }

    void followerIsBusyWhileTheFollowedIs()
    {
        JobTracker pane;
        auto *model = new JobTracker(&pane);
        pane.follow(model);
        QSignalSpy spy(&pane, &JobTracker::busyChanged);
        auto gate = std::make_shared<Gate>();
        model->run(
            [gate] {
                gate->wait();
                return 0;
            },
            [](int) {});
        QTRY_COMPARE(spy.size(), 1);
        QVERIFY(pane.isBusy());
        gate->open();
        QTRY_COMPARE(spy.size(), 2);
        QVERIFY(!pane.isBusy());
    }

    void holdIsBusyUntilRunOrCancel()
    {
        JobTracker tracker;
        QSignalSpy busy(&tracker, &JobTracker::busyChanged);
        tracker.hold(3);
        QVERIFY(tracker.isBusy());
        QVERIFY(tracker.isBusy(3));
        QTRY_COMPARE(busy.size(), 1);
        int delivered = 0;
        tracker.run(
            3, [] { return 1; }, [&delivered](int n) { delivered = n; }); // ends the hold
        QTRY_COMPARE(delivered, 1);
        QTRY_COMPARE(busy.size(), 2);
        QVERIFY(!tracker.isBusy());
        tracker.hold();
        QVERIFY(tracker.isBusy());
        tracker.cancel();
        QVERIFY(!tracker.isBusy());
    }

    // busyChanged() is held back to the event loop, so a job that ends before it turns is never
    // seen busy; jobEnded() still says it ended, here and through a follower.
    void aJobTooShortToBeSeenBusyStillSaysItEnded()
    {
        JobTracker pane;
        auto *model = new JobTracker(&pane);
        pane.follow(model);
        QSignalSpy busy(&pane, &JobTracker::busyChanged);
        QSignalSpy ended(&pane, &JobTracker::jobEnded);
        model->run([] { return 0; }, [](int) {});
        jobPool()->waitForDone(); // the job is over before the event loop turns
        QVERIFY(pane.isBusy()); // its result is not delivered yet
        QTRY_COMPARE(ended.size(), 1);
        QVERIFY(!pane.isBusy());
        QCOMPARE(busy.size(), 0);
        model->hold();
        model->cancel();
        QCOMPARE(ended.size(), 2); // a cancel ends what was pending
    }

    void ownerDestroyedWhileAJobRuns()
    {
        auto *owner = new QObject;
        auto *tracker = new JobTracker(owner);
        auto gate = std::make_shared<Gate>();
        auto sawCancel = std::make_shared<std::atomic_bool>(false);
        auto delivered = std::make_shared<bool>(false);
        tracker->run(
            [gate, sawCancel](const CancelToken &token) {
                gate->wait();
                *sawCancel = token.isCancelled();
                return 7;
            },
            [owner, delivered](int) {
                *delivered = true;
                owner->setObjectName(QStringLiteral("touched")); // would be a use after free
            });
        delete owner;
        gate->open();
        jobPool()->waitForDone();
        QTest::qWait(50);
        QVERIFY(sawCancel->load());
        QVERIFY(!*delivered);
    }
};

QTEST_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
