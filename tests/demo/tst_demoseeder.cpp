// The demo database: created from the migrations plus a deterministic seeder, with a real git
// repository whose diff the review comments anchor to.

#include "catalog.h"
#include "database.h"
#include "demo/demoseeder.h"
#include "fixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;

namespace {

class Connection
{
public:
    explicit Connection(const QString &path)
        : m_name(QStringLiteral("tst-demo-") + QString::number(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
    }
    ~Connection() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QVector<QVariantList> rows(const QString &sql) const
    {
        QVector<QVariantList> out;
        QSqlQuery query(db());
        if (!query.exec(sql))
            qWarning() << query.lastError().text() << sql;
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i));
            out.append(row);
        }
        return out;
    }
    QVariant scalar(const QString &sql) const
    {
        const auto all = rows(sql);
        return all.isEmpty() ? QVariant() : all.first().value(0);
    }
    QSet<QString> distinct(const QString &table, const QString &column) const
    {
        QSet<QString> out;
        for (const QVariantList &row : rows(QStringLiteral("SELECT DISTINCT \"%1\" FROM \"%2\"").arg(column, table)))
            out.insert(row.value(0).toString());
        return out;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

QByteArray git(const QString &repo, const QStringList &args)
{
    QProcess process;
    process.setWorkingDirectory(repo);
    process.start(
        QStringLiteral("git"), QStringList { QStringLiteral("-c"), QStringLiteral("core.quotepath=false") } + args);
    process.waitForFinished(30000);
    return process.readAllStandardOutput();
}

// (path, line number, line type) of every line of a unified diff: new side for added/context,
// old side for removed.
QSet<QString> diffLines(const QByteArray &diff)
{
    QSet<QString> out;
    QString oldPath, newPath;
    int oldLine = 0, newLine = 0;
    for (const QByteArray &raw : diff.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(u"--- ")) {
            oldPath = line.mid(6).section(u'\t', 0, 0);
        } else if (line.startsWith(u"+++ ")) {
            newPath = line.mid(6).section(u'\t', 0, 0);
        } else if (line.startsWith(u"@@ ")) {
            const QStringList parts = line.split(u' ');
            oldLine = parts.value(1).mid(1).section(u',', 0, 0).toInt();
            newLine = parts.value(2).mid(1).section(u',', 0, 0).toInt();
        } else if (line.startsWith(u"diff --git")) {
            oldLine = newLine = 0;
        } else if (oldLine > 0 || newLine > 0) {
            if (line.startsWith(u'+'))
                out.insert(newPath + QStringLiteral(":%1:added").arg(newLine++));
            else if (line.startsWith(u'-'))
                out.insert(oldPath + QStringLiteral(":%1:removed").arg(oldLine++));
            else if (line.startsWith(u' '))
                out.insert(newPath + QStringLiteral(":%1:context").arg(newLine++)), ++oldLine;
        }
    }
    return out;
}

} // namespace

class TestDemoSeeder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createsDatabaseAndRepository();
    void opensWithACompleteSchemaMap();
    void rowCounts_data();
    void rowCounts();
    void everyStatusAndCategoryIsPresent();
    void tasksDecomposeThreeLevels();
    void databaseIsConsistent();
    void sameSeedGivesSameRows();
    void logChunksJoinIntoStreamJson();
    void logsCoverStreamJsonFeatures();
    void reviewCommentsAnchorToRealDiffLines();
    void refusesExistingPaths();
    void worksWithoutGit();
    void ensureReusesAnExistingDemo();

private:
    QString dump(const QString &path) const;

    QTemporaryDir m_dir;
    QString m_db;
    QString m_repo;
    DemoResult m_result;
};

void TestDemoSeeder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsSet("CWI_KEEP_DEMO")) { // for looking at the demo by hand
        m_dir.setAutoRemove(false);
        qInfo("demo kept in %s", qPrintable(m_dir.path()));
    }
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty(), "these tests need git");
    m_db = m_dir.filePath(QStringLiteral("demo/cw.db"));
    m_repo = m_dir.filePath(QStringLiteral("demo/orbit-notes"));
    QElapsedTimer timer;
    timer.start();
    m_result = createDemoDatabase(m_db, m_repo);
    qInfo("demo database and repository created in %lld ms", timer.elapsed());
}

