// The insight index (issue 15) on the large file: how fast each pass builds the sidecar from
// nothing (MB of log per second, wall and CPU), how long a restart with nothing new takes,
// full-text query latency once indexed, and how long the Timeline canvas takes to paint 10,000
// sessions on 2,000 lanes. The sidecar goes to a temporary cache folder, never the user's.
// Prints a Markdown table.
//
//   bench_insight [FILE] [--runs N] [--facts-only]
//   FILE: default /work/data/large.db, else the bench database; --facts-only times the first pass alone
//   (for a profiler) and prints nothing else

#include "benchdata.h"
#include "database.h"
#include "insight/insightindexer.h"
#include "insight/insightqueries.h"
#include "insight/insightwriter.h"
#include "insight/timelinecanvas.h"
#include "insight/timelinelayout.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace cwi;

namespace {

QString fixed(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

QString stats(const QVector<double> &samples, const QString &unit, int decimals = 1)
{
    const bench::Stats s = bench::stats(samples);
    return fixed(s.median, decimals) + u' ' + unit + u" ("_s + fixed(s.min, decimals) + u"–"_s + fixed(s.max, decimals)
        + u')';
}

struct PassRun
{
    double wallS = 0;
    double cpuS = 0; // the whole process
    double indexerCpuS = 0; // the pass's own thread (parsing and writing); the rest is the chunk reader's
    qint64 bytes = 0;
    // What the pass would take with a core for each of its two threads: the busier one.
    double criticalS() const { return qMax(indexerCpuS, cpuS - indexerCpuS); }
};

double threadCpuSeconds()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

PassRun runPass(const std::shared_ptr<Database> &db, InsightWriter::Pass pass)
{
    const double cpu0 = bench::cpuSeconds();
    const double thread0 = threadCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    const InsightRunResult r = runInsightPass(db, pass);
    PassRun run { timer.nsecsElapsed() / 1e9, bench::cpuSeconds() - cpu0, threadCpuSeconds() - thread0, r.bytes };
    if (!r.error.isEmpty())
        qFatal("index pass failed: %s", qPrintable(r.error));
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 5;
    if (const int i = int(args.indexOf(u"--runs"_s)); i >= 0) {
        runs = qMax(1, args.value(i + 1).toInt());
        args.remove(i, 2);
    }
    const bool factsOnly = args.removeAll(u"--facts-only"_s) > 0;
    QString path = args.value(0);
    if (path.isEmpty())
        path = QFile::exists(u"/work/data/large.db"_s) ? u"/work/data/large.db"_s : bench::largeDatabase().path;
    QTextStream out(stdout);
    QTemporaryDir cache;
    qputenv("XDG_CACHE_HOME", cache.path().toUtf8());

    const Database::OpenResult opened = Database::open(path);
    if (!opened.database)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(opened.message));
    const std::shared_ptr<Database> db = opened.database;
    const QString sidecar = insightSidecarPath(path);

    QVector<double> factsMBs, factsCpuMBs, factsFreeMBs, textMBs, textCpuMBs, textFreeMBs, restartMs;
    qint64 logBytes = 0;
    for (int run = 0; run < runs; ++run) {
        QFile::remove(sidecar);
        const PassRun facts = runPass(db, InsightWriter::FactsPass);
        QTextStream(stderr) << "run " << run + 1 << ": facts " << fixed(facts.wallS, 2) << " s ("
                            << fixed(facts.cpuS, 2) << " CPU-s, " << fixed(facts.indexerCpuS, 2)
                            << " of them indexing, " << fixed(facts.cpuS - facts.indexerCpuS, 2) << " reading)\n";
        if (factsOnly)
            continue;
        const PassRun text = runPass(db, InsightWriter::TextPass);
        logBytes = facts.bytes;
        const double mb = facts.bytes / 1e6;
        factsMBs << mb / facts.wallS;
        factsCpuMBs << mb / facts.cpuS;
        factsFreeMBs << mb / facts.criticalS();
        textMBs << mb / text.wallS;
        textCpuMBs << mb / text.cpuS;
        textFreeMBs << mb / text.criticalS();
        QElapsedTimer timer;
        timer.start();
        runInsightPass(db, InsightWriter::FactsPass);
        runInsightPass(db, InsightWriter::TextPass);
        restartMs << timer.nsecsElapsed() / 1e6;
        QTextStream(stderr) << "run " << run + 1 << ": text " << fixed(text.wallS, 2) << " s (" << fixed(text.cpuS, 2)
                            << " CPU-s, " << fixed(text.indexerCpuS, 2) << " of them indexing)\n";
    }

    if (factsOnly)
        return 0;
    QVector<double> queryMs;
    const QStringList queries { u"error"_s, u"\"cannot find\""_s, u"test*"_s, u"migration AND schema"_s,
        u"NEAR(read file)"_s };
    for (int run = 0; run < runs; ++run) {
        for (const QString &text : queries) {
            SearchQuery q;
            q.text = text;
            QElapsedTimer timer;
            timer.start();
            const SearchResult r = searchInsight(sidecar, q);
            queryMs << timer.nsecsElapsed() / 1e6;
            if (!r.error.isEmpty())
                qFatal("query %s: %s", qPrintable(text), qPrintable(r.error));
        }
    }

    // Timeline: the file's own sessions, padded with synthetic ones to 10,000 on 2,000 lanes.
    QVector<SessionRow> sessions = insightSessions(sidecar, {});
    const qint64 base = sessions.isEmpty() ? 1767225600000 : sessions.constFirst().startMs;
    for (int i = int(sessions.size()); i < 10000; ++i) {
        SessionRow row;
        row.key = 1000000 + i;
        row.agentId = u"agent-%1"_s.arg(i % 2000);
        row.agentName = row.agentId;
        row.sessionNumber = i / 2000 + 1;
        row.startMs = base + qint64(i) * 37000;
        row.endMs = row.startMs + 600000;
        row.outcome = i % 7 == 0 ? u"failed"_s : u"success"_s;
        sessions << row;
    }
    TimelineCanvas canvas;
    canvas.resize(1440, 800);
    TimelineLayout layout;
    layout.setSessions(sessions, TimelineLayout::ByAgent);
    canvas.setLayoutData(layout);
    canvas.fit();
    QVector<double> paintMs;
    QImage image(canvas.size(), QImage::Format_ARGB32_Premultiplied);
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        canvas.render(&image);
        paintMs << timer.nsecsElapsed() / 1e6;
    }

