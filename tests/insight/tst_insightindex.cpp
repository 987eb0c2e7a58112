// The insight index on fixture files in both spellings: what the facts and text passes keep,
// usage counted once per message.id (equal to the session's own result line), incremental runs
// after a writer adds chunks (a line cut across chunks included), a rebuild when the file is
// replaced, and full-text queries with hostile FTS5 syntax.

#include "appcontext.h"
#include "browse/detailloader.h"
#include "database.h"
#include "fixtures.h"
#include "insight/insightindex.h"
#include "insight/insightindexer.h"
#include "insight/insightqueries.h"
#include "insight/insightwriter.h"
#include "insightlog.h"
#include "jobtracker.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestInsightIndex : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw-%1.db"_s.arg(++m_serial));
    }

    void factsAndText_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("snake_case") << int(NameStyle::SnakeCase);
        QTest::newRow("camelCase") << int(NameStyle::CamelCase);
    }
    void factsAndText()
    {
        QFETCH(int, style);
        QVERIFY(test::createFixture(m_path, NameStyle(style)));
        addAgent(u"A1"_s, u"brave-otter"_s, u"I1"_s);
        addChunks(u"A1"_s, u"brave-otter"_s, 1, test::demoSession(u"parser"_s), 97, 1700000000);

        const auto db = open();
        QVERIFY(db);
        const QString sidecar = indexAll(db);
        QVERIFY(!sidecar.startsWith(QFileInfo(m_path).absolutePath())); // never beside the file

        const QVector<SessionRow> sessions = insightSessions(sidecar, {});
        QCOMPARE(sessions.size(), 1);
        const SessionRow &s = sessions.constFirst();
        QCOMPARE(s.agentName, u"brave-otter"_s);
        QCOMPARE(s.initiativeName, u"Search everything"_s);
        QCOMPARE(s.model, u"claude-sonnet-4"_s);
        QCOMPARE(s.outcome, u"success"_s);
        QCOMPARE(s.costUsd, 0.25);
        QCOMPARE(s.turns, 3);
        QCOMPARE(s.messages, 2);
        // The sum over distinct message ids equals the session's own result line.
        QCOMPARE(s.messageTokens, (TokenCounts { 15, 27, 300, 8300 }));
        QCOMPARE(s.tokens, s.messageTokens);
        QCOMPARE(s.toolCalls, 2);
        QCOMPARE(s.toolErrors, 1);
        QCOMPARE(s.startMs, 1700000000000LL);

        const QVector<FileStat> files = topFiles(sidecar, {}, 10);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.constFirst().path, u"/src/app/main.cpp"_s);
        QCOMPARE(files.constFirst().edits, 1);
        const QVector<FileEdit> edits = fileEdits(sidecar, u"/src/app/main.cpp"_s);
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.constFirst().line, 2); // the Edit call is the third line

        const QVector<DayValue> tools = toolUsage(sidecar, {});
        QCOMPARE(tools.size(), 2);

        const SearchResult found = searchInsight(sidecar, query(u"parser"_s));
        QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
        QCOMPARE(found.hits.size(), 2); // the text and the "Done with" line
        QCOMPARE(found.hits.at(0).line, 6); // newest first
        QCOMPARE(found.hits.at(1).line, 1);
        QVERIFY(found.hits.at(1).snippet.contains(u"\x01parser\x02"_s));
        QCOMPARE(searchInsight(sidecar, query(u"\"no rule to make\""_s)).hits.size(), 1); // a phrase
        QCOMPARE(searchInsight(sidecar, query(u"pars*"_s)).hits.size(), 2); // a prefix
        SearchQuery bashOnly = query(u"make"_s);
        bashOnly.tool = u"Bash"_s;
        QCOMPARE(searchInsight(sidecar, bashOnly).hits.size(), 1);
        SearchQuery otherAgent = query(u"parser"_s);
        otherAgent.agentId = u"nobody"_s;
        QCOMPARE(searchInsight(sidecar, otherAgent).hits.size(), 0);

        const QVector<InitiativeTotals> totals = initiativeTotals(sidecar);
        QCOMPARE(totals.size(), 1);
        QCOMPARE(totals.constFirst().costUsd, 0.25);
        QCOMPARE(totals.constFirst().tokens.total(), 15 + 27 + 300 + 8300);

        // The detail pane's cost of an agent and of its initiative: from the index, the same
        // figures the logs give; while the index is being built, pending (no log is read).
        for (const EntityRef &ref : { EntityRef { u"agents"_s, u"A1"_s }, EntityRef { u"initiatives"_s, u"I1"_s } }) {
            const DetailData fromIndex = loadDetail(db, ref, { true, sidecar });
            QVERIFY2(fromIndex.logTotals, qPrintable(ref.table));
            const DetailData fromLogs = loadDetail(db, ref, { false, {} });
            QVERIFY(fromLogs.logTotals);
            QCOMPARE(fromIndex.logTotals->sessions, 1);
            QCOMPARE(fromIndex.logTotals->costUsd, fromLogs.logTotals->costUsd);
            QCOMPARE(fromIndex.logTotals->turns, fromLogs.logTotals->turns);
            QCOMPARE(fromIndex.logTotals->usage.total(), fromLogs.logTotals->usage.total());
            const DetailData building = loadDetail(db, ref, { true, {} });
            QVERIFY(building.logTotalsPending);
            QVERIFY(!building.logTotals);
        }
        QVERIFY(!loadDetail(db, { u"agents"_s, u"nobody"_s }, { true, sidecar }).logTotals); // no such row
    }

    // A writer adds chunks (the first completes a line cut in the middle): only they are read.
    void incremental()
    {
        QVERIFY(test::createFixture(m_path));
        addAgent(u"A1"_s, u"brave-otter"_s, u"I1"_s);
        const QByteArray log = test::demoSession(u"lexer"_s);
        const qsizetype cut = log.indexOf("make check") + 4; // inside the Bash call's line
        addChunks(u"A1"_s, u"brave-otter"_s, 1, log.left(cut), 50, 1700000000);
        const auto db = open();
        QVERIFY(db);

        InsightRunResult first = runInsightPass(db, InsightWriter::FactsPass);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        const qint64 firstChunks = first.chunks;
        QCOMPARE(runInsightPass(db, InsightWriter::TextPass).chunks, firstChunks);
        QCOMPARE(insightSessions(first.sidecar, {}).constFirst().toolCalls, 1); // the Bash line is not complete

        // Nothing new: a restart reads nothing.
        QCOMPARE(runInsightPass(db, InsightWriter::FactsPass).chunks, 0);
        QCOMPARE(runInsightPass(db, InsightWriter::TextPass).chunks, 0);

        addChunks(u"A1"_s, u"brave-otter"_s, 1, log.mid(cut), 60, 1700000100);
        const InsightRunResult second = runInsightPass(db, InsightWriter::FactsPass);
        QCOMPARE(second.chunks, (log.size() - cut + 59) / 60);
        QVERIFY(!second.rebuilt);
        QCOMPARE(runInsightPass(db, InsightWriter::TextPass).chunks, second.chunks);

        const SessionRow s = insightSessions(second.sidecar, {}).constFirst();
        QCOMPARE(s.toolCalls, 2);
        QCOMPARE(s.toolErrors, 1);
        QCOMPARE(s.messageTokens, (TokenCounts { 15, 27, 300, 8300 }));
        QCOMPARE(s.endMs, 1700000100000LL);
        const SearchResult found = searchInsight(second.sidecar, query(u"rule"_s));
        QCOMPARE(found.hits.size(), 1);
        QCOMPARE(found.hits.constFirst().line, 5); // line numbers continue across runs
        QCOMPARE(searchInsight(second.sidecar, query(u"lexer"_s)).hits.size(), 2);
    }

    // The failing result of a call indexed in an earlier run (or batch) still marks that call.
    void errorMarkedInALaterRun()
    {
        QVERIFY(test::createFixture(m_path));
        addAgent(u"A1"_s, u"brave-otter"_s, u"I1"_s);
        const QByteArray log = test::demoSession(u"lexer"_s);
        const qsizetype cut = log.indexOf("make: ***");
        const qsizetype lineStart = log.lastIndexOf('\n', cut) + 1; // the failing result's line
        addChunks(u"A1"_s, u"brave-otter"_s, 1, log.left(lineStart), 50, 1700000000);
        const auto db = open();
        QVERIFY(db);
        const InsightRunResult first = runInsightPass(db, InsightWriter::FactsPass);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(insightSessions(first.sidecar, {}).constFirst().toolCalls, 2);
        QCOMPARE(insightSessions(first.sidecar, {}).constFirst().toolErrors, 0);

        addChunks(u"A1"_s, u"brave-otter"_s, 1, log.mid(lineStart), 60, 1700000100);
        const InsightRunResult second = runInsightPass(db, InsightWriter::FactsPass);
        QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
        QCOMPARE(insightSessions(second.sidecar, {}).constFirst().toolErrors, 1);
    }

    // The file is replaced by another one under the same name: the old index is not used.
    void rebuiltWhenReplaced()
    {
        QVERIFY(test::createFixture(m_path));
        addAgent(u"A1"_s, u"brave-otter"_s, u"I1"_s);
        addChunks(u"A1"_s, u"brave-otter"_s, 1, test::demoSession(u"alpha"_s), 80, 1700000000);
        {
            const auto db = open();
            QVERIFY(db);
            indexAll(db);
        }
        // Another file with as many chunks, written in place (same inode, same name).
        const QString other = m_dir.filePath(u"other.db"_s);
        QVERIFY(test::createFixture(other));
        {
            const QString raw = test::openRaw(other);
            addAgentOn(raw, u"B1"_s, u"calm-heron"_s, u"I1"_s);
            addChunksOn(raw, u"B1"_s, u"calm-heron"_s, 1, test::demoSession(u"omega"_s), 80, 1700000000);
            test::closeRaw(raw);
        }
        QFile target(m_path);
        QVERIFY(target.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QFile source(other);
        QVERIFY(source.open(QIODevice::ReadOnly));
        target.write(source.readAll());
        target.close();

        const auto db = open();
        QVERIFY(db);
        const InsightRunResult run = runInsightPass(db, InsightWriter::FactsPass);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QVERIFY(run.rebuilt);
        QVERIFY(run.chunks > 0);
        runInsightPass(db, InsightWriter::TextPass);
        const QVector<SessionRow> sessions = insightSessions(run.sidecar, {});
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.constFirst().agentName, u"calm-heron"_s);
        QCOMPARE(searchInsight(run.sidecar, query(u"alpha"_s)).hits.size(), 0);
        QCOMPARE(searchInsight(run.sidecar, query(u"omega"_s)).hits.size(), 2);
    }

    // A first build fills tool_calls without its indexes and makes them at the end of the facts
    // pass; a pass cancelled before its end leaves them to the next one, which makes them.
    void toolCallIndexesAfterTheFactsPass()
    {
        QVERIFY(test::createFixture(m_path));
        addAgent(u"A1"_s, u"brave-otter"_s, u"I1"_s);
        addChunks(u"A1"_s, u"brave-otter"_s, 1, test::demoSession(u"lexer"_s), 50, 1700000000);
        const auto db = open();
        QVERIFY(db);
        std::atomic_bool cancelled = true;
        const InsightRunResult stopped = runInsightPass(db, InsightWriter::FactsPass, &cancelled);
        QVERIFY(stopped.cancelled);
        QCOMPARE(toolCallIndexes(stopped.sidecar), QStringList());

        const InsightRunResult run = runInsightPass(db, InsightWriter::FactsPass);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(toolCallIndexes(run.sidecar), (QStringList { u"tool_calls_path"_s, u"tool_calls_session"_s }));
        QCOMPARE(insightSessions(run.sidecar, {}).constFirst().toolErrors, 1); // the failed make, by the call's id
    }

    // 45,000 chunks are three batches, read ahead on the reader's thread: every line is indexed
    // once, in order (a batch lost or handed over twice shifts the line numbers).
    void batchesReadAheadArriveInOrder()
    {
        QVERIFY(test::createFixture(m_path));
        fillUserLines(45000);
        const auto db = open();
        QVERIFY(db);
        const InsightRunResult facts = runInsightPass(db, InsightWriter::FactsPass);
        QVERIFY2(facts.error.isEmpty(), qPrintable(facts.error));
        QCOMPARE(facts.chunks, 45000);
        QCOMPARE(facts.lines, 45000);
        const InsightRunResult text = runInsightPass(db, InsightWriter::TextPass);
        QCOMPARE(text.lines, 45000);
        for (const int i : { 1, 20000, 20001, 44999, 45000 }) {
            const SearchResult found = searchInsight(text.sidecar, query(u"\"line %1\""_s.arg(i)));
            QCOMPARE(found.hits.size(), 1);
            QCOMPARE(found.hits.constFirst().line, i - 1);
        }
    }

    void anIndexDestroyedWhileItRunsStopsItsPass()
    {
        // The window closes while the log is being indexed: its InsightIndex goes, and its pass
        // must stop at the next batch instead of running to the end of the log (the application
        // drains its pools at exit: quitting on the 1.5 GB file took 18.6 s). 45,000 chunks are
        // three batches.
        QVERIFY(test::createFixture(m_path));
        fillUserLines(45000);
        const auto db = open();
        QVERIFY(db);
        AppContext context;
        context.setDatabase(db);
        {
            InsightIndex index(&context);
            QVERIFY(index.isBusy()); // the facts pass started
        }
        jobPool()->waitForDone();
        InsightWriter writer(db);
        QString error;
        QVERIFY2(writer.open(&error), qPrintable(error));
        QVERIFY2(writer.watermark(InsightWriter::FactsPass) < 45000,
            qPrintable(QString::number(writer.watermark(InsightWriter::FactsPass))));
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fails");
        QTest::newRow("unbalanced quote") << u"\"no rule"_s << true;
        QTest::newRow("star alone") << u"*"_s << true;
        QTest::newRow("NEAR open") << u"NEAR(make"_s << true;
        QTest::newRow("NEAR word") << u"NEAR"_s << false;
        QTest::newRow("NEAR group") << u"NEAR(make rule, 5)"_s << false;
        QTest::newRow("bare AND") << u"AND"_s << true;
        QTest::newRow("dangling OR") << u"make OR"_s << true;
        QTest::newRow("parentheses") << u")("_s << true;
        QTest::newRow("unknown column") << u"nosuch:make"_s << true;
        QTest::newRow("control characters") << u"\x01\x02 make"_s << true;
        QTest::newRow("quote in phrase") << u"\"make \"\" check\""_s << false;
        QTest::newRow("long") << QString(5000, u'a') << false;
    }
    void hostileQueries()
    {
        QFETCH(QString, text);
        QFETCH(bool, fails);
        QVERIFY(test::createFixture(m_path));
        addAgent(u"A1"_s, u"brave-otter"_s, u"I1"_s);
        addChunks(u"A1"_s, u"brave-otter"_s, 1, test::demoSession(u"parser"_s), 200, 1700000000);
        const auto db = open();
        QVERIFY(db);
        const SearchResult result = searchInsight(indexAll(db), query(text));
        QCOMPARE(!result.error.isEmpty(), fails);
        if (fails)
            QVERIFY(result.hits.isEmpty());
    }

