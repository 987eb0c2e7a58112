// Outdated review comments show the code they were written on, in the real MainWindow: a comment
// on a line the branch changed again (its card at the top of the file), on a file the branch
// deleted (shown when the comment is chosen in the comment pane), on a commit that a reset took
// off the branch (found through the branch's reflog), on the old side of a removed line, and, when
// git has no such version, a card that says so. The repository is gitfixture.h's makeOutdatedRepo.

#include "appcontext.h"
#include "diff/diffmodel.h"
#include "diff/outdatedcode.h"
#include "diff/reviewcommentmodel.h"
#include "diff/reviewsession.h"
#include "git/gitrunner.h"
#include "gitfixture.h"
#include "mainwindow.h"
#include "realwindow.h"
#include "review/reviewcommentpane.h"
#include "review/reviewview.h"
#include "reviewfixture.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QListView>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestOutdatedComments : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repo;
    QString m_database;

    // Clicks the comment's row in the comment pane, as a user picks it there.
    static bool clickInPane(ReviewView *review, const QString &id)
    {
        QTreeView *list = review->commentPane()->view();
        const auto *proxy = qobject_cast<QAbstractProxyModel *>(list->model());
        auto *model = review->session()->commentModel();
        const QModelIndex index = proxy->mapFromSource(model->index(model->rowOf(id), 0));
        if (!index.isValid())
            return false;
        list->scrollTo(index);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        return true;
    }

    static OutdatedCode codeOf(ReviewView *review, const QString &id)
    {
        const int row = review->diffModel()->rowOfComment(id);
        if (row < 0)
            return {};
        return review->diffModel()->index(row).data(DiffModel::OutdatedCodeRole).value<OutdatedCode>();
    }

    static QString commentedLine(const OutdatedCode &code)
    {
        for (const OutdatedCode::Line &l : code.lines) {
            if (l.commented)
                return l.text;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        if (!test::hasGit())
            QSKIP("git is not installed");
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        m_repo = m_dir.filePath(u"repo"_s);
        QVERIFY(test::makeOutdatedRepo(m_repo));
        m_database = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::makeReviewFixture(m_database, m_repo));
        // Written between A and B (reviewfixture.h adds RC-added .. RC-gone, all before W).
        const QString c = test::openRaw(m_database);
        const auto comment = [&](const QString &id, const QString &file, int line, const QString &type, qint64 at) {
            return !test::insertRow(c, u"review_comments"_s,
                QVariantMap { { u"id"_s, id }, { u"phaseId"_s, u"P1"_s }, { u"filePath"_s, file },
                    { u"lineNumber"_s, line }, { u"lineType"_s, type }, { u"body"_s, QString(u"About "_s + file) },
                    { u"author"_s, u"dana"_s }, { u"resolved"_s, 0 }, { u"createdAt"_s, at }, { u"updatedAt"_s, at } })
                        .isEmpty();
        };
        QVERIFY(comment(u"RC-line"_s, u"app.txt"_s, 3, u"added"_s, 1700001000));
        QVERIFY(comment(u"RC-file"_s, u"draft.txt"_s, 3, u"added"_s, 1700001000));
        QVERIFY(comment(u"RC-wip"_s, u"wip.txt"_s, 1, u"added"_s, 1700002000));
        QVERIFY(comment(u"RC-ghost"_s, u"ghost.txt"_s, 1, u"added"_s, 1700001000));
        QVERIFY(comment(u"RC-option"_s, u"--output=/tmp/x"_s, 1, u"added"_s, 1700001000));
        QVERIFY(comment(u"RC-magic"_s, u":(glob)*.txt"_s, 3, u"added"_s, 1700001000));
        test::closeRaw(c);
    }

    void outdatedCommentsShowTheCodeTheyWereWrittenOn()
    {
        test::RealWindow real(m_dir.filePath(u"window.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_database));
        window.resize(1440, 900);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.navigate({ u"review"_s, u"P1"_s });
        auto *review = window.findChild<ReviewView *>();
        QVERIFY(review);
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.isBusy() && !review->isBusy() && review->session()->state() == ReviewSession::State::Ready, 30000);
        const QSet<QString> outdated = review->session()->outdated();
        for (const char *id : { "RC-line", "RC-file", "RC-wip", "RC-ghost", "RC-removed", "RC-option", "RC-magic" })
            QVERIFY2(outdated.contains(QString::fromLatin1(id)), id);
        QVERIFY(!outdated.contains(u"RC-added"_s)); // app.txt line 6 "six" is in the diff

        // app.txt is the first file: its outdated cards sit at the top with the code of A.
        QCOMPARE(review->diffModel()->file().newPath, u"app.txt"_s);
        QTRY_VERIFY(codeOf(review, u"RC-line"_s).found());
        const OutdatedCode line = codeOf(review, u"RC-line"_s);
        QCOMPARE(commentedLine(line), u"THREE first try"_s);
        QVERIFY2(line.text().contains(u"› 3 + THREE first try"_s), qPrintable(line.text()));
        QVERIFY(line.text().contains(u"  2   two"_s)); // the lines around it, with their numbers
        QVERIFY(line.text().contains(u"  3 - three"_s));
        // The old side of a removed line: RC-removed (line 3, removed) was on "three".
        const OutdatedCode removed = codeOf(review, u"RC-removed"_s);
        QCOMPARE(commentedLine(removed), u"three"_s);
        QVERIFY(removed.text().contains(u"› 3 - three"_s));
        QCOMPARE(line.commit, removed.commit);

        // A file the branch deleted: picking its comment in the pane shows it with its code.
        QVERIFY(clickInPane(review, u"RC-file"_s));
        QTRY_VERIFY(review->diffModel()->isFileNotInDiff());
        QCOMPARE(review->diffModel()->file().newPath, u"draft.txt"_s);
        QCOMPARE(review->currentFile(), -1);
        QVERIFY(review->fileView()->selectionModel()->selectedRows().isEmpty()); // no file of the diff
        const int fileRow = review->diffModel()->rowOfComment(u"RC-file"_s);
        QVERIFY(fileRow >= 0);
        QCOMPARE(review->diffView()->currentIndex().row(), fileRow);
        const OutdatedCode file = codeOf(review, u"RC-file"_s);
        QCOMPARE(commentedLine(file), u"gamma draft"_s);
        QVERIFY(file.text().contains(u"  1 + alpha"_s));
        QVERIFY(file.text().contains(u"  4 + delta"_s));

        // A commit a reset took off the branch: the branch's reflog still knows where it pointed.
        QVERIFY(clickInPane(review, u"RC-wip"_s));
        QTRY_COMPARE(review->diffModel()->file().newPath, u"wip.txt"_s);
        QCOMPARE(commentedLine(codeOf(review, u"RC-wip"_s)), u"work in progress"_s);
        QVERIFY(codeOf(review, u"RC-wip"_s).commit != line.commit);

        // No version of the branch had it: the card says so instead of showing some other line.
        QVERIFY(clickInPane(review, u"RC-ghost"_s));
        QTRY_COMPARE(review->diffModel()->file().newPath, u"ghost.txt"_s);
        const OutdatedCode ghost = codeOf(review, u"RC-ghost"_s);
        QVERIFY(!ghost.found());
        QVERIFY2(ghost.unavailable.contains(u"no longer in the repository"_s), qPrintable(ghost.unavailable));
        // Paths from the file that git would read as an option or a pattern never reach it as such.
        QVERIFY(clickInPane(review, u"RC-option"_s));
        QTRY_COMPARE(review->diffModel()->file().newPath, u"--output=/tmp/x"_s);
        QVERIFY(codeOf(review, u"RC-option"_s).unavailable.contains(u"Refused path"_s));
        QVERIFY(clickInPane(review, u"RC-magic"_s));
        QTRY_COMPARE(review->diffModel()->file().newPath, u":(glob)*.txt"_s);
        QVERIFY(!codeOf(review, u"RC-magic"_s).found());

        // The cards paint (code and "unavailable" alike) and are as tall as what they hold.
        QVERIFY(clickInPane(review, u"RC-file"_s));
        QTRY_COMPARE(review->diffModel()->file().newPath, u"draft.txt"_s);
        const QRect card = review->diffView()->visualRect(review->diffModel()->index(fileRow));
        QVERIFY2(card.height() > 8 * QFontMetrics(review->diffView()->font()).height(),
            qPrintable(QString::number(card.height())));
        // Current (as the pane made it), the card still reads: mostly white, not one yellow block.
        QCOMPARE(review->diffView()->currentIndex().row(), fileRow);
        const QImage shot = review->diffView()->viewport()->grab().toImage();
        int yellow = 0;
        for (int y = card.top(); y <= card.bottom(); ++y) {
            for (int x = card.left(); x <= card.right(); ++x)
                yellow += shot.pixelColor(x, y).blue() < 0xd0 && shot.pixelColor(x, y).red() > 0xf0 ? 1 : 0;
        }
        QVERIFY2(yellow < card.width() * card.height() / 5,
            qPrintable(u"%1 of %2 pixels yellow"_s.arg(yellow).arg(card.width() * card.height())));

        // Each way of finding the head on its own: the history alone (no branch name, so no reflog)
        // finds A for RC-line; only the reflog knows W for RC-wip.
        const ReviewProject *project = review->session()->currentProject();
        QVERIFY(project);
        const GitRunner git(m_repo);
        ReviewComment onLine;
        onLine.id = u"RC-line"_s;
        onLine.filePath = u"app.txt"_s;
        onLine.lineNumber = 3;
        onLine.lineType = u"added"_s;
        onLine.createdAt.raw = 1700001000;
        const OutdatedCode byHistory = findOutdatedCode(git, project->baseSha, project->headSha, QString(), onLine);
        QCOMPARE(commentedLine(byHistory), u"THREE first try"_s);
        QCOMPARE(byHistory.commit, line.commit);
        ReviewComment onWip = onLine;
        onWip.filePath = u"wip.txt"_s;
        onWip.lineNumber = 1;
        onWip.createdAt.raw = 1700002000;
        QVERIFY(!findOutdatedCode(git, project->baseSha, project->headSha, QString(), onWip).found());

        // j from there goes back to the files of the diff.
        review->diffView()->setFocus();
        QTest::keyClick(review->diffView(), Qt::Key_J);
        QVERIFY(review->currentFile() >= 0);
        QVERIFY(!review->diffModel()->isFileNotInDiff());
    }
};

QTEST_MAIN(TestOutdatedComments)
#include "tst_outdatedcomments.moc"
