// The write path beside a live server: another PROCESS (tests/actions/sqlitelocker) holds the write
// lock or inserts rows continuously while the inspector acts.

#include "actionfixture.h"
#include "database.h"
#include "fixtures.h"
#include "locker.h"
#include "writes/actions.h"
#include "writes/docommand.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace cwi;

class TestWriteConcurrency : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir { test::tempDirTemplate() };
    QString m_path;
    QString m_journal;
    int m_serial = 0;

    void seed(bool wal)
    {
        ++m_serial;
        m_path = m_dir.filePath(u"cw-"_s + QString::number(m_serial) + u".db");
        m_journal = m_dir.filePath(u"journal-"_s + QString::number(m_serial) + u".sqlite");
        QVERIFY(test::seedActionFixture(m_path, NameStyle::SnakeCase, TimestampUnit::Seconds));
        if (wal) {
            const QString c = test::openRaw(m_path);
            QVERIFY(test::exec(c, u"PRAGMA journal_mode = WAL"_s));
            test::closeRaw(c);
        }
    }

    static std::shared_ptr<Database> openWritable(const QString &path, int busyTimeoutMs)
    {
        OpenOptions options;
        options.busyTimeoutMs = busyTimeoutMs;
        Database::OpenResult opened = Database::open(path, options);
        if (!opened.database || !opened.database->enableWriting(nullptr))
            return {};
        return opened.database;
    }

    static QString scalar(const QString &path, const QString &sql)
    {
        const QString c = test::openRaw(path);
        QString value;
        {
            QSqlQuery query(QSqlDatabase::database(c, false));
            if (query.exec(sql) && query.next())
                value = query.value(0).toString();
        }
        test::closeRaw(c);
        return value;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void waitsForALockThenSucceeds_data()
    {
        QTest::addColumn<bool>("wal");
        QTest::newRow("rollback journal") << false;
        QTest::newRow("wal") << true;
    }

    void waitsForALockThenSucceeds()
    {
        QFETCH(bool, wal);
        seed(wal);
        auto db = openWritable(m_path, 20000);
        QVERIFY(db);
        Actions actions(db, m_journal);
        const ActionPlan plan = actions.planRetryTasks({ u"T-blocked"_s });
        QVERIFY(plan.isValid());
        QProcess locker;
        QVERIFY(test::startLocker(locker, { u"hold"_s, m_path, u"300"_s }, "locked"));
        // The locker holds the write lock now: the action must wait for it, then apply.
        const WriteResult result = actions.apply(plan);
        QVERIFY2(result.applied(), qPrintable(result.message));
        QVERIFY(locker.waitForFinished(20000));
        QCOMPARE(locker.exitCode(), 0);
        QVERIFY(locker.readAllStandardOutput().contains("released"));
        QCOMPARE(scalar(m_path, u"SELECT status FROM tasks WHERE id = 'T-blocked'"_s), u"pending"_s);
        QCOMPARE(actions.history().constFirst().outcome, WriteOutcome::Applied);
    }

    void lockHeldPastTimeoutFailsCleanly_data()
    {
        QTest::addColumn<bool>("wal");
        QTest::newRow("rollback journal") << false;
        QTest::newRow("wal") << true;
    }

    void lockHeldPastTimeoutFailsCleanly()
    {
        QFETCH(bool, wal);
        seed(wal);
        auto db = openWritable(m_path, 150);
        QVERIFY(db);
        Actions actions(db, m_journal);
        const ActionPlan plan = actions.planResolveComments({ u"RC-open"_s });
        const test::Dump before = test::dumpAll(m_path);
        QProcess locker;
        QVERIFY(test::startLocker(locker, { u"hold"_s, m_path, u"60000"_s }, "locked"));

        const WriteResult result = actions.apply(plan);
        QCOMPARE(result.outcome, WriteOutcome::Busy);
        QVERIFY2(result.message.contains(u"busy"_s) && result.message.contains(u"Nothing was written"_s),
            qPrintable(result.message));
        // The command line says the same with exit code 4.
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runDoCommand(m_path, { u"dismiss-agent"_s, u"A-idle"_s }, m_journal, out, err, 150), 4);

        locker.kill(); // the holder dies mid-transaction: SQLite rolls it back
        QVERIFY(locker.waitForFinished(10000));
        QCOMPARE(test::dumpAll(m_path), before); // nothing written
        const QVector<JournalEntry> history = actions.history();
        QCOMPARE(history.size(), 2);
        for (const JournalEntry &entry : history) {
            QCOMPARE(entry.outcome, WriteOutcome::Busy);
            QVERIFY(!entry.pending);
        }
        QVERIFY(!actions.canUndo());
        // Offered again once the lock is free, the same plan applies.
        QVERIFY(actions.apply(plan).applied());
    }

    void actionsBesideAContinuousWriter()
    {
        seed(true); // the server runs in WAL mode
        const int rounds = 250; // x4 actions = 1,000
        auto db = openWritable(m_path, 10000);
        QVERIFY(db);
        Actions actions(db, m_journal);
        const QString stop = m_dir.filePath(u"stop-writer"_s);
        QProcess writer;
        QVERIFY(test::startLocker(writer, { u"insert"_s, m_path, stop }, "started"));

        QMap<WriteOutcome, int> outcomes;
        for (int i = 0; i < rounds; ++i) {
            outcomes[actions.apply(actions.planResolveComments({ u"RC-open"_s })).outcome]++;
            outcomes[actions.apply(actions.planRespondToMessage(u"M-req"_s, u"ok "_s + QString::number(i))).outcome]++;
            outcomes[actions.undoLast().outcome]++; // removes the reply, restores the message
            outcomes[actions.apply(actions.planUnresolveComments({ u"RC-open"_s })).outcome]++;
        }
        QFile(stop).open(QIODevice::WriteOnly);
        QVERIFY(writer.waitForFinished(30000));
        QCOMPARE(writer.exitCode(), 0);
        const QByteArray report = writer.readAllStandardOutput();
        const qsizetype at = report.indexOf("inserted ");
        QVERIFY(at >= 0);
        const qint64 inserted = report.mid(at + 9).trimmed().toLongLong();
        QVERIFY(inserted > 0);

        QCOMPARE(outcomes.value(WriteOutcome::Applied), rounds * 4);
        // Every row the other process wrote is there.
        QCOMPARE(scalar(m_path, u"SELECT COUNT(*) FROM agent_log_chunks WHERE agent_id = 'writer'"_s),
            QString::number(inserted));
        // Every action fully applied or not at all: no orphan reply, the message back as it was.
        QCOMPARE(scalar(m_path, u"SELECT COUNT(*) FROM messages WHERE parent_message_id = 'M-req'"_s), u"0"_s);
        QCOMPARE(scalar(m_path, u"SELECT status FROM messages WHERE id = 'M-req'"_s), u"pending"_s);
        QCOMPARE(scalar(m_path, u"SELECT resolved FROM review_comments WHERE id = 'RC-open'"_s), u"0"_s);
        QCOMPARE(scalar(m_path, u"PRAGMA integrity_check"_s), u"ok"_s);
        QCOMPARE(actions.history(5000).size(), rounds * 4);
    }
};

QTEST_GUILESS_MAIN(TestWriteConcurrency)
#include "tst_writeconcurrency.moc"
