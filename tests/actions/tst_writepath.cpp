// Every manual action on a real fixture file changes exactly the fields it states and nothing else
// in the file, writes timestamps in the unit the column holds (seconds, ms, ISO text; snake_case
// and camelCase files), and undo restores the exact values.

#include "writetestbase.h"

#include "fixtures.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cwi;

class TestWritePath : public test::WriteTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { newJournal(); }
    void cleanup() { closeAll(); }

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
                const QString &field = it.key();
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

    void anOddRowValueDoesNotChangeTheColumnsUnit_data()
    {
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("odd");
        QTest::newRow("ms in a seconds column") << int(TimestampUnit::Seconds) << u"1700000000000"_s;
        QTest::newRow("ISO text in a seconds column") << int(TimestampUnit::Seconds) << u"'2023-11-14T22:13:20.000Z'"_s;
        QTest::newRow("seconds in a ms column") << int(TimestampUnit::Milliseconds) << u"1700000000"_s;
        QTest::newRow("ISO text in a ms column") << int(TimestampUnit::Milliseconds) << u"'2023-11-14 22:13:20'"_s;
        QTest::newRow("seconds in an ISO column") << int(TimestampUnit::IsoText) << u"1700000000"_s;
    }
    void anOddRowValueDoesNotChangeTheColumnsUnit()
    {
        QFETCH(int, unit);
        QFETCH(QString, odd);
        const TimestampUnit timeUnit = TimestampUnit(unit);
        QVERIFY(open(NameStyle::SnakeCase, timeUnit));
        const QString raw = test::openRaw(m_path);
        QVERIFY(test::exec(raw, u"UPDATE tasks SET updated_at = %1 WHERE id = 'T-blocked'"_s.arg(odd)));
        test::closeRaw(raw);
        const ActionPlan plan = m_actions->plan(u"retry-task"_s, { u"T-blocked"_s }, {});
        QVERIFY2(plan.isValid(), qPrintable(plan.notValid));
        const QDateTime from = QDateTime::currentDateTimeUtc();
        QCOMPARE(writeOutcomeName(m_actions->apply(plan).outcome), writeOutcomeName(WriteOutcome::Applied));
        const QDateTime to = QDateTime::currentDateTimeUtc();
        const QString written = test::dumpAll(m_path).value(u"tasks/T-blocked"_s).value(u"updated_at"_s);
        QVERIFY2(isNow(written, timeUnit, from, to), qPrintable(written));
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
};

QTEST_GUILESS_MAIN(TestWritePath)
#include "tst_writepath.moc"
