// The repository suite, run twice: on a snake_case file and on a camelCase file built from the
// same migrations. Every port must read the same world from both.

#include "fixtures.h"
#include "workrepositories.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestWorkRepositories : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Database> m_db;

    void buildWorld(NameStyle style)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path, style));
        const QString c = test::openRaw(path);
        auto row = [&c](const QString &table, const QVariantMap &values) {
            QString id = test::insertRow(c, table, values);
            if (id.isEmpty())
                qFatal("fixture insert into %s failed", qPrintable(table));
            return id;
        };
        row(u"initiatives"_s,
            { { u"id"_s, u"init-a"_s }, { u"name"_s, u"User auth"_s }, { u"status"_s, u"active"_s },
                { u"branch"_s, u"cw/user-auth"_s } });
        row(u"initiatives"_s,
            { { u"id"_s, u"init-b"_s }, { u"name"_s, u"Billing"_s }, { u"status"_s, u"archived"_s } });
        row(u"phases"_s,
            { { u"id"_s, u"ph-1"_s }, { u"initiativeId"_s, u"init-a"_s }, { u"name"_s, u"Design"_s },
                { u"status"_s, u"completed"_s } });
        row(u"phases"_s,
            { { u"id"_s, u"ph-2"_s }, { u"initiativeId"_s, u"init-a"_s }, { u"name"_s, u"Build"_s },
                { u"status"_s, u"in_progress"_s }, { u"mergeBase"_s, u"abc123"_s } });
        row(u"phase_dependencies"_s, { { u"phaseId"_s, u"ph-2"_s }, { u"dependsOnPhaseId"_s, u"ph-1"_s } });
        row(u"tasks"_s,
            { { u"id"_s, u"t-1"_s }, { u"phaseId"_s, u"ph-2"_s }, { u"initiativeId"_s, u"init-a"_s },
                { u"name"_s, u"Login form"_s }, { u"status"_s, u"blocked"_s }, { u"category"_s, u"execute"_s },
                { u"retryCount"_s, 2 }, { u"order"_s, 1 } });
        row(u"tasks"_s,
            { { u"id"_s, u"t-2"_s }, { u"phaseId"_s, u"ph-2"_s }, { u"parentTaskId"_s, u"t-1"_s },
                { u"name"_s, u"Validate email"_s }, { u"status"_s, u"pending"_s }, { u"order"_s, 0 } });
        row(u"tasks"_s,
            { { u"id"_s, u"t-3"_s }, { u"initiativeId"_s, u"init-a"_s }, { u"name"_s, u"Plan"_s },
                { u"status"_s, u"completed"_s } });
        row(u"task_dependencies"_s, { { u"taskId"_s, u"t-1"_s }, { u"dependsOnTaskId"_s, u"t-3"_s } });
        row(u"accounts"_s,
            { { u"id"_s, u"acc-1"_s }, { u"email"_s, u"a@x.dev"_s }, { u"isExhausted"_s, 1 },
                { u"exhaustedUntil"_s, QDateTime::currentSecsSinceEpoch() + 3600 } });
        row(u"accounts"_s, { { u"id"_s, u"acc-2"_s }, { u"email"_s, u"b@x.dev"_s }, { u"isExhausted"_s, 0 } });
        row(u"agents"_s,
            { { u"id"_s, u"ag-1"_s }, { u"name"_s, u"brave-otter"_s }, { u"taskId"_s, u"t-1"_s },
                { u"worktreeId"_s, u"/wt/1"_s }, { u"status"_s, u"crashed"_s }, { u"mode"_s, u"execute"_s },
                { u"sessionId"_s, u"sess-9"_s }, { u"exitCode"_s, 137 }, { u"accountId"_s, u"acc-2"_s } });
        row(u"projects"_s, { { u"id"_s, u"pr-1"_s }, { u"name"_s, u"web"_s }, { u"url"_s, u"/src/web"_s } });
        row(u"initiative_projects"_s, { { u"initiativeId"_s, u"init-a"_s }, { u"projectId"_s, u"pr-1"_s } });
        row(u"errands"_s,
            { { u"id"_s, u"err-1"_s }, { u"description"_s, u"Fix typo"_s }, { u"branch"_s, u"e/1"_s },
                { u"projectId"_s, u"pr-1"_s }, { u"status"_s, u"conflict"_s } });
        test::closeRaw(c);
        m_db = Database::open(path).database;
        QVERIFY(m_db);
    }

    void addSpellings()
    {
        QTest::addColumn<NameStyle>("style");
        QTest::newRow("snake_case") << NameStyle::SnakeCase;
        QTest::newRow("camelCase") << NameStyle::CamelCase;
    }

