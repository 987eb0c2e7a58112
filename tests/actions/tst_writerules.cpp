// When an action applies and when it does not: validity per row state (tooltips), bad arguments,
// a row changed by someone else between reading and writing, several rows all or nothing, undo
// refused when the row moved on, foreign keys enforced.

#include "writetestbase.h"

#include "fixtures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cwi;

class TestWriteRules : public test::WriteTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { newJournal(); }
    void cleanup() { closeAll(); }

    void stateRules_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("reason"); // empty: valid; else a word the tooltip must contain
        QTest::newRow("retry blocked") << u"retry-task"_s << u"T-blocked"_s << QString();
        QTest::newRow("retry crashed agent") << u"retry-task"_s << u"T-crashed"_s << QString();
        QTest::newRow("retry gone agent") << u"retry-task"_s << u"T-gone"_s << QString();
        QTest::newRow("retry running agent") << u"retry-task"_s << u"T-running"_s << u"running"_s;
        QTest::newRow("retry completed") << u"retry-task"_s << u"T-done"_s << u"completed"_s;
        QTest::newRow("retry unknown") << u"retry-task"_s << u"nope"_s << u"No tasks row"_s;
        QTest::newRow("set status") << u"set-task-status"_s << u"T-done"_s << QString();
        QTest::newRow("answer answered") << u"answer-conversation"_s << u"C-answered"_s << u"answered"_s;
        QTest::newRow("answer pending") << u"answer-conversation"_s << u"C-pending"_s << QString();
        QTest::newRow("respond no response") << u"respond-message"_s << u"M-info"_s << u"does not ask"_s;
        QTest::newRow("respond to agent's") << u"respond-message"_s << u"M-agent"_s << u"agent"_s;
        QTest::newRow("dismiss running") << u"dismiss-agent"_s << u"A-running"_s << u"running"_s;
        QTest::newRow("dismiss dismissed") << u"dismiss-agent"_s << u"A-dismissed"_s << u"already"_s;
        QTest::newRow("undismiss idle") << u"undismiss-agent"_s << u"A-idle"_s << u"not dismissed"_s;
        QTest::newRow("clear fine") << u"clear-exhaustion"_s << u"AC-fine"_s << u"not exhausted"_s;
        QTest::newRow("abandon merged") << u"abandon-errand"_s << u"E-merged"_s << u"merged"_s;
        QTest::newRow("dismiss accepted") << u"dismiss-proposal"_s << u"PR-accepted"_s << u"accepted"_s;
        QTest::newRow("resolve resolved") << u"resolve-comment"_s << u"RC-resolved"_s << u"already"_s;
        QTest::newRow("edit comment") << u"edit-comment"_s << u"RC-open"_s << QString();
        QTest::newRow("add comment on phase") << u"create-comment"_s << u"P1"_s << QString();
    }

    void stateRules()
    {
        QFETCH(QString, action);
        QFETCH(QString, id);
        QFETCH(QString, reason);
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds));
        const test::Dump before = test::dumpAll(m_path);
        const QString why = m_actions->whyNot(action, id);
        if (reason.isEmpty())
            QVERIFY2(why.isEmpty(), qPrintable(why));
        else
            QVERIFY2(why.contains(reason), qPrintable(why));
        if (!reason.isEmpty()) { // and applying it anyway writes nothing
            const WriteResult result = m_actions->apply(m_actions->plan(action, { id }, { u"text"_s }));
            QCOMPARE(result.outcome, WriteOutcome::NotValid);
        }
        QCOMPARE(test::dumpAll(m_path), before);
    }

    void badArgumentsWriteNothing_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("empty answer") << u"answer-conversation"_s << QStringList { u"C-pending"_s, u"  "_s };
        QTest::newRow("no answer") << u"answer-conversation"_s << QStringList { u"C-pending"_s };
        QTest::newRow("bad status") << u"set-task-status"_s << QStringList { u"T-done"_s, u"exploded"_s };
        QTest::newRow("same body") << u"edit-comment"_s << QStringList { u"RC-open"_s, u"Why here?"_s };
        QTest::newRow("bad line type") << u"create-comment"_s
                                       << QStringList { u"P1"_s, u"a.ts"_s, u"3"_s, u"sideways"_s, u"x"_s };
        QTest::newRow("line zero") << u"create-comment"_s
                                   << QStringList { u"P1"_s, u"a.ts"_s, u"0"_s, u"added"_s, u"x"_s };
        QTest::newRow("line not a number")
            << u"create-comment"_s << QStringList { u"P1"_s, u"a.ts"_s, u"ten"_s, u"added"_s, u"x"_s };
        QTest::newRow("unknown phase") << u"create-comment"_s
                                       << QStringList { u"P9"_s, u"a.ts"_s, u"3"_s, u"added"_s, u"x"_s };
        QTest::newRow("unknown action") << u"explode-task"_s << QStringList { u"T-done"_s };
        QTest::newRow("no id") << u"retry-task"_s << QStringList {};
    }

    void badArgumentsWriteNothing()
    {
        QFETCH(QString, action);
        QFETCH(QStringList, args);
        QVERIFY(open(NameStyle::CamelCase, TimestampUnit::Seconds));
        const test::Dump before = test::dumpAll(m_path);
        const ActionPlan plan = m_actions->plan(action, args.mid(0, 1), args.mid(1));
        QVERIFY(!plan.isValid());
        QVERIFY(plan.badArguments);
        QVERIFY(!plan.notValid.isEmpty());
        QCOMPARE(m_actions->apply(plan).outcome, WriteOutcome::NotValid);
        QCOMPARE(test::dumpAll(m_path), before);
        QVERIFY(m_actions->history().isEmpty());
    }

    void staleRowIsNotOverwritten_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("sql"); // what "the server" does between plan and apply
        QTest::newRow("status changed") << u"tasks"_s << u"T-blocked"_s << u"retry-task"_s
                                        << u"UPDATE tasks SET status = 'in_progress' WHERE id = 'T-blocked'"_s;
        QTest::newRow("only updatedAt") << u"tasks"_s << u"T-blocked"_s << u"retry-task"_s
                                        << u"UPDATE tasks SET updated_at = updated_at + 1 WHERE id = 'T-blocked'"_s;
        QTest::newRow("agent restarted") << u"tasks"_s << u"T-crashed"_s << u"retry-task"_s
                                         << u"UPDATE agents SET status = 'running' WHERE id = 'A-crashed'"_s;
        QTest::newRow("agent appeared")
            << u"tasks"_s << u"T-gone"_s << u"retry-task"_s
            << u"INSERT INTO agents (id, name, worktree_id, status, task_id, created_at, updated_at) "
               u"VALUES ('A-new', 'new', '/wt', 'running', 'T-gone', 1, 1)"_s;
        QTest::newRow("comment deleted") << u"review_comments"_s << u"RC-open"_s << u"resolve-comment"_s
                                         << u"DELETE FROM review_comments WHERE id = 'RC-open'"_s;
        QTest::newRow("answered meanwhile")
            << u"conversations"_s << u"C-pending"_s << u"answer-conversation"_s
            << u"UPDATE conversations SET status = 'answered', answer = 'v3' WHERE id = 'C-pending'"_s;
    }

    void staleRowIsNotOverwritten()
    {
        QFETCH(QString, table);
        QFETCH(QString, id);
        QFETCH(QString, action);
        QFETCH(QString, sql);
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds));
        const ActionPlan plan = m_actions->plan(action, { id }, { u"an answer"_s });
        QVERIFY2(plan.isValid(), qPrintable(plan.notValid));
        QCOMPARE(plan.primaryTable(), table);
        QCOMPARE(plan.primaryId(), id);
        const QString other = test::openRaw(m_path); // another connection writes meanwhile
        QVERIFY(test::exec(other, sql));
        test::closeRaw(other);
        const test::Dump meanwhile = test::dumpAll(m_path);

        const WriteResult result = m_actions->apply(plan);
        QCOMPARE(result.outcome, WriteOutcome::ChangedMeanwhile);
        QVERIFY2(result.message.contains(u"Changed meanwhile"), qPrintable(result.message));
        QVERIFY(result.message.contains(u"nothing was written"));
        if (action == u"retry-task" && id == u"T-blocked" && sql.contains(u"status"))
            QCOMPARE(result.current.value(u"status"_s).toString(), u"in_progress"_s);
        QCOMPARE(test::dumpAll(m_path), meanwhile);
        const QVector<JournalEntry> history = m_actions->history();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().outcome, WriteOutcome::ChangedMeanwhile);
        QVERIFY(!history.first().pending);
        QVERIFY(!m_actions->canUndo());
    }

    void undoRefusesWhenRowChangedSince()
    {
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Milliseconds));
        QVERIFY(m_actions->apply(m_actions->planRetryTasks({ u"T-blocked"_s })).applied());
        const QString other = test::openRaw(m_path); // the server picks the task up
        QVERIFY(test::exec(other, u"UPDATE tasks SET status = 'in_progress' WHERE id = 'T-blocked'"_s));
        test::closeRaw(other);
        const test::Dump meanwhile = test::dumpAll(m_path);
        const WriteResult undo = m_actions->undoLast();
        QCOMPARE(undo.outcome, WriteOutcome::ChangedMeanwhile);
        QCOMPARE(test::dumpAll(m_path), meanwhile);
        QVERIFY(m_actions->canUndo()); // still offered: nothing was undone
    }

    void retrySeveralTasksAtOnce()
    {
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds));
        const ActionPlan plan = m_actions->planRetryTasks({ u"T-blocked"_s, u"T-running"_s, u"T-gone"_s });
        QVERIFY(plan.isValid());
        QCOMPARE(plan.title, u"Retry 2 tasks"_s);
        QVERIFY(plan.warning.contains(u"1 selected task"));
        QVERIFY(m_actions->apply(plan).applied());
        const test::Dump after = test::dumpAll(m_path);
        QCOMPARE(after.value(u"tasks/T-blocked"_s).value(u"status"_s), u"text:pending"_s);
        QCOMPARE(after.value(u"tasks/T-gone"_s).value(u"status"_s), u"text:pending"_s);
        QCOMPARE(after.value(u"tasks/T-running"_s).value(u"status"_s), u"text:in_progress"_s);
    }

    void severalRowsAreAllOrNothing()
    {
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds));
        const ActionPlan plan = m_actions->planRetryTasks({ u"T-blocked"_s, u"T-gone"_s });
        const QString other = test::openRaw(m_path);
        QVERIFY(test::exec(other, u"UPDATE tasks SET status = 'completed' WHERE id = 'T-gone'"_s));
        test::closeRaw(other);
        const test::Dump meanwhile = test::dumpAll(m_path);
        QCOMPARE(m_actions->apply(plan).outcome, WriteOutcome::ChangedMeanwhile);
        QCOMPARE(test::dumpAll(m_path), meanwhile); // T-blocked was not retried either
    }

    void foreignKeysAreEnforced()
    {
        // The phase is deleted (by "the server") after the comment was planned: the insert would
        // point at nothing. The write connection has foreign_keys = ON, so nothing is written.
        QVERIFY(open(NameStyle::SnakeCase, TimestampUnit::Seconds));
        NewReviewComment comment;
        comment.phaseId = u"P1"_s;
        comment.filePath = u"src/a.ts"_s;
        comment.lineNumber = 3;
        comment.lineType = u"context"_s;
        comment.body = u"Still needed?"_s;
        const ActionPlan plan = m_actions->planCreateComment(comment);
        QVERIFY(plan.isValid());
        const QString other = test::openRaw(m_path); // cascades to tasks, comments, ...
        QVERIFY(test::exec(other, u"DELETE FROM phases WHERE id = 'P1'"_s));
        test::closeRaw(other);
        const test::Dump meanwhile = test::dumpAll(m_path);
        const WriteResult result = m_actions->apply(plan);
        // Not valid in the file's state now (--do exits 3), like a row changed meanwhile.
        QCOMPARE(result.outcome, WriteOutcome::NotValid);
        QVERIFY2(result.message.contains(u"nothing was written"), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"no longer exists"), qPrintable(result.message));
        QCOMPARE(test::dumpAll(m_path), meanwhile);
        QCOMPARE(m_actions->history().first().outcome, WriteOutcome::NotValid);
        QVERIFY(!m_actions->history().first().pending);
    }
};

QTEST_GUILESS_MAIN(TestWriteRules)
#include "tst_writerules.moc"
