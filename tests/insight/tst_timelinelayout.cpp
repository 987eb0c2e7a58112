// The timeline's lanes: one per agent (or task) in order of first start, sessions by start;
// only the sessions overlapping a time window are visited; the session under a point is found.

#include "insight/timelinelayout.h"

#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestTimelineLayout : public QObject
{
    Q_OBJECT

    static SessionRow session(const QString &agent, qint64 number, qint64 start, qint64 end, const QString &task = {})
    {
        SessionRow s;
        s.agentId = agent;
        s.agentName = agent.toUpper();
        s.sessionNumber = number;
        s.startMs = start;
        s.endMs = end;
        s.taskId = task;
        s.taskName = task.isEmpty() ? QString() : u"Task "_s + task;
        return s;
    }

private slots:
    void lanesByAgentAndTask()
    {
        TimelineLayout layout;
        layout.setSessions({ session(u"b"_s, 2, 500, 600, u"t1"_s), session(u"a"_s, 1, 100, 200, u"t1"_s),
                               session(u"b"_s, 1, 50, 90, u"t2"_s), session(u"a"_s, 2, 300, 250) },
            TimelineLayout::ByAgent);
        QCOMPARE(layout.lanes().size(), 2);
        QCOMPARE(layout.lanes().at(0).label, u"B"_s); // b started first (50)
        QCOMPARE(layout.lanes().at(0).sessions, (QVector<int> { 2, 0 }));
        QCOMPARE(layout.lanes().at(1).sessions, (QVector<int> { 1, 3 }));
        QCOMPARE(layout.sessions().at(3).endMs, 300); // an end before the start is clamped
        QCOMPARE(layout.firstMs(), 50);
        QCOMPARE(layout.lastMs(), 600);

        layout.setSessions(layout.sessions(), TimelineLayout::ByTask);
        QCOMPARE(layout.lanes().size(), 3);
        QCOMPARE(layout.lanes().at(0).label, u"Task t2"_s);
        QCOMPARE(layout.lanes().at(2).label, u"(no task)"_s);
    }

    void visibleRangeAndHitTest()
    {
        QVector<SessionRow> sessions;
        for (int i = 0; i < 1000; ++i)
            sessions.append(session(u"a"_s, i + 1, qint64(i) * 100, qint64(i) * 100 + 50));
        TimelineLayout layout;
        layout.setSessions(sessions, TimelineLayout::ByAgent);
        const auto [first, last] = layout.visibleRange(0, 10000, 10500);
        QCOMPARE(first, 100); // sessions before 10,000 ended before it
        QCOMPARE(last, 106); // the one starting at 10,500 touches the window's end
        QCOMPARE(layout.sessionAt(0, 10025, 0), 100);
        QCOMPARE(layout.sessionAt(0, 10075, 0), -1); // between two bars
        QCOMPARE(layout.sessionAt(0, 10075, 30), 101); // within the slack of the next one
        QCOMPARE(layout.sessionAt(1, 10025, 0), -1); // no such lane
    }
};

QTEST_GUILESS_MAIN(TestTimelineLayout)
#include "tst_timelinelayout.moc"