private slots:
    void initiatives_data() { addSpellings(); }
    void initiatives()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto repo = makeInitiativeRepository(m_db);
        QCOMPARE(repo->findAll().size(), 2);
        QCOMPARE(repo->findById(u"init-a"_s)->branch, u"cw/user-auth"_s);
        QCOMPARE(repo->findByStatus(u"archived"_s).value(0).name, u"Billing"_s);
        QVERIFY(!repo->findById(u"nope"_s));
    }

    void phases_data() { addSpellings(); }
    void phases()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto repo = makePhaseRepository(m_db);
        QCOMPARE(repo->findByInitiativeId(u"init-a"_s).size(), 2);
        QCOMPARE(repo->findById(u"ph-2"_s)->mergeBase, u"abc123"_s);
        QCOMPARE(repo->getDependencies(u"ph-2"_s).value(0).id, u"ph-1"_s);
        QCOMPARE(repo->getDependents(u"ph-1"_s).value(0).id, u"ph-2"_s);
    }

    void tasks_data() { addSpellings(); }
    void tasks()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto repo = makeTaskRepository(m_db);
        const auto task = repo->findById(u"t-1"_s);
        QVERIFY(task);
        QCOMPARE(task->status, u"blocked"_s);
        QCOMPARE(task->retryCount, 2);
        QVERIFY(task->createdAt.toDateTime().isValid());
        QCOMPARE(repo->findByParentTaskId(u"t-1"_s).value(0).name, u"Validate email"_s);
        const QVector<Task> phaseTasks = repo->findByPhaseId(u"ph-2"_s);
        QCOMPARE(phaseTasks.size(), 2);
        QCOMPARE(phaseTasks.first().id, u"t-2"_s); // ordered by "order"
        QCOMPARE(repo->getDependencies(u"t-1"_s).value(0).id, u"t-3"_s);
        QCOMPARE(repo->getDependents(u"t-3"_s).value(0).id, u"t-1"_s);
        QCOMPARE(repo->findByInitiativeId(u"init-a"_s).size(), 2);
    }

    void agents_data() { addSpellings(); }
    void agents()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto repo = makeAgentRepository(m_db);
        QCOMPARE(repo->findByName(u"brave-otter"_s)->id, u"ag-1"_s);
        QCOMPARE(repo->findByTaskId(u"t-1"_s).size(), 1);
        QCOMPARE(repo->findBySessionId(u"sess-9"_s)->exitCode.toInt(), 137);
        QCOMPARE(repo->findByStatus(u"crashed"_s).size(), 1);
        QVERIFY(repo->findById(u"ag-1"_s)->pid.isNull());
    }

    void accountsProjectsErrands_data() { addSpellings(); }
    void accountsProjectsErrands()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto accounts = makeAccountRepository(m_db);
        QCOMPARE(accounts->findAll().size(), 2);
        QVERIFY(accounts->findById(u"acc-1"_s)->isExhausted);
        QCOMPARE(accounts->findNextAvailable({})->id, u"acc-2"_s); // the exhausted one is skipped
        auto projects = makeProjectRepository(m_db);
        QCOMPARE(projects->findProjectsByInitiativeId(u"init-a"_s).value(0).url, u"/src/web"_s);
        QVERIFY(projects->findProjectsByInitiativeId(u"init-b"_s).isEmpty());
        auto errands = makeErrandRepository(m_db);
        QCOMPARE(errands->findAll().size(), 1);
        QCOMPARE(errands->findAll(u"pr-1"_s, u"conflict"_s).size(), 1);
        QCOMPARE(errands->findAll({}, u"merged"_s).size(), 0);
        QCOMPARE(errands->findById(u"err-1"_s)->branch, u"e/1"_s);
    }

    void olderSchemaReadsAsEmptyNotAsFailure()
    {
        buildWorld(NameStyle::SnakeCase);
        const QString path = m_db->path();
        m_db.reset();
        const QString c = test::openRaw(path);
        QVERIFY(test::exec(c, u"ALTER TABLE tasks DROP COLUMN retry_count"_s));
        test::closeRaw(c);
        m_db = Database::open(path).database;
        QVERIFY(m_db);
        const auto task = makeTaskRepository(m_db)->findById(u"t-1"_s);
        QVERIFY(task);
        QCOMPARE(task->retryCount, 0);
        QCOMPARE(task->name, u"Login form"_s);
    }
};

QTEST_GUILESS_MAIN(TestWorkRepositories)
#include "tst_workrepositories.moc"
