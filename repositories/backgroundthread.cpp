#include "backgroundthread.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace cwi {

#ifdef Q_OS_LINUX
namespace {
// On Linux a nice value belongs to a thread (its task id), not only to the process.
id_t threadId()
{
    return id_t(::syscall(SYS_gettid));
}
} // namespace

int currentThreadNice()
{
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, threadId());
    return errno == 0 ? nice : 0;
}

bool lowerCurrentThreadPriority()
{
    return ::setpriority(PRIO_PROCESS, threadId(), kBackgroundNice) == 0;
}
#else
int currentThreadNice()
{
    return 0;
}

bool lowerCurrentThreadPriority()
{
    return false;
}
#endif

} // namespace cwi
