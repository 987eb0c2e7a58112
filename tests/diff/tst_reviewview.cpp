// The review page on a real fixture file and a real git repository: files and comments appear
// where they belong, the pane scrolls the diff, read-only mode writes nothing, and comment
// writes go through the shared write path (and can be undone).
// CWI_SHOTS=<folder> saves screenshots (fixture and demo database) to look at by eye.

#include "appcontext.h"
#include "database.h"
#include "demo/demoseeder.h"
#include "diff/difffilelistmodel.h"
#include "diff/diffmodel.h"
#include "diff/reviewcommentmodel.h"
#include "diff/reviewsession.h"
#include "gitfixture.h"
#include "review/commenteditor.h"
#include "review/reviewcommentpane.h"
#include "review/reviewview.h"
#include "reviewfixture.h"
#include "writes/actions.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestReviewView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsFilesAndPlacesComments();
    void paneSelectionScrollsTheDiff();
    void readOnlyWritesNothing();
    void addResolveAndUndo();
    void needsFolderOffersAChooser();
    void keyCOnALineOpensTheEditorAndWrites();
    void demoDatabaseScreenshot();

private:
    bool openView(bool writable, const QString &repo = {});
    bool waitIdle();
    QVariantMap commentRow(const QString &id);
    static void shoot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    QString m_repo;
    QString m_path;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppContext> m_ctx;
    std::unique_ptr<Actions> m_actions;
    std::unique_ptr<ReviewView> m_view;
    int m_serial = 0;
};

void TestReviewView::initTestCase()
{
    if (!test::hasGit())
        QSKIP("git is not installed");
    m_repo = m_dir.filePath(u"repo"_s);
    QVERIFY(test::makeReviewRepo(m_repo));
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
}

void TestReviewView::init()
{
    m_ctx = std::make_unique<AppContext>();
}

void TestReviewView::cleanup()
{
    m_view.reset();
    m_actions.reset();
    m_ctx.reset();
}

void TestReviewView::shoot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("CWI_SHOTS");
    if (!folder.isEmpty())
        widget->grab().save(folder + u'/' + name + u".png"_s);
}

bool TestReviewView::openView(bool writable, const QString &repo)
{
    m_path = m_dir.filePath(u"review"_s + QString::number(++m_serial) + u".db"_s);
    if (!test::makeReviewFixture(m_path, repo.isEmpty() ? m_repo : repo))
        return false;
    Database::OpenResult opened = Database::open(m_path);
    if (!opened.database)
        return false;
    if (writable && !opened.database->enableWriting(nullptr))
        return false;
    m_ctx->setDatabase(opened.database);
    m_actions = std::make_unique<Actions>(opened.database, m_dir.filePath(u"journal"_s + QString::number(m_serial)));
    m_view = std::make_unique<ReviewView>(m_ctx.get());
    m_view->setSettings(m_settings.get());
    m_view->setActions(m_actions.get());
    m_view->resize(1500, 800);
    m_view->show();
    m_view->showPhase(u"P1"_s);
    return waitIdle();
}

bool TestReviewView::waitIdle()
{
    QSignalSpy spy(m_view.get(), &ReviewView::busyChanged);
    for (int i = 0; i < 100 && m_view->isBusy(); ++i)
        spy.wait(200);
    return !m_view->isBusy();
}

QVariantMap TestReviewView::commentRow(const QString &id)
{
    QVariantMap row;
    const QString c = test::openRaw(m_path);
    {
        QSqlQuery q(QSqlDatabase::database(c));
        q.prepare(
            u"SELECT file_path, line_number, line_type, author, resolved, body FROM review_comments WHERE id = ?"_s);
        q.addBindValue(id);
        if (q.exec() && q.next()) {
            row = { { u"filePath"_s, q.value(0) }, { u"lineNumber"_s, q.value(1) }, { u"lineType"_s, q.value(2) },
                { u"author"_s, q.value(3) }, { u"resolved"_s, q.value(4) }, { u"body"_s, q.value(5) } };
        }
    }
    test::closeRaw(c);
    return row;
}

void TestReviewView::showsFilesAndPlacesComments()
{
    QVERIFY(openView(false));
    ReviewSession *session = m_view->session();
    QCOMPARE(session->state(), ReviewSession::State::Ready);
    QCOMPARE(m_view->fileView()->model()->rowCount(), 4);
    // Select app.txt: its added line 6 carries RC-added right below it, RC-outdated is listed.
    m_view->revealComment(u"RC-added"_s);
    DiffModel *diff = m_view->diffModel();
    QCOMPARE(diff->file().path(), u"app.txt"_s);
    const int added = diff->rowOfComment(u"RC-added"_s);
    QVERIFY(added > 0);
    QCOMPARE(diff->index(added - 1).data().toString(), u"six"_s);
    const int removed = diff->rowOfComment(u"RC-removed"_s);
    QCOMPARE(diff->index(removed - 1).data().toString(), u"three"_s);
    QVERIFY(!diff->index(removed).data(DiffModel::ExpandedRole).toBool()); // resolved: folded
    const int outdated = diff->rowOfComment(u"RC-outdated"_s);
    QVERIFY(outdated >= 0);
    QVERIFY(diff->index(outdated).data(DiffModel::OutdatedRole).toBool());
    shoot(m_view.get(), u"review-fixture"_s);
}

