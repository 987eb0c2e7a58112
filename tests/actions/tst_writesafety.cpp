// Nothing is written without permission: read-only mode (the connection itself refuses), a
// read-only file stays byte-identical, the journal lives in its own file, the command line's exit
// codes.

#include "writetestbase.h"

#include "fixtures.h"
#include "writeaccess.h"
#include "writes/docommand.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace cwi;

class TestWriteSafety : public test::WriteTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { newJournal(); }
    void cleanup() { closeAll(); }

    void readOnlyModeCannotWrite()
    {
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds, false));
        const QByteArray digest = test::fileDigest(m_path);
        QVERIFY(!m_actions->isWritable());
        QVERIFY(m_actions->whyNot(u"retry-task"_s, u"T-blocked"_s).contains(u"Read-only"));
        for (const ActionInfo &info : actionCatalogue()) {
            for (const QString &id : { u"T-blocked"_s, u"RC-open"_s, u"C-pending"_s, u"M-req"_s, u"A-idle"_s,
                     u"AC-ex"_s, u"E-active"_s, u"PR-pending"_s, u"P1"_s }) {
                const WriteResult result
                    = m_actions->apply(m_actions->plan(info.name, { id }, { u"x"_s, u"1"_s, u"added"_s, u"body"_s }));
                QVERIFY(result.outcome == WriteOutcome::ReadOnly || result.outcome == WriteOutcome::NotValid);
            }
        }
        QCOMPARE(m_actions->undoLast().outcome, WriteOutcome::NotValid);
        // The connection itself refuses.
        QSqlQuery query(QSqlDatabase::database(m_db->readConnection()));
        QVERIFY(!query.exec(u"UPDATE tasks SET status = 'pending'"_s));
        QVERIFY(query.lastError().text().contains(u"readonly"_s, Qt::CaseInsensitive)
            || query.lastError().text().contains(u"read-only"_s, Qt::CaseInsensitive));
        query.finish();
        QCOMPARE(test::fileDigest(m_path), digest);
        QVERIFY(m_actions->history().isEmpty());
    }

    void readOnlyFileStaysByteIdentical()
    {
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds, false));
        m_actions.reset();
        m_db.reset();
        QVERIFY(
            QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const QByteArray digest = test::fileDigest(m_path);
        // Marked read-only: refused even when running as root (permission bits, not access()).
        QVERIFY(writeProblem(m_path).contains(u"read-only"));
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runDoCommand(m_path, { u"retry-task"_s, u"T-blocked"_s }, m_journal, out, err), 2);
        err.flush();
        QVERIFY(errText.contains(u"read-only"));
        {
            // A window session on it keeps editing off and clicks every action.
            Database::OpenResult opened = Database::open(m_path);
            QVERIFY(opened.database);
            Actions actions(opened.database, m_journal);
            for (const ActionInfo &info : actionCatalogue()) {
                for (const QString &id :
                    { u"T-blocked"_s, u"RC-open"_s, u"M-req"_s, u"A-idle"_s, u"P1"_s, u"AC-ex"_s }) {
                    QVERIFY(!actions.whyNot(info.name, id).isEmpty());
                    QVERIFY(!actions.apply(actions.plan(info.name, { id }, { u"x"_s })).applied());
                }
            }
            QVERIFY(!actions.undoLast().applied());
        }
        QCOMPARE(test::fileDigest(m_path), digest);
        QVERIFY(!QFile::exists(m_path + u"-journal"));
    }

    void journalIsASeparateFile()
    {
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds));
        QVERIFY(m_actions->apply(m_actions->planDismissProposal(u"PR-pending"_s)).applied());
        QVERIFY(QFile::exists(m_journal));
        QVERIFY(!test::dumpAll(m_path).keys().join(u' ').contains(u"entries"));
        // Another Actions on the same file sees the same history (the journal outlives the window).
        Actions again(m_db, m_journal);
        QCOMPARE(again.history().size(), 1);
        QCOMPARE(again.history().constFirst().title, u"Dismiss proposal “Split task”"_s);
        // A journal path equal to the database is refused: never journal into the Codewalkers file.
        Actions wrong(m_db, m_path);
        QVERIFY(!wrong.journalError().isEmpty());
        const QByteArray digest = test::fileDigest(m_path);
        QCOMPARE(wrong.apply(wrong.planResolveComments({ u"RC-open"_s })).outcome, WriteOutcome::Failed);
        QCOMPARE(test::fileDigest(m_path), digest);
    }

    void doCommandExitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("output");
        QTest::newRow("applied") << QStringList { u"retry-task"_s, u"T-blocked"_s } << 0 << u"status"_s;
        QTest::newRow("answer") << QStringList { u"answer-conversation"_s, u"C-pending"_s, u"Use v2"_s } << 0
                                << u"\"Use v2\""_s;
        QTest::newRow("not valid") << QStringList { u"retry-task"_s, u"T-done"_s } << 3 << u"completed"_s;
        QTest::newRow("unknown id") << QStringList { u"retry-task"_s, u"T-nope"_s } << 2 << u"No tasks row"_s;
        QTest::newRow("unknown action") << QStringList { u"fly"_s, u"T-done"_s } << 2 << u"Unknown action"_s;
        QTest::newRow("missing text") << QStringList { u"answer-conversation"_s, u"C-pending"_s } << 2
                                      << u"needs a text"_s;
        QTest::newRow("no id") << QStringList { u"retry-task"_s } << 2 << u"Usage"_s;
    }

    void doCommandExitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, output);
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds, false));
        m_actions.reset();
        m_db.reset();
        const test::Dump before = test::dumpAll(m_path);
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runDoCommand(m_path, args, m_journal, out, err), exitCode);
        out.flush();
        err.flush();
        QVERIFY2(QString(outText + errText).contains(output), qPrintable(outText + errText));
        if (exitCode != 0)
            QCOMPARE(test::dumpAll(m_path), before);
        else
            QVERIFY(outText.startsWith(u"Applied: "));
    }

    void doCommandUndo()
    {
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds, false));
        closeAll();
        const test::Dump before = test::dumpAll(m_path);
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runDoCommand(m_path, { u"undo"_s, u"last"_s }, m_journal, out, err), 3); // nothing to undo
        QCOMPARE(runDoCommand(m_path, { u"dismiss-agent"_s, u"A-idle"_s }, m_journal, out, err), 0);
        QCOMPARE(runDoCommand(m_path, { u"undo"_s, u"sideways"_s }, m_journal, out, err), 2);
        QCOMPARE(runDoCommand(m_path, { u"undo"_s, u"last"_s }, m_journal, out, err), 0);
        out.flush();
        QVERIFY2(outText.contains(u"Applied: Undo Dismiss agent"), qPrintable(outText));
        QCOMPARE(test::dumpAll(m_path), before);
    }

    void doCommandUndoOfADeleteWhoseParentIsGone()
    {
        // The comment's phase is deleted meanwhile: re-inserting the comment is not valid in the
        // file's state now (exit 3), not a broken file (2).
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds, false));
        closeAll();
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runDoCommand(m_path, { u"delete-comment"_s, u"RC-resolved"_s }, m_journal, out, err), 0);
        const QString raw = test::openRaw(m_path);
        QVERIFY(test::exec(raw, u"DELETE FROM review_comments WHERE phase_id = 'P1'"_s));
        QVERIFY(test::exec(raw, u"DELETE FROM phases WHERE id = 'P1'"_s));
        test::closeRaw(raw);
        const test::Dump before = test::dumpAll(m_path);
        QCOMPARE(runDoCommand(m_path, { u"undo"_s, u"last"_s }, m_journal, out, err), 3);
        err.flush();
        QVERIFY2(errText.contains(u"no longer exists"_s), qPrintable(errText));
        QCOMPARE(test::dumpAll(m_path), before);
    }

    void doCommandOnAnExclusivelyLockedFileIsBusy()
    {
        // A rollback-journal file held with an EXCLUSIVE lock: "database busy", exit 4.
        if (QStandardPaths::findExecutable(u"sqlite3"_s).isEmpty())
            QSKIP("sqlite3 shell not installed");
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds, false));
        closeAll();
        QProcess holder;
        holder.start(u"sqlite3"_s, { m_path });
        QVERIFY(holder.waitForStarted());
        holder.write(
            "PRAGMA journal_mode=DELETE;\nPRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT 'locked';\n");
        QByteArray output;
        QTRY_VERIFY((output += holder.readAllStandardOutput()).contains("locked"));
        const QByteArray digest = test::fileDigest(m_path);
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runDoCommand(m_path, { u"retry-task"_s, u"T-blocked"_s }, m_journal, out, err, 200), 4);
        holder.write("ROLLBACK;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(5000));
        QCOMPARE(test::fileDigest(m_path), digest);
    }

    void doCommandRefusesADamagedFile()
    {
        // Log pages wrecked: the file still opens, but nothing is written into it (exit 2).
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds, false));
        closeAll();
        const QString raw = test::openRaw(m_path);
        for (int i = 0; i < 40; ++i)
            test::insertRow(raw, u"agent_log_chunks"_s,
                { { u"agentId"_s, u"A-idle"_s }, { u"agentName"_s, u"idle"_s }, { u"sessionNumber"_s, 1 },
                    { u"content"_s, QString(900, u'x') }, { u"createdAt"_s, 1700000000 + i } });
        int root = 0;
        int pageSize = 0;
        {
            QSqlQuery q(QSqlDatabase::database(raw));
            // A leaf in the middle of the log table: read by nothing but a full scan.
            QVERIFY2(q.exec(u"SELECT pageno FROM dbstat WHERE name = 'agent_log_chunks' AND pagetype = 'leaf' "
                            u"ORDER BY pageno"_s),
                qPrintable(q.lastError().text()));
            QList<int> leaves;
            while (q.next())
                leaves.append(q.value(0).toInt());
            QVERIFY(leaves.size() >= 3);
            root = leaves.at(leaves.size() / 2);
            QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
            pageSize = q.value(0).toInt();
        }
        test::closeRaw(raw);
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(qint64(root - 1) * pageSize + 8));
        file.write(QByteArray(pageSize - 8, '\x5A'));
        file.close();
        const QByteArray digest = test::fileDigest(m_path);
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runDoCommand(m_path, { u"retry-task"_s, u"T-blocked"_s }, m_journal, out, err), 2);
        err.flush();
        QVERIFY2(errText.contains(u"damaged"_s), qPrintable(errText));
        QCOMPARE(test::fileDigest(m_path), digest);
    }

    void doCommandBadFile()
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runDoCommand(m_dir.filePath(u"missing.db"_s), { u"retry-task"_s, u"x"_s }, m_journal, out, err), 2);
        QFile text(m_dir.filePath(u"notes.txt"_s));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("just some text, not a database at all, but long enough to have a header............");
        text.close();
        QCOMPARE(runDoCommand(text.fileName(), { u"retry-task"_s, u"x"_s }, m_journal, out, err), 2);
    }
};

QTEST_GUILESS_MAIN(TestWriteSafety)
#include "tst_writesafety.moc"