    out << "| insight index on " << QFileInfo(path).fileName() << " (" << fixed(logBytes / 1e6, 0)
        << " MB of log), median of " << runs << " (min–max) | |\n|---|---|\n";
    out << "| facts pass (sessions, tokens, tools), wall | " << stats(factsMBs, u"MB/s"_s) << " |\n";
    out << "| facts pass, per CPU-second | " << stats(factsCpuMBs, u"MB/s"_s) << " |\n";
    out << "| facts pass, two free cores (the busier thread's CPU time) | " << stats(factsFreeMBs, u"MB/s"_s) << " |\n";
    out << "| text pass (FTS5), wall | " << stats(textMBs, u"MB/s"_s) << " |\n";
    out << "| text pass, per CPU-second | " << stats(textCpuMBs, u"MB/s"_s) << " |\n";
    out << "| text pass, two free cores (the busier thread's CPU time) | " << stats(textFreeMBs, u"MB/s"_s) << " |\n";
    out << "| restart with nothing new (both passes) | " << stats(restartMs, u"ms"_s) << " |\n";
    out << "| full-text query (" << queries.size() << " queries × " << runs << ") | " << stats(queryMs, u"ms"_s)
        << " |\n";
    out << "| timeline paint, " << sessions.size() << " sessions, " << layout.lanes().size() << " lanes, "
        << canvas.width() << "×" << canvas.height() << " | " << stats(paintMs, u"ms"_s) << " |\n";
    out << "| sidecar size | " << fixed(QFileInfo(sidecar).size() / 1e6, 0) << " MB |\n";
    return 0;
}