void TestDemoSeeder::createsDatabaseAndRepository()
{
    QVERIFY2(m_result.ok, qPrintable(m_result.error));
    QVERIFY2(m_result.error.isEmpty(), qPrintable(m_result.error));
    QVERIFY(QFile::exists(m_db));
    QCOMPARE(m_result.databasePath, QFileInfo(m_db).absoluteFilePath());
    QVERIFY(QDir(m_repo).exists(QStringLiteral(".git")));
    const Connection c(m_db);
    QCOMPARE(c.scalar(QStringLiteral("SELECT url FROM projects WHERE name = 'orbit-notes'")).toString(),
        m_result.repositoryPath);
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM __drizzle_migrations")).toInt(), 6);
}

void TestDemoSeeder::opensWithACompleteSchemaMap()
{
    const Database::OpenResult opened = Database::open(m_db);
    QVERIFY2(opened.database, qPrintable(opened.message));
    const SchemaMap &schema = opened.database->schema();
    QVERIFY(schema.isCodewalkers());
    QVERIFY2(schema.problem().isEmpty(), qPrintable(schema.problem()));
    QCOMPARE(schema.nameStyle(), NameStyle::SnakeCase);
    QCOMPARE(schema.migrations().size(), 6);
    for (const TableSpec &spec : Catalog::tables()) {
        const TableInfo *table = schema.table(spec.name);
        QVERIFY2(table, qPrintable(spec.name));
        QVERIFY2(table->missingFields.isEmpty(), qPrintable(spec.name + u": " + table->missingFields.join(u", ")));
        if (table->has(QStringLiteral("createdAt")))
            QCOMPARE(table->timestampUnits.value(QStringLiteral("createdAt")), TimestampUnit::Seconds);
    }
}

void TestDemoSeeder::rowCounts_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("low");
    QTest::addColumn<int>("high");
    const auto row = [](const char *table, int low, int high) {
        QTest::newRow(table) << QString::fromLatin1(table) << low << high;
    };
    row("initiatives", 3, 3);
    row("phases", 10, 15);
    row("phase_dependencies", 6, 15);
    row("tasks", 55, 70);
    row("task_dependencies", 5, 40);
    row("agents", 12, 16);
    row("accounts", 2, 2);
    row("projects", 2, 3);
    row("initiative_projects", 3, 6);
    row("pages", 6, 20);
    row("proposals", 5, 12);
    row("messages", 8, 20);
    row("conversations", 3, 8);
    row("chat_sessions", 2, 5);
    row("chat_messages", 8, 30);
    row("change_sets", 3, 10);
    row("errands", 5, 8);
    row("review_comments", 6, 15);
    row("agent_log_chunks", 300, 5000);
}

void TestDemoSeeder::rowCounts()
{
    QFETCH(QString, table);
    QFETCH(int, low);
    QFETCH(int, high);
    const Connection c(m_db);
    const int count = c.scalar(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)).toInt();
    QVERIFY2(count >= low && count <= high, qPrintable(QStringLiteral("%1 rows").arg(count)));
}

