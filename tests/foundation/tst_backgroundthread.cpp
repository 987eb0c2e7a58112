// runAtBackgroundPriority: the work runs at the lowest CPU priority, so do the threads it starts
// (the log index's prefetch), and the calling pool thread keeps its own (its next job may be the
// page of rows the user waits for).

#include "backgroundthread.h"

#include <QTest>

#include <thread>

using namespace cwi;

class TestBackgroundThread : public QObject
{
    Q_OBJECT
private slots:
    void workRunsLoweredCallerKeepsItsPriority()
    {
#ifndef Q_OS_LINUX
        QSKIP("thread nice values are Linux's");
#endif
        const int caller = currentThreadNice();
        QVERIFY(caller < kBackgroundNice);
        int inWork = -100;
        int inChild = -100;
        const int answer = runAtBackgroundPriority([&] {
            inWork = currentThreadNice();
            std::thread child([&] { inChild = currentThreadNice(); });
            child.join();
            return 42;
        });
        QCOMPARE(answer, 42);
        QCOMPARE(inWork, kBackgroundNice);
        QCOMPARE(inChild, kBackgroundNice);
        QCOMPARE(currentThreadNice(), caller);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundThread)
#include "tst_backgroundthread.moc"
