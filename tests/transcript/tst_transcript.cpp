// The transcript core: line index over chunks, lazy parsing, the conversation outline, and every
// kind of bad input the agent log may hold.

#include "streamjson.h"
#include "transcript/sessionsummary.h"
#include "transcript/transcript.h"

#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;
namespace sj = cwi::test::streamjson;

namespace {

// Cuts BYTES into N chunks at arbitrary places (never at a line end on purpose).
QVector<QByteArray> cut(const QByteArray &bytes, int n)
{
    QVector<QByteArray> chunks;
    const qsizetype step = std::max<qsizetype>(1, bytes.size() / n);
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        const bool last = chunks.size() == n - 1;
        chunks.append(bytes.mid(at, last ? -1 : step));
        if (last)
            break;
    }
    return chunks;
}

Transcript fromChunks(const QVector<QByteArray> &chunks)
{
    Transcript t;
    for (const QByteArray &chunk : chunks)
        t.append(chunk);
    return t;
}

} // namespace

class TestTranscript : public QObject
{
    Q_OBJECT
private slots:
    void emptySession()
    {
        Transcript t;
        t.append({});
        QCOMPARE(t.lineCount(), 0);
        QVERIFY(!t.hasPartialTail());
        QVERIFY(t.topLevelLines().isEmpty());
        const SessionSummary s = summarizeSession(t.index());
        QCOMPARE(s.lineCount, 0);
        QCOMPARE(s.outcome(false), SessionOutcome::NoResult);
    }

    void lineCutAcrossChunks_data()
    {
        QTest::addColumn<int>("chunks");
        QTest::newRow("one chunk") << 1;
        QTest::newRow("2 chunks") << 2;
        QTest::newRow("5 chunks") << 5;
        QTest::newRow("97 chunks") << 97;
    }
    void lineCutAcrossChunks()
    {
        QFETCH(int, chunks);
        const QByteArray bytes = sj::conversation();
        const Transcript whole = fromChunks({ bytes });
        const Transcript pieces = fromChunks(cut(bytes, chunks));
        QCOMPARE(pieces.index().bytes(), bytes);
        QCOMPARE(pieces.lineCount(), 13);
        QCOMPARE(pieces.index().chunkCount(), std::min<int>(chunks, int(bytes.size())));
        for (int line = 0; line < whole.lineCount(); ++line)
            QCOMPARE(pieces.index().line(line), whole.index().line(line));
        QCOMPARE(pieces.topLevelLines(), whole.topLevelLines());
        QCOMPARE(pieces.event(4)->blocks.constFirst().toolName, u"Read"_s);
    }

    void lineCutAcrossFiveChunksIsMarked()
    {
        // One long line split into five chunks: raw mode can show the four cuts inside it.
        const QByteArray one = sj::assistant({ sj::text(QString(500, u'x')) });
        Transcript t = fromChunks(cut(one, 5));
        QCOMPARE(t.lineCount(), 1);
        QCOMPARE(t.index().chunkBoundariesIn(0).size(), 4);
        QVERIFY(t.index().startsChunk(0));
        QCOMPARE(t.event(0)->kind, EventKind::AssistantText);
    }

    void truncatedLastLine()
    {
        QByteArray bytes = sj::init() + sj::assistant({ sj::text(u"hello"_s) });
        bytes.chop(20);
        Transcript t = fromChunks({ bytes });
        QCOMPARE(t.lineCount(), 2);
        QVERIFY(t.hasPartialTail());
        QCOMPARE(t.index().completeLineCount(), 1);
        QCOMPARE(t.event(1)->kind, EventKind::Incomplete);
        QVERIFY(!t.event(1)->problem.isEmpty());
        // The rest arrives: the same line becomes a complete assistant text.
        t.append(sj::assistant({ sj::text(u"hello"_s) }).right(20));
        QVERIFY(!t.hasPartialTail());
        QCOMPARE(t.event(1)->kind, EventKind::AssistantText);
        QCOMPARE(t.event(1)->blocks.constFirst().text, u"hello"_s);
    }