void TestDemoSeeder::everyStatusAndCategoryIsPresent()
{
    const Connection c(m_db);
    const auto set = [](std::initializer_list<const char *> values) {
        QSet<QString> out;
        for (const char *v : values)
            out.insert(QString::fromLatin1(v));
        return out;
    };
    QCOMPARE(c.distinct(QStringLiteral("tasks"), QStringLiteral("status")),
        set({ "pending", "in_progress", "completed", "blocked" }));
    QCOMPARE(c.distinct(QStringLiteral("tasks"), QStringLiteral("category")),
        set({ "execute", "research", "discuss", "plan", "detail", "refine", "verify", "merge", "review" }));
    QCOMPARE(c.distinct(QStringLiteral("phases"), QStringLiteral("status")),
        set({ "pending", "approved", "in_progress", "completed", "blocked", "pending_review" }));
    QCOMPARE(c.distinct(QStringLiteral("agents"), QStringLiteral("status")),
        set({ "idle", "running", "waiting_for_input", "stopped", "crashed" }));
    QCOMPARE(c.distinct(QStringLiteral("agents"), QStringLiteral("mode")),
        set({ "execute", "discuss", "plan", "detail", "refine" }));
    QCOMPARE(c.distinct(QStringLiteral("errands"), QStringLiteral("status")),
        set({ "active", "pending_review", "conflict", "merged", "abandoned" }));
    QCOMPARE(
        c.distinct(QStringLiteral("proposals"), QStringLiteral("status")), set({ "pending", "accepted", "dismissed" }));
    QCOMPARE(c.distinct(QStringLiteral("conversations"), QStringLiteral("status")), set({ "pending", "answered" }));
    QCOMPARE(c.distinct(QStringLiteral("review_comments"), QStringLiteral("line_type")),
        set({ "added", "removed", "context" }));
    QCOMPARE(c.distinct(QStringLiteral("review_comments"), QStringLiteral("resolved")), set({ "0", "1" }));
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE is_exhausted = 1 AND exhausted_until > "
                                     "strftime('%s', '2026-11-20')"))
                 .toInt(),
        1);
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE retry_count > 0")).toInt() > 0);
    QVERIFY(
        c.scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE status = 'completed' AND summary IS NULL")).toInt()
        == 0);
    QCOMPARE(
        c.scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE phase_id IS NULL AND initiative_id IS NULL")).toInt(),
        1);
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM tasks WHERE phase_id IS NULL AND initiative_id IS NOT NULL"))
                .toInt()
        >= 2);
    QCOMPARE(
        c.scalar(QStringLiteral(
                     "SELECT count(*) FROM agents WHERE status = 'waiting_for_input' AND pending_questions IS NULL"))
            .toInt(),
        0);
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(*) FROM agents WHERE user_dismissed_at IS NOT NULL")).toInt(), 1);
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM messages WHERE requires_response = 1 AND status = 'pending'"))
                .toInt()
        > 0);
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM messages WHERE parent_message_id IS NOT NULL")).toInt() > 0);
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM proposals WHERE target_id IS NULL")).toInt() > 0);
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM chat_messages WHERE change_set_id IS NOT NULL")).toInt() > 0);
}

void TestDemoSeeder::tasksDecomposeThreeLevels()
{
    const Connection c(m_db);
    const int grandchildren
        = c.scalar(QStringLiteral("SELECT count(*) FROM tasks t JOIN tasks p ON t.parent_task_id = p.id "
                                  "WHERE p.parent_task_id IS NOT NULL"))
              .toInt();
    QVERIFY(grandchildren >= 5);
    // Blocked tasks wait on something.
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM task_dependencies d JOIN tasks t ON d.task_id = t.id "
                                    "WHERE t.status = 'blocked'"))
                .toInt()
        > 0);
}

void TestDemoSeeder::databaseIsConsistent()
{
    const Connection c(m_db);
    QSqlQuery fk(c.db());
    QVERIFY(fk.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY2(!fk.next(), "foreign_key_check reported a violation");
    QCOMPARE(c.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    // Tiptap content parses, except the one page imported with broken JSON.
    int broken = 0;
    for (const QVariantList &row :
        c.rows(QStringLiteral("SELECT content FROM pages UNION ALL SELECT content FROM phases"))) {
        if (QJsonDocument::fromJson(row.value(0).toString().toUtf8()).isNull())
            ++broken;
    }
    QCOMPARE(broken, 1);
}

QString TestDemoSeeder::dump(const QString &path) const
{
    const Connection c(path);
    QString out;
    for (const QVariantList &table :
        c.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))) {
        const QString name = table.value(0).toString();
        for (const QVariantList &row : c.rows(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(name))) {
            QStringList cells;
            for (const QVariant &cell : row)
                cells.append(cell.isNull() ? QStringLiteral("NULL") : cell.toString());
            out += name + u'|' + cells.join(u'|') + u'\n';
        }
    }
    return out;
}

void TestDemoSeeder::sameSeedGivesSameRows()
{
    QTemporaryDir other;
    const DemoResult again
        = createDemoDatabase(other.filePath(QStringLiteral("cw.db")), other.filePath(QStringLiteral("repo")));
    QVERIFY2(again.ok, qPrintable(again.error));
    // Only the repository's location differs between the two.
    QString first = dump(m_db).replace(m_result.repositoryPath, QStringLiteral("<repo>"));
    QString second = dump(again.databasePath).replace(again.repositoryPath, QStringLiteral("<repo>"));
    QVERIFY(first.size() > 100000);
    QVERIFY(first == second);

    const DemoResult seeded
        = createDemoDatabase(other.filePath(QStringLiteral("seed2.db")), other.filePath(QStringLiteral("repo2")), 2);
    QVERIFY(seeded.ok);
    QVERIFY(dump(seeded.databasePath).replace(seeded.repositoryPath, QStringLiteral("<repo>")) != first);
}

