// The data layer on the large benchmark database: open + schema map, keyset pages of
// agent_log_chunks (first, last, filtered by agentId), counts, peak RSS. Every run opens the file
// afresh (cold SQLite page cache, warm OS cache), as the application does when it starts.
//
//   bench_foundation [--runs N]       (default 9; prints a Markdown table)

#include "benchdata.h"
#include "database.h"
#include "tablereader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace cwi;

namespace {

struct Measure
{
    QString name;
    double targetMs = 0; // 0: no target, reported only
    QVector<double> samples;
};

double elapsedMs(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

void expectRows(const TablePage &page, int rows, const QString &what)
{
    if (!page.ok || page.rows.size() != rows)
        qFatal("%s: %s (%d rows)", qPrintable(what), qPrintable(page.error), int(page.rows.size()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int runsAt = int(args.indexOf(u"--runs"_s));
    const int runs = runsAt > 0 ? args.value(runsAt + 1).toInt() : 9;
    const bench::LargeDatabase large = bench::largeDatabase();

    QVector<Measure> measures {
        { u"Database::open (header checks + schema map)"_s, 0, {} },
        { u"open the thread's read connection (first use)"_s, 0, {} },
        { u"first 200 rows of agent_log_chunks (pageAfter, rowid order)"_s, 20, {} },
        { u"next 200 rows (pageAfter the first page's last key)"_s, 20, {} },
        { u"last 200 rows (pageBefore, no key)"_s, 20, {} },
        { u"200 rows filtered agentId = typical agent"_s, 20, {} },
        { u"200 rows filtered agentId = agent with the 100 MB session"_s, 20, {} },
        { u"count(*) agent_log_chunks"_s, 0, {} },
        { u"count(*) filtered agentId = agent with the 100 MB session"_s, 0, {} },
    };
    qint64 filteredRows = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Database::OpenResult opened = Database::open(large.path);
        measures[0].samples.append(elapsedMs(timer));
        if (!opened.database)
            qFatal("open: %s", qPrintable(opened.message));
        const TableReader reader(opened.database);
        const TableInfo *chunks = opened.database->schema().table(u"agent_log_chunks"_s);
        TableQuery all;
        all.table = chunks->name;

        timer.restart();
        opened.database->readConnection();
        measures[1].samples.append(elapsedMs(timer));

        timer.restart();
        const TablePage first = reader.pageAfter(all, std::nullopt, 200);
        measures[2].samples.append(elapsedMs(timer));
        expectRows(first, 200, u"first page"_s);

        timer.restart();
        expectRows(reader.pageAfter(all, first.rows.last().key, 200), 200, u"next page"_s);
        measures[3].samples.append(elapsedMs(timer));

        timer.restart();
        const TablePage last = reader.pageBefore(all, std::nullopt, 200);
        measures[4].samples.append(elapsedMs(timer));
        expectRows(last, 200, u"last page"_s);

        const QString agentColumn = chunks->column(u"agentId"_s);
        const auto byAgent = [&](const QString &agentId) {
            TableQuery query = all;
            query.filters = { ColumnFilter { agentColumn, u'=' + agentId } };
            return query;
        };
        timer.restart();
        expectRows(reader.pageAfter(byAgent(large.typicalAgentId), std::nullopt, 200), 200, u"typical agent"_s);
        measures[5].samples.append(elapsedMs(timer));

        timer.restart();
        expectRows(reader.pageAfter(byAgent(large.bigSessionAgentId), std::nullopt, 200), 200, u"big agent"_s);
        measures[6].samples.append(elapsedMs(timer));

        timer.restart();
        const qint64 total = reader.count(all);
        measures[7].samples.append(elapsedMs(timer));
        if (total != large.logChunks)
            qFatal("count: %lld", total);

        timer.restart();
        filteredRows = reader.count(byAgent(large.bigSessionAgentId));
        measures[8].samples.append(elapsedMs(timer));
    }

    QTextStream out(stdout);
    out << "Large database: " << large.path << " (" << large.logChunks << " log chunks, " << large.agents << " agents, "
        << large.tasks << " tasks); " << runs << " runs, each on a freshly opened file\n";
    out << "Agent with the 100 MB session has " << filteredRows << " chunks; typical agent " << large.typicalAgentChunks
        << ".\n\n";
    out << "| Measure | min ms | median ms | max ms | target | |\n|---|---:|---:|---:|---|---|\n";
    bool allMet = true;
    for (const Measure &m : std::as_const(measures)) {
        const bench::Stats s = bench::stats(m.samples);
        const bool met = m.targetMs <= 0 || s.median <= m.targetMs;
        allMet = allMet && met;
        out << "| " << m.name << " | " << QString::number(s.min, 'f', 1) << " | " << QString::number(s.median, 'f', 1)
            << " | " << QString::number(s.max, 'f', 1) << " | "
            << (m.targetMs > 0 ? QString(u"<= "_s + QString::number(m.targetMs) + u" ms"_s) : u"-"_s) << " | "
            << (m.targetMs > 0 ? (met ? u"met"_s : u"**missed**"_s) : QString()) << " |\n";
    }

    // Random access without OFFSET needs the keys of every 200th row: one pass over the rowids.
    const Database::OpenResult opened = Database::open(large.path);
    const TableReader reader(opened.database);
    TableQuery all;
    all.table = u"agent_log_chunks"_s;
    QElapsedTimer timer;
    timer.start();
    const qsizetype anchors = reader.anchors(all, 200).size();
    out << "| anchors(200) over the whole table (" << anchors << " keys; random access for a jump) | "
        << QString::number(elapsedMs(timer), 'f', 1) << " | | | - | |\n";
    out << "| peak RSS of this process | " << bench::peakRssKb() / 1024 << " MB | | | - | |\n";
    out.flush();
    return allMet ? 0 : 1;
}
