#include "timelinelayout.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cwi {

void TimelineLayout::setSessions(QVector<SessionRow> sessions, LaneBy by)
{
    m_sessions = std::move(sessions);
    m_by = by;
    m_lanes.clear();
    m_laneMaxEnd.clear();
    m_firstMs = m_lastMs = 0;
    QHash<QString, int> laneOf;
    for (int i = 0; i < m_sessions.size(); ++i) {
        SessionRow &s = m_sessions[i];
        if (s.endMs < s.startMs)
            s.endMs = s.startMs;
        const QString key = by == ByAgent ? s.agentId : (s.taskId.isEmpty() ? u"(no task)"_s : s.taskId);
        int lane = laneOf.value(key, -1);
        if (lane < 0) {
            lane = int(m_lanes.size());
            laneOf.insert(key, lane);
            const QString label = by == ByAgent ? s.agentName : (s.taskName.isEmpty() ? key : s.taskName);
            m_lanes.append({ key, label, {} });
        }
        m_lanes[lane].sessions.append(i);
        if (s.startMs > 0 && (m_firstMs == 0 || s.startMs < m_firstMs))
            m_firstMs = s.startMs;
        m_lastMs = std::max(m_lastMs, s.endMs);
    }
    // Lanes in order of their first session; sessions of a lane by start.
    for (TimelineLane &lane : m_lanes) {
        std::sort(lane.sessions.begin(), lane.sessions.end(),
            [this](int a, int b) { return m_sessions.at(a).startMs < m_sessions.at(b).startMs; });
    }
    std::stable_sort(m_lanes.begin(), m_lanes.end(), [this](const TimelineLane &a, const TimelineLane &b) {
        return m_sessions.at(a.sessions.constFirst()).startMs < m_sessions.at(b.sessions.constFirst()).startMs;
    });
    m_laneMaxEnd.reserve(m_lanes.size());
    for (const TimelineLane &lane : std::as_const(m_lanes)) {
        QVector<qint64> maxEnd;
        maxEnd.reserve(lane.sessions.size());
        qint64 running = 0;
        for (int i : lane.sessions) {
            running = std::max(running, m_sessions.at(i).endMs);
            maxEnd.append(running);
        }
        m_laneMaxEnd.append(maxEnd);
    }
}

std::pair<int, int> TimelineLayout::visibleRange(int lane, qint64 fromMs, qint64 toMs) const
{
    const TimelineLane &l = m_lanes.at(lane);
    const QVector<qint64> &maxEnd = m_laneMaxEnd.at(lane);
    // First position whose running max end reaches FROMMS; last whose start is before TOMS.
    const int first = int(std::lower_bound(maxEnd.begin(), maxEnd.end(), fromMs) - maxEnd.begin());
    const int last = int(std::upper_bound(l.sessions.begin(), l.sessions.end(), toMs, [this](qint64 ms, int i) {
        return ms < m_sessions.at(i).startMs;
    }) - l.sessions.begin());
    return { first, std::max(first, last) };
}

int TimelineLayout::sessionAt(int lane, qint64 ms, qint64 slackMs) const
{
    if (lane < 0 || lane >= m_lanes.size())
        return -1;
    const auto [first, last] = visibleRange(lane, ms - slackMs, ms + slackMs);
    int best = -1;
    for (int p = first; p < last; ++p) {
        const int i = m_lanes.at(lane).sessions.at(p);
        const SessionRow &s = m_sessions.at(i);
        if (s.startMs - slackMs <= ms && ms <= s.endMs + slackMs)
            best = i; // the latest-starting one is painted on top
    }
    return best;
}

} // namespace cwi
