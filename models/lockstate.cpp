#include "lockstate.h"

#include "lockwait.h"

#include <QDateTime>

namespace cwi {

bool waitingOnLock()
{
    const qint64 last = lastLockWaitMs();
    return last > 0 && QDateTime::currentMSecsSinceEpoch() - last < 1500; // the change detector asks every second
}

} // namespace cwi
