// The review page as a user drives it in the real MainWindow on the demo database and its git
// repository: j / k step through the file tree, n / p through the unresolved comments, the
// side-by-side toggle is remembered and gives way to unified (with a hint) where the window is
// too narrow until the file tree is hidden (T); the demo's rename, deletion, binary file and
// non-ASCII path show side by side with the changed words marked; "Viewed" survives a restart.

#include "database.h"
#include "demo/demoseeder.h"
#include "diff/difffilelistmodel.h"
#include "diff/difffiletreemodel.h"
#include "diff/diffmodel.h"
#include "diff/reviewsession.h"
#include "diff/textdiff.h"
#include "gitfixture.h"
#include "mainwindow.h"
#include "realwindow.h"
#include "review/reviewview.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestReviewWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_phase;

    // The real window with the settings in SETTINGSFILE, at the phase's review once it has loaded.
    std::unique_ptr<test::RealWindow> openWindow(const QString &settingsFile, ReviewView **review)
    {
        auto real = std::make_unique<test::RealWindow>(settingsFile);
        MainWindow *window = &real->window;
        if (!real->open(m_database))
            return nullptr;
        QApplication::setActiveWindow(window);
        if (!QTest::qWaitForWindowActive(window))
            return nullptr;
        window->navigate({ u"review"_s, m_phase });
        *review = window->findChild<ReviewView *>();
        if (!*review || !QTest::qWaitFor([&] { return !window->isBusy() && !(*review)->isBusy(); }, 30000))
            return nullptr;
        return real;
    }

    int fileIndex(ReviewView *review, const QString &path) { return review->session()->fileModel()->rowOfPath(path); }

    // Selects PATH through the tree, as a click would.
    bool show(ReviewView *review, const QString &path)
    {
        const int index = fileIndex(review, path);
        if (index < 0)
            return false;
        const QModelIndex tree = review->session()->fileTree()->indexOfFile(index);
        auto *proxy = qobject_cast<QAbstractProxyModel *>(review->fileView()->model());
        review->fileView()->setCurrentIndex(proxy->mapFromSource(tree));
        return review->currentFile() == index;
    }