    void appendAddsOnlyTheNewLines()
    {
        Transcript t;
        t.append(sj::conversation());
        const int before = t.lineCount();
        t.event(0);
        const qint64 parses = t.parseCount();
        t.append(sj::assistant({ sj::text(u"more"_s) }, u"msg_9"_s));
        QCOMPARE(t.lineCount(), before + 1);
        QCOMPARE(t.topLevelLines().constLast(), before);
        QCOMPARE(t.parseCount(), parses); // nothing was re-parsed
    }

    void parsesOnlyWhatIsAsked()
    {
        QByteArray bytes;
        for (int i = 0; i < 2000; ++i)
            bytes += sj::assistant({ sj::text(u"line %1"_s.arg(i)) }, u"msg_%1"_s.arg(i));
        Transcript t(64);
        t.append(bytes);
        QCOMPARE(t.lineCount(), 2000);
        QCOMPARE(t.parseCount(), 0);
        QCOMPARE(t.event(1999)->blocks.constFirst().text, u"line 1999"_s);
        QCOMPARE(t.parseCount(), 1);
        t.event(1999);
        QCOMPARE(t.parseCount(), 1); // cached
        for (int i = 0; i < 500; ++i)
            t.event(i);
        QVERIFY(t.cachedCount() <= 64); // bounded
    }

    void outlinePlacesResultsAndSubAgents()
    {
        const Transcript t = fromChunks({ sj::conversation() });
        QCOMPARE(t.topLevelLines(), (QVector<int> { 0, 1, 2, 3, 4, 6, 11, 12 }));
        QCOMPARE(t.childLines(4), (QVector<int> { 5 })); // Read result under the Read call
        QCOMPARE(t.childLines(6), (QVector<int> { 7, 8, 10 })); // sub-agent lines + Task result
        QCOMPARE(t.childLines(8), (QVector<int> { 9 })); // the sub-agent's own result
        QCOMPARE(t.parentLine(9), 8);
        QVERIFY(t.event(8)->isSubAgent());
        QCOMPARE(t.positionInParent(10), 2);
    }

    void outlineIgnoresKeysInsideStrings()
    {
        // A tool output that quotes stream-json must not be mistaken for structure.
        QByteArray bytes = sj::assistant({ sj::toolUse(u"toolu_a"_s, u"Bash"_s, { { u"command"_s, u"cat log"_s } }) });
        bytes += sj::toolResult(u"toolu_a"_s, u"{\"type\":\"tool_use\",\"id\":\"toolu_fake\",\"tool_use_id\":\"x\"}"_s);
        bytes += sj::toolResult(u"toolu_fake"_s, u"late"_s);
        const Transcript t = fromChunks({ bytes });
        QCOMPARE(t.childLines(0), (QVector<int> { 1 }));
        QCOMPARE(t.parentLine(2), int(Transcript::NoParent)); // orphan: toolu_fake was never called
        QCOMPARE(t.callLine("toolu_fake"), -1);
    }

    void orphanResultAndOrphanCall()
    {
        QByteArray bytes = sj::toolResult(u"toolu_nobody"_s, u"output"_s);
        bytes += sj::assistant({ sj::toolUse(u"toolu_unanswered"_s, u"Bash"_s, { { u"command"_s, u"ls"_s } }) });
        const Transcript t = fromChunks({ bytes });
        QCOMPARE(t.topLevelLines(), (QVector<int> { 0, 1 }));
        QCOMPARE(t.callLine("toolu_nobody"), -1); // result without a call
        QCOMPARE(t.resultLine("toolu_unanswered"), -1); // call without a result
        QCOMPARE(t.event(0)->kind, EventKind::ToolResult);
        QCOMPARE(t.event(1)->kind, EventKind::ToolCall);
    }

