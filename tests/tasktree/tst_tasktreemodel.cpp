// The task tree model over hand-built snapshots: shapes (orphans, tasks without a phase, deep
// decomposition, parent cycles), progress and counts, dependency reasons, in-place reloads
// and the status / text filter.

#include "statuscolors.h"
#include "tasktree/idindex.h"
#include "tasktree/tasktreefiltermodel.h"
#include "tasktree/tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cwi;

namespace {

TreeTask task(const QString &id, const QString &status, const QString &phase = {}, const QString &initiative = {},
    const QString &parent = {})
{
    TreeTask t;
    t.id = id;
    t.name = u"Task " + id;
    t.status = status;
    t.phaseId = phase;
    t.initiativeId = initiative;
    t.parentTaskId = parent;
    t.category = QStringLiteral("execute");
    t.priority = QStringLiteral("medium");
    return t;
}

// I: phase P (T1 completed, T2 in progress > T2a pending > T2a1 blocked), T3 without phase (completed).
// Phase Q points at a missing initiative; O has no initiative and no phase.
TaskTreeSnapshot sample()
{
    TaskTreeSnapshot s;
    s.initiatives = { { QStringLiteral("I"), QStringLiteral("Auth"), QStringLiteral("active") } };
    s.phases = { { QStringLiteral("P"), QStringLiteral("I"), QStringLiteral("Build"), QStringLiteral("in_progress") },
        { QStringLiteral("Q"), QStringLiteral("gone"), QStringLiteral("Stray"), QStringLiteral("pending") } };
    s.tasks = { task(QStringLiteral("T1"), QStringLiteral("completed"), QStringLiteral("P"), QStringLiteral("I")),
        task(QStringLiteral("T2"), QStringLiteral("in_progress"), QStringLiteral("P"), QStringLiteral("I")),
        task(QStringLiteral("T2a"), QStringLiteral("pending"), QStringLiteral("P"), QStringLiteral("I"),
            QStringLiteral("T2")),
        task(QStringLiteral("T2a1"), QStringLiteral("blocked"), QStringLiteral("P"), QStringLiteral("I"),
            QStringLiteral("T2a")),
        task(QStringLiteral("T3"), QStringLiteral("completed"), {}, QStringLiteral("I")),
        task(QStringLiteral("O"), QStringLiteral("pending")) };
    return s;
}

QStringList ids(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        const QString id = i.data(TaskTreeModel::IdRole).toString();
        out.append(id.isEmpty() ? i.data().toString() : id);
    }
    return out;
}

int countTasks(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    int n = 0;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        n += i.data(TaskTreeModel::TableRole).toString() == u"tasks" ? 1 : 0;
        n += countTasks(model, i);
    }
    return n;
}

} // namespace

class TestTaskTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void emptySnapshot()
    {
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(TaskTreeModel::ColumnCount));
    }

    void shape()
    {
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(sample());
        // Initiative first, then the "No initiative" group for the stray phase and the orphan.
        QCOMPARE(ids(model), (QStringList { QStringLiteral("I"), QStringLiteral("No initiative") }));
        const QModelIndex initiative = model.index(0, 0);
        QCOMPARE(ids(model, initiative), (QStringList { QStringLiteral("P"), QStringLiteral("T3") }));
        const QModelIndex phase = model.indexFor(QStringLiteral("phases"), QStringLiteral("P"));
        QCOMPARE(ids(model, phase), (QStringList { QStringLiteral("T1"), QStringLiteral("T2") }));
        // Deep decomposition: task > sub-task > sub-sub-task.
        const QModelIndex t2 = model.indexFor(QStringLiteral("tasks"), QStringLiteral("T2"));
        QCOMPARE(ids(model, t2), QStringList { QStringLiteral("T2a") });
        const QModelIndex t2a = model.index(0, 0, t2);
        QCOMPARE(ids(model, t2a), QStringList { QStringLiteral("T2a1") });
        QCOMPARE(model.indexFor(QStringLiteral("tasks"), QStringLiteral("T2a1")).parent(), t2a);
        const QModelIndex group = model.index(1, 0);
        QCOMPARE(ids(model, group), (QStringList { QStringLiteral("Q"), QStringLiteral("O") }));
        QVERIFY(group.data(TaskTreeModel::TableRole).toString().isEmpty());
        QCOMPARE(countTasks(model), 6);
    }

    // A file with a duplicated id (no PRIMARY KEY enforced on an old copy) shows the first row
    // of each id once: the tree stays a tree and nothing is counted twice.
    void duplicatedIdsShowOnce()
    {
        TaskTreeSnapshot s = sample();
        s.initiatives.append({ QStringLiteral("I"), QStringLiteral("Auth again"), QStringLiteral("active") });
        s.phases.append(
            { QStringLiteral("P"), QStringLiteral("I"), QStringLiteral("Build again"), QStringLiteral("pending") });
        s.tasks.append(task(QStringLiteral("T1"), QStringLiteral("blocked"), QStringLiteral("P"), QStringLiteral("I")));
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(s);
        QCOMPARE(ids(model), (QStringList { QStringLiteral("I"), QStringLiteral("No initiative") }));
        QCOMPARE(ids(model, model.index(0, 0)), (QStringList { QStringLiteral("P"), QStringLiteral("T3") }));
        const QModelIndex phase = model.indexFor(QStringLiteral("phases"), QStringLiteral("P"));
        QCOMPARE(phase.data().toString(), QStringLiteral("Build"));
        QCOMPARE(ids(model, phase), (QStringList { QStringLiteral("T1"), QStringLiteral("T2") }));
        QCOMPARE(
            model.indexFor(QStringLiteral("tasks"), QStringLiteral("T1")).data(TaskTreeModel::StatusRole).toString(),
            QStringLiteral("completed"));
        QCOMPARE(countTasks(model), 6);
        QCOMPARE(phase.data(TaskTreeModel::ProgressTotalRole).toInt(), 4);
    }

    // The tree's id index keeps no ids: it finds each one by its hash and then compares the id
    // it is given with the one the caller reads for the node. With every hash equal (a constant
    // hash), only that comparison tells the ids apart; the table grows from empty past 16 slots.
    void idIndexComparesTheIdsBehindEqualHashes_data()
    {
        QTest::addColumn<bool>("colliding");
        QTest::newRow("Qt's hash") << false;
        QTest::newRow("every hash equal") << true;
    }
    void idIndexComparesTheIdsBehindEqualHashes()
    {
        QFETCH(bool, colliding);
        QStringList ids;
        for (int i = 0; i < 300; ++i)
            ids.append(QStringLiteral("id-%1").arg(i));
        const auto idOf = [&ids](int node) -> const QString & { return ids[node]; };
        IdIndex index = colliding ? IdIndex([](QStringView, size_t) -> size_t { return 7; }) : IdIndex();
        QCOMPARE(index.value(u"id-0", idOf), -1); // empty
        for (int i = 0; i < int(ids.size()); ++i)
            QCOMPARE(index.insert(ids[i], i, idOf), -1);
        QCOMPARE(index.size(), ids.size());
        for (int i = 0; i < int(ids.size()); ++i)
            QCOMPARE(index.value(ids[i], idOf), i);
        QCOMPARE(index.value(u"id-300", idOf), -1);
        QCOMPARE(index.value(u"", idOf, -2), -2);
        // A second node under a known id is not added: the first one answers.
        ids.append(QStringLiteral("id-42"));
        QCOMPARE(index.insert(ids.last(), int(ids.size()) - 1, idOf), 42);
        QCOMPARE(index.size(), ids.size() - 1);
        QCOMPARE(index.value(u"id-42", idOf), 42);
    }

    // Every row of a tree of many ids is found again by its id (the index grows and rehashes).
    void indexForFindsEveryRow()
    {
        TaskTreeSnapshot s;
        s.initiatives = { { QStringLiteral("I"), QStringLiteral("Auth"), QStringLiteral("active") } };
        for (int p = 0; p < 40; ++p) {
            const QString phase = QStringLiteral("P%1").arg(p);
            s.phases.append({ phase, QStringLiteral("I"), phase, QStringLiteral("pending") });
            for (int t = 0; t < 25; ++t) {
                const QString id = QStringLiteral("T%1-%2").arg(p).arg(t);
                s.tasks.append(task(id, QStringLiteral("pending"), phase, QStringLiteral("I"),
                    t % 5 ? QStringLiteral("T%1-%2").arg(p).arg(t - t % 5) : QString()));
            }
        }
        TaskTreeModel model;
        model.setSnapshot(s);
        for (const TreePhase &phase : std::as_const(s.phases)) {
            const QModelIndex i = model.indexFor(QStringLiteral("phases"), phase.id);
            QCOMPARE(i.data(TaskTreeModel::IdRole).toString(), phase.id);
            QCOMPARE(model.rowCount(i), 5);
        }
        for (const TreeTask &t : std::as_const(s.tasks)) {
            const QModelIndex i = model.indexFor(QStringLiteral("tasks"), t.id);
            QCOMPARE(i.data(TaskTreeModel::IdRole).toString(), t.id);
            QCOMPARE(i.parent().data(TaskTreeModel::IdRole).toString(),
                t.parentTaskId.isEmpty() ? t.phaseId : t.parentTaskId);
        }
        QVERIFY(!model.indexFor(QStringLiteral("tasks"), QStringLiteral("T40-0")).isValid());
        QVERIFY(!model.indexFor(QStringLiteral("phases"), QStringLiteral("T0-0")).isValid());
        QCOMPARE(countTasks(model), 1000);
    }

    void progressAndCounts()
    {
        TaskTreeModel model;
        model.setSnapshot(sample());
        const QModelIndex initiative = model.indexFor(QStringLiteral("initiatives"), QStringLiteral("I"));
        QCOMPARE(initiative.data(TaskTreeModel::ProgressTotalRole).toInt(), 5);
        QCOMPARE(initiative.data(TaskTreeModel::ProgressDoneRole).toInt(), 2);
        QCOMPARE(model.index(0, TaskTreeModel::ProgressColumn).data().toString(), QStringLiteral("2/5"));
        const QModelIndex phase = model.indexFor(QStringLiteral("phases"), QStringLiteral("P"));
        QCOMPARE(phase.data(TaskTreeModel::ProgressTotalRole).toInt(), 4);
        QCOMPARE(phase.data(TaskTreeModel::ProgressDoneRole).toInt(), 1);
        const QVariantMap counts = phase.data(TaskTreeModel::StatusCountsRole).toMap();
        QCOMPARE(counts.value(QStringLiteral("blocked")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("pending")).toInt(), 1);
        QCOMPARE(model.countsText(phase), QStringLiteral("1 completed · 1 in progress · 1 blocked · 1 pending"));
        // A task with sub-tasks shows their progress; a leaf shows none.
        QCOMPARE(model.indexFor(QStringLiteral("tasks"), QStringLiteral("T2"))
                     .data(TaskTreeModel::ProgressTotalRole)
                     .toInt(),
            2);
        const QModelIndex leaf = model.indexFor(QStringLiteral("tasks"), QStringLiteral("T1"));
        QVERIFY(!leaf.siblingAtColumn(TaskTreeModel::ProgressColumn).data().isValid());
    }

    void displayColumns()
    {
        TaskTreeSnapshot s = sample();
        s.tasks[1].retryCount = 2;
        s.tasks[1].priority = QStringLiteral("high");
        s.agents = {
            { QStringLiteral("a-old"), QStringLiteral("brave-otter"), QStringLiteral("T2"), QStringLiteral("stopped") },
            { QStringLiteral("a-run"), QStringLiteral("calm-heron"), QStringLiteral("T2"), QStringLiteral("running") }
        };
        TaskTreeModel model;
        model.setSnapshot(s);
        const QModelIndex t2 = model.indexFor(QStringLiteral("tasks"), QStringLiteral("T2"));
        QCOMPARE(t2.siblingAtColumn(TaskTreeModel::StatusColumn).data().toString(), QStringLiteral("In progress"));
        QCOMPARE(t2.siblingAtColumn(TaskTreeModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
            statusColor(QStringLiteral("tasks"), QStringLiteral("status"), QStringLiteral("in_progress")));
        QCOMPARE(t2.siblingAtColumn(TaskTreeModel::PriorityColumn).data().toString(), QStringLiteral("High"));
        QCOMPARE(t2.siblingAtColumn(TaskTreeModel::CategoryColumn).data().toString(), QStringLiteral("Execute"));
        QCOMPARE(t2.siblingAtColumn(TaskTreeModel::RetriesColumn).data(Qt::EditRole).toLongLong(), 2);
        // The running agent wins over a more recent stopped one; the other is counted.
        QCOMPARE(t2.data(TaskTreeModel::AgentIdRole).toString(), QStringLiteral("a-run"));
        QCOMPARE(t2.siblingAtColumn(TaskTreeModel::AgentColumn).data().toString(), QStringLiteral("calm-heron +1"));
        // An undocumented status is shown as it is, marked unknown.
        s.tasks[0].status = QStringLiteral("frozen");
        model.setSnapshot(s);
        const QModelIndex t1 = model.indexFor(QStringLiteral("tasks"), QStringLiteral("T1"));
        QCOMPARE(t1.siblingAtColumn(TaskTreeModel::StatusColumn).data().toString(), QStringLiteral("Frozen (unknown)"));
        QCOMPARE(t1.siblingAtColumn(TaskTreeModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
            unknownStatusColor());
    }

    void parentCyclesDoNotHang()
    {
        TaskTreeSnapshot s;
        s.initiatives = { { QStringLiteral("I"), QStringLiteral("Loop"), QStringLiteral("active") } };
        s.tasks = { task(QStringLiteral("A"), QStringLiteral("pending"), {}, QStringLiteral("I"), QStringLiteral("B")),
            task(QStringLiteral("B"), QStringLiteral("pending"), {}, QStringLiteral("I"), QStringLiteral("C")),
            task(QStringLiteral("C"), QStringLiteral("pending"), {}, QStringLiteral("I"), QStringLiteral("A")),
            task(QStringLiteral("S"), QStringLiteral("pending"), {}, QStringLiteral("I"), QStringLiteral("S")),
            task(QStringLiteral("D"), QStringLiteral("pending"), {}, QStringLiteral("I"), QStringLiteral("A")) };
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(s);
        // Every task exactly once, the cycle cut at one place, the self-parent at the top.
        QCOMPARE(countTasks(model), 5);
        const QModelIndex initiative = model.index(0, 0);
        QCOMPARE(initiative.data(TaskTreeModel::ProgressTotalRole).toInt(), 5);
        QVERIFY(ids(model, initiative).contains(QStringLiteral("S")));
        QCOMPARE(model.indexFor(QStringLiteral("tasks"), QStringLiteral("D")).parent(),
            model.indexFor(QStringLiteral("tasks"), QStringLiteral("A")));
    }

    void dependencyReason_data()
    {
        QTest::addColumn<QString>("taskId");
        QTest::addColumn<QString>("expected");
        QTest::newRow("two unfinished") << QStringLiteral("X")
                                        << QStringLiteral("waits on 2 tasks: Task Y (in_progress), Task Z (pending)");
        QTest::newRow("one missing") << QStringLiteral("M") << QStringLiteral("waits on 1 task: ghost (missing)");
        QTest::newRow("all done") << QStringLiteral("R") << QString();
        QTest::newRow("phase waits") << QStringLiteral("L")
                                     << QStringLiteral("its phase “Ship” waits on 1 phase: Build (in_progress)");
        QTest::newRow("cycle") << QStringLiteral("C1")
                               << QStringLiteral("waits on 1 task: Task C2 (pending); "
                                                 "dependency cycle: Task C1 → Task C2 → Task C1");
    }

    void dependencyReason()
    {
        QFETCH(QString, taskId);
        QFETCH(QString, expected);
        TaskTreeSnapshot s;
        s.phases = { { QStringLiteral("P1"), {}, QStringLiteral("Build"), QStringLiteral("in_progress") },
            { QStringLiteral("P2"), {}, QStringLiteral("Ship"), QStringLiteral("pending") } };
        for (const auto &[id, status] : std::initializer_list<std::pair<const char16_t *, const char16_t *>> {
                 { u"X", u"blocked" }, { u"Y", u"in_progress" }, { u"Z", u"pending" }, { u"W", u"completed" },
                 { u"M", u"blocked" }, { u"R", u"pending" }, { u"C1", u"pending" }, { u"C2", u"pending" } })
            s.tasks.append(task(QString::fromUtf16(id), QString::fromUtf16(status)));
        s.tasks.append(task(QStringLiteral("L"), QStringLiteral("pending"), QStringLiteral("P2")));
        auto dep = [](const char16_t *from, const char16_t *to) {
            return TreeDependency { QString::fromUtf16(from), QString::fromUtf16(to) };
        };
        s.taskDependencies = { dep(u"X", u"Z"), dep(u"X", u"W"), dep(u"X", u"Y"), dep(u"M", u"ghost"), dep(u"R", u"W"),
            dep(u"C1", u"C2"), dep(u"C2", u"C1") };
        s.phaseDependencies = { dep(u"P2", u"P1") };
        TaskTreeModel model;
        model.setSnapshot(s);
        QCOMPARE(model.dependencies().waitReason(QStringLiteral("tasks"), taskId), expected);
    }

    void dependencyListsBothWays()
    {
        TaskTreeSnapshot s;
        s.tasks = { task(QStringLiteral("A"), QStringLiteral("pending")),
            task(QStringLiteral("B"), QStringLiteral("completed")),
            task(QStringLiteral("C"), QStringLiteral("pending")) };
        s.taskDependencies
            = { { QStringLiteral("A"), QStringLiteral("B") }, { QStringLiteral("C"), QStringLiteral("A") },
                  { QStringLiteral("A"), QStringLiteral("B") } }; // duplicate edge
        TaskTreeModel model;
        model.setSnapshot(s);
        const auto on = model.dependencies().dependsOn(QStringLiteral("tasks"), QStringLiteral("A"));
        QCOMPARE(on.size(), 1);
        QCOMPARE(on.first().id, QStringLiteral("B"));
        const auto by = model.dependencies().dependents(QStringLiteral("tasks"), QStringLiteral("A"));
        QCOMPARE(by.size(), 1);
        QCOMPARE(by.first().name, QStringLiteral("Task C"));
        QVERIFY(model.dependencies().cycleThrough(QStringLiteral("tasks"), QStringLiteral("A")).isEmpty());
    }

    void reloadSameShapeUpdatesInPlace()
    {
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(sample());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        TaskTreeSnapshot s = sample();
        s.tasks[3].status = QStringLiteral("completed"); // T2a1 unblocked and done
        model.setSnapshot(s);
        QCOMPARE(resets.size(), 0);
        QVERIFY(changes.size() > 0);
        const QModelIndex phase = model.indexFor(QStringLiteral("phases"), QStringLiteral("P"));
        QCOMPARE(phase.data(TaskTreeModel::ProgressDoneRole).toInt(), 2);

        s.tasks.append(task(QStringLiteral("T4"), QStringLiteral("pending"), QStringLiteral("P"), QStringLiteral("I")));
        model.setSnapshot(s);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.indexFor(QStringLiteral("phases"), QStringLiteral("P"))
                     .data(TaskTreeModel::ProgressTotalRole)
                     .toInt(),
            5);
    }

    void filterByStatusAndText()
    {
        TaskTreeModel model;
        model.setSnapshot(sample());
        TaskTreeFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);

        filter.setStatusFilter({ QStringLiteral("blocked") });
        // Only the path down to the blocked sub-sub-task stays.
        QCOMPARE(ids(filter), QStringList { QStringLiteral("I") });
        QModelIndex i = filter.index(0, 0);
        QCOMPARE(ids(filter, i), QStringList { QStringLiteral("P") });
        i = filter.index(0, 0, i);
        QCOMPARE(ids(filter, i), QStringList { QStringLiteral("T2") });
        QCOMPARE(countTasks(filter), 3); // T2 > T2a > T2a1 (ancestors shown for context)

        filter.setStatusFilter({});
        filter.setTextFilter(QStringLiteral("stray"));
        // The phase matches by name; the orphan task does not.
        QCOMPARE(ids(filter), QStringList { QStringLiteral("No initiative") });
        QCOMPARE(ids(filter, filter.index(0, 0)), QStringList { QStringLiteral("Q") });

        filter.setTextFilter(QStringLiteral("build"));
        // Typing a phase name shows the phase with all its tasks.
        QCOMPARE(countTasks(filter), 4);

        filter.setTextFilter(QString());
        QCOMPARE(countTasks(filter), 6);
    }

    // A new filter is one layout change, not rows removed and inserted parent by parent: each
    // removal walks every persistent index (a tree view holds one per expanded row), and with
    // 20,000 tasks expanded that made each key typed into the filter freeze the window for
    // seconds. Persistent indexes still follow: a row that stays keeps its index, a row filtered
    // out loses it.
    void filterChangesAreOneLayoutChange()
    {
        TaskTreeModel model;
        model.setSnapshot(sample());
        TaskTreeFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QPersistentModelIndex t1
            = filter.mapFromSource(model.indexFor(QStringLiteral("tasks"), QStringLiteral("T1")));
        const QPersistentModelIndex t2a1
            = filter.mapFromSource(model.indexFor(QStringLiteral("tasks"), QStringLiteral("T2a1")));
        QVERIFY(t1.isValid() && t2a1.isValid());
        QSignalSpy removed(&filter, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&filter, &QAbstractItemModel::rowsInserted);
        QSignalSpy layout(&filter, &QAbstractItemModel::layoutChanged);

        filter.setTextFilter(QStringLiteral("T2a1"));
        QCOMPARE(layout.size(), 1);
        QVERIFY(!t1.isValid());
        QCOMPARE(t2a1.data(TaskTreeModel::IdRole).toString(), QStringLiteral("T2a1"));
        filter.setStatusFilter({ QStringLiteral("blocked") });
        QCOMPARE(layout.size(), 2);
        QCOMPARE(t2a1.data(TaskTreeModel::IdRole).toString(), QStringLiteral("T2a1"));
        filter.setTextFilter(QString());
        filter.setStatusFilter({});
        QCOMPARE(layout.size(), 4);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(countTasks(filter), 6);
    }
};

QTEST_GUILESS_MAIN(TestTaskTreeModel)
#include "tst_tasktreemodel.moc"