void TestReviewView::paneSelectionScrollsTheDiff()
{
    QVERIFY(openView(false));
    m_view->revealComment(u"RC-removed"_s);
    const QModelIndex current = m_view->diffView()->currentIndex();
    QCOMPARE(current.data(DiffModel::CommentIdRole).toString(), u"RC-removed"_s);
    QVERIFY(m_view->diffView()->viewport()->rect().intersects(m_view->diffView()->visualRect(current)));
    QCOMPARE(m_view->commentPane()->selectedIds(), QStringList({ u"RC-removed"_s }));
    // Opening the phase at a comment (navigation from elsewhere) lands on it once the diff is in.
    m_view->showPhase(u"P1"_s, u"RC-added"_s);
    QVERIFY(waitIdle());
    QTRY_COMPARE(m_view->diffView()->currentIndex().data(DiffModel::CommentIdRole).toString(), u"RC-added"_s);
    // A comment whose file is not in the diff is still selectable in the pane, and nothing breaks.
    m_view->revealComment(u"RC-gone"_s);
    QCOMPARE(m_view->commentPane()->selectedIds(), QStringList({ u"RC-gone"_s }));
}

void TestReviewView::readOnlyWritesNothing()
{
    QVERIFY(openView(false));
    const QByteArray before = test::fileDigest(m_path);
    m_view->revealComment(u"RC-added"_s);
    const int line = m_view->diffModel()->rowOfLine(u"added"_s, 6);
    QVERIFY(line >= 0);
    QVERIFY(!m_view->addComment(line, u"should not be written"_s));
    QVERIFY(!m_view->resolve({ u"RC-added"_s }, true));
    QCOMPARE(test::fileDigest(m_path), before);
}

void TestReviewView::addResolveAndUndo()
{
    QVERIFY(openView(true));
    ReviewSession *session = m_view->session();
    m_view->revealComment(u"RC-added"_s);
    const int line = m_view->diffModel()->rowOfLine(u"removed"_s, 3);
    QVERIFY(line >= 0);
    QVERIFY(m_view->addComment(line, u"Why uppercase?"_s));
    QTRY_COMPARE(session->comments().size(), 5);
    QString newId;
    for (const ReviewComment &c : session->comments()) {
        if (c.body == u"Why uppercase?"_s)
            newId = c.id;
    }
    QVERIFY(!newId.isEmpty());
    const QVariantMap stored = commentRow(newId);
    QCOMPARE(stored.value(u"filePath"_s).toString(), u"app.txt"_s);
    QCOMPARE(stored.value(u"lineNumber"_s).toInt(), 3);
    QCOMPARE(stored.value(u"lineType"_s).toString(), u"removed"_s);
    QCOMPARE(stored.value(u"author"_s).toString(), u"you"_s);
    // The new card sits under the removed line 3 (after the older comment on that line).
    DiffModel *diff = m_view->diffModel();
    QTRY_VERIFY(diff->rowOfComment(newId) > 0);
    int above = diff->rowOfComment(newId) - 1;
    while (above > 0 && diff->rowKind(above) == DiffModel::CommentRow)
        --above;
    QCOMPARE(diff->index(above).data(DiffModel::OldLineRole).toInt(), 3);
    QCOMPARE(diff->index(above).data(DiffModel::LineKindRole).toInt(), int(DiffLine::Removed));
    QVERIFY(diff->rowOfComment(u"RC-removed"_s) < diff->rowOfComment(newId));

    QVERIFY(m_view->resolve({ u"RC-added"_s }, true));
    QCOMPARE(commentRow(u"RC-added"_s).value(u"resolved"_s).toInt(), 1);
    QTRY_VERIFY(!m_view->diffModel()
                     ->index(m_view->diffModel()->rowOfComment(u"RC-added"_s))
                     .data(DiffModel::ExpandedRole)
                     .toBool());
    shoot(m_view.get(), u"review-after-writes"_s);

    // Several at once, as the pane's Resolve button does with a multi-row selection.
    QVERIFY(m_view->resolve({ u"RC-outdated"_s, u"RC-gone"_s }, true));
    QCOMPARE(commentRow(u"RC-outdated"_s).value(u"resolved"_s).toInt(), 1);
    QCOMPARE(commentRow(u"RC-gone"_s).value(u"resolved"_s).toInt(), 1);
    QVERIFY(m_actions->undoLast().applied());
    QCOMPARE(commentRow(u"RC-gone"_s).value(u"resolved"_s).toInt(), 0);

    // Undo (what Ctrl+Z in the window does) restores it, and the view follows.
    QVERIFY(m_actions->undoLast().applied());
    QCOMPARE(commentRow(u"RC-added"_s).value(u"resolved"_s).toInt(), 0);
    QTRY_VERIFY(m_view->diffModel()
                    ->index(m_view->diffModel()->rowOfComment(u"RC-added"_s))
                    .data(DiffModel::ExpandedRole)
                    .toBool());
}

