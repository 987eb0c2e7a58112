// The write path of manual actions on a real fixture file: each action changes exactly the fields it
// states and nothing else in the file, timestamps are written in the unit the column holds, undo
// restores the exact values, a stale row is never overwritten, read-only means nothing is written.

#include "actionfixture.h"
#include "catalog.h"
#include "database.h"
#include "fixtures.h"
#include "writes/actions.h"
#include "writes/docommand.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace cwi;

namespace {

QMap<QString, QString> parseFields(const QString &text)
{
    QMap<QString, QString> fields;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        fields.insert(part.left(eq), part.mid(eq + 1));
    }
    return fields;
}

// Dump row with logical field names.
QMap<QString, QString> logical(const QMap<QString, QString> &row)
{
    QMap<QString, QString> out;
    for (auto it = row.cbegin(); it != row.cend(); ++it)
        out.insert(Catalog::toCamelCase(it.key()), it.value());
    return out;
}

} // namespace

class TestWritePath : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir { test::tempDirTemplate() };
    QString m_path;
    QString m_journal;
    std::shared_ptr<Database> m_db;
    std::unique_ptr<Actions> m_actions;

    bool open(NameStyle style, TimestampUnit unit, bool writable = true)
    {
        m_path = m_dir.filePath(u"cw-"_s + QString::number(QRandomGenerator::global()->generate()) + u".db");
        if (!test::seedActionFixture(m_path, style, unit))
            return false;
        Database::OpenResult opened = Database::open(m_path);
        if (!opened.database)
            return false;
        m_db = opened.database;
        QString error;
        if (writable && !m_db->enableWriting(&error))
            return false;
        m_actions = std::make_unique<Actions>(m_db, m_journal);
        return m_actions->journalError().isEmpty();
    }

    // VALUE (typed dump text) is "now" in UNIT, between FROM and TO.
    static bool isNow(const QString &value, TimestampUnit unit, const QDateTime &from, const QDateTime &to)
    {
        if (unit == TimestampUnit::IsoText) {
            if (!value.startsWith(u"text:") || !value.endsWith(u'Z') || value.size() != 5 + 24)
                return false;
            const QDateTime at = QDateTime::fromString(value.mid(5), Qt::ISODateWithMs);
            return at.isValid() && at >= from.addMSecs(-1000) && at <= to.addMSecs(1000);
        }
        if (!value.startsWith(u"int:"))
            return false;
        const qint64 n = value.mid(4).toLongLong();
        if (unit == TimestampUnit::Milliseconds)
            return n >= from.toMSecsSinceEpoch() && n <= to.toMSecsSinceEpoch();
        return n >= from.toSecsSinceEpoch() && n <= to.toSecsSinceEpoch();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init() { m_journal = m_dir.filePath(u"journal-"_s + QString::number(QRandomGenerator::global()->generate())); }

    void cleanup()
    {
        m_actions.reset();
        m_db.reset();
    }

    void everyActionChangesExactlyItsFields_data()
    {
        QTest::addColumn<int>("style");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("changes"); // field=typed;... on row table/id ("-" = row deleted)
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("inserted"); // fields of one new row of `table`, empty if none

        const QString now = u"<now>"_s;
        struct Case
        {
            const char *action;
            const char *table;
            const char *id;
            QStringList args;
            QString changes;
            QString inserted = {};
        };
        const QVector<Case> cases {
            { "retry-task", "tasks", "T-blocked", {}, u"status=text:pending;retryCount=int:0;updatedAt="_s + now },
            { "retry-task", "tasks", "T-crashed", {}, u"status=text:pending;retryCount=int:0;updatedAt="_s + now },
            { "retry-task", "tasks", "T-stopped", {}, u"status=text:pending;retryCount=int:0;updatedAt="_s + now },
            { "retry-task", "tasks", "T-gone", {}, u"status=text:pending;retryCount=int:0;updatedAt="_s + now },
            { "set-task-status", "tasks", "T-done", { u"blocked"_s }, u"status=text:blocked;updatedAt="_s + now },
            { "set-phase-status", "phases", "P1", { u"completed"_s }, u"status=text:completed;updatedAt="_s + now },
            { "resolve-comment", "review_comments", "RC-open", {}, u"resolved=int:1;updatedAt="_s + now },
            { "unresolve-comment", "review_comments", "RC-resolved", {}, u"resolved=int:0;updatedAt="_s + now },
            { "edit-comment", "review_comments", "RC-open", { u"Rename it"_s },
                u"body=text:Rename it;updatedAt="_s + now },
            { "delete-comment", "review_comments", "RC-open", {}, u"-"_s },
            { "create-comment", "review_comments", "P1", { u"src/a b.ts"_s, u"12"_s, u"removed"_s, u"Gone?"_s }, {},
                u"phaseId=text:P1;filePath=text:src/a b.ts;lineNumber=int:12;lineType=text:removed;body=text:Gone?;"
                u"author=text:you;resolved=int:0;createdAt="_s
                    + now + u";updatedAt=" + now },
            { "answer-conversation", "conversations", "C-pending", { u"Use v2"_s },
                u"answer=text:Use v2;status=text:answered;updatedAt="_s + now },
            { "respond-message", "messages", "M-req", { u"Yes, go ahead"_s },
                u"status=text:responded;updatedAt="_s + now,
                u"senderType=text:user;senderId=null;recipientType=text:agent;recipientId=text:A-running;"
                u"type=text:response;content=text:Yes, go ahead;requiresResponse=int:0;status=text:pending;"
                u"parentMessageId=text:M-req;createdAt="_s
                    + now + u";updatedAt=" + now },
            { "mark-message-read", "messages", "M-info", {}, u"status=text:read;updatedAt="_s + now },
            { "dismiss-proposal", "proposals", "PR-pending", {}, u"status=text:dismissed;updatedAt="_s + now },
            { "dismiss-agent", "agents", "A-idle", {}, u"userDismissedAt="_s + now + u";updatedAt=" + now },
            { "undismiss-agent", "agents", "A-dismissed", {}, u"userDismissedAt=null;updatedAt="_s + now },
            { "clear-exhaustion", "accounts", "AC-ex", {},
                u"isExhausted=int:0;exhaustedUntil=null;updatedAt="_s + now },
            { "abandon-errand", "errands", "E-active", {}, u"status=text:abandoned;updatedAt="_s + now },
        };
        const QVector<std::pair<NameStyle, const char *>> styles { { NameStyle::SnakeCase, "snake" },
            { NameStyle::CamelCase, "camel" } };
        const QVector<std::pair<TimestampUnit, const char *>> units { { TimestampUnit::Seconds, "s" },
            { TimestampUnit::Milliseconds, "ms" } };
        for (const auto &[style, styleName] : styles) {
            for (const auto &[unit, unitName] : units) {
                for (const Case &c : cases) {
                    QTest::addRow("%s %s %s %s", c.action, c.id, styleName, unitName)
                        << int(style) << int(unit) << QString::fromLatin1(c.action) << QString::fromLatin1(c.id)
                        << c.args << c.changes << QString::fromLatin1(c.table) << c.inserted;
                }
            }
        }
        // ISO-text timestamps are written back as ISO text.
        for (const Case &c : { cases.at(0), cases.at(10), cases.at(15) }) {
            QTest::addRow("%s %s snake iso", c.action, c.id)
                << int(NameStyle::SnakeCase) << int(TimestampUnit::IsoText) << QString::fromLatin1(c.action)
                << QString::fromLatin1(c.id) << c.args << c.changes << QString::fromLatin1(c.table) << c.inserted;
        }
    }

    void everyActionChangesExactlyItsFields()
    {
        QFETCH(int, style);
        QFETCH(int, unit);
        QFETCH(QString, action);
        QFETCH(QString, id);
        QFETCH(QStringList, args);
        QFETCH(QString, changes);
        QFETCH(QString, table);
        QFETCH(QString, inserted);
        const TimestampUnit timeUnit = TimestampUnit(unit);
        QVERIFY(open(NameStyle(style), timeUnit));

        const test::Dump before = test::dumpAll(m_path);
        const ActionPlan plan = m_actions->plan(action, { id }, args);
        QVERIFY2(plan.isValid(), qPrintable(plan.notValid));
        QSignalSpy finished(m_actions.get(), &Actions::finished);
        const QDateTime from = QDateTime::currentDateTimeUtc();
        const WriteResult result = m_actions->apply(plan);
        const QDateTime to = QDateTime::currentDateTimeUtc();
        QCOMPARE(writeOutcomeName(result.outcome), writeOutcomeName(WriteOutcome::Applied));
        QCOMPARE(finished.size(), 1);
        QVERIFY(result.journalId > 0);
        QVERIFY(result.lockHeldUs >= 0);

        test::Dump after = test::dumpAll(m_path);
        // The row the action is about.
        const QString target = (action == u"create-comment" ? u"phases"_s : table) + u'/' + id;
        const auto expected = parseFields(changes);
        if (changes == u"-") {
            QVERIFY(!after.contains(target));
        } else if (!changes.isEmpty()) {
            const auto was = logical(before.value(target));
            const auto now = logical(after.value(target));
            QCOMPARE(now.keys(), was.keys());
            for (auto it = was.cbegin(); it != was.cend(); ++it) {
                const QString field = it.key();
                if (!expected.contains(field))
                    QVERIFY2(now.value(field) == it.value(), qPrintable(field + u" changed: " + now.value(field)));
                else if (expected.value(field) == u"<now>")
                    QVERIFY2(isNow(now.value(field), timeUnit, from, to), qPrintable(field + u": " + now.value(field)));
                else
                    QCOMPARE(now.value(field), expected.value(field));
            }
            for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                QVERIFY2(was.contains(it.key()), qPrintable(it.key()));
        }
        after.remove(target);
        // At most the one new row, with exactly the stated values.
        if (!inserted.isEmpty()) {
            QStringList added;
            for (auto it = after.cbegin(); it != after.cend(); ++it) {
                if (!before.contains(it.key()))
                    added.append(it.key());
            }
            QCOMPARE(added.size(), 1);
            QVERIFY(added.first().startsWith(table + u'/'));
            QCOMPARE(added.first().size(), table.size() + 1 + 21); // a nanoid
            const auto row = logical(after.take(added.first()));
            const auto want = parseFields(inserted);
            for (auto it = row.cbegin(); it != row.cend(); ++it) {
                if (it.key() == u"id")
                    continue;
                QVERIFY2(want.contains(it.key()), qPrintable(u"unexpected field "_s + it.key() + u' ' + it.value()));
                if (want.value(it.key()) == u"<now>")
                    QVERIFY2(isNow(it.value(), timeUnit, from, to), qPrintable(it.key() + u": " + it.value()));
                else
                    QCOMPARE(it.value(), want.value(it.key()));
            }
        }
        test::Dump rest = before;
        rest.remove(target);
        QCOMPARE(after, rest); // nothing else in the file changed

        // Undo restores every value exactly (type and bytes), and removes what was added.
        QVERIFY(m_actions->canUndo());
        QVERIFY(m_actions->undoTitle().contains(plan.title));
        const WriteResult undone = m_actions->undoLast();
        QVERIFY2(undone.applied(), qPrintable(undone.message));
        test::Dump restored = test::dumpAll(m_path);
        if (changes == u"-") { // the deleted row is back with a new rowid; compare by id
            QVERIFY(restored.contains(target));
        }
        QCOMPARE(restored, before);
        QVERIFY(!m_actions->canUndo());
    }

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

    void undoStepsBackThroughHistory()
    {
        QVERIFY(open(NameStyle::CamelCase, TimestampUnit::Seconds));
        const test::Dump start = test::dumpAll(m_path);
        QVERIFY(m_actions->apply(m_actions->planResolveComments({ u"RC-open"_s })).applied());
        QVERIFY(m_actions->apply(m_actions->planDismissAgent(u"A-idle"_s)).applied());
        QVERIFY(m_actions->apply(m_actions->planAnswerConversation(u"C-pending"_s, u"Yes"_s)).applied());
        QVERIFY(m_actions->undoTitle().startsWith(u"Undo Answer"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_actions->undoLast().applied());
        QCOMPARE(test::dumpAll(m_path), start);
        QCOMPARE(m_actions->undoLast().outcome, WriteOutcome::NotValid);
        const QVector<JournalEntry> history = m_actions->history();
        QCOMPARE(history.size(), 6);
        QCOMPARE(history.first().action, u"undo"_s); // newest first
        QCOMPARE(history.first().undoOf, history.last().id);
        QVERIFY(history.last().undone);
        QCOMPARE(history.last().rows.size(), 1);
        QCOMPARE(history.last().rows.first().changes.first().field, u"resolved"_s);
        QCOMPARE(history.last().rows.first().changes.first().before, QVariant(qint64(0)));
        QCOMPARE(history.last().rows.first().changes.first().after, QVariant(qint64(1)));
        QCOMPARE(m_actions->undo(history.first().id).outcome, WriteOutcome::NotValid); // an undo is not undone
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
        // point at nothing. The write connection has foreign_keys = ON, so it fails whole.
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
        QCOMPARE(result.outcome, WriteOutcome::Failed);
        QVERIFY2(result.message.contains(u"nothing was written"), qPrintable(result.message));
        QCOMPARE(test::dumpAll(m_path), meanwhile);
        QCOMPARE(m_actions->history().first().outcome, WriteOutcome::Failed);
        QVERIFY(!m_actions->history().first().pending);
    }

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
        QVERIFY(Actions::cannotWriteReason(m_path).contains(u"read-only"));
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

QTEST_GUILESS_MAIN(TestWritePath)
#include "tst_writepath.moc"