void TestDemoSeeder::logChunksJoinIntoStreamJson()
{
    const Connection c(m_db);
    QHash<QString, QByteArray> sessions;
    QStringList order;
    int linesSplit = 0;
    for (const QVariantList &row :
        c.rows(QStringLiteral("SELECT agent_id, session_number, content FROM agent_log_chunks "
                              "ORDER BY created_at, rowid"))) {
        const QString key = row.value(0).toString() + u'#' + row.value(1).toString();
        if (!sessions.contains(key))
            order.append(key);
        const QByteArray content = row.value(2).toString().toUtf8();
        sessions[key] += content;
        if (!content.endsWith('\n'))
            ++linesSplit;
    }
    QVERIFY(order.size() >= 18);
    QVERIFY2(linesSplit > 100, "chunks must be cut inside JSON lines");

    int invalid = 0, incompleteTails = 0, lines = 0;
    int longest = 0; // chunks spanned by one line
    for (const QString &key : std::as_const(order)) {
        QList<QByteArray> parts = sessions.value(key).split('\n');
        if (!parts.constLast().isEmpty()) {
            ++incompleteTails;
            QVERIFY(QJsonDocument::fromJson(parts.constLast()).isNull());
        }
        parts.removeLast();
        for (const QByteArray &line : std::as_const(parts)) {
            ++lines;
            if (QJsonDocument::fromJson(line).isNull()) {
                ++invalid;
                QVERIFY2(line.startsWith("npm WARN"), line.left(80).constData());
            }
        }
    }
    QCOMPARE(invalid, 1);
    QCOMPARE(incompleteTails, c.scalar(QStringLiteral("SELECT count(*) FROM agents WHERE status = 'running'")).toInt());
    QVERIFY(lines > 500);

    // Some line spans 3+ chunks; some chunks share a createdAt; a deleted agent left chunks behind.
    for (const QVariantList &row : c.rows(QStringLiteral("SELECT length(content) FROM agent_log_chunks")))
        longest = std::max(longest, row.value(0).toInt());
    QVERIFY(longest < 2000);
    QVERIFY(c.scalar(QStringLiteral(
                         "SELECT count(*) FROM (SELECT agent_id, session_number, created_at FROM agent_log_chunks "
                         "GROUP BY 1, 2, 3 HAVING count(*) > 1)"))
                .toInt()
        > 0);
    QCOMPARE(c.scalar(QStringLiteral("SELECT count(DISTINCT agent_name) FROM agent_log_chunks WHERE agent_id NOT IN "
                                     "(SELECT id FROM agents)"))
                 .toString(),
        QStringLiteral("1"));
    QCOMPARE(c.scalar(QStringLiteral("SELECT max(session_number) FROM agent_log_chunks")).toInt(), 3);
}

void TestDemoSeeder::logsCoverStreamJsonFeatures()
{
    const Connection c(m_db);
    // Every session joined on its own (chunks of different agents interleave), then all of them.
    QByteArray all;
    const QString sessions = QStringLiteral("SELECT group_concat(content, '') FROM (SELECT agent_id, session_number, "
                                            "content FROM agent_log_chunks ORDER BY created_at, rowid) "
                                            "GROUP BY agent_id, session_number");
    for (const QVariantList &row : c.rows(sessions))
        all += row.value(0).toString().toUtf8() + '\n';
    for (const char *marker : { "\"subtype\":\"init\"", "\"subtype\":\"api_retry\"", "\"subtype\":\"compact_boundary\"",
             "\"type\":\"stream_event\"", "\"type\":\"thinking\"", "\"name\":\"Read\"", "\"name\":\"Edit\"",
             "\"name\":\"Write\"", "\"name\":\"Bash\"", "\"name\":\"Grep\"", "\"name\":\"Glob\"", "\"name\":\"Task\"",
             "\"is_error\":true", "\"structuredPatch\"", "\"subtype\":\"error_max_turns\"",
             "\"subtype\":\"error_during_execution\"", "\"parent_tool_use_id\":\"toolu_", "\"name\":\"TodoWrite\"",
             "\"total_cost_usd\"", "\"num_turns\"" }) {
        QVERIFY2(all.contains(marker), marker);
    }
}