    void badLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("kind");
        QTest::newRow("invalid JSON") << QByteArray("{\"type\":\"assistant\",") << int(EventKind::Unparseable);
        QTest::newRow("array") << QByteArray("[1,2,3]") << int(EventKind::Unparseable);
        QTest::newRow("number") << QByteArray("42") << int(EventKind::Unparseable);
        QTest::newRow("string") << QByteArray("\"hello\"") << int(EventKind::Unparseable);
        QTest::newRow("unknown type") << QByteArray("{\"type\":\"telemetry\",\"x\":1}") << int(EventKind::UnknownType);
        QTest::newRow("no type") << QByteArray("{\"x\":1}") << int(EventKind::UnknownType);
        QTest::newRow("stream_event") << QByteArray("{\"type\":\"stream_event\",\"event\":{}}")
                                      << int(EventKind::StreamEvent);
        QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe garbage \x80\x81", 16) << int(EventKind::Unparseable);
        QTest::newRow("invalid UTF-8 in string")
            << QByteArray("{\"type\":\"assistant\",\"message\":{\"content\":\"\xc3\x28\"}}")
            << int(EventKind::Unparseable);
        QTest::newRow("blank") << QByteArray("   ") << int(EventKind::Blank);
    }
    void badLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, kind);
        const TranscriptEvent event = parseEvent(line);
        QCOMPARE(int(event.kind), kind);
        if (event.kind == EventKind::Unparseable)
            QVERIFY(!event.problem.isEmpty());
        // Whatever the bytes, the raw text can be shown.
        const QString shown = displayText(line);
        QVERIFY(!shown.contains(QChar(0)));
    }

    void badLinesAreCountedNotDropped()
    {
        QByteArray bytes = sj::init();
        bytes += "not json at all\n";
        bytes += "[1,2]\n";
        bytes += "{\"type\":\"telemetry\"}\n";
        bytes += "{\"type\":\"stream_event\",\"event\":{}}\n";
        bytes += "{\"type\":\"stream_event\",\"event\":{}}\n";
        bytes += QByteArray("\xff\xfe\x00\x01\n", 5);
        const Transcript t = fromChunks({ bytes });
        QCOMPARE(t.topLevelLines().size(), 7);
        const SessionSummary s = summarizeSession(t.index());
        QCOMPARE(s.count(EventKind::Unparseable), 3);
        QCOMPARE(s.count(EventKind::UnknownType), 1);
        QCOMPARE(s.count(EventKind::StreamEvent), 2);
        QCOMPARE(s.firstErrorLine, 1);
    }

    void tenMegabyteLine()
    {
        const QString big(qsizetype(10) * 1024 * 1024, u'a');
        QByteArray bytes = sj::init() + sj::assistant({ sj::text(big) }) + sj::result(u"success"_s, false);
        Transcript t = fromChunks(cut(bytes, 40));
        QCOMPARE(t.lineCount(), 3);
        QCOMPARE(t.event(1)->blocks.constFirst().text.size(), big.size());
        QCOMPARE(t.event(2)->kind, EventKind::Result);
        QCOMPARE(displayText(t.index().line(1), 100).size(), 100);
    }

    void contentAsStringAndArray()
    {
        const TranscriptEvent asString = parseEvent(sj::userText(u"plain prompt"_s).trimmed());
        QCOMPARE(asString.kind, EventKind::UserText);
        QCOMPARE(asString.blocks.constFirst().text, u"plain prompt"_s);
        const TranscriptEvent asArray = parseEvent(sj::userText(QJsonArray { sj::text(u"in a block"_s) }).trimmed());
        QCOMPARE(asArray.blocks.constFirst().text, u"in a block"_s);

        const TranscriptEvent resultString = parseEvent(sj::toolResult(u"t"_s, u"out"_s).trimmed());
        QCOMPARE(resultString.blocks.constFirst().text, u"out"_s);
        const TranscriptEvent resultArray
            = parseEvent(sj::toolResult(u"t"_s, QJsonArray { sj::text(u"a"_s), sj::text(u"b"_s) }, true).trimmed());
        QCOMPARE(resultArray.blocks.constFirst().text, u"a\nb"_s);
        QVERIFY(resultArray.isError());
    }

    void resultSubtypeDecidesFailure()
    {
        const TranscriptEvent maxTurns = parseEvent(sj::result(u"error_max_turns"_s, false).trimmed());
        QCOMPARE(maxTurns.kind, EventKind::Result);
        QVERIFY(!maxTurns.result.isError);
        QVERIFY(!maxTurns.result.succeeded());
        QVERIFY(maxTurns.isError());
        const TranscriptEvent ok = parseEvent(sj::result(u"success"_s, false).trimmed());
        QVERIFY(ok.result.succeeded());
        QCOMPARE(ok.result.numTurns, 3);
        QCOMPARE(ok.result.usage.cacheRead, 900);
    }

    void usageCountedOncePerMessage()
    {
        QByteArray bytes = sj::init();
        bytes += sj::assistant({ sj::thinking(u"hm"_s) }, u"msg_a"_s, {}, sj::usage(100, 10));
        bytes += sj::assistant({ sj::text(u"x"_s) }, u"msg_a"_s, {}, sj::usage(100, 10));
        bytes += sj::assistant({ sj::text(u"y"_s) }, u"msg_b"_s, {}, sj::usage(30, 3));
        const SessionSummary running = summarizeSession(fromChunks({ bytes }).index());
        QCOMPARE(running.usage.input, 130);
        QCOMPARE(running.usage.output, 13);
        QCOMPARE(running.turns(), 2);
        QCOMPARE(running.outcome(true), SessionOutcome::Running);
        QCOMPARE(running.model, u"claude-sonnet-4"_s);

        bytes += sj::result(u"error_max_turns"_s, false, 1.5, 7);
        const SessionSummary done = summarizeSession(fromChunks({ bytes }).index());
        QCOMPARE(done.outcome(false), SessionOutcome::Failed);
        QCOMPARE(done.turns(), 7);
        QCOMPARE(done.result.costUsd, 1.5);
        QCOMPARE(done.usage.input, 100); // the result's totals win
    }

    // Other sessions' figures and an agent's totals are added up as the chunks are read: the
    // summarizer holds the unfinished line, never the session (a 100 MB session was held whole
    // beside the one on screen).
    void summarizerHoldsOneLineNotTheSession()
    {
        QByteArray bytes = sj::init();
        for (int i = 0; i < 2000; ++i) {
            const QString id = u"msg_%1"_s.arg(i / 2);
            bytes += sj::assistant({ sj::text(u"line %1 "_s.arg(i).repeated(4)) }, id, {}, sj::usage(10, 1));
            if (i % 7 == 0)
                bytes += sj::toolResult(u"t%1"_s.arg(i), u"failed"_s, true);
            if (i % 11 == 0)
                bytes += "\r\n\n"; // a CR line end and a blank line
        }
        bytes += sj::result(u"success"_s, false, 2.5, 1000);
        bytes += "{\"type\":\"assistant\""; // cut short: the partial last line
        qsizetype longest = 0;
        for (const QByteArray &line : bytes.split('\n'))
            longest = std::max(longest, line.size());

        const SessionSummary whole = summarizeSession(fromChunks({ bytes }).index());
        SessionSummarizer summarizer;
        qsizetype held = 0;
        for (const QByteArray &chunk : cut(bytes, 97)) {
            summarizer.append(chunk);
            held = std::max(held, summarizer.heldBytes());
        }
        QCOMPARE(summarizer.byteCount(), bytes.size());
        const SessionSummary streamed = summarizer.finish();
        QVERIFY2(held <= 2 * longest + 64,
            qPrintable(
                u"held %1 bytes of a %2-byte session (longest line %3)"_s.arg(held).arg(bytes.size()).arg(longest)));
        QCOMPARE(streamed.lineCount, whole.lineCount);
        QCOMPARE(streamed.kinds, whole.kinds);
        for (int k = 0; k < EventKindCount; ++k)
            QCOMPARE(streamed.counts[k], whole.counts[k]);
        QCOMPARE(streamed.firstErrorLine, whole.firstErrorLine);
        QCOMPARE(streamed.messageCount, whole.messageCount);
        QCOMPARE(streamed.usage.input, whole.usage.input);
        QCOMPARE(streamed.turns(), whole.turns());
        QCOMPARE(streamed.outcome(false), SessionOutcome::Succeeded);
        QCOMPARE(streamed.model, whole.model);
        QVERIFY(streamed.count(EventKind::Incomplete) == 1);
    }
};

QTEST_GUILESS_MAIN(TestTranscript)
#include "tst_transcript.moc"
