#include "inflightbudget.h"

#include <QMutexLocker>

namespace cwi {

InFlightBudget::InFlightBudget(qint64 limit)
    : m_limit(limit)
{ }

bool InFlightBudget::acquire(qint64 bytes, const CancelToken &token)
{
    QMutexLocker locker(&m_mutex);
    while (m_inFlight > 0 && m_inFlight + bytes > m_limit) {
        if (token.isCancelled())
            return false;
        m_room.wait(&m_mutex, 50); // a cancel does not signal: look again now and then
    }
    if (token.isCancelled())
        return false;
    m_inFlight += bytes;
    m_peak = std::max(m_peak, m_inFlight);
    return true;
}

void InFlightBudget::release(qint64 bytes)
{
    {
        QMutexLocker locker(&m_mutex);
        m_inFlight -= bytes;
    }
    m_room.wakeAll();
}

qint64 InFlightBudget::inFlight() const
{
    QMutexLocker locker(&m_mutex);
    return m_inFlight;
}

qint64 InFlightBudget::peak() const
{
    QMutexLocker locker(&m_mutex);
    return m_peak;
}

} // namespace cwi
