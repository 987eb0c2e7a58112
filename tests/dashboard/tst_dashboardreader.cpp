// readDashboard on fixture files in both spellings: counts by status, agents that need a look
// (with their questions), pending conversations, exhausted accounts, review comments per phase,
// errands and messages waiting for a human. And the pendingQuestions parser on odd JSON.

#include "../tasktree/workfixture.h"
#include "dashboardreader.h"
#include "database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

// A fixed clock: 2026-11-27 12:00 UTC.
const QDateTime Now = QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);

qint64 countOf(const QVector<StatusCount> &counts, const QString &status)
{
    for (const StatusCount &c : counts) {
        if (c.status == status)
            return c.count;
    }
    return -1;
}

bool addDashboardRows(const QString &path)
{
    const QString c = test::openRaw(path);
    bool ok = true;
    auto add = [&](const QString &table, std::initializer_list<std::pair<QString, QVariant>> values) {
        ok = ok && !test::insertRow(c, table, test::row(values)).isEmpty();
    };
    const qint64 now = Now.toSecsSinceEpoch();
    add(u"agents"_s,
        { { u"id"_s, u"A2"_s }, { u"name"_s, u"shy-lynx"_s }, { u"worktreeId"_s, u"/w"_s },
            { u"status"_s, u"waiting_for_input"_s }, { u"taskId"_s, u"T3"_s },
            { u"pendingQuestions"_s, u"{\"questions\":[{\"id\":\"q1\",\"question\":\"Which hash?\"}]}"_s } });
    add(u"agents"_s,
        { { u"id"_s, u"A3"_s }, { u"name"_s, u"odd-mole"_s }, { u"worktreeId"_s, u"/w"_s },
            { u"status"_s, u"waiting_for_input"_s }, { u"pendingQuestions"_s, u"not json"_s } });
    add(u"agents"_s,
        { { u"id"_s, u"A4"_s }, { u"name"_s, u"red-fox"_s }, { u"worktreeId"_s, u"/w"_s },
            { u"status"_s, u"crashed"_s }, { u"updatedAt"_s, now - qint64(2) * 3600 } });
    // Crashed three days ago, in milliseconds: not "in the last day".
    add(u"agents"_s,
        { { u"id"_s, u"A5"_s }, { u"name"_s, u"old-owl"_s }, { u"worktreeId"_s, u"/w"_s },
            { u"status"_s, u"crashed"_s }, { u"updatedAt"_s, (now - qint64(3) * 86400) * 1000 } });
    add(u"conversations"_s,
        { { u"fromAgentId"_s, u"A1"_s }, { u"toAgentId"_s, u"A2"_s }, { u"question"_s, u"Is the schema final?"_s },
            { u"status"_s, u"pending"_s } });
    add(u"conversations"_s,
        { { u"fromAgentId"_s, u"A2"_s }, { u"toAgentId"_s, u"A1"_s }, { u"question"_s, u"Done?"_s },
            { u"answer"_s, u"yes"_s }, { u"status"_s, u"answered"_s } });
    add(u"accounts"_s,
        { { u"id"_s, u"AC1"_s }, { u"email"_s, u"dev@example.com"_s }, { u"isExhausted"_s, 1 },
            { u"exhaustedUntil"_s, now + 3600 } });
    add(u"accounts"_s, { { u"id"_s, u"AC2"_s }, { u"email"_s, u"ops@example.com"_s }, { u"isExhausted"_s, 0 } });
    add(u"projects"_s, { { u"id"_s, u"PR"_s }, { u"name"_s, u"web"_s }, { u"url"_s, u"git@x:web.git"_s } });
    for (const auto &[id, status] : { std::pair { u"E1"_s, u"pending_review"_s }, std::pair { u"E2"_s, u"conflict"_s },
             std::pair { u"E3"_s, u"merged"_s } })
        add(u"errands"_s,
            { { u"id"_s, id }, { u"description"_s, QString(u"Fix "_s + id) }, { u"branch"_s, QString(u"cw/"_s + id) },
                { u"projectId"_s, u"PR"_s }, { u"status"_s, status } });
    add(u"messages"_s,
        { { u"senderType"_s, u"agent"_s }, { u"recipientType"_s, u"user"_s }, { u"content"_s, u"ok?"_s },
            { u"requiresResponse"_s, 1 }, { u"status"_s, u"pending"_s } });
    add(u"messages"_s,
        { { u"senderType"_s, u"agent"_s }, { u"recipientType"_s, u"user"_s }, { u"content"_s, u"done"_s },
            { u"requiresResponse"_s, 1 }, { u"status"_s, u"responded"_s } });
    add(u"messages"_s,
        { { u"senderType"_s, u"agent"_s }, { u"recipientType"_s, u"user"_s }, { u"content"_s, u"fyi"_s },
            { u"requiresResponse"_s, 0 } });
    test::closeRaw(c);
    return ok;
}

} // namespace

