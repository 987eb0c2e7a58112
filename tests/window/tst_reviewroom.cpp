// The Review page gives the diff the room in the real MainWindow on the demo: at 1024x768 the
// comment list under the diff takes at most ReviewView::kCommentListShare percent of the height
// (a quarter at first), L or the Comments button hides it and the diff takes all of it, and both
// the choice and the height the user drags the list to are remembered across runs.

#include "demo/demoseeder.h"
#include "diff/reviewsession.h"
#include "gitfixture.h"
#include "mainwindow.h"
#include "realwindow.h"
#include "review/reviewcommentpane.h"
#include "review/reviewview.h"

#include <QApplication>
#include <QListView>
#include <QSplitter>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestReviewRoom : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_phase;
    int m_serial = 0;

    QString settingsFile() { return m_dir.filePath(u"room%1.ini"_s.arg(++m_serial)); }

    // The real window with the settings in SETTINGSFILE, at the phase's review once it has loaded.
    std::unique_ptr<test::RealWindow> openReview(const QString &settingsFile, int width, int height)
    {
        auto real = std::make_unique<test::RealWindow>(settingsFile);
        MainWindow *window = &real->window;
        if (!real->open(m_database, { width, height }))
            return nullptr;
        QApplication::setActiveWindow(window);
        if (!QTest::qWaitForWindowActive(window))
            return nullptr;
        window->navigate({ u"review"_s, m_phase });
        auto *review = window->findChild<ReviewView *>();
        if (!review || !QTest::qWaitFor([&] { return !window->isBusy() && !review->isBusy(); }, 30000))
            return nullptr;
        QTest::qWait(50); // the layout settles after the page is shown
        return real;
    }

    static QSplitter *centerSplit(ReviewView *review) { return review->findChild<QSplitter *>(u"reviewCenterSplit"_s); }
    static int listHeight(ReviewView *review)
    {
        return review->commentPane()->isVisible() ? review->commentPane()->height() : 0;
    }
    static int splitHeight(ReviewView *review) { return centerSplit(review)->height(); }

private slots:
    void initTestCase()
    {
        if (!test::hasGit())
            QSKIP("git is not installed");
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        const DemoResult demo = createDemoDatabase(m_dir.filePath(u"demo.db"_s), m_dir.filePath(u"repo"_s));
        QVERIFY2(demo.ok, qPrintable(demo.error));
        m_database = demo.databasePath;
        const QString c = u"room-read"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, c);
            db.setDatabaseName(m_database);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT phase_id FROM review_comments GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1"_s)
                || q.exec(u"SELECT phaseId FROM review_comments GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1"_s));
            QVERIFY(q.next());
            m_phase = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(c);
    }

    void theDiffHasTheRoom_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("1024x768") << 1024 << 768;
        QTest::newRow("1440x900") << 1440 << 900;
    }

    // First run: the list takes a quarter (at least its own minimum), the diff the rest.
    void theDiffHasTheRoom()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        const auto real = openReview(settingsFile(), width, height);
        QVERIFY(real);
        MainWindow *window = &real->window;
        auto *review = window->findChild<ReviewView *>();
        QVERIFY(review->isCommentListShown());
        const int total = splitHeight(review);
        const int list = listHeight(review);
        QVERIFY2(list <= total * ReviewView::kCommentListShare / 100,
            qPrintable(u"the comment list has %1 of %2 px"_s.arg(list).arg(total)));
        QVERIFY2(list >= review->commentPane()->minimumSizeHint().height(), qPrintable(QString::number(list)));
        QVERIFY2(
            review->commentPane()->view()->viewport()->height() >= 3 * review->commentPane()->view()->sizeHintForRow(0),
            "the list shows at least three comments");
        const int diff = review->diffView()->viewport()->height();
        qInfo("%dx%d: the diff %d px, the comment list %d of %d px", width, height, diff, list, total);
        QVERIFY2(diff >= (total - list) * 75 / 100,
            qPrintable(u"the diff has %1 of the %2 px above the list"_s.arg(diff).arg(total - list)));
        if (height == 768)
            QVERIFY2(diff >= 300, qPrintable(u"the diff has %1 px at 1024x768"_s.arg(diff)));
    }

    // L hides the list (the diff takes its room), the Comments button shows it again; remembered.
    void theListHidesAndIsRemembered()
    {
        const QString file = settingsFile();
        int before = 0;
        {
            const auto real = openReview(file, 1024, 768);
            QVERIFY(real);
            MainWindow *window = &real->window;
            auto *review = window->findChild<ReviewView *>();
            before = review->diffView()->viewport()->height();
            review->diffView()->setFocus();
            QTest::keyClick(review->diffView(), Qt::Key_L);
            QVERIFY(!review->isCommentListShown());
            QTRY_VERIFY(review->diffView()->viewport()->height() > before + 100);
            auto *toggle = review->findChild<QToolButton *>(u"commentListToggle"_s);
            QVERIFY(toggle);
            QVERIFY(!toggle->isChecked());
        }
        {
            const auto real = openReview(file, 1024, 768);
            QVERIFY(real);
            MainWindow *window = &real->window;
            auto *review = window->findChild<ReviewView *>();
            QVERIFY(!review->isCommentListShown()); // remembered
            QVERIFY(review->diffView()->viewport()->height() > before + 100);
            auto *toggle = review->findChild<QToolButton *>(u"commentListToggle"_s);
            QTest::mouseClick(toggle, Qt::LeftButton);
            QVERIFY(review->isCommentListShown());
            QTRY_COMPARE(review->diffView()->viewport()->height(), before);
        }
    }

    // Dragged higher, the list keeps that height in the next run; never more than its share.
    void theDraggedHeightIsRemembered()
    {
        const QString file = settingsFile();
        int dragged = 0;
        {
            const auto real = openReview(file, 1440, 900);
            QVERIFY(real);
            MainWindow *window = &real->window;
            auto *review = window->findChild<ReviewView *>();
            QSplitter *split = centerSplit(review);
            QSplitterHandle *handle = split->handle(1);
            const int start = listHeight(review);
            const QPoint grip(handle->width() / 2, handle->height() / 2);
            QTest::mousePress(handle, Qt::LeftButton, {}, grip);
            QTest::mouseMove(handle, grip - QPoint(0, 40));
            QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(0, 40));
            dragged = listHeight(review);
            QVERIFY2(dragged > start + 20, qPrintable(u"%1 -> %2"_s.arg(start).arg(dragged)));
        }
        {
            const auto real = openReview(file, 1440, 900);
            QVERIFY(real);
            MainWindow *window = &real->window;
            auto *review = window->findChild<ReviewView *>();
            QCOMPARE(listHeight(review), dragged);
            // On a shorter window the same list gives way to the diff.
            window->resize(1024, 600);
            QTRY_VERIFY(splitHeight(review) < 400);
            QTRY_VERIFY(listHeight(review) <= splitHeight(review) * ReviewView::kCommentListShare / 100
                || listHeight(review) == review->commentPane()->minimumSizeHint().height());
        }
    }
};

QTEST_MAIN(TestReviewRoom)
#include "tst_reviewroom.moc"
