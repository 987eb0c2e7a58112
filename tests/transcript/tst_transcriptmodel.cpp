// The transcript tree and the session list as a user sees them: results under their calls,
// sub-agent lines under the Task, details on demand, follow-mode appends, bad lines visible.

#include "streamjson.h"
#include "transcript/sessionlistmodel.h"
#include "transcript/sessionsummary.h"
#include "transcript/transcriptfiltermodel.h"
#include "transcript/transcriptmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;
namespace sj = cwi::test::streamjson;

namespace {

std::unique_ptr<Transcript> transcriptOf(const QByteArray &bytes)
{
    auto t = std::make_unique<Transcript>();
    t->append(bytes);
    return t;
}

QString header(const QModelIndex &index)
{
    return index.data(TranscriptModel::HeaderRole).toString();
}

// Every row of the tree, depth first, as "depth:header" (detail rows as "depth:detail").
QStringList walk(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        out.append(QString::number(depth) + u':'
            + (index.data(TranscriptModel::IsDetailRole).toBool() ? u"detail"_s : header(index)));
        out += walk(model, index, depth + 1);
    }
    return out;
}

} // namespace

class TestTranscriptModel : public QObject
{
    Q_OBJECT
private slots:
    void conversationTree()
    {
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTranscript(transcriptOf(sj::conversation()));
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(header(model.index(0, 0)), u"Session start"_s);
        QVERIFY(model.index(0, 0).data(TranscriptModel::BodyRole).toString().contains(u"claude-sonnet-4"_s));

        // Thinking: one line in the row, the full text in a child (collapsed by default).
        const QModelIndex thinking = model.index(2, 0);
        QCOMPARE(header(thinking), u"Thinking"_s);
        QCOMPARE(model.rowCount(thinking), 1);
        QVERIFY(model.index(0, 0, thinking).data(TranscriptModel::IsDetailRole).toBool());

        // Read call: summary is the file path; input JSON as detail, then the result.
        const QModelIndex read = model.index(4, 0);
        QCOMPARE(header(read), u"Read"_s);
        // The outcome shows in the call's row; the result itself sits under it.
        QCOMPARE(read.data(TranscriptModel::BodyRole).toString(), u"/src/parser.cpp\n→ int main() {}"_s);
        QVERIFY(!read.data(TranscriptModel::FailedCallRole).toBool());
        QCOMPARE(model.rowCount(read), 2);
        QCOMPARE(header(model.index(1, 0, read)), u"Output of Read"_s);

        // Task: sub-agent prompt, sub-agent Grep (with its own result), then the Task's result.
        const QModelIndex task = model.index(5, 0);
        QCOMPARE(header(task), u"Task"_s);
        QCOMPARE(model.rowCount(task), 4);
        QCOMPARE(header(model.index(1, 0, task)), u"Sub-agent prompt"_s);
        const QModelIndex grep = model.index(2, 0, task);
        QCOMPARE(header(grep), u"Grep"_s);
        QVERIFY(grep.data(TranscriptModel::IsSubAgentRole).toBool());
        QCOMPARE(header(model.index(1, 0, grep)), u"Output of Grep"_s);
        QCOMPARE(header(model.index(3, 0, task)), u"Output of Task"_s);
        QCOMPARE(model.parent(model.index(1, 0, grep)), grep);

        QCOMPARE(header(model.index(6, 0)), u"System · api_retry"_s);
        QCOMPARE(header(model.index(7, 0)), u"Finished · success"_s);
        QCOMPARE(model.indexForLine(9), model.index(1, 0, grep));
        QCOMPARE(model.lineOf(model.index(3, 0, task)), 10);
    }

    void showsOnlyWhatIsParsed()
    {
        QByteArray bytes;
        for (int i = 0; i < 5000; ++i)
            bytes += sj::assistant({ sj::text(u"line %1"_s.arg(i)) }, u"msg_%1"_s.arg(i));
        TranscriptModel model;
        model.setTranscript(transcriptOf(bytes));
        QCOMPARE(model.rowCount(), 5000);
        for (int row = 0; row < 30; ++row)
            model.index(row, 0).data(TranscriptModel::BodyRole);
        model.index(4999, 0).data(TranscriptModel::BodyRole);
        QVERIFY(model.transcript()->parseCount() <= 31);
    }

