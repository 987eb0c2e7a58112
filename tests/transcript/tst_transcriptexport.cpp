// Whole-session search and export: JSONL byte for byte, Markdown readable, headless exit codes.

#include "fixtures.h"
#include "streamjson.h"
#include "transcript/logloader.h"
#include "transcript/transcriptexport.h"
#include "transcript/transcriptsearch.h"

#include "database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;
namespace sj = cwi::test::streamjson;

class TestTranscriptExport : public QObject
{
    Q_OBJECT
private slots:
    void searchFindsLinesAndCountsHits()
    {
        Transcript t;
        t.append(sj::conversation());
        const TranscriptSearchResult caller = searchTranscript(t.index(), u"CALLER"_s);
        QCOMPARE(caller.lines, (QVector<int> { 6, 7, 10 })); // Task input, sub-agent prompt, Task output
        QCOMPARE(caller.hits, 4); // "Find every caller" twice in the Task input and prompt lines
        // A quote is stored escaped: the search escapes the needle the same way.
        Transcript quoted;
        quoted.append(sj::assistant({ sj::text(u"say \"hi\" now"_s) }));
        QCOMPARE(searchTranscript(quoted.index(), u"\"hi\""_s).hits, 1);
        QCOMPARE(searchTranscript(t.index(), u"no such words"_s).hits, 0);

        std::atomic_bool cancel { true };
        QVERIFY(searchTranscript(t.index(), u"caller"_s, &cancel).cancelled);
    }

    void searchAcrossBlockBoundaries()
    {
        // Hits straddling the 4 MB blocks of the scan are found once each.
        QByteArray bytes;
        const QString filler(1000, u'x');
        int lines = 0;
        while (bytes.size() < (9 << 20)) {
            bytes += sj::assistant({ sj::text(filler + u"needle"_s) });
            ++lines;
        }
        Transcript t;
        t.append(bytes);
        const TranscriptSearchResult r = searchTranscript(t.index(), u"NEEDLE"_s);
        QCOMPARE(r.hits, lines);
        QCOMPARE(r.lines.size(), lines);
    }

    void markdownReadsLikeAConversation()
    {
        Transcript t;
        t.append(sj::conversation());
        const QString md = transcriptMarkdown(t, u"alpha — session 1"_s);
        QVERIFY(md.startsWith(u"# alpha — session 1\n"_s));
        QVERIFY(md.contains(u"**Assistant**\n\nI will read **parser.cpp**."_s));
        QVERIFY(md.contains(u"**Read**\n\n```\n/src/parser.cpp\n→ int main() {}\n```"_s));
        QVERIFY(md.contains(u"> **Output of Read**"_s)); // the result quoted under its call
        QVERIFY(md.contains(u"> > **Output of Grep**"_s)); // sub-agent's result two levels down
        QVERIFY(md.contains(u"**Finished · success**"_s));
    }