void TestReviewView::needsFolderOffersAChooser()
{
    QVERIFY(openView(false, m_dir.filePath(u"moved-away"_s)));
    QCOMPARE(m_view->session()->state(), ReviewSession::State::NeedsFolder);
    QPushButton *choose = nullptr;
    for (QPushButton *b : m_view->findChildren<QPushButton *>()) {
        if (b->text().startsWith(u"Choose clone folder"_s))
            choose = b;
    }
    QVERIFY(choose);
    QVERIFY(choose->isVisible());
    bool saysWhich = false;
    for (QLabel *l : m_view->findChildren<QLabel *>())
        saysWhich |= l->isVisible() && l->text().contains(u"No local clone of project “app”"_s);
    QVERIFY(saysWhich);
    QVERIFY(!m_view->diffView()->isVisible());
    // The comments are still listed in the pane, even without a diff.
    QVERIFY(m_view->commentPane()->isVisible());
    QCOMPARE(m_view->commentPane()->view()->model()->rowCount(), 4);
    shoot(m_view.get(), u"review-needs-folder"_s);
}

void TestReviewView::keyCOnALineOpensTheEditorAndWrites()
{
    QVERIFY(openView(true));
    m_view->revealComment(u"RC-added"_s);
    const int line = m_view->diffModel()->rowOfLine(u"context"_s, 4); // "four"
    QVERIFY(line >= 0);
    m_view->diffView()->setFocus();
    m_view->diffView()->setCurrentIndex(m_view->diffModel()->index(line));
    QString context;
    QTimer::singleShot(0, this, [&context] {
        auto *editor = qobject_cast<CommentEditor *>(QApplication::activeModalWidget());
        if (!editor)
            return;
        const QList<QLabel *> labels = editor->findChildren<QLabel *>();
        for (QLabel *l : labels)
            context += l->text();
        editor->findChild<QPlainTextEdit *>()->setPlainText(u"Keyboard comment"_s);
        editor->accept();
    });
    QTest::keyClick(m_view->diffView(), Qt::Key_C);
    QVERIFY2(context.contains(u"app.txt, line 4 (context)"_s), qPrintable(context));
    QTRY_COMPARE(m_view->session()->comments().size(), 5);
    const ReviewComment &added = m_view->session()->comments().last();
    QCOMPARE(added.body, u"Keyboard comment"_s);
    QCOMPARE(added.lineNumber, 4);
    QCOMPARE(added.lineType, u"context"_s);
    QCOMPARE(added.author, u"you"_s);
}

void TestReviewView::demoDatabaseScreenshot()
{
    if (qEnvironmentVariable("CWI_SHOTS").isEmpty())
        QSKIP("set CWI_SHOTS=<folder> to render the demo database");
    const DemoResult demo = createDemoDatabase(m_dir.filePath(u"demo.db"_s), m_dir.filePath(u"demo-repo"_s));
    QVERIFY2(demo.ok, qPrintable(demo.error));
    Database::OpenResult opened = Database::open(demo.databasePath);
    QVERIFY(opened.database);
    const TableInfo *t = opened.database->schema().table(u"review_comments"_s);
    QVERIFY(t);
    QString phaseId;
    const QString c = test::openRaw(demo.databasePath);
    {
        QSqlQuery q(QSqlDatabase::database(c));
        QVERIFY(q.exec(u"SELECT "_s + t->quoted(u"phaseId"_s)
            + u", COUNT(*) AS n FROM review_comments GROUP BY 1 "
              "ORDER BY n DESC LIMIT 1"_s));
        QVERIFY(q.next());
        phaseId = q.value(0).toString();
    }
    test::closeRaw(c);
    QVERIFY(opened.database->enableWriting(nullptr));
    m_ctx->setDatabase(opened.database);
    m_actions = std::make_unique<Actions>(opened.database, m_dir.filePath(u"demo-journal"_s));
    m_view = std::make_unique<ReviewView>(m_ctx.get());
    m_view->setSettings(m_settings.get());
    m_view->setActions(m_actions.get());
    m_view->resize(1600, 900);
    m_view->show();
    m_view->showPhase(phaseId);
    QVERIFY(waitIdle());
    QVERIFY2(m_view->session()->state() == ReviewSession::State::Ready, qPrintable(m_view->session()->message()));
    // Show the file with the most comments.
    const auto &comments = m_view->session()->comments();
    QVERIFY(!comments.isEmpty());
    m_view->revealComment(comments.first().id);
    QTest::qWait(50);
    shoot(m_view.get(), u"review-demo"_s);
}

QTEST_MAIN(TestReviewView)
#include "tst_reviewview.moc"