class TestDashboardReader : public QObject
{
    Q_OBJECT
private slots:
    void readsBothSpellings_data()
    {
        QTest::addColumn<NameStyle>("style");
        QTest::newRow("snake_case") << NameStyle::SnakeCase;
        QTest::newRow("camelCase") << NameStyle::CamelCase;
    }

    void readsBothSpellings()
    {
        QFETCH(NameStyle, style);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cw.db"_s);
        QVERIFY(test::buildWorkFixture(path, style));
        QVERIFY(addDashboardRows(path));
        auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));

        const DashboardSnapshot d = readDashboard(*opened.database, Now);
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QVERIFY2(d.notes.isEmpty(), qPrintable(d.notes.join(u"; ")));
        QCOMPARE(countOf(d.initiativeStatus, u"active"_s), 1);
        QCOMPARE(countOf(d.initiativeStatus, u"archived"_s), 0); // documented values always listed
        QCOMPARE(countOf(d.phaseStatus, u"in_progress"_s), 1);
        QCOMPARE(countOf(d.taskStatus, u"pending"_s), 3);
        QCOMPARE(countOf(d.taskStatus, u"completed"_s), 2);
        QCOMPARE(countOf(d.taskStatus, u"blocked"_s), 1);

        QCOMPARE(d.agentsTotal, 5);
        QCOMPARE(d.runningAgents.size(), 1);
        QCOMPARE(d.runningAgents.first().taskName, u"Write login"_s);
        QCOMPARE(d.waitingAgents.size(), 2);
        for (const DashboardAgent &a : d.waitingAgents) {
            if (a.id == u"A2")
                QCOMPARE(a.questions, QStringList { u"Which hash?"_s });
            else
                QCOMPARE(a.rawQuestions, u"not json"_s); // shown as stored, not dropped
        }
        QCOMPARE(d.crashedAgents.size(), 1);
        QCOMPARE(d.crashedAgents.first().name, u"red-fox"_s);

        QCOMPARE(d.pendingConversationCount, 1);
        QCOMPARE(d.pendingConversations.first().fromAgentName, u"calm-heron"_s);
        QCOMPARE(d.pendingConversations.first().toAgentName, u"shy-lynx"_s);
        QCOMPARE(d.accountsTotal, 2);
        QCOMPARE(d.exhaustedAccounts.size(), 1);
        QCOMPARE(d.exhaustedAccounts.first().exhaustedUntil, Now.addSecs(3600));
        QCOMPARE(d.unresolvedComments.size(), 1);
        QCOMPARE(d.unresolvedComments.first().unresolved, 2);
        QCOMPARE(d.unresolvedComments.first().phaseName, u"Build"_s);
        QCOMPARE(d.unresolvedComments.first().initiativeName, u"Auth rewrite"_s);
        QCOMPARE(d.errandsNeedingAttention.size(), 2);
        QCOMPARE(d.messagesAwaitingResponse, 1);
    }

    void missingTablesAreNotes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.db"_s);
        QVERIFY(test::buildWorkFixture(path, NameStyle::SnakeCase));
        const QString c = test::openRaw(path);
        QVERIFY(test::exec(c, u"DROP TABLE errands"_s));
        QVERIFY(test::exec(c, u"DROP TABLE conversations"_s));
        test::closeRaw(c);
        auto opened = Database::open(path, { 2000, false });
        QVERIFY2(opened.database, qPrintable(opened.message));
        const DashboardSnapshot d = readDashboard(*opened.database, Now);
        QVERIFY(d.error.isEmpty());
        QCOMPARE(countOf(d.taskStatus, u"in_progress"_s), 1);
        QVERIFY(d.errandsNeedingAttention.isEmpty());
        QVERIFY(!d.notes.filter(u"errands"_s).isEmpty());
        QVERIFY(!d.notes.filter(u"conversations"_s).isEmpty());
    }

    void pendingQuestions_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("strings") << u"[\"A?\", \"B?\"]"_s << QStringList { u"A?"_s, u"B?"_s };
        QTest::newRow("objects") << u"[{\"question\":\"A?\"},{\"text\":\"B?\"}]"_s << QStringList { u"A?"_s, u"B?"_s };
        QTest::newRow("wrapped") << u"{\"questions\":[{\"prompt\":\"A?\"}]}"_s << QStringList { u"A?"_s };
        QTest::newRow("single object") << u"{\"question\":\"A?\"}"_s << QStringList { u"A?"_s };
        QTest::newRow("invalid") << u"{oops"_s << QStringList {};
        QTest::newRow("empty") << QString() << QStringList {};
        QTest::newRow("number") << u"42"_s << QStringList {};
    }

    void pendingQuestions()
    {
        QFETCH(QString, json);
        QFETCH(QStringList, expected);
        QCOMPARE(parsePendingQuestions(json), expected);
    }
};

QTEST_GUILESS_MAIN(TestDashboardReader)
#include "tst_dashboardreader.moc"
