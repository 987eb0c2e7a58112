// Agent log viewer on a ~100 MB session of ~100k stream-json lines: index speed, first screen,
// scrolling to the end, whole-session search, the counting pass, a 4 KB follow-mode append, RSS.
// The session is generated once (deterministic) into <bench-data>/transcript-100mb.jsonl and read
// back in pipe-sized pieces (600..1400 bytes), as the chunks of agent_log_chunks are.
//
//   QT_QPA_PLATFORM=offscreen <build>/tests/bench/bench_transcript [megabytes]

#include "benchdata.h"
#include "benchrandom.h"
#include "streamjsonstream.h"

#include "logs/transcriptdelegate.h"
#include "transcript/sessionsummary.h"
#include "transcript/transcriptfiltermodel.h"
#include "transcript/transcriptmodel.h"
#include "transcript/transcriptsearch.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTreeView>

#include <cstdio>
#include <ctime>

using namespace cwi;
using namespace cwi::bench;
using namespace Qt::StringLiterals;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU time of this thread: the machine may be shared, wall time then says little.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Clock
{
    QElapsedTimer wall;
    double cpu0 = 0;
    void restart()
    {
        wall.restart();
        cpu0 = threadCpuMs();
    }
    void start() { restart(); }
    double cpu() const { return threadCpuMs() - cpu0; }
};

double ms(const Clock &c)
{
    return ms(c.wall);
}

QString sessionFile(qint64 megabytes)
{
    QDir().mkpath(benchDataDir());
    QString path = benchDataDir() + u"/transcript-%1mb.jsonl"_s.arg(megabytes);
    if (QFile::exists(path))
        return path;
    std::fprintf(stderr, "generating %s ...\n", qPrintable(path));
    QFile out(path + u".part"_s);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(out.fileName()));
    BenchRandom rng(20261127);
    StreamJsonStream stream(rng, "bench-session", "/srv/codewalkers/worktrees/bench");
    while (stream.bytesWritten() < megabytes * 1000 * 1000)
        out.write(stream.nextChunk(64 * 1024));
    out.write(stream.finish(false));
    out.close();
    QFile::rename(out.fileName(), path);
    return path;
}

void paint(QTreeView &view)
{
    QApplication::processEvents(); // pending layout (scrollToBottom is deferred)
    const QPixmap shot = view.grab(); // renders even where the platform does not expose windows
    Q_UNUSED(shot);
}