    void exportSessionHeadless()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        const QByteArray bytes = sj::conversation() + QByteArray("\xff partial", 9);
        const QString raw = test::openRaw(path);
        for (qsizetype at = 0, n = 0; at < bytes.size(); at += 300, ++n) {
            QVERIFY(!test::insertRow(raw, u"agent_log_chunks"_s,
                { { u"agentId"_s, u"ag1"_s }, { u"agentName"_s, u"alpha"_s }, { u"sessionNumber"_s, 1 },
                    { u"content"_s, bytes.mid(at, 300) }, { u"createdAt"_s, 1000 } })
                         .isEmpty());
        }
        test::closeRaw(raw);
        const auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));

        QString error;
        const QString jsonl = dir.filePath(u"out.jsonl"_s);
        QCOMPARE(exportSession(opened.database, u"ag1"_s, 1, u"jsonl"_s, jsonl, &error), 0);
        QFile file(jsonl);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes); // byte for byte, invalid UTF-8 tail included

        const QString md = dir.filePath(u"out.md"_s);
        QCOMPARE(exportSession(opened.database, u"ag1"_s, 1, u"md"_s, md, &error), 0);
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(mdFile.readAll());
        QVERIFY(text.startsWith(u"# alpha — session 1"_s));
        QVERIFY(text.contains(u"Incomplete last line"_s));

        QCOMPARE(exportSession(opened.database, u"nobody"_s, 1, u"jsonl"_s, jsonl, &error), 2);
        QVERIFY(error.contains(u"nobody"_s));
        QCOMPARE(exportSession(opened.database, u"ag1"_s, 7, u"md"_s, md, &error), 2);
        QCOMPARE(exportSession(opened.database, u"ag1"_s, 1, u"html"_s, md, &error), 2);
        QVERIFY(error.contains(u"html"_s));
        QCOMPARE(exportSession(opened.database, u"ag1"_s, 1, u"md"_s, dir.filePath(u"no/such/dir/x.md"_s), &error), 1);
    }

    void exportIsCompleteAtAnySessionNumber()
    {
        // A 1 MB line that does not parse and a 30,000-character answer: the export has every
        // byte and none of the screen's "expand or export to see all" notes. The session number
        // is above INT_MAX (64-bit throughout).
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        constexpr qint64 kSession = 3'000'000'000;
        const QByteArray broken = "{not json " + QByteArray(1 << 20, 'z') + "\n";
        const QString answer = QString(30000, u'a') + u"END"_s;
        const QByteArray bytes = sj::init() + broken + sj::assistant({ sj::text(answer) });
        const QString raw = test::openRaw(path);
        QVERIFY(!test::insertRow(raw, u"agent_log_chunks"_s,
            { { u"agentId"_s, u"ag1"_s }, { u"agentName"_s, u"alpha"_s }, { u"sessionNumber"_s, kSession },
                { u"content"_s, bytes }, { u"createdAt"_s, 1000 } })
                     .isEmpty());
        test::closeRaw(raw);
        const auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));

        const AgentLogs logs = loadAgentLogs(opened.database, u"ag1"_s);
        QCOMPARE(logs.sessions.size(), 1);
        QCOMPARE(logs.sessions.first().sessionNumber, kSession);
        QCOMPARE(logs.sessions.first().chunkCount, qint64(1));
        const LoadedSession loaded = loadSession(opened.database, u"ag1"_s, kSession);
        QCOMPARE(loaded.chunkCount, 1);

        QString error;
        const QString md = dir.filePath(u"out.md"_s);
        QCOMPARE(exportSession(opened.database, u"ag1"_s, kSession, u"md"_s, md, &error), 0);
        QFile file(md);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains(QByteArray(1 << 20, 'z')));
        QVERIFY(text.contains(answer.toUtf8()));
        QVERIFY(!text.contains("expand or export"));
    }

    void totalsRollUpOverAgents()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path, NameStyle::CamelCase));
        const QString raw = test::openRaw(path);
        auto chunk = [&raw](const QString &agent, int session, const QByteArray &content) {
            return !test::insertRow(raw, u"agent_log_chunks"_s,
                { { u"agentId"_s, agent }, { u"agentName"_s, agent }, { u"sessionNumber"_s, session },
                    { u"content"_s, content } })
                        .isEmpty();
        };
        QVERIFY(chunk(u"a"_s, 1, sj::init() + sj::result(u"success"_s, false, 0.25, 3)));
        QVERIFY(chunk(u"a"_s, 2, sj::init() + sj::result(u"error_max_turns"_s, false, 1.0, 10)));
        QVERIFY(chunk(u"b"_s, 1, sj::conversation()));
        test::closeRaw(raw);
        const auto opened = Database::open(path);
        QVERIFY(opened.database);
        const LogTotals totals = loadLogTotals(opened.database, { u"a"_s, u"b"_s, u"nobody"_s });
        QCOMPARE(totals.agents, 2);
        QCOMPARE(totals.sessions, 3);
        QCOMPARE(totals.failedSessions, 1);
        QCOMPARE(totals.costUsd, 1.5);
        QCOMPARE(totals.turns, 16);
        QCOMPARE(totals.usage.input, 300); // each result's totals, once per session
        QCOMPARE(totals.durationMs, 3 * 65000);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptExport)
#include "tst_transcriptexport.moc"
