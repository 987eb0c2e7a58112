#pragma once

// Waiting on another process's lock (the server writing with a rollback journal, or holding an
// exclusive lock): every connection of the inspector waits through busyWait(), as SQLite's
// busy_timeout would (backing off, giving up after the timeout), and notes when it waited, so the
// window can show the wait as a state instead of seeming frozen.

#include <QtGlobal>

struct sqlite3;

namespace cwi {

// TIMEOUTMS 0: never wait (the change detector on the UI thread), but a lock still counts as seen.
void installBusyWait(sqlite3 *handle, int timeoutMs);
// When a read or write of this process last waited on a lock (ms since the epoch), 0 if never.
qint64 lastLockWaitMs();

} // namespace cwi
