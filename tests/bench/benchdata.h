#pragma once

// Shared by every benchmark executable: the large benchmark database (built once from the
// embedded migrations and cached under <build>/bench-data/, see BENCHMARKS.md) and small
// measuring helpers.
//
// The large file: 1,000,000 agent_log_chunks (~1 KB of stream-json each, cut at arbitrary byte
// positions, interleaved in time like concurrent agents write them) over 2,000 agents plus 10
// deleted ones; 20,000 tasks (3-level decomposition, dependencies) in 1,000 phases of 200
// initiatives; a few thousand rows in every other table. One agent
// (LargeDatabase::bigSessionAgentId) has a session of ~100 MB in ~1,500 chunks of ~65 KB.

#include <QString>
#include <QVector>

namespace cwi::bench {

struct LargeDatabase
{
    QString path;
    qint64 logChunks = 0;
    qint64 logBytes = 0;
    int agents = 0;
    int tasks = 0;
    int initiatives = 0;
    QString bigSessionAgentId; // the agent with the ~100 MB session
    int bigSessionNumber = 0;
    qint64 bigSessionChunks = 0;
    qint64 bigSessionBytes = 0;
    qint64 bigSessionLines = 0;
    QString typicalAgentId; // an agent with a median number of chunks
    qint64 typicalAgentChunks = 0;
    double buildSeconds = 0;
};

// <build>/bench-data, or $CWI_BENCH_DATA when set.
QString benchDataDir();
// Path of the large database; builds it first when it is missing or incomplete.
QString largeDatabasePath();
// The large database and what is in it (from the sidecar written when the build completed).
LargeDatabase largeDatabase();
// True when the cached file is complete (no build needed).
bool largeDatabaseReady();
// Builds (or rebuilds) the file; prints progress to stderr. Returns false on failure.
bool buildLargeDatabase(const QString &path, bool force = false);

// Peak resident set size of this process (VmHWM), and the current one (VmRSS), in KiB.
qint64 peakRssKb();
qint64 currentRssKb();
// User + system CPU time of this process, in seconds.
double cpuSeconds();
// Milliseconds since the kernel started this process (/proc/self/stat starttime; 10 ms resolution).
double msSinceProcessStart();

struct Stats
{
    double min = 0;
    double median = 0;
    double max = 0;
};
Stats stats(QVector<double> samples);

} // namespace cwi::bench