    void presentationsStayBounded()
    {
        QByteArray bytes;
        for (int i = 0; i < 3000; ++i)
            bytes += sj::assistant({ sj::text(u"line %1"_s.arg(i)) }, u"msg_%1"_s.arg(i));
        TranscriptModel model;
        model.setTranscript(transcriptOf(bytes));
        for (int row = 0; row < model.rowCount(); ++row)
            model.index(row, 0).data(TranscriptModel::BodyRole);
        QCOMPARE(model.cachedPresentations(), TranscriptModel::kPresentationCache);
        // The most recent rows are the ones kept: reading the last row again parses nothing.
        const qint64 parses = model.transcript()->parseCount();
        QCOMPARE(model.index(2999, 0).data(TranscriptModel::BodyRole).toString(), u"line 2999"_s);
        QCOMPARE(model.transcript()->parseCount(), parses);
    }

    // Two sub-agents at work side by side, their lines arriving a chunk at a time (as a session
    // streams in): each Task call is presented once to number the rows under it, not again for
    // every chunk (a 100 MB session spent most of its reading time on the UI thread so).
    void aCallIsPresentedOnceWhileItsLinesStreamIn()
    {
        TranscriptModel model; // no QAbstractItemModelTester: it parses every row it is told of
        model.appendChunk(sj::init());
        for (const QString &id : { u"toolu_a"_s, u"toolu_b"_s }) {
            model.appendChunk(
                sj::assistant({ sj::toolUse(id, u"Task"_s, { { u"prompt"_s, u"Look around"_s } }) }, u"msg_"_s + id));
        }
        for (int i = 0; i < 200; ++i) {
            const QString parent = i % 2 ? u"toolu_b"_s : u"toolu_a"_s;
            model.appendChunk(sj::assistant({ sj::text(u"step %1"_s.arg(i)) }, u"msg_sub%1"_s.arg(i), parent));
        }
        QVERIFY2(model.presentationCount() <= 4, qPrintable(QString::number(model.presentationCount())));
        // Numbered right: the detail row first, then the sub-agent's lines in order.
        const QModelIndex b = model.index(2, 0);
        QCOMPARE(header(b), u"Task  (no result)"_s);
        QCOMPARE(model.rowCount(b), 101);
        QVERIFY(model.index(0, 0, b).data(TranscriptModel::IsDetailRole).toBool());
        QVERIFY(model.index(100, 0, b).data(TranscriptModel::BodyRole).toString().contains(u"step 199"_s));
        QCOMPARE(model.indexForLine(model.transcript()->lineCount() - 1), model.index(100, 0, b));
    }

    // A session read in chunks (as the log view appends its parts) holds its bytes once: the
    // buffer grows by a quarter where Qt's append doubled it through a fresh copy (a 100 MB
    // session took 128 MB and, while growing, 64 + 128 MB).
    void sessionHeldOnceWhileItGrows()
    {
        QByteArray bytes = sj::init();
        const QString output = u"0123456789abcdef"_s.repeated(90);
        for (int i = 0; bytes.size() < 9'500'000; ++i) {
            const QString id = u"toolu_%1"_s.arg(i);
            bytes += sj::assistant(
                { sj::toolUse(id, u"Read"_s, { { u"file_path"_s, u"/src/f%1.cpp"_s.arg(i) } }) }, u"msg_%1"_s.arg(i));
            bytes += sj::toolResult(id, output);
        }
        TranscriptModel model; // no QAbstractItemModelTester: it walks the model on each of 10,000 inserts
        qsizetype peak = 0;
        constexpr qsizetype kChunk = qsizetype(64) * 1024;
        for (qsizetype at = 0; at < bytes.size(); at += kChunk) {
            model.appendChunk(bytes.mid(at, kChunk));
            peak = std::max(peak, model.transcript()->heldBytes());
        }
        QCOMPARE(model.transcript()->index().byteCount(), bytes.size());
        QVERIFY2(peak <= bytes.size() * 3 / 2,
            qPrintable(u"held %1 bytes for a session of %2"_s.arg(peak).arg(bytes.size())));
        QCOMPARE(model.rowCount(), model.transcript()->topLevelLines().size());
    }

