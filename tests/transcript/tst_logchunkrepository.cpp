// agent_log_chunks read back in both column spellings: session lists, chunk order (createdAt,
// then rowid), follow-mode keyset reads, exact bytes, and a file without the table; the streamed
// read sorts nothing and read connections sort in memory.

#include "fixtures.h"
#include "logchunkrepository.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestLogChunkRepository : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw-%1.db"_s.arg(++m_serial));
    }

    void sessionsAndChunks_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("snake_case") << int(NameStyle::SnakeCase);
        QTest::newRow("camelCase") << int(NameStyle::CamelCase);
    }
    void sessionsAndChunks()
    {
        QFETCH(int, style);
        QVERIFY(test::createFixture(m_path, NameStyle(style)));
        const QString raw = test::openRaw(m_path);
        // Session 1: three chunks, two with the same createdAt (rowid decides), one written
        // later with an earlier clock.
        chunk(raw, u"agent-a"_s, u"alpha"_s, 1, "first ", 1000);
        chunk(raw, u"agent-a"_s, u"alpha"_s, 1, "second ", 1000);
        chunk(raw, u"agent-a"_s, u"alpha"_s, 1, "zero ", 999);
        chunk(raw, u"agent-a"_s, u"alpha"_s, 2, QByteArray("\xff\xfe bytes\n", 9), 2000);
        // An agent whose row is gone: its log is still there.
        chunk(raw, u"agent-gone"_s, u"ghost"_s, 1, "boo\n", 1500);
        test::closeRaw(raw);

        const auto opened = Database::open(m_path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        const auto repo = makeLogChunkRepository(opened.database);
        QString error;

        const QVector<LogSessionInfo> sessions = repo->sessions(u"agent-a"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(sessions.size(), 2);
        QCOMPARE(sessions.at(0).sessionNumber, 2); // newest first
        QCOMPARE(sessions.at(1).chunkCount, 3);
        QCOMPARE(sessions.at(1).byteCount, -1); // a size would read every byte of the session
        QCOMPARE(sessions.at(1).firstAt.raw.toLongLong(), 999);
        QCOMPARE(sessions.at(1).lastAt.raw.toLongLong(), 1000);
        QCOMPARE(sessions.at(1).agentName, u"alpha"_s);

        const QVector<LogSessionInfo> all = repo->allSessions(&error);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).agentId, u"agent-a"_s); // most recently written first
        QCOMPARE(all.at(1).agentName, u"ghost"_s);

        const QVector<LogChunk> chunks = repo->chunks(u"agent-a"_s, 1, &error);
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(chunks.at(0).content, QByteArray("zero "));
        QCOMPARE(chunks.at(1).content, QByteArray("first "));
        QCOMPARE(chunks.at(2).content, QByteArray("second "));
        QVERIFY(chunks.at(1).rowid < chunks.at(2).rowid);

        // Streamed read: the same chunks in the same order. Read in rowid order, "zero " comes
        // late: what came before is dropped (restart) and the session follows again, sorted.
        QVector<QByteArray> streamed;
        int restarts = 0;
        QVERIFY(repo->readChunks(
            u"agent-a"_s, 1,
            [&streamed](LogChunk &c) {
                streamed.append(c.content);
                return true;
            },
            [&]() {
                ++restarts;
                streamed.clear();
            }));
        QCOMPARE(restarts, 1);
        QCOMPARE(streamed, (QVector<QByteArray> { "zero ", "first ", "second " }));

        // Invalid UTF-8 comes back byte for byte.
        QCOMPARE(repo->chunks(u"agent-a"_s, 2).constFirst().content, QByteArray("\xff\xfe bytes\n", 9));

        // Follow mode: only what comes after the last chunk seen.
        QVERIFY(repo->chunksAfter(u"agent-a"_s, 1, chunks.last().createdAt, chunks.last().rowid).isEmpty());
        const QString writer = test::openRaw(m_path);
        chunk(writer, u"agent-a"_s, u"alpha"_s, 1, "third\n", 1000);
        chunk(writer, u"agent-a"_s, u"alpha"_s, 1, "fourth\n", 1001);
        test::closeRaw(writer);
        const QVector<LogChunk> after
            = repo->chunksAfter(u"agent-a"_s, 1, chunks.last().createdAt, chunks.last().rowid);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.at(0).content, QByteArray("third\n"));
        QCOMPARE(after.at(1).content, QByteArray("fourth\n"));

        QVERIFY(repo->chunks(u"nobody"_s, 1).isEmpty());
    }

    // A session written in clock order streams straight from the index: no restart, no sort,
    // and the reader can stop it after the first chunk.
    void orderedSessionStreamsWithoutSorting()
    {
        QVERIFY(test::createFixture(m_path));
        const QString raw = test::openRaw(m_path);
        for (int i = 0; i < 5; ++i)
            chunk(raw, u"agent-b"_s, u"beta"_s, 1, QByteArray::number(i), 1000 + i / 2);
        chunk(raw, u"agent-c"_s, u"gamma"_s, 1, "other", 999);
        test::closeRaw(raw);
        const auto opened = Database::open(m_path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        const auto repo = makeLogChunkRepository(opened.database);

        QVector<QByteArray> streamed;
        int restarts = 0;
        const auto collect = [&streamed](LogChunk &c) {
            streamed.append(c.content);
            return true;
        };
        QVERIFY(repo->readChunks(u"agent-b"_s, 1, collect, [&restarts]() { ++restarts; }));
        QCOMPARE(restarts, 0);
        QCOMPARE(streamed, (QVector<QByteArray> { "0", "1", "2", "3", "4" }));

        streamed.clear();
        QVERIFY(repo->readChunks(u"agent-b"_s, 1,
            [&streamed](LogChunk &c) {
                streamed.append(c.content);
                return false; // enough
            },
            {}));
        QCOMPARE(streamed, QVector<QByteArray> { "0" });

        // The plan: the agentId index, and no sort (a sort would copy every byte of the session).
        QString error;
        const QStringList plan = repo->chunkReadPlan(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!plan.isEmpty());
        QVERIFY2(!plan.join(u'\n').contains(u"TEMP B-TREE"_s), qPrintable(plan.join(u'\n')));
        QVERIFY2(plan.join(u'\n').contains(u"INDEX"_s), qPrintable(plan.join(u'\n')));
    }

    // The inspector's own reads never spill a sort into temporary files.
    void readConnectionsSortInMemory()
    {
        QVERIFY(test::createFixture(m_path));
        const auto opened = Database::open(m_path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        QSqlQuery pragma(QSqlDatabase::database(opened.database->readConnection(), false));
        QVERIFY(pragma.exec(u"PRAGMA temp_store"_s) && pragma.next());
        QCOMPARE(pragma.value(0).toInt(), 2); // MEMORY
    }

    void fileWithoutTheTable()
    {
        QVERIFY(test::createFixture(m_path));
        const QString raw = test::openRaw(m_path);
        QVERIFY(test::exec(raw, u"DROP TABLE agent_log_chunks"_s));
        test::closeRaw(raw);
        OpenOptions options;
        options.requireCodewalkers = false;
        const auto opened = Database::open(m_path, options);
        QVERIFY2(opened.database, qPrintable(opened.message));
        const auto repo = makeLogChunkRepository(opened.database);
        QString error;
        QVERIFY(repo->sessions(u"a"_s, &error).isEmpty());
        QVERIFY(error.contains(u"agent_log_chunks"_s));
        QVERIFY(repo->chunks(u"a"_s, 1).isEmpty());
    }

private:
    static void chunk(const QString &connection, const QString &agentId, const QString &name, int session,
        const QByteArray &content, qint64 createdAt)
    {
        const QString id = test::insertRow(connection, u"agent_log_chunks"_s,
            { { u"agentId"_s, agentId }, { u"agentName"_s, name }, { u"sessionNumber"_s, session },
                { u"content"_s, content }, { u"createdAt"_s, createdAt } });
        QVERIFY(!id.isEmpty());
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;
};

QTEST_GUILESS_MAIN(TestLogChunkRepository)
#include "tst_logchunkrepository.moc"
