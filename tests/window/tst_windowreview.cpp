// The Review page inside the real MainWindow: switching editing on reaches the open review at
// once (point 3), and resolving a comment shows what will change first, as every action does
// (point 7); a comment card has a context menu with its actions (point 6).

#include "actions/actiondialog.h"
#include "diff/reviewsession.h"
#include "gitfixture.h"
#include "mainwindow.h"
#include "review/reviewcommentpane.h"
#include "review/reviewview.h"
#include "reviewfixture.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
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
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;

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
        const QString path = m_dir.filePath(u"review%1.db"_s.arg(++m_serial));
        if (!test::makeReviewFixture(path, m_repo))
            return {};
        m_context = std::make_unique<AppContext>();
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_window = std::make_unique<MainWindow>(m_context.get(), m_settings.get());
        if (!m_window->openFile(path))
            return {};
        m_window->resize(1440, 900);
        m_window->show();
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
        m_window.reset();
        m_settings.reset();
        m_context.reset();
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
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(resolveButton()->isEnabled());
    }

    // Point 7: Resolve shows the "what will change" dialog; Cancel writes nothing, OK resolves.
    void resolveShowsWhatWillChange()
    {
        const QString path = openReview();
        QVERIFY(!path.isEmpty());
        QTRY_COMPARE(review()->session()->state(), ReviewSession::State::Ready);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        selectComment(u"RC-added"_s);
        QTRY_VERIFY(resolveButton()->isEnabled());

        QString shown;
        const auto answer = [&shown](bool accept) {
            QTimer::singleShot(0, [&shown, accept] {
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
        QTimer::singleShot(0, [&shown] {
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
};

QTEST_MAIN(TestWindowReview)
#include "tst_windowreview.moc"
