// The log page's session object without a widget: the search's hit cursor and its scope in raw
// mode, a new session dropping the old one's search, showSessionAt's line once the session is
// read, and the export of a session under a name from the file.

#include "fixtures.h"
#include "streamjson.h"

#include "appcontext.h"
#include "database.h"
#include "transcript/logsearch.h"
#include "transcript/logsession.h"
#include "transcript/transcriptmodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;
namespace sj = cwi::test::streamjson;

class TestLogSession : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw-%1.db"_s.arg(++m_serial));
        QVERIFY(test::createFixture(m_path));
        const QString raw = test::openRaw(m_path);
        QVERIFY(!test::insertRow(raw, u"agents"_s,
            { { u"id"_s, u"ag1"_s }, { u"name"_s, u"../.otter/x y"_s }, { u"status"_s, u"running"_s },
                { u"mode"_s, u"execute"_s }, { u"provider"_s, u"claude"_s }, { u"worktreeId"_s, u"wt-otter"_s } })
                     .isEmpty());
        chunk(raw, 1, sj::conversation(), 1000);
        chunk(raw, 2, sj::init() + sj::toolResult(u"x"_s, u"boom"_s, true), 5000);
        test::closeRaw(raw);
        const auto opened = Database::open(m_path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        m_ctx = std::make_unique<AppContext>();
        m_ctx->setDatabase(opened.database);
    }
    void cleanup() { m_ctx.reset(); }

    // Next and previous wrap around the lines that hit; each asks for its line.
    void hitCursorWraps()
    {
        LogSession session(m_ctx.get());
        session.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!session.isBusy());
        LogSearch *search = session.search();
        QSignalSpy asked(search, &LogSearch::lineRequested);
        search->find(u"caller"_s);
        QTRY_VERIFY(!session.isBusy());
        QCOMPARE(search->hitCount(), 3);
        const QVector<int> lines = search->result().lines;
        search->findNext();
        search->findNext();
        search->findNext(); // past the last: the first again
        QCOMPARE(search->currentHit(), 0);
        search->findPrevious(); // before the first: the last
        QCOMPARE(search->currentHit(), 2);
        QCOMPARE(search->hitText(), u"3 / 3 lines (%1 hits)"_s.arg(search->result().hits));
        QList<int> seen;
        for (const QList<QVariant> &signal : std::as_const(asked))
            seen << signal.at(0).toInt();
        QCOMPARE(seen, (QList<int> { lines[0], lines[1], lines[2], lines[0], lines[2] }));
    }

    // An id is not shown in the transcript, so it is no hit there; raw mode shows it and the same
    // needle is searched again.
    void rawModeSearchesTheNeedleAgain()
    {
        LogSession session(m_ctx.get());
        session.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!session.isBusy());
        LogSearch *search = session.search();
        search->find(u"toolu_task"_s);
        QTRY_VERIFY(!session.isBusy());
        QCOMPARE(search->hitCount(), 0);
        QCOMPARE(search->hitText(), u"no hits"_s);
        search->setRawMode(true);
        QCOMPARE(search->needle(), u"toolu_task"_s);
        QTRY_VERIFY(!session.isBusy());
        QVERIFY(search->hitCount() >= 2);
        QCOMPARE(search->progress(), 1000);
    }

    // Another session drops the search of the one before: its hits never arrive.
    void anotherSessionDropsTheSearch()
    {
        LogSession session(m_ctx.get());
        session.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!session.isBusy());
        LogSearch *search = session.search();
        QSignalSpy asked(search, &LogSearch::lineRequested);
        search->find(u"caller"_s);
        session.showSession(u"ag1"_s, 2);
        QVERIFY(!search->isSearching());
        QTRY_VERIFY(!session.isBusy());
        QCOMPARE(search->needle(), QString());
        QCOMPARE(search->hitCount(), 0);
        QCOMPARE(asked.size(), 0);
        QCOMPARE(session.transcriptModel()->rowCount(), 2);
    }

    // showSessionAt: the line is asked for once, after the session is read (a search hit from the
    // Search page), not the end of a running agent's log.
    void lineAskedForOnceRead()
    {
        LogSession session(m_ctx.get());
        QSignalSpy asked(&session, &LogSession::lineRequested);
        QSignalSpy toEnd(&session, &LogSession::endRequested);
        session.showSessionAt(u"ag1"_s, 1, 5);
        QVERIFY(asked.isEmpty());
        QTRY_VERIFY(!session.isBusy());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toInt(), 5);
        QCOMPARE(toEnd.size(), 0);

        session.showSession(u"ag1"_s, 2); // the agent runs and is followed: its end
        QTRY_VERIFY(!session.isBusy());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(toEnd.size(), 1);
    }

    // The name offered comes from the file: no folder separators, no leading dot.
    void exportUnderASafeName()
    {
        LogSession session(m_ctx.get());
        QCOMPARE(session.suggestedExportName(u"md"_s), QString()); // nothing open
        session.showAgent(u"ag1"_s);
        QTRY_VERIFY(!session.isBusy());
        QCOMPARE(session.title(), u"../.otter/x y"_s);
        QCOMPARE(session.suggestedExportName(u"md"_s), u"agent..-.otter-x-y-session-2.md"_s);
        const QString out = m_dir.filePath(u"out-%1.jsonl"_s.arg(m_serial));
        session.exportTo(u"jsonl"_s, out);
        QTRY_VERIFY(!session.isBusy());
        QCOMPARE(session.statusText(), u"Exported to %1"_s.arg(out));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), sj::init() + sj::toolResult(u"x"_s, u"boom"_s, true));
    }

private:
    static void chunk(const QString &connection, int session, const QByteArray &content, qint64 createdAt)
    {
        QVERIFY(!test::insertRow(connection, u"agent_log_chunks"_s,
            { { u"agentId"_s, u"ag1"_s }, { u"agentName"_s, u"otter"_s }, { u"sessionNumber"_s, session },
                { u"content"_s, content }, { u"createdAt"_s, createdAt } })
                     .isEmpty());
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;
    std::unique_ptr<AppContext> m_ctx;
};

QTEST_GUILESS_MAIN(TestLogSession)
#include "tst_logsession.moc"