void row(const char *what, double value, const char *unit, const char *target = "", double cpu = -1)
{
    if (cpu >= 0)
        std::printf("| %-44s | %10.1f %-5s | %8.1f ms | %s\n", what, value, unit, cpu, target);
    else
        std::printf("| %-44s | %10.1f %-5s | %11s | %s\n", what, value, unit, "", target);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const qint64 megabytes = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100;
    const QString path = sessionFile(megabytes);

    const qint64 rss0 = currentRssKb();
    // 1. Load: pipe-sized pieces appended to the index (file in the page cache: this is memcpy + memchr).
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    BenchRandom pieces(7);
    auto transcript = std::make_unique<Transcript>();
    Clock t;
    t.start();
    int chunks = 0;
    while (!file.atEnd()) {
        transcript->appendBytes(file.read(pieces.range(600, 1400)));
        ++chunks;
    }
    const double loadMs = ms(t);
    const double loadMsCpu = t.cpu();
    const qint64 bytes = transcript->index().byteCount();

    // Pure indexing speed: memchr over the bytes already in memory (shared, not copied).
    t.restart();
    LineIndex scanIndex;
    scanIndex.append(transcript->index().bytes());
    const double indexMs = ms(t);
    const double indexMsCpu = t.cpu();

    t.restart();
    transcript->outlineAll();
    const double outlineMs = ms(t);
    const double outlineMsCpu = t.cpu();
    const int lines = transcript->lineCount();
    LineIndex searchIndex = transcript->index();

    // 2. First screen: model reset + the view laid out and painted.
    QTreeView view;
    TranscriptModel model;
    view.setHeaderHidden(true);
    view.setUniformRowHeights(false);
    view.setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    auto *delegate = new TranscriptDelegate(&view);
    view.setItemDelegate(delegate);
    view.setModel(&model);
    view.resize(1200, 900);
    view.show();
    QApplication::processEvents();
    t.restart();
    model.setTranscript(std::move(transcript));
    paint(view);
    const double firstScreenMs = ms(t);
    const double firstScreenMsCpu = t.cpu();
    const qint64 parsedFirst = model.transcript()->parseCount();

    // 3. Scroll to the end.
    t.restart();
    view.scrollToBottom();
    paint(view);
    const int lastVisibleLine = view.indexAt(QPoint(40, 4)).data(TranscriptModel::LineRole).toInt();
    std::fprintf(stderr, "scroll %d of %d, viewport %dx%d\n", view.verticalScrollBar()->value(),
        view.verticalScrollBar()->maximum(), view.viewport()->width(), view.viewport()->height());
    const double endMs = ms(t);
    const double endMsCpu = t.cpu();
    const qint64 parsedEnd = model.transcript()->parseCount();

    // 4. Whole-session search (what the worker runs), a word with many hits and one with none.
    t.restart();
    const TranscriptSearchResult many = searchTranscript(searchIndex, u"component"_s);
    const double searchMs = ms(t);
    const double searchMsCpu = t.cpu();
    t.restart();
    const TranscriptSearchResult none = searchTranscript(searchIndex, u"no such phrase anywhere"_s);
    const double searchNoneMs = ms(t);
    const double searchNoneMsCpu = t.cpu();

    // 5. Counting pass (worker): every line parsed once, kinds counted, usage once per message.
    t.restart();
    const SessionSummary summary = summarizeSession(searchIndex);
    const double summaryMs = ms(t);
    const double summaryMsCpu = t.cpu();

    // 5b. Kind filter (UI thread): the counting pass's kinds answer KindRole without parsing.
    model.setLineKinds(summary.kinds);
    TranscriptFilterModel filter;
    filter.setSourceModel(&model);
    t.restart();
    filter.setEventFilter(TranscriptFilterModel::ErrorEvents);
    const int errorRows = filter.rowCount();
    const double filterMs = ms(t);
    const double filterMsCpu = t.cpu();
    filter.setEventFilter(TranscriptFilterModel::AllEvents);

    // The search/count workers are done: their copies of the bytes go (else the next append
    // would detach and copy the whole session once).
    scanIndex = LineIndex();
    searchIndex = LineIndex();

    // 6. Follow mode: one 4 KB chunk appended (median of 50), at the end of the 100 MB session.
    BenchRandom rng(99);
    StreamJsonStream more(rng, "bench-more", "/srv/codewalkers/worktrees/bench");
    QVector<double> appends;
    QVector<double> appendCpu;
    for (int i = 0; i < 50; ++i) {
        const QByteArray chunk = more.nextChunk(4096);
        t.restart();
        model.appendChunk(chunk);
        appends.append(ms(t));
        appendCpu.append(t.cpu());
    }
    paint(view);
    const qint64 rss1 = currentRssKb();

    std::printf("\nAgent log viewer, %s: %.1f MB, %d lines, %d chunks (%d unparseable, %d stream events)\n\n",
        qPrintable(path), double(bytes) / 1e6, lines, chunks, summary.count(EventKind::Unparseable),
        summary.count(EventKind::StreamEvent));
    std::printf("| %-44s | %16s | %11s | %s\n", "measure", "wall", "thread CPU", "issue's target");
    std::printf("|%s|%s|%s|%s\n", QByteArray(46, '-').constData(), QByteArray(18, '-').constData(),
        QByteArray(13, '-').constData(), "---");
    row("index (memchr over bytes in memory)", double(bytes) / 1e9 / (indexMs / 1000), "GB/s", ">= 1 GB/s", indexMsCpu);
    row("load: 100k pieces appended + indexed", loadMs, "ms", "", loadMsCpu);
    row("outline (calls/results/sub-agents placed)", outlineMs, "ms", "", outlineMsCpu);
    row("first screen (model reset + layout + paint)", firstScreenMs, "ms", "<= 150 ms", firstScreenMsCpu);
    row("  lines parsed for it", double(parsedFirst), "");
    row("scroll to the end (+ paint)", endMs, "ms", "<= 50 ms", endMsCpu);
    row("  lines parsed so far", double(parsedEnd), "");
    row("  line at the top of the view", double(lastVisibleLine), "");
    row("search \"component\" (whole session)", searchMs, "ms", "", searchMsCpu);
    row("  hits / lines", double(many.hits), "hits");
    row("search with no hit", searchNoneMs, "ms", "", searchNoneMsCpu);
    row("  speed", double(bytes) / 1e9 / (searchNoneMs / 1000), "GB/s");
    row("counting pass (every line parsed once)", summaryMs, "ms", "", summaryMsCpu);
    row("kind filter \"Errors\" over the whole session", filterMs, "ms", "", filterMsCpu);
    row("  top-level rows kept", double(errorRows), "");
    row("append one 4 KB chunk (median of 50)", stats(appends).median, "ms", "proportional to the chunk",
        stats(appendCpu).median);
    row("append one 4 KB chunk (max of 50)", stats(appends).max, "ms", "", stats(appendCpu).max);
    row("RSS growth after all of the above", double(rss1 - rss0) / 1024.0, "MiB");
    row("  relative to the session's bytes", double(rss1 - rss0) * 1024.0 / double(bytes), "x", "<= ~1.5x");
    std::printf("\n(%lld hit lines; %lld lines parsed in all by the view)\n", qint64(many.lines.size()),
        model.transcript()->parseCount());
    return 0;
}
