// The Tables page of the real MainWindow as a user drives it: filter fields under their columns
// after scrolling sideways, "Clear filters", the sort indicator, filters typed as the grid shows
// values, "rows 1–23 of 60" and Go to row, CSV export as shown.

#include "browse/cellviewer.h"
#include "browse/filterheader.h"
#include "browse/tablebrowser.h"
#include "browse/tablemodel.h"
#include "database.h"
#include "locker.h"
#include "mainwindow.h"
#include "realwindow.h"
#include "windowfixture.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestWindowTable : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_settingsPath; // one per test, kept when a test opens the window again
    int m_serial = 0;
    std::unique_ptr<test::RealWindow> m_real;
    MainWindow *m_window = nullptr; // m_real's

    void openWindow()
    {
        closeWindow();
        m_real = std::make_unique<test::RealWindow>(m_settingsPath);
        m_window = &m_real->window;
        QVERIFY(m_real->open(m_path, { 1024, 768 }));
    }
    void closeWindow()
    {
        m_window = nullptr;
        m_real.reset();
    }

    TableBrowser *browser() const { return m_window->tableBrowser(); }
    FilterHeader *header() const { return static_cast<FilterHeader *>(browser()->view()->horizontalHeader()); }
    int column(const QString &name) const { return browser()->model()->columnOf(name); }

    void openTasks()
    {
        m_window->navigate({ u"tasks"_s, {} });
        QTRY_COMPARE(browser()->model()->totalCount(), 6);
        QTRY_VERIFY(!m_window->isBusy());
    }

    // Types TEXT into the filter field the user sees under COLUMN's title (found by position,
    // as a click would find it).
    void typeFilterUnder(const QString &columnName, const QString &text, bool scrollToIt = true)
    {
        const int c = column(columnName);
        QVERIFY(c >= 0);
        if (scrollToIt) { // as a user scrolls to a column before typing under it
            browser()->view()->scrollTo(browser()->model()->index(0, c));
            QCoreApplication::processEvents();
        }
        const QPoint titleCenter(header()->sectionViewportPosition(c) + header()->sectionSize(c) / 2,
            header()->height() - header()->editor(c)->height() / 2 - 2);
        auto *field = qobject_cast<QLineEdit *>(header()->childAt(titleCenter));
        QVERIFY2(field, "no filter field under the column title");
        QTest::mouseClick(field, Qt::LeftButton);
        QTest::keyClicks(field, text);
    }

    int filteredCount(const QString &columnName)
    {
        const QString real = browser()->model()->columnName(column(columnName));
        [&] { QTRY_VERIFY(!browser()->model()->query().filters.isEmpty()); }();
        [&] { QTRY_VERIFY(!m_window->isBusy()); }();
        for (const ColumnFilter &filter : browser()->model()->query().filters) {
            if (filter.column != real)
                return -2; // the text landed in another column
        }
        return int(browser()->model()->totalCount());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createWindowFixture(m_path));
    }

    void init()
    {
        m_settingsPath = m_dir.filePath(u"settings%1.ini"_s.arg(++m_serial));
        openWindow();
    }

    void cleanup() { closeWindow(); }

    // Point 1: scrolled sideways, the field under a column's title filters that column.
    void filterFieldsFollowHorizontalScrolling()
    {
        openTasks();
        QScrollBar *bar = browser()->view()->horizontalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum());
        QCoreApplication::processEvents();
        // The column whose title is in the middle of the scrolled view.
        const int middle = header()->logicalIndexAt(browser()->view()->viewport()->width() / 2);
        QVERIFY(middle >= 0);
        QVERIFY(header()->sectionViewportPosition(middle) != header()->sectionPosition(middle)); // scrolled
        const QString name = browser()->model()->columnName(middle);
        typeFilterUnder(name, u"!NULL"_s, false);
        QCOMPARE(filteredCount(name), int(browser()->model()->totalCount())); // -2: landed elsewhere
        QCOMPARE(browser()->model()->query().filters.value(0).column, name);
    }

    void clearFiltersClearsEveryFilterAndTheSearch()
    {
        openTasks();
        auto *clear = browser()->findChild<QToolButton *>(u"clearFilters"_s);
        QVERIFY(clear);
        QVERIFY(!clear->isEnabled());
        typeFilterUnder(u"status"_s, u"=blocked"_s);
        QCOMPARE(filteredCount(u"status"_s), 3);
        QTRY_VERIFY(clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QTRY_VERIFY(browser()->model()->query().filters.isEmpty());
        QTRY_COMPARE(browser()->model()->totalCount(), 6);
        QVERIFY(header()->filterText(column(u"status"_s)).isEmpty());
        QVERIFY(!clear->isEnabled());
    }

    // Point 10: clicking a title sorts by it and the header shows the arrow there.
    void sortIndicatorFollowsTheSortedColumn()
    {
        openTasks();
        const int name = column(u"name"_s);
        QVERIFY(header()->isSortIndicatorShown());
        const QPoint title(header()->sectionViewportPosition(name) + 10, 6);
        QTest::mouseClick(header()->viewport(), Qt::LeftButton, {}, title);
        QTRY_COMPARE(browser()->model()->query().sortColumn, u"name"_s);
        QCOMPARE(header()->sortIndicatorSection(), name);
        QCOMPARE(header()->sortIndicatorOrder(), Qt::AscendingOrder);
        QTRY_VERIFY(!m_window->isBusy());
        QCOMPARE(header()->sortIndicatorSection(), name); // still there once the rows are in
        QTest::mouseClick(header()->viewport(), Qt::LeftButton, {}, title);
        QTRY_COMPARE(browser()->model()->query().order, Qt::DescendingOrder);
        QCOMPARE(header()->sortIndicatorOrder(), Qt::DescendingOrder);
    }

    // Point 11: what the badge reads and the date the grid shows are what a filter takes.
    void filtersTakeShownValues_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("rows");
        QTest::newRow("badge label") << u"status"_s << u"=Pending"_s << 2;
        QTest::newRow("badge label with a space") << u"status"_s << u"=In progress"_s << 1;
        QTest::newRow("stored value still works") << u"status"_s << u"=pending"_s << 2;
        QTest::newRow("after a date") << u"createdAt"_s << u">2026-10-20"_s << 3;
        QTest::newRow("before a date") << u"createdAt"_s << u"<2026-10-20"_s << 3;
        QTest::newRow("on a day") << u"createdAt"_s << u"=2026-10-25"_s << 3;
        QTest::newRow("a month") << u"createdAt"_s << u"2026-10"_s << 6;
        QTest::newRow("stored seconds still work")
            << u"createdAt"_s << QString(u'>' + QString::number(test::earlyStamp())) << 3;
    }

    void filtersTakeShownValues()
    {
        QFETCH(QString, field);
        QFETCH(QString, filter);
        QFETCH(int, rows);
        openTasks();
        typeFilterUnder(field, filter);
        QCOMPARE(filteredCount(field), rows);
    }

    void positionAndGoToRow()
    {
        openTasks();
        QTRY_COMPARE(browser()->positionText(), u"rows 1–6 of 6"_s);
        browser()->activateWindow();
        browser()->view()->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            asked = true;
            dialog->setIntValue(4);
            dialog->accept();
        });
        QTest::keyClick(browser()->view(), Qt::Key_G, Qt::ControlModifier);
        QVERIFY(asked);
        QCOMPARE(browser()->view()->currentIndex().row(), 3);
        QVERIFY(browser()->view()->selectionModel()->isRowSelected(3, {}));
    }

    // Foreign keys read as the row they point at; the id is in the tooltip and in Raw mode.
    void foreignKeysShowNames()
    {
        m_window->navigate({ u"agents"_s, {} });
        QTRY_COMPARE(browser()->model()->totalCount(), 2);
        const int taskColumn = column(u"taskId"_s);
        QVERIFY(taskColumn >= 0);
        int row = -1;
        QTRY_VERIFY((row = [&] {
            for (int r = 0; r < browser()->model()->rowCount(); ++r) {
                if (browser()->model()->idAt(r) == u"agent-1")
                    return r;
            }
            return -1;
        }()) >= 0);
        const QModelIndex cell = browser()->model()->index(row, taskColumn);
        QTRY_COMPARE(cell.data(Qt::DisplayRole).toString(), u"Login form"_s);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(u"task-1"_s));
        QTest::mouseClick(browser()->findChild<QToolButton *>(u"rawMode"_s), Qt::LeftButton);
        QCOMPARE(cell.data(Qt::DisplayRole).toString(), u"task-1"_s);
        QTRY_VERIFY(!m_window->isBusy());
    }

    // The cell viewer shows a long value in full, JSON pretty, and copies it.
    void cellViewerShowsTheWholeValue()
    {
        m_window->navigate({ u"agents"_s, {} });
        QTRY_COMPARE(browser()->model()->totalCount(), 2);
        const int questions = column(u"pendingQuestions"_s);
        int row = -1;
        QTRY_VERIFY((row = [&] {
            for (int r = 0; r < browser()->model()->rowCount(); ++r) {
                if (browser()->model()->idAt(r) == u"agent-1")
                    return r;
            }
            return -1;
        }()) >= 0);
        QTableView *view = browser()->view();
        view->scrollTo(browser()->model()->index(row, questions));
        const QRect rect = view->visualRect(browser()->model()->index(row, questions));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        CellViewer *viewer = browser()->cellViewer();
        QVERIFY(viewer);
        QTRY_VERIFY(viewer->isVisible());
        QCOMPARE(viewer->mode(), CellViewer::JsonMode);
        QVERIFY(viewer->shownText().contains(u"\"q29\""_s));
        QVERIFY(viewer->shownText().count(u'\n') > 30); // pretty-printed
        viewer->copy();
        QCOMPARE(QGuiApplication::clipboard()->text(), viewer->shownText());
        viewer->setMode(CellViewer::TextMode);
        QVERIFY(viewer->shownText().startsWith(u"{\"questions\":["_s));
    }

    // Point 14: NULL and empty text differ in the CSV; columns come in the order shown.
    void csvExportKeepsNullAndShownOrder()
    {
        openTasks();
        const int name = column(u"name"_s);
        const int id = column(u"id"_s);
        // Show id first, as a user dragging the column would.
        header()->moveSection(header()->visualIndex(id), 0);
        typeFilterUnder(u"status"_s, u"=blocked"_s);
        QCOMPARE(filteredCount(u"status"_s), 3);
        const QString out = m_dir.filePath(u"tasks.csv"_s);
        browser()->exportTo(out);
        QTRY_VERIFY(QFile::exists(out));
        QTRY_VERIFY(!m_window->isBusy());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        const QList<QByteArray> titles = lines.at(0).trimmed().split(',');
        QCOMPARE(titles.value(0), QByteArray("id"));
        for (int visual = 1; visual < header()->count(); ++visual)
            QCOMPARE(titles.value(visual), browser()->model()->columnName(header()->logicalIndex(visual)).toUtf8());
        QVERIFY(name >= 0);
        const int summary = titles.indexOf("summary");
        QVERIFY(summary >= 0);
        QHash<QByteArray, QByteArray> summaries; // id -> summary field as written
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> values = lines.at(i).trimmed().split(',');
            summaries.insert(values.value(0), values.value(summary));
        }
        QCOMPARE(summaries.value("task-1"), QByteArray()); // NULL: an empty field
        QCOMPARE(summaries.value("task-2"), QByteArray("\"\"")); // empty text: ""
    }

    // A table opened by --view (or a link) takes the keyboard: Ctrl+End goes to the last row at
    // once, without a click first (the window bench's Ctrl+End timed out: the key went nowhere).
    void openedTableTakesTheKeyboard()
    {
        QString error;
        QVERIFY2(m_window->showView(u"table:tasks"_s, &error), qPrintable(error));
        QTRY_COMPARE(browser()->model()->totalCount(), 6);
        QTRY_VERIFY(!m_window->isBusy());
        QCOMPARE(QApplication::focusWidget(), browser()->view());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_End, Qt::ControlModifier);
        QTRY_COMPARE(browser()->view()->currentIndex().row(), 5);
        // In the column shown first (the name), so the grid does not scroll sideways.
        QCOMPARE(browser()->view()->horizontalHeader()->visualIndex(browser()->view()->currentIndex().column()), 0);
        QCOMPARE(browser()->view()->horizontalScrollBar()->value(), 0);
    }

    // A second process holds an exclusive lock (a server writing with a rollback journal): the
    // status bar says the window waits for it while a read does, and stops saying so after.
    void aWaitOnAnotherProcesssLockIsShown()
    {
        openTasks();
        auto *lockLabel = m_window->findChild<QLabel *>(u"lockWait"_s);
        QVERIFY(lockLabel);
        QVERIFY(!lockLabel->isVisible());
        QProcess locker;
        QVERIFY(test::startLocker(locker, { u"exclusive"_s, m_path, u"3000"_s }));
        m_real->context.notifyDataChanged(); // as the change detector would: the panes read again
        QTRY_VERIFY_WITH_TIMEOUT(lockLabel->isVisible(), 3000);
        QVERIFY(locker.waitForFinished(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!lockLabel->isVisible(), 5000);
    }

    // Newest first without sorting the whole table: by rowid where createdAt has no index (a
    // million rows sorted for one page froze the real window, issue 10), by createdAt where an
    // index keeps that order.
    void newestFirstWithoutSortingTheWholeTable()
    {
        openTasks();
        QVERIFY(browser()->model()->query().sortColumn.isEmpty());
        QCOMPARE(browser()->model()->query().order, Qt::DescendingOrder);
        QCOMPARE(header()->sortIndicatorSection(), -1); // no column is sorted
        const QString newest = [&] {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newest"_s);
            db.setDatabaseName(m_path);
            db.open();
            QSqlQuery q(u"SELECT id FROM tasks ORDER BY rowid DESC LIMIT 1"_s, db);
            return q.next() ? q.value(0).toString() : QString();
        }();
        QSqlDatabase::removeDatabase(u"newest"_s);
        QTRY_COMPARE(browser()->model()->index(0, column(u"id"_s)).data(Qt::EditRole).toString(), newest);

        closeWindow();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"index"_s);
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE INDEX tasks_created ON tasks(created_at)"_s)
                || q.exec(u"CREATE INDEX tasks_created ON tasks(createdAt)"_s));
        }
        QSqlDatabase::removeDatabase(u"index"_s);
        openWindow();
        openTasks();
        const QString createdAt = m_real->context.database()->schema().table(u"tasks"_s)->column(u"createdAt"_s);
        QCOMPARE(browser()->model()->query().sortColumn, createdAt);
        QCOMPARE(header()->sortIndicatorSection(), column(createdAt));
        closeWindow();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"drop"_s);
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery(u"DROP INDEX tasks_created"_s, db);
        }
        QSqlDatabase::removeDatabase(u"drop"_s);
    }
};

QTEST_MAIN(TestWindowTable)
#include "tst_windowtable.moc"
