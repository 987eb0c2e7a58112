// readTaskTree on real files built from the migrations, in both column spellings, and on an
// older file that lacks a table and a column.

#include "database.h"
#include "tasktree/tasktreemodel.h"
#include "tasktreereader.h"
#include "workfixture.h"

#include <QAbstractItemModelTester>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

const TreeTask *findTask(const TaskTreeSnapshot &s, const QString &id)
{
    for (const TreeTask &t : s.tasks) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

// ("order", createdAt) of each task, in rowid order.
using Keys = QList<std::pair<QVariant, QVariant>>;

QString sqlLiteral(const QVariant &v)
{
    if (v.isNull())
        return u"NULL"_s;
    if (v.typeId() == QMetaType::QString)
        return u"'"_s + v.toString() + u"'"_s;
    if (v.typeId() == QMetaType::Double)
        return QString::number(v.toDouble(), 'g', 17);
    return QString::number(v.toLongLong());
}

} // namespace

class TestTaskTreeReader : public QObject
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
        const QByteArray before = test::fileDigest(path);
        auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));

        const TaskTreeSnapshot s = readTaskTree(*opened.database);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY2(s.notes.isEmpty(), qPrintable(s.notes.join(u"; ")));
        QCOMPARE(s.initiatives.size(), 1);
        QCOMPARE(s.initiatives.first().name, u"Auth rewrite"_s);
        QCOMPARE(s.phases.size(), 2);
        QCOMPARE(s.phases.first().id, u"P1"_s); // by createdAt
        QCOMPARE(s.tasks.size(), 7);
        const TreeTask *t2a1 = findTask(s, u"T2a1"_s);
        QVERIFY(t2a1);
        QCOMPARE(t2a1->parentTaskId, u"T2a"_s);
        QCOMPARE(t2a1->status, u"blocked"_s);
        QCOMPARE(t2a1->priority, u"high"_s);
        QVERIFY(findTask(s, u"O"_s)->initiativeId.isEmpty());
        QCOMPARE(s.taskDependencies.size(), 2);
        QCOMPARE(s.phaseDependencies.size(), 1);
        QCOMPARE(s.phaseDependencies.first().fromId, u"P2"_s);
        QCOMPARE(s.agents.size(), 1);
        QCOMPARE(s.agents.first().taskId, u"T2"_s);
        QCOMPARE(s.unresolvedCommentsByPhase.value(u"P2"_s), 2);

        // The same file as a tree, with the reason T2 is held back in words.
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(s);
        QCOMPARE(model.rowCount(), 2); // the initiative and "No initiative"
        const QModelIndex build = model.indexFor(u"phases"_s, u"P2"_s);
        QCOMPARE(build.data(TaskTreeModel::ProgressTotalRole).toInt(), 4);
        QCOMPARE(model.dependencies().waitReason(u"tasks"_s, u"T2"_s), u"waits on 1 task: Write logout (pending)"_s);
        QCOMPARE(model.indexFor(u"tasks"_s, u"T2"_s).siblingAtColumn(TaskTreeModel::AgentColumn).data().toString(),
            u"calm-heron"_s);

        opened.database.reset();
        QCOMPARE(test::fileDigest(path), before); // reading never writes
    }

    // The tasks come in the order ORDER BY "order", createdAt, rowid gives (sorted by the
    // reader, not by SQLite): numbers by value, text after them, ties by rowid. Integers in both
    // columns (the usual file) take the reader's integer path, anything else SQLite's rules.
    void tasksInTheOrderSqliteGives_data()
    {
        QTest::addColumn<Keys>("keys");
        // (Both columns are NOT NULL in every migration; text and reals still get in.)
        QTest::newRow("mixed types") << Keys { { 3, 100 }, { u"b"_s, 5 }, { 1, 200 }, { 1, 100 }, { 2.5, 1 },
            { 2, u"2024-01-01"_s }, { 2, 7 }, { 1, 100 }, { u"a"_s, 1 }, { -4, 3 }, { 1, 100 }, { 2, 7.5 },
            { 9007199254740993LL, 1 }, { 9007199254740992LL, 1 }, { 2, u"10"_s } };
        QTest::newRow("integers") << Keys { { 3, 100 }, { 1, 200 }, { 1, 100 }, { 2, 7 }, { 1, 100 }, { -4, 3 },
            { 2, -7 }, { 1, 100 }, { 0, 1700000000000LL }, { 9007199254740993LL, 1 }, { 9007199254740992LL, 1 },
            { 0, 1699999999999LL }, { 2, 7 } };
    }
    void tasksInTheOrderSqliteGives()
    {
        QFETCH(Keys, keys);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"order.db"_s);
        QVERIFY(test::buildWorkFixture(path, NameStyle::SnakeCase));
        const QString c = test::openRaw(path);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            // ids against the rowid order, so a tie kept in id order would show
            QVERIFY(test::exec(c,
                u"INSERT INTO tasks (id, phase_id, name, status, \"order\", created_at, updated_at) "
                "VALUES ('K%1', 'P1', 'k', 'pending', %2, %3, 0)"_s.arg(99 - i)
                    .arg(sqlLiteral(keys[i].first), sqlLiteral(keys[i].second))));
        }
        QStringList expected;
        {
            QSqlQuery q(QSqlDatabase::database(c));
            QVERIFY(q.exec(u"SELECT id FROM tasks ORDER BY \"order\", created_at, rowid"_s));
            while (q.next())
                expected.append(q.value(0).toString());
        }
        test::closeRaw(c);
        auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        const TaskTreeSnapshot s = readTaskTree(*opened.database);
        QVERIFY(s.error.isEmpty());
        QStringList got;
        for (const TreeTask &t : s.tasks)
            got.append(t.id);
        QCOMPARE(got, expected);
    }

    // Values that repeat from row to row are shared between tasks, never mixed up: more
    // distinct values than the reader keeps at once, interleaved, NULL beside '' and values
    // that differ only in their last byte come back as stored.
    void repeatedValuesReadAsStored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"repeated.db"_s);
        QVERIFY(test::buildWorkFixture(path, NameStyle::SnakeCase));
        const QString c = test::openRaw(path);
        // (the phases and initiatives named need not exist: the reader takes the ids as they are)
        QVERIFY(test::exec(c, u"PRAGMA foreign_keys = OFF"_s));
        QVERIFY(test::exec(c, u"DELETE FROM tasks"_s));
        for (int i = 0; i < 90; ++i) {
            const QString phase = i % 9 == 0 ? u"NULL"_s
                : i % 9 == 1                 ? u"''"_s
                                             : u"'phase-"_s + QString::number(i % 23) + u"'";
            QVERIFY(test::exec(c,
                u"INSERT INTO tasks (id, phase_id, initiative_id, name, category, priority, status, \"order\", "
                "created_at, updated_at) VALUES ('T%1', %2, 'I%3', 'n', 'cat-%4', 'p%5', 's%6', 0, %1, 0)"_s.arg(
                    QString::number(i), phase, QString::number(i / 30), QString::number((i * 7) % 19),
                    QString::number(i % 3), QString::number(i % 17))));
        }
        QHash<QString, QStringList> expected;
        {
            QSqlQuery q(QSqlDatabase::database(c));
            QVERIFY(q.exec(
                u"SELECT id, phase_id IS NULL, phase_id, initiative_id, category, priority, status FROM tasks"_s));
            while (q.next()) {
                expected.insert(q.value(0).toString(),
                    { q.value(1).toBool() ? u"<null>"_s : q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toString(), q.value(6).toString() });
            }
        }
        test::closeRaw(c);
        auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        const TaskTreeSnapshot s = readTaskTree(*opened.database);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.tasks.size(), 90);
        for (const TreeTask &t : s.tasks) {
            const QStringList got { t.phaseId.isNull() ? u"<null>"_s : t.phaseId, t.initiativeId, t.category,
                t.priority, t.status };
            QCOMPARE(got, expected.value(t.id));
        }
    }

    void olderSchemaIsTolerated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.db"_s);
        QVERIFY(test::buildWorkFixture(path, NameStyle::SnakeCase));
        const QString c = test::openRaw(path);
        QVERIFY(test::exec(c, u"DROP TABLE task_dependencies"_s));
        QVERIFY(test::exec(c, u"ALTER TABLE tasks DROP COLUMN retry_count"_s));
        test::closeRaw(c);
        auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));

        const TaskTreeSnapshot s = readTaskTree(*opened.database);
        QVERIFY(s.error.isEmpty());
        QCOMPARE(s.tasks.size(), 7);
        QVERIFY(s.taskDependencies.isEmpty());
        QVERIFY(s.notes.contains(u"task_dependencies: table missing"_s));
        QVERIFY(s.notes.contains(u"tasks: no column retryCount"_s));
        QCOMPARE(findTask(s, u"T1"_s)->retryCount, 0);
    }

    void dependencyCycleInFileDoesNotHang()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cycle.db"_s);
        QVERIFY(test::buildWorkFixture(path, NameStyle::CamelCase));
        const QString c = test::openRaw(path);
        // T3 waits on T2 which waits on T3; T1 waits on itself.
        QVERIFY(!test::insertRow(
            c, u"task_dependencies"_s, test::row({ { u"taskId"_s, u"T3"_s }, { u"dependsOnTaskId"_s, u"T2"_s } }))
                     .isEmpty());
        QVERIFY(!test::insertRow(
            c, u"task_dependencies"_s, test::row({ { u"taskId"_s, u"T1"_s }, { u"dependsOnTaskId"_s, u"T1"_s } }))
                     .isEmpty());
        test::closeRaw(c);
        auto opened = Database::open(path);
        QVERIFY(opened.database);
        TaskTreeModel model;
        model.setSnapshot(readTaskTree(*opened.database));
        QVERIFY(model.dependencies().waitReason(u"tasks"_s, u"T3"_s).contains(u"dependency cycle"_s));
        QCOMPARE(model.dependencies().cycleThrough(u"tasks"_s, u"T1"_s),
            (QStringList { u"Sketch schema"_s, u"Sketch schema"_s }));
    }
};

QTEST_GUILESS_MAIN(TestTaskTreeReader)
#include "tst_tasktreereader.moc"