void TestDemoSeeder::reviewCommentsAnchorToRealDiffLines()
{
    const Connection c(m_db);
    const QString mergeBase = c.scalar(QStringLiteral("SELECT p.merge_base FROM phases p JOIN review_comments r ON "
                                                      "r.phase_id = p.id LIMIT 1"))
                                  .toString();
    QCOMPARE(mergeBase,
        QString::fromLatin1(
            git(m_repo, { QStringLiteral("merge-base"), QStringLiteral("main"), QStringLiteral("cw/user-auth") })
                .trimmed()));
    const QByteArray diff = git(m_repo, { QStringLiteral("diff"), mergeBase + QStringLiteral("..cw/user-auth") });
    QVERIFY(diff.contains("rename from src/db/pool.ts"));
    QVERIFY(diff.contains("deleted file mode"));
    QVERIFY(diff.contains("Binary files /dev/null and b/docs/auth-flow.png differ"));
    QVERIFY(diff.contains("Sécurité notes.md"));
    const QSet<QString> lines = diffLines(diff);
    int anchored = 0, outdated = 0;
    for (const QVariantList &row :
        c.rows(QStringLiteral("SELECT file_path, line_number, line_type FROM review_comments"))) {
        const QString key = row.value(0).toString() + u':' + row.value(1).toString() + u':' + row.value(2).toString();
        if (lines.contains(key))
            ++anchored;
        else
            ++outdated;
    }
    QVERIFY(anchored >= 8);
    QCOMPARE(outdated, 1);
    // The billing branch exists too.
    QVERIFY(
        !git(m_repo, { QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("cw/billing-export") })
             .isEmpty());
}

void TestDemoSeeder::refusesExistingPaths()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("existing.db"));
    QFile file(db);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a database");
    file.close();
    DemoResult result = createDemoDatabase(db, dir.filePath(QStringLiteral("repo")));
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("already exists")));
    QFile check(db);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("not a database"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("repo"))));

    // A non-empty repository folder is not scribbled over either.
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("busy")));
    QFile keep(dir.filePath(QStringLiteral("busy/keep.txt")));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.close();
    result = createDemoDatabase(dir.filePath(QStringLiteral("new.db")), dir.filePath(QStringLiteral("busy")));
    QVERIFY(!result.ok);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.db"))));
}

void TestDemoSeeder::worksWithoutGit()
{
    QTemporaryDir dir;
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", dir.filePath(QStringLiteral("no-tools")).toLocal8Bit());
    QElapsedTimer timer;
    timer.start();
    const DemoResult result
        = createDemoDatabase(dir.filePath(QStringLiteral("cw.db")), dir.filePath(QStringLiteral("repo")));
    qputenv("PATH", path);
    qInfo("demo database without git created in %lld ms", timer.elapsed());
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.error.contains(QStringLiteral("git is not installed")));
    QVERIFY(!QFile::exists(result.repositoryPath));
    const Connection c(result.databasePath);
    QCOMPARE(c.scalar(QStringLiteral("SELECT url FROM projects WHERE name = 'orbit-notes'")).toString(),
        result.repositoryPath);
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM review_comments")).toInt() > 0);
    QVERIFY(c.scalar(QStringLiteral("SELECT count(*) FROM phases WHERE merge_base IS NOT NULL")).toInt() == 0);
}

void TestDemoSeeder::ensureReusesAnExistingDemo()
{
    QTemporaryDir dir;
    // A leftover repository folder from an interrupted run is not touched.
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("orbit-notes/leftover")));
    const DemoResult created = ensureDemoDatabase(dir.path());
    QVERIFY2(created.ok, qPrintable(created.error));
    QCOMPARE(created.databasePath, dir.filePath(QStringLiteral("demo.db")));
    QCOMPARE(created.repositoryPath, dir.filePath(QStringLiteral("orbit-notes-2")));
    QVERIFY(QDir(dir.filePath(QStringLiteral("orbit-notes/leftover"))).exists());

    const QByteArray before = test::fileDigest(created.databasePath);
    const DemoResult reused = ensureDemoDatabase(dir.path());
    QVERIFY(reused.ok);
    QVERIFY(reused.error.isEmpty());
    QCOMPARE(reused.databasePath, created.databasePath);
    QCOMPARE(reused.repositoryPath, created.repositoryPath);
    QCOMPARE(test::fileDigest(created.databasePath), before);
}

QTEST_GUILESS_MAIN(TestDemoSeeder)
#include "tst_demoseeder.moc"