private slots:
    void initTestCase()
    {
        if (!test::hasGit())
            QSKIP("git is not installed");
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8()); // viewed state, journal
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        const DemoResult demo = createDemoDatabase(m_dir.filePath(u"demo.db"_s), m_dir.filePath(u"repo"_s));
        QVERIFY2(demo.ok, qPrintable(demo.error));
        m_database = demo.databasePath;
        const QString c = u"demo-read"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, c);
            db.setDatabaseName(m_database);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT phase_id, COUNT(*) AS n FROM review_comments GROUP BY 1 ORDER BY n DESC LIMIT 1"_s)
                || q.exec(u"SELECT phaseId, COUNT(*) AS n FROM review_comments GROUP BY 1 ORDER BY n DESC LIMIT 1"_s));
            QVERIFY(q.next());
            m_phase = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(c);
    }

    void keysStepThroughFilesAndComments()
    {
        const QString settings = m_dir.filePath(u"keys.ini"_s);
        ReviewView *review = nullptr;
        const auto real = openWindow(settings, &review);
        QVERIFY(real);
        const QVector<int> order = review->session()->fileTree()->filesInTreeOrder();
        QVERIFY(order.size() > 3);
        QCOMPARE(review->currentFile(), order.at(0));
        review->diffView()->setFocus();
        QTest::keyClick(review->diffView(), Qt::Key_J);
        QCOMPARE(review->currentFile(), order.at(1));
        QTest::keyClick(review->diffView(), Qt::Key_J);
        QCOMPARE(review->currentFile(), order.at(2));
        QTest::keyClick(review->diffView(), Qt::Key_K);
        QCOMPARE(review->currentFile(), order.at(1));
        // The file tree shows the same file selected.
        QCOMPARE(review->fileView()->currentIndex().data(DiffFileTreeModel::FileIndexRole).toInt(), order.at(1));

        // n / p: the unresolved comments in reading order, each scrolled to and current.
        const QStringList open = review->session()->unresolvedInOrder();
        QVERIFY(open.size() >= 2);
        QTest::keyClick(review->diffView(), Qt::Key_N);
        QCOMPARE(review->diffView()->currentIndex().data(DiffModel::CommentIdRole).toString(), open.at(0));
        QTest::keyClick(review->diffView(), Qt::Key_N);
        QCOMPARE(review->diffView()->currentIndex().data(DiffModel::CommentIdRole).toString(), open.at(1));
        QTest::keyClick(review->diffView(), Qt::Key_P);
        QCOMPARE(review->diffView()->currentIndex().data(DiffModel::CommentIdRole).toString(), open.at(0));
        QTest::keyClick(review->diffView(), Qt::Key_P); // wraps to the last one
        const QString last = review->diffView()->currentIndex().data(DiffModel::CommentIdRole).toString();
        QVERIFY(last == open.last() || review->diffModel()->rowOfComment(open.last()) < 0); // outdated: pane only
    }

    void sideBySideToggleIsRemembered()
    {
        const QString settings = m_dir.filePath(u"side.ini"_s);
        {
            ReviewView *review = nullptr;
            const auto real = openWindow(settings, &review);
            QVERIFY(real);
            QVERIFY(!review->isSideBySide());
            auto *toggle = review->findChild<QCheckBox *>(u"sideBySideToggle"_s);
            QVERIFY(toggle);
            QTest::mouseClick(toggle, Qt::LeftButton, {}, QPoint(6, toggle->height() / 2));
            QVERIFY(review->isSideBySide());
            QVERIFY(review->diffModel()->isSideBySide());
        }
        ReviewView *review = nullptr;
        const auto real = openWindow(settings, &review);
        QVERIFY(real);
        QVERIFY(review->isSideBySide());
    }

    // At 1024x768 the diff beside the file tree has no room for two columns: unified is shown with
    // a hint; T hides the tree (remembered) and side by side fits again.
    void narrowWindowShowsUnifiedUntilTheTreeIsHidden()
    {
        const QString settings = m_dir.filePath(u"narrow.ini"_s);
        {
            ReviewView *review = nullptr;
            const auto real = openWindow(settings, &review);
            QVERIFY(real);
            QVERIFY(review->isFileTreeShown());
            QVERIFY(show(review, u"src/auth/session.ts"_s));
            review->setSideBySide(true);
            QTRY_VERIFY(review->isSideBySide()); // 1440 px: room enough
            auto *hint = review->findChild<QLabel *>(u"sideBySideHint"_s);
            QVERIFY(hint);
            QVERIFY(hint->isHidden());
            real->window.resize(1024, 768);
            QTRY_VERIFY(!review->isSideBySide());
            QVERIFY(review->prefersSideBySide());
            QVERIFY(!review->diffModel()->isSideBySide());
            QTRY_VERIFY(hint->isVisible());
            QVERIFY(hint->text().contains(u"file tree"_s));
            review->diffView()->setFocus();
            QTest::keyClick(review->diffView(), Qt::Key_T);
            QVERIFY(!review->isFileTreeShown());
            QTRY_VERIFY(review->isSideBySide());
            QTRY_VERIFY(hint->isHidden());
            QVERIFY(review->diffView()->viewport()->width() < 1024);
        }
        ReviewView *review = nullptr;
        const auto real = openWindow(settings, &review);
        QVERIFY(real);
        QVERIFY(!review->isFileTreeShown()); // remembered
        auto *toggle = review->findChild<QToolButton *>(u"fileTreeToggle"_s);
        QVERIFY(toggle);
        QVERIFY(!toggle->isChecked());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(review->isFileTreeShown());
    }

    void demoFilesSideBySideWithChangedWords()
    {
        const QString settings = m_dir.filePath(u"demo.ini"_s);
        ReviewView *review = nullptr;
        const auto real = openWindow(settings, &review);
        QVERIFY(real);
        review->setSideBySide(true);
        const QVector<DiffFile> &files = review->session()->fileModel()->files();
        DiffModel *diff = review->diffModel();
        const auto show = [&](const QString &path) {
            const int index = fileIndex(review, path);
            if (index < 0)
                return false;
            review->fileView()->setCurrentIndex(QModelIndex());
            // Select through the tree, as a click would.
            const QModelIndex tree = review->session()->fileTree()->indexOfFile(index);
            auto *proxy = qobject_cast<QAbstractProxyModel *>(review->fileView()->model());
            review->fileView()->setCurrentIndex(proxy->mapFromSource(tree));
            return review->currentFile() == index;
        };
        const auto changedWords = [&](bool right) {
            QStringList words;
            for (int r = 0; r < diff->rowCount(); ++r) {
                const QModelIndex i = diff->index(r);
                const auto spans = i.data(right ? DiffModel::RightChangedSpansRole : DiffModel::ChangedSpansRole)
                                       .value<QVector<textdiff::Span>>();
                const QString text = i.data(right ? int(DiffModel::RightTextRole) : int(Qt::DisplayRole)).toString();
                for (const textdiff::Span &s : spans)
                    words << text.mid(s.start, s.length);
            }
            return words;
        };

        // Renamed (pool.ts -> connection.ts) and edited: "pool" became "db" beside each other.
        QVERIFY(show(u"src/db/connection.ts"_s));
        QCOMPARE(files.at(review->currentFile()).status, DiffFile::Renamed);
        QVERIFY2(changedWords(false).contains(u"pool"_s), qPrintable(changedWords(false).join(u',')));
        QVERIFY2(changedWords(true).contains(u"db"_s), qPrintable(changedWords(true).join(u',')));
        // Whole file: the unchanged lines between and around the hunks come from git show.
        const auto contextRows = [&] {
            int n = 0;
            for (int r = 0; r < diff->rowCount(); ++r)
                n += diff->rowKind(r) == DiffModel::ContextRow ? 1 : 0;
            return n;
        };
        QCOMPARE(contextRows(), 0);
        auto *wholeFile = review->findChild<QPushButton *>(u"wholeFileButton"_s);
        QVERIFY(wholeFile);
        QTest::mouseClick(wholeFile, Qt::LeftButton);
        QTRY_VERIFY(diff->hasFullText());
        int inHunks = 0;
        for (const DiffHunk &h : diff->file().hunks)
            inHunks += h.newCount;
        int fileLines = 0;
        for (int r = 0; r < diff->rowCount(); ++r)
            fileLines = qMax(fileLines, diff->index(r).data(DiffModel::NewLineRole).toInt());
        QCOMPARE(contextRows() + inHunks, fileLines); // every line of the file is shown once
        for (int r = 0; r < diff->rowCount(); ++r)
            QVERIFY(diff->rowKind(r) != DiffModel::ExpandRow);

        // Deleted: every row has its old line on the left and nothing on the right.
        QVERIFY(show(u"src/auth/basic.ts"_s));
        QCOMPARE(files.at(review->currentFile()).status, DiffFile::Deleted);
        int lines = 0;
        for (int r = 0; r < diff->rowCount(); ++r) {
            if (diff->rowKind(r) != DiffModel::LineRow)
                continue;
            ++lines;
            QCOMPARE(diff->index(r).data(DiffModel::RightLineKindRole).toInt(), -1);
            QCOMPARE(diff->index(r).data(DiffModel::LineKindRole).toInt(), int(DiffLine::Removed));
        }
        QVERIFY(lines > 3);

        // Binary: a note, no lines; its tree row says B.
        QVERIFY(show(u"docs/auth-flow.png"_s));
        QVERIFY(diff->index(0).data().toString().contains(u"Binary"_s));
        QCOMPARE(review->session()
                     ->fileTree()
                     ->indexOfFile(review->currentFile(), DiffFileTreeModel::StatusColumn)
                     .data()
                     .toString(),
            u"B"_s);

        // Non-ASCII path: the tree shows the name in full; the added lines sit on the right.
        QVERIFY(show(u"docs/Sécurité notes.md"_s));
        QCOMPARE(review->session()->fileTree()->indexOfFile(review->currentFile()).data().toString(),
            u"Sécurité notes.md"_s);
        const QModelIndex first = diff->index(1);
        QVERIFY(first.data(DiffModel::RightTextRole).toString().contains(u"Sécurité"_s));
        QCOMPARE(first.data(DiffModel::LineKindRole).toInt(), -1);
    }

    void viewedSurvivesRestart()
    {
        const QString settings = m_dir.filePath(u"viewed.ini"_s);
        int file = -1;
        {
            ReviewView *review = nullptr;
            const auto real = openWindow(settings, &review);
            QVERIFY(real);
            file = review->currentFile();
            auto *viewed = review->findChild<QCheckBox *>(u"viewedToggle"_s);
            QVERIFY(viewed);
            QTest::mouseClick(viewed, Qt::LeftButton, {}, QPoint(6, viewed->height() / 2));
            QCOMPARE(
                review->session()->fileTree()->indexOfFile(file).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        }
        ReviewView *review = nullptr;
        const auto real = openWindow(settings, &review);
        QVERIFY(real);
        QCOMPARE(review->session()->fileTree()->indexOfFile(file).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(review->session()->viewedFiles().viewedCount(review->session()->fileModel()->files()), 1);
    }
};

QTEST_MAIN(TestReviewWindow)
#include "tst_reviewwindow.moc"
