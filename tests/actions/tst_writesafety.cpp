// Nothing is written without permission: read-only mode (the connection itself refuses), a
// read-only file stays byte-identical, the journal lives in its own file, the command line's exit
// codes.

#include "writetestbase.h"

#include "fixtures.h"
#include "writeaccess.h"
#include "writes/docommand.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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
        for (const ActionInfo &info : Actions::catalogue()) {
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
            for (const ActionInfo &info : Actions::catalogue()) {
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
        QCOMPARE(again.history().first().title, u"Dismiss proposal “Split task”"_s);
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
