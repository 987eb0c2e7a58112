#pragma once

// Work that must never take a core from the window: the log index's passes read and parse the
// whole log (a gigabyte, a minute on a fresh cache, on both cores). It runs on a thread of its
// own at a low CPU priority (Linux: nice 10 for that thread, inherited by every thread it starts:
// a tenth of a normal thread's share when both want a core; nice 19 starved a small pass for
// minutes beside a busy build), and the caller (a job tracker's pool thread) waits for it. A pool thread is never
// lowered itself: an unprivileged process cannot raise it back, and its next job may be the page
// of rows the user waits for.

#include <optional>
#include <thread>
#include <utility>

namespace cwi {

constexpr int kBackgroundNice = 10;

// The calling thread's nice value (0 where threads have none of their own).
int currentThreadNice();
// Lowers the calling thread (only) to kBackgroundNice; false where it cannot.
bool lowerCurrentThreadPriority();

// Runs WORK on a new thread at background priority and returns its result.
template<typename Work> auto runAtBackgroundPriority(Work &&work) -> decltype(work())
{
    std::optional<decltype(work())> result;
    std::thread thread([&] {
        lowerCurrentThreadPriority();
        result.emplace(work());
    });
    thread.join();
    return std::move(*result);
}

} // namespace cwi