private:
    std::shared_ptr<Database> open()
    {
        const auto opened = Database::open(m_path);
        if (!opened.database)
            qWarning("%s", qPrintable(opened.message));
        return opened.database;
    }

    static QString indexAll(const std::shared_ptr<Database> &db)
    {
        const InsightRunResult facts = runInsightPass(db, InsightWriter::FactsPass);
        const InsightRunResult text = runInsightPass(db, InsightWriter::TextPass);
        if (!facts.error.isEmpty() || !text.error.isEmpty())
            qWarning("index: %s %s", qPrintable(facts.error), qPrintable(text.error));
        return facts.sidecar;
    }

    static SearchQuery query(const QString &text)
    {
        SearchQuery q;
        q.text = text;
        return q;
    }

    // COUNT chunks of one session, chunk i (from 1) one user line "line i".
    void fillUserLines(int count)
    {
        const QString raw = test::openRaw(m_path);
        QVERIFY(test::exec(raw,
            u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
            u"INSERT INTO agent_log_chunks (id, agent_id, agent_name, session_number, content, created_at) "
            u"SELECT 'c' || i, 'ag', 'alpha', 1, '{\"type\":\"user\",\"message\":{\"role\":\"user\",' "
            u"|| '\"content\":\"line ' || i || '\"}}' || char(10), 1700000000 + i FROM n"_s.arg(count)));
        test::closeRaw(raw);
    }

    static QStringList toolCallIndexes(const QString &sidecar)
    {
        QStringList names;
        {
            const QString raw = test::openRaw(sidecar);
            QSqlQuery q(QSqlDatabase::database(raw));
            q.exec(u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tool_calls' ORDER BY name"_s);
            while (q.next())
                names << q.value(0).toString();
            q.finish();
            test::closeRaw(raw);
        }
        return names;
    }

    void addAgent(const QString &id, const QString &name, const QString &initiative)
    {
        const QString raw = test::openRaw(m_path);
        addAgentOn(raw, id, name, initiative);
        test::closeRaw(raw);
    }

    static void addAgentOn(const QString &raw, const QString &id, const QString &name, const QString &initiative)
    {
        test::insertRow(raw, u"initiatives"_s,
            { { u"id"_s, initiative }, { u"name"_s, u"Search everything"_s }, { u"status"_s, u"active"_s } });
        test::insertRow(raw, u"agents"_s,
            { { u"id"_s, id }, { u"name"_s, name }, { u"worktreeId"_s, u"/w"_s }, { u"status"_s, u"idle"_s },
                { u"initiativeId"_s, initiative } });
    }

    void addChunks(
        const QString &agentId, const QString &name, int session, const QByteArray &bytes, int size, qint64 createdAt)
    {
        const QString raw = test::openRaw(m_path);
        addChunksOn(raw, agentId, name, session, bytes, size, createdAt);
        test::closeRaw(raw);
    }

    // BYTES cut every SIZE bytes, wherever that falls (as the server's pipe reads do).
    static void addChunksOn(const QString &raw, const QString &agentId, const QString &name, int session,
        const QByteArray &bytes, int size, qint64 createdAt)
    {
        for (qsizetype at = 0; at < bytes.size(); at += size) {
            test::insertRow(raw, u"agent_log_chunks"_s,
                { { u"agentId"_s, agentId }, { u"agentName"_s, name }, { u"sessionNumber"_s, session },
                    { u"content"_s, QString::fromUtf8(bytes.mid(at, size)) }, { u"createdAt"_s, createdAt } });
        }
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;
};

QTEST_GUILESS_MAIN(TestInsightIndex)
#include "tst_insightindex.moc"
