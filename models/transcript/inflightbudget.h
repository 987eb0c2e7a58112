#pragma once

// Back-pressure between a reader on a pool thread and the thread that uses what it reads: the
// reader takes the bytes of a part before it sends it, and waits while sending it would put more
// than the limit in flight; the user of the part gives the bytes back once the part is used. A
// 100 MB session is read faster than the transcript appends it: without this it sat in memory
// twice, queued and appended.

#include "jobtracker.h"

#include <QMutex>
#include <QWaitCondition>

namespace cwi {

class InFlightBudget
{
public:
    explicit InFlightBudget(qint64 limit);

    // Waits until BYTES more fit under the limit (a part larger than the limit goes alone, when
    // nothing else is in flight), then takes them. False, and nothing taken, if TOKEN is
    // cancelled meanwhile (checked at least every 50 ms).
    bool acquire(qint64 bytes, const CancelToken &token);
    void release(qint64 bytes);

    qint64 inFlight() const;
    qint64 peak() const; // the most that was ever in flight

private:
    mutable QMutex m_mutex;
    QWaitCondition m_room;
    const qint64 m_limit;
    qint64 m_inFlight = 0;
    qint64 m_peak = 0;
};

} // namespace cwi