    void followModeAppendsIncrementally()
    {
        const QByteArray bytes = sj::conversation();
        TranscriptModel followed;
        QAbstractItemModelTester tester(&followed, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Arbitrary cuts: lines split across chunks, an incomplete tail between appends.
        for (qsizetype at = 0; at < bytes.size(); at += 173)
            followed.appendChunk(bytes.mid(at, 173));
        TranscriptModel whole;
        whole.setTranscript(transcriptOf(bytes));
        const QStringList got = walk(followed);
        const QStringList want = walk(whole);
        if (got != want)
            qWarning() << got << want;
        QCOMPARE(got, want);
    }

    void incompleteTailIsShownThenCompleted()
    {
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QByteArray call = sj::assistant({ sj::toolUse(u"t1"_s, u"Bash"_s, { { u"command"_s, u"make"_s } }) });
        const QByteArray result = sj::toolResult(u"t1"_s, u"ok"_s);
        model.appendChunk(call + result.left(10));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data(TranscriptModel::KindRole).toInt(), int(EventKind::Incomplete));
        QVERIFY(header(model.index(1, 0)).contains(u"Incomplete"_s));
        QVERIFY(header(model.index(0, 0)).contains(u"no result"_s));
        model.appendChunk(result.mid(10));
        QVERIFY(model.index(0, 0).data(TranscriptModel::BodyRole).toString().endsWith(u"→ ok"_s));
        QCOMPARE(model.rowCount(), 1); // the completed line moved under its call
        QCOMPARE(header(model.index(0, 0)), u"Bash"_s);
        QCOMPARE(header(model.index(1, 0, model.index(0, 0))), u"Output of Bash"_s);
    }

    void badInputIsVisible()
    {
        QByteArray bytes = sj::toolResult(u"nobody"_s, u"stray output"_s);
        bytes += "{not json\n";
        bytes += "{\"type\":\"telemetry\",\"n\":1}\n";
        bytes += sj::result(u"error_max_turns"_s, false);
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTranscript(transcriptOf(bytes));
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(header(model.index(0, 0)).contains(u"no matching call"_s));
        QVERIFY(header(model.index(1, 0)).startsWith(u"⚠ Line does not parse"_s));
        QVERIFY(model.index(1, 0).data(TranscriptModel::IsErrorRole).toBool());
        QCOMPARE(model.index(1, 0).data(TranscriptModel::BodyRole).toString(), u"{not json"_s);
        QCOMPARE(header(model.index(2, 0)), u"Unknown type “telemetry”"_s);
        QVERIFY(
            model.index(0, 0, model.index(2, 0)).data(TranscriptModel::BodyRole).toString().contains(u"\"n\": 1"_s));
        QVERIFY(header(model.index(3, 0)).contains(u"FAILED (error_max_turns)"_s));
        QVERIFY(model.index(3, 0).data(TranscriptModel::IsErrorRole).toBool());
    }

    void failedCallIsMarked()
    {
        QByteArray bytes = sj::assistant({ sj::toolUse(u"b1"_s, u"Bash"_s, { { u"command"_s, u"make"_s } }) });
        bytes += sj::toolResult(u"b1"_s, u"make: *** [all] Error 2"_s, true);
        TranscriptModel model;
        model.setTranscript(transcriptOf(bytes));
        const QModelIndex call = model.index(0, 0);
        QVERIFY(call.data(TranscriptModel::FailedCallRole).toBool());
        QVERIFY(call.data(TranscriptModel::BodyRole).toString().endsWith(u"→ error: make: *** [all] Error 2"_s));
        const QModelIndex result = model.index(1, 0, call);
        QCOMPARE(header(result), u"Error of Bash"_s);
        QVERIFY(result.data(TranscriptModel::IsErrorRole).toBool());
    }

