// The Review page inside the real MainWindow: switching editing on reaches the open review at
// once (point 3), and resolving a comment shows what will change first, as every action does
// (point 7); a comment card has a context menu with its actions (point 6).

#include "actions/actiondialog.h"
#include "demo/demoseeder.h"
#include "diff/reviewsession.h"
#include "gitfixture.h"
#include "realwindow.h"
#include "review/reviewcommentpane.h"
#include "review/reviewview.h"
#include "reviewfixture.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestWindowReview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;
    int m_serial = 0;
    std::unique_ptr<test::RealWindow> m_real;
    MainWindow *m_window = nullptr; // m_real's

    // A new window (and settings: a first run's) on PATH.
    bool openWindow(const QString &path)
    {
        m_window = nullptr;
        m_real.reset();
        m_real = std::make_unique<test::RealWindow>(m_dir.filePath(u"settings%1.ini"_s.arg(++m_serial)));
        m_window = &m_real->window;
        return m_real->open(path);
    }

    ReviewView *review() const { return m_window->findChild<ReviewView *>(); }
    QPushButton *resolveButton() const
    {
        for (QPushButton *button : review()->commentPane()->findChildren<QPushButton *>()) {
            if (button->text() == u"Resolve")
                return button;
        }
        return nullptr;
    }

    QString openReview()
    {
        QString path = m_dir.filePath(u"review%1.db"_s.arg(++m_serial));
        if (!test::makeReviewFixture(path, m_repo))
            return {};
        if (!openWindow(path))
            return {};
        m_window->navigate({ u"review"_s, u"P1"_s });
        return path;
    }

    void selectComment(const QString &id)
    {
        review()->commentPane()->selectComment(id);
        QTRY_COMPARE(review()->commentPane()->selectedIds(), QStringList { id });
    }

    static bool isResolved(const QString &path, const QString &id)
    {
        bool resolved = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(path);
            db.open();
            QSqlQuery q(db);
            q.prepare(u"SELECT resolved FROM review_comments WHERE id = ?"_s);
            q.addBindValue(id);
            resolved = q.exec() && q.next() && q.value(0).toInt() == 1;
        }
        QSqlDatabase::removeDatabase(u"check"_s);
        return resolved;
    }

private slots:
    void initTestCase()
    {
        if (!test::hasGit())
            QSKIP("git is not installed");
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        m_repo = m_dir.filePath(u"repo"_s);
        QVERIFY(test::makeReviewRepo(m_repo));
    }

    void cleanup()
    {
        m_window = nullptr;
        m_real.reset();
    }

    // Point 3: Ctrl+E with the review open enables Resolve there, without reopening it.
    void editingReachesTheOpenReview()
    {
        QVERIFY(!openReview().isEmpty());
        QTRY_COMPARE(review()->session()->state(), ReviewSession::State::Ready);
        selectComment(u"RC-added"_s);
        QVERIFY(resolveButton());
        QVERIFY(!resolveButton()->isEnabled());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(resolveButton()->isEnabled());
    }

    // Point 7: Resolve shows the "what will change" dialog; Cancel writes nothing, OK resolves.
    void resolveShowsWhatWillChange()
    {
        const QString path = openReview();
        QVERIFY(!path.isEmpty());
        QTRY_COMPARE(review()->session()->state(), ReviewSession::State::Ready);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_E, Qt::ControlModifier);
        selectComment(u"RC-added"_s);
        QTRY_VERIFY(resolveButton()->isEnabled());

        QString shown;
        QObject scope; // drops an answer still pending when the test returns early
        const auto answer = [&shown, &scope](bool accept) {
            QTimer::singleShot(0, &scope, [&shown, accept] {
                auto *dialog = qobject_cast<ActionDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                shown = dialog->plan().title;
                accept ? dialog->accept() : dialog->reject();
            });
        };
        answer(false);
        QTest::mouseClick(resolveButton(), Qt::LeftButton);
        QVERIFY2(!shown.isEmpty(), "Resolve applied without showing what will change");
        QVERIFY(!isResolved(path, u"RC-added"_s));
        shown.clear();
        answer(true);
        QTest::mouseClick(resolveButton(), Qt::LeftButton);
        QVERIFY(!shown.isEmpty());
        QTRY_VERIFY(isResolved(path, u"RC-added"_s));
    }

    // Point 6: right-clicking a comment card offers what its links do, and its id.
    void commentCardHasAContextMenu()
    {
        QVERIFY(!openReview().isEmpty());
        QTRY_COMPARE(review()->session()->state(), ReviewSession::State::Ready);
        review()->revealComment(u"RC-added"_s);
        QListView *diff = review()->diffView();
        QTRY_VERIFY(diff->currentIndex().isValid());
        const QRect card = diff->visualRect(diff->currentIndex());
        QVERIFY(card.isValid());
        QStringList shown;
        QObject scope; // drops the menu reader if no menu opened before the test returns
        QTimer::singleShot(0, &scope, [&shown] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions()) {
                if (!action->isSeparator())
                    shown << action->text();
            }
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, card.center(), diff->viewport()->mapToGlobal(card.center()));
        QApplication::sendEvent(diff->viewport(), &event);
        QCOMPARE(shown, (QStringList { u"Resolve"_s, u"Edit…"_s, u"Delete…"_s, u"Copy id"_s, u"Show details"_s }));
    }

    // Issue 16: at 1440x900 the file tree of the demo's review (a rename "connection.ts ←
    // src/db/pool.ts" among them) shows each file's name, status, +/- counts and comments without
    // scrolling sideways: the panel widens up to 40 % of the page for them.
    void fileTreeShowsItsCounts()
    {
        const QString path = m_dir.filePath(u"demo%1/demo.db"_s.arg(++m_serial));
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        const DemoResult demo = createDemoDatabase(path, QFileInfo(path).path() + u"/orbit-notes"_s);
        QVERIFY2(demo.ok, qPrintable(demo.error));
        QString phase;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"demo"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(u"SELECT id FROM phases WHERE name = 'Session tokens and rotation'"_s, db);
            QVERIFY(q.next());
            phase = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(u"demo"_s);
        QVERIFY(openWindow(path));
        m_window->navigate({ u"review"_s, phase });
        QTRY_COMPARE_WITH_TIMEOUT(review()->session()->state(), ReviewSession::State::Ready, 30000);
        QTreeView *files = review()->fileView();
        QTRY_VERIFY(files->model()->rowCount() > 0);
        QTRY_VERIFY2(files->header()->length() <= files->viewport()->width(),
            qPrintable(u"columns %1 px in %2 px"_s.arg(files->header()->length()).arg(files->viewport()->width())));
    }

    // At 1440x900 the header's "Read-only: switch editing on ..." hint reads on one line.
    void editingHintOnOneLine()
    {
        QVERIFY(!openReview().isEmpty());
        QTRY_COMPARE(review()->session()->state(), ReviewSession::State::Ready);
        auto *hint = review()->findChild<QLabel *>(u"reviewEditingHint"_s);
        QVERIFY(hint);
        QVERIFY(hint->text().startsWith(u"Read-only"_s));
        QTRY_VERIFY2(
            hint->height() < 2 * hint->fontMetrics().lineSpacing(), qPrintable(QString::number(hint->height())));
    }
};

QTEST_MAIN(TestWindowReview)
#include "tst_windowreview.moc"
