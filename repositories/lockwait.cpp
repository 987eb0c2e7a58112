#include "lockwait.h"

#include <QDateTime>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <iterator>

namespace cwi {

namespace {

std::atomic<qint64> g_lastWait { 0 };

// SQLite's own schedule (sqliteDefaultBusyCallback): short sleeps first, then 100 ms.
constexpr int kDelays[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };

int busyWait(void *timeout, int count)
{
    const int timeoutMs = int(reinterpret_cast<quintptr>(timeout));
    constexpr int steps = int(std::size(kDelays));
    int slept = 0;
    for (int i = 0; i < qMin(count, steps); ++i)
        slept += kDelays[i];
    if (count > steps)
        slept += (count - steps) * kDelays[steps - 1];
    g_lastWait.store(QDateTime::currentMSecsSinceEpoch(), std::memory_order_relaxed);
    const int delay = qMin(count < steps ? kDelays[count] : kDelays[steps - 1], timeoutMs - slept);
    if (delay <= 0)
        return 0; // SQLITE_BUSY to the caller: "locked by another process"
    QThread::msleep(ulong(delay));
    return 1;
}

} // namespace

void installBusyWait(sqlite3 *handle, int timeoutMs)
{
    if (handle)
        sqlite3_busy_handler(handle, &busyWait, reinterpret_cast<void *>(quintptr(qMax(0, timeoutMs))));
}

qint64 lastLockWaitMs()
{
    return g_lastWait.load(std::memory_order_relaxed);
}

} // namespace cwi