    void filterByKindWithoutParsing()
    {
        QByteArray bytes = sj::conversation();
        bytes += sj::assistant({ sj::toolUse(u"b1"_s, u"Bash"_s, { { u"command"_s, u"make"_s } }) }, u"msg_7"_s);
        bytes += sj::toolResult(u"b1"_s, u"Error 2"_s, true);
        TranscriptModel model;
        model.setTranscript(transcriptOf(bytes));
        const SessionSummary summary = summarizeSession(model.transcript()->index());
        model.setLineKinds(summary.kinds);

        TranscriptFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setEventFilter(TranscriptFilterModel::ErrorEvents);
        // Only the failed Bash call's branch is left: the call (kept for its child) and its error.
        QCOMPARE(filter.rowCount(), 1);
        const QModelIndex call = filter.index(0, 0);
        QCOMPARE(call.data(TranscriptModel::LineRole).toInt(), 13);
        QCOMPARE(filter.index(filter.rowCount(call) - 1, 0, call).data(TranscriptModel::LineRole).toInt(), 14);

        filter.setEventFilter(TranscriptFilterModel::ThinkingEvents);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(TranscriptModel::KindRole).toInt(), int(EventKind::Thinking));
        filter.setEventFilter(TranscriptFilterModel::SystemEvents);
        QCOMPARE(filter.rowCount(), 3); // init, api_retry, result
        filter.setEventFilter(TranscriptFilterModel::AllEvents);
        QCOMPARE(filter.rowCount(), model.rowCount());
    }

    void editShownAsDiff()
    {
        const QByteArray bytes = sj::assistant({ sj::toolUse(u"e1"_s, u"Edit"_s,
            { { u"file_path"_s, u"/a.cpp"_s }, { u"old_string"_s, u"int x = 1;\nkeep"_s },
                { u"new_string"_s, u"int x = 2;\nkeep"_s } }) });
        TranscriptModel model;
        model.setTranscript(transcriptOf(bytes));
        const QModelIndex detail = model.index(0, 0, model.index(0, 0));
        QCOMPARE(detail.data(TranscriptModel::BodyFormatRole).toInt(), int(BodyFormat::Diff));
        QCOMPARE(detail.data(TranscriptModel::BodyRole).toString(), u"-int x = 1;\n+int x = 2;\n keep\n"_s);
    }

    void editShownAsRealLineDiff()
    {
        // Trimming equal lines at both ends would show b, c, d removed and X, c, d, Y added.
        const QByteArray bytes = sj::assistant({ sj::toolUse(u"e1"_s, u"Edit"_s,
            { { u"file_path"_s, u"/a.cpp"_s }, { u"old_string"_s, u"a\nb\nc\nd"_s },
                { u"new_string"_s, u"a\nX\nc\nd\nY"_s } }) });
        TranscriptModel model;
        model.setTranscript(transcriptOf(bytes));
        const QModelIndex detail = model.index(0, 0, model.index(0, 0));
        QCOMPARE(detail.data(TranscriptModel::BodyRole).toString(), u" a\n-b\n+X\n c\n d\n+Y\n"_s);
    }

    void sessionList()
    {
        SessionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto info = [](const QString &agent, const QString &name, qint64 n) {
            LogSessionInfo s;
            s.agentId = agent;
            s.agentName = name;
            s.sessionNumber = n;
            s.firstAt = Timestamp { 1700000000 };
            s.lastAt = Timestamp { 1700000090 };
            return s;
        };
        model.setSessions(
            { info(u"gone"_s, u"zed"_s, 1), info(u"a"_s, u"alpha"_s, 1), info(u"a"_s, u"alpha"_s, 2) }, { u"a"_s });
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex alpha = model.index(0, 0);
        QCOMPARE(alpha.data().toString(), u"alpha"_s);
        QCOMPARE(model.rowCount(alpha), 2);
        QCOMPARE(model.index(0, 0, alpha).data().toString(), u"#2 resume"_s); // newest first
        QCOMPARE(model.index(1, 0, alpha).data().toString(), u"#1 spawn"_s);
        QVERIFY(model.index(1, 0).data(SessionListModel::IsDeletedRole).toBool());
        QVERIFY(model.index(1, 0).data().toString().contains(u"deleted"_s));

        SessionSummary summary;
        summary.hasResult = true;
        summary.result.subtype = u"error_max_turns"_s;
        summary.result.numTurns = 12;
        summary.result.costUsd = 0.5;
        summary.usage.input = 1500;
        const SessionFigures figures = sessionFigures(summary, info(u"a"_s, u"alpha"_s, 1), false);
        QCOMPARE(figures.durationMs, 90000); // no duration in the result: the chunks' clock
        model.setFigures(u"a"_s, 1, figures);
        const QModelIndex one = model.indexOf(u"a"_s, 1);
        QCOMPARE(one.siblingAtColumn(SessionListModel::TurnsColumn).data().toString(), u"12"_s);
        QCOMPARE(one.siblingAtColumn(SessionListModel::CostColumn).data().toString(), u"$0.500"_s);
        QCOMPARE(one.siblingAtColumn(SessionListModel::TokensColumn).data().toString(), u"1.5k"_s);
        QCOMPARE(one.siblingAtColumn(SessionListModel::OutcomeColumn).data().toString(), u"failed"_s);
        QCOMPARE(one.siblingAtColumn(SessionListModel::DurationColumn).data().toString(), u"1m 30s"_s);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
