// streamSession: a session read in parts (the first screen before the last chunk is read), a read
// stopped when nobody wants more, and a restart when the stored order was not the clock's.

#include "database.h"
#include "fixtures.h"
#include "transcript/logloader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestLogLoader : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw-%1.db"_s.arg(++m_serial));
        QVERIFY(test::createFixture(m_path));
    }

    void firstPartComesEarlyThenPartsOfAFixedSize()
    {
        QByteArray all;
        const QString raw = test::openRaw(m_path);
        for (int i = 0; i < 10; ++i) {
            const QByteArray content = QByteArray(99, char('a' + i)) + '\n';
            all += content;
            chunk(raw, 1, content, 1000 + i);
        }
        test::closeRaw(raw);
        const auto db = Database::open(m_path).database;
        QVERIFY(db);

        QVector<SessionPart> parts;
        streamSession(
            db, u"agent-a"_s, 1,
            [&parts](SessionPart &&part) {
                parts.append(std::move(part));
                return true;
            },
            150, 300);
        // 2 chunks pass 150 bytes; then 3 chunks per 300 bytes; the rest with the last part.
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0).chunks.size(), 2);
        QVERIFY(!parts.at(0).last);
        QCOMPARE(parts.at(1).chunks.size(), 3);
        QCOMPARE(parts.at(2).chunks.size(), 3);
        QCOMPARE(parts.at(3).chunks.size(), 2);
        QVERIFY(parts.at(3).last);
        QCOMPARE(parts.at(3).chunkCount, 10);
        QCOMPARE(parts.at(3).lastCreatedAt.raw.toLongLong(), 1009);
        QByteArray joined;
        for (const SessionPart &part : std::as_const(parts)) {
            QVERIFY(!part.restart);
            for (const QByteArray &c : part.chunks)
                joined += c;
        }
        QCOMPARE(joined, all);

        // Nobody wants more after the first part: the read stops there.
        int calls = 0;
        streamSession(
            db, u"agent-a"_s, 1,
            [&calls](SessionPart &&) {
                ++calls;
                return false;
            },
            150, 300);
        QCOMPARE(calls, 1);
    }

    void outOfOrderSessionRestartsSorted()
    {
        const QString raw = test::openRaw(m_path);
        chunk(raw, 1, "b\n", 1001);
        chunk(raw, 1, "c\n", 1002);
        chunk(raw, 1, "a\n", 1000); // written last with an earlier clock
        test::closeRaw(raw);
        const auto db = Database::open(m_path).database;
        QVERIFY(db);
        QByteArray shown;
        int restarts = 0;
        streamSession(
            db, u"agent-a"_s, 1,
            [&](SessionPart &&part) {
                if (part.restart) {
                    ++restarts;
                    shown.clear();
                }
                for (const QByteArray &c : part.chunks)
                    shown += c;
                return true;
            },
            1, 1);
        QCOMPARE(restarts, 1);
        QCOMPARE(shown, QByteArray("a\nb\nc\n"));
    }

private:
    static void chunk(const QString &connection, int session, const QByteArray &content, qint64 createdAt)
    {
        QVERIFY(!test::insertRow(connection, u"agent_log_chunks"_s,
            { { u"agentId"_s, u"agent-a"_s }, { u"agentName"_s, u"alpha"_s }, { u"sessionNumber"_s, session },
                { u"content"_s, content }, { u"createdAt"_s, createdAt } })
                     .isEmpty());
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;
};

QTEST_GUILESS_MAIN(TestLogLoader)
#include "tst_logloader.moc"
