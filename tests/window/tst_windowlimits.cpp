// Numbers at their limits in the real MainWindow (issue 14, points 11 and 14): a task tree whose
// initiative reads 5015/20036 (or 101234/120000) shows the whole label at 1440x900 and at 1024x768, and a session
// numbered above INT_MAX opens in the Agent log with its chunks.

#include "logs/logview.h"
#include "realwindow.h"
#include "tasks/progressdelegate.h"
#include "tasks/tasktreeview.h"
#include "tasktree/tasktreemodel.h"
#include "transcript/sessionlistmodel.h"
#include "transcript/transcriptmodel.h"
#include "windowfixture.h"

#include <QFontMetrics>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestWindowLimits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<test::RealWindow> m_real;
    MainWindow *m_window = nullptr; // m_real's
    int m_serial = 0;

    static constexpr qint64 kFarSession = 3'000'000'000; // above INT_MAX

    void openWindow(const QSize &size)
    {
        m_real.reset();
        // New settings: the first run's layout at this size.
        m_real = std::make_unique<test::RealWindow>(m_dir.filePath(u"settings%1.ini"_s.arg(++m_serial)));
        m_window = &m_real->window;
        QVERIFY(m_real->open(m_path, size));
    }

    // The row of the task tree whose first column reads NAME (top level or one below).
    static QModelIndex rowNamed(const QAbstractItemModel *model, const QString &name)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex top = model->index(row, 0);
            if (top.data().toString() == name)
                return top;
            for (int child = 0; child < model->rowCount(top); ++child) {
                if (model->index(child, 0, top).data().toString() == name)
                    return model->index(child, 0, top);
            }
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createWindowFixture(m_path));
        const QString c = test::openRaw(m_path);
        // An initiative of 20,036 tasks, 5,015 of them completed.
        QVERIFY(test::exec(c,
            u"INSERT INTO initiatives (id, name, status, created_at, updated_at) "
            u"VALUES ('in-big', 'Big initiative', 'active', 1794960700, 1794960700)"_s));
        QVERIFY(test::exec(c,
            u"INSERT INTO phases (id, initiative_id, name, status, created_at, updated_at) "
            u"VALUES ('ph-big', 'in-big', 'Everything', 'in_progress', 1794960700, 1794960700)"_s));
        QVERIFY(test::exec(c,
            u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20036) "
            u"INSERT INTO tasks (id, phase_id, initiative_id, name, status, created_at, updated_at) "
            u"SELECT 'bt-' || i, 'ph-big', 'in-big', 'Task ' || i, "
            u"CASE WHEN i <= 5015 THEN 'completed' ELSE 'pending' END, 1794960700, 1794960700 FROM n"_s));
        // And one of 120,000 tasks: a six-digit total in the narrow side pane.
        QVERIFY(test::exec(c,
            u"INSERT INTO initiatives (id, name, status, created_at, updated_at) "
            u"VALUES ('in-huge', 'Huge initiative', 'active', 1794960700, 1794960700)"_s));
        QVERIFY(test::exec(c,
            u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000) "
            u"INSERT INTO tasks (id, initiative_id, name, status, created_at, updated_at) "
            u"SELECT 'ht-' || i, 'in-huge', 'Huge ' || i, "
            u"CASE WHEN i <= 101234 THEN 'completed' ELSE 'pending' END, 1794960700, 1794960700 FROM n"_s));
        // A session numbered above INT_MAX (64-bit throughout).
        const QByteArray line = "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":"
                                "[{\"type\":\"text\",\"text\":\"Hello from a far session\"}]}}\n";
        QVERIFY(!test::insertRow(c, u"agent_log_chunks"_s,
            { { u"agentId"_s, u"agent-1"_s }, { u"agentName"_s, u"brave-otter"_s }, { u"sessionNumber"_s, kFarSession },
                { u"content"_s, QString::fromUtf8(line) }, { u"createdAt"_s, 1794960800 } })
                     .isEmpty());
        // An agent whose name is far wider than any screen, with a log.
        const QString longName = u"long-"_s + QString(600, u'W');
        QVERIFY(!test::insertRow(c, u"agents"_s,
            { { u"id"_s, u"agent-long"_s }, { u"name"_s, QString(longName + u" tail"_s) },
                { u"status"_s, u"stopped"_s }, { u"worktreeId"_s, u"/wt-long"_s } })
                     .isEmpty());
        QVERIFY(!test::insertRow(c, u"agent_log_chunks"_s,
            { { u"agentId"_s, u"agent-long"_s }, { u"agentName"_s, longName }, { u"sessionNumber"_s, 1 },
                { u"content"_s, QString::fromUtf8(line) }, { u"createdAt"_s, 1794960900 } })
                     .isEmpty());
        test::closeRaw(c);
    }

    void cleanup()
    {
        m_window = nullptr;
        m_real.reset();
    }

    void progressLabelIsWhole_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1440x900") << QSize(1440, 900);
        QTest::newRow("1024x768") << QSize(1024, 768);
    }
    void progressLabelIsWhole()
    {
        QFETCH(QSize, size);
        openWindow(size);
        QString error;
        QVERIFY2(m_window->showView(u"tasks"_s, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), 60000);
        auto *pane = m_window->findChild<TaskTreeView *>();
        QVERIFY(pane);
        QTreeView *tree = pane->treeView();
        QTRY_VERIFY(rowNamed(tree->model(), u"Big initiative"_s).isValid());
        const QHash<QString, QString> expected { { u"Big initiative"_s, u"5015/20036"_s },
            { u"Everything"_s, u"5015/20036"_s }, { u"Huge initiative"_s, u"101234/120000"_s } };
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QString &name = it.key();
            const QModelIndex row = rowNamed(tree->model(), name);
            QVERIFY2(row.isValid(), qPrintable(name));
            const QModelIndex progress = row.siblingAtColumn(TaskTreeModel::ProgressColumn);
            const QString label = u"%1/%2"_s.arg(progress.data(TaskTreeModel::ProgressDoneRole).toInt())
                                      .arg(progress.data(TaskTreeModel::ProgressTotalRole).toInt());
            QCOMPARE(label, it.value());
            QVERIFY(!tree->isColumnHidden(TaskTreeModel::ProgressColumn));
            tree->scrollTo(progress);
            const QRect rect = tree->visualRect(progress);
            // The cell is inside the viewport, and the delegate puts the whole label into it.
            QVERIFY2(tree->viewport()->rect().contains(rect),
                qPrintable(u"%1: cell %2,%3 %4x%5 in a viewport %6 px wide"_s.arg(name)
                               .arg(rect.x())
                               .arg(rect.y())
                               .arg(rect.width())
                               .arg(rect.height())
                               .arg(tree->viewport()->width())));
            auto *delegate
                = qobject_cast<ProgressDelegate *>(tree->itemDelegateForColumn(TaskTreeModel::ProgressColumn));
            QVERIFY(delegate);
            const QFontMetrics metrics(tree->font());
            const QRect cell = rect.adjusted(4, 0, -4, 0);
            const auto places = ProgressDelegate::layout(metrics, cell, label);
            QVERIFY2(places.label.width() >= metrics.horizontalAdvance(label) && cell.contains(places.label),
                qPrintable(u"%1: %2 px for \"%3\", which needs %4 px"_s.arg(name)
                               .arg(places.label.width())
                               .arg(label)
                               .arg(metrics.horizontalAdvance(label))));
        }
    }

    void aLongAgentNameDoesNotWidenTheWindow()
    {
        // The Agent log's title is the agent's name: a name wider than the screen is elided, not
        // a reason for the window to grow past it (it grew from 1440 to 1634 px on such a name).
        openWindow(QSize(1440, 900));
        QString error;
        QVERIFY2(m_window->showView(u"log:agent-long"_s, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), 60000);
        auto *log = m_window->findChild<LogView *>();
        QVERIFY(log);
        QTRY_VERIFY(log->transcriptModel()->rowCount() > 0);
        QTest::qWait(50);
        QVERIFY2(m_window->width() <= 1440, qPrintable(QString::number(m_window->width())));
    }

    void sessionAboveIntMaxShowsItsChunks()
    {
        openWindow(QSize(1440, 900));
        QString error;
        QVERIFY2(m_window->showView(u"log:agent-1/%1"_s.arg(kFarSession), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), 60000);
        auto *log = m_window->findChild<LogView *>();
        QVERIFY(log);
        QTRY_COMPARE(log->sessionNumber(), kFarSession);
        QTRY_VERIFY(log->transcriptModel()->rowCount() > 0);
        bool found = false;
        for (int row = 0; row < log->transcriptModel()->rowCount() && !found; ++row)
            found = log->transcriptModel()->index(row, 0).data().toString().contains(u"Hello from a far session"_s);
        QVERIFY2(found, qPrintable(log->statusText()));
        const QModelIndex session = log->sessionModel()->indexOf(u"agent-1"_s, kFarSession);
        QVERIFY(session.isValid());
    }
};

QTEST_MAIN(TestWindowLimits)
#include "tst_windowlimits.moc"
