#pragma once

// Sessions laid out for the timeline page: one lane per agent (or per task), each lane's
// sessions in start order, and the time span of all of them. Finding the session under the
// mouse is a binary search in one lane.

#include "insight/insighttypes.h"

namespace cwi {

struct TimelineLane
{
    QString key; // agent id or task id
    QString label;
    QVector<int> sessions; // indexes into TimelineLayout::sessions(), by start
};

class TimelineLayout
{
public:
    enum LaneBy
    {
        ByAgent,
        ByTask,
    };

    void setSessions(QVector<SessionRow> sessions, LaneBy by);
    const QVector<SessionRow> &sessions() const { return m_sessions; }
    const QVector<TimelineLane> &lanes() const { return m_lanes; }
    qint64 firstMs() const { return m_firstMs; }
    qint64 lastMs() const { return m_lastMs; }
    LaneBy laneBy() const { return m_by; }

    // The session of LANE whose bar holds MS (within SLACKMS), or -1.
    int sessionAt(int lane, qint64 ms, qint64 slackMs) const;
    // Sessions of LANE that overlap [FROMMS, TOMS]: a range of positions in lane.sessions.
    std::pair<int, int> visibleRange(int lane, qint64 fromMs, qint64 toMs) const;

private:
    QVector<SessionRow> m_sessions;
    QVector<TimelineLane> m_lanes;
    QVector<QVector<qint64>> m_laneMaxEnd; // per lane: running max of end, for visibleRange
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
    LaneBy m_by = ByAgent;
};

} // namespace cwi
