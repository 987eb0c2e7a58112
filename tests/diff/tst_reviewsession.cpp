// A phase under review, end to end below the widgets: database rows -> clone -> git -> parsed
// files and placed comments; and every way it can go wrong says so without writing anything.

#include "database.h"
#include "diff/difffilelistmodel.h"
#include "diff/reviewcommentmodel.h"
#include "diff/reviewsession.h"
#include "git/clonelocator.h"
#include "gitfixture.h"
#include "reviewfixture.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestReviewSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void phaseDiffWithCommentsPlaced();
    void camelCaseFileWorksToo();
    void missingProjectFolderNeedsAFolder();
    void chosenFolderIsRememberedPerProject();
    void optionLikeMergeBaseIsRefused();
    void unknownRefSaysWhich();
    void noGitSaysSo();
    void userRefsAreRememberedPerPhase();
    void unknownPhase();

private:
    std::unique_ptr<ReviewSession> open(const QString &db, NameStyle style = NameStyle::SnakeCase,
        const QString &repo = {}, const QString &mergeBase = {});
    bool waitIdle(ReviewSession *session);

    QTemporaryDir m_dir;
    QString m_repo;
    std::unique_ptr<QSettings> m_settings;
    std::shared_ptr<Database> m_db;
    int m_serial = 0;
};

void TestReviewSession::initTestCase()
{
    if (!test::hasGit())
        QSKIP("git is not installed");
    QVERIFY(m_dir.isValid());
    m_repo = m_dir.filePath(u"repo"_s);
    QVERIFY(test::makeReviewRepo(m_repo));
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
}

std::unique_ptr<ReviewSession> TestReviewSession::open(
    const QString &name, NameStyle style, const QString &repo, const QString &mergeBase)
{
    const QString path = m_dir.filePath(name + QString::number(++m_serial) + u".db"_s);
    if (!test::makeReviewFixture(path, repo.isEmpty() ? m_repo : repo, mergeBase, style))
        return nullptr;
    Database::OpenResult opened = Database::open(path);
    if (!opened.database)
        return nullptr;
    m_db = opened.database;
    return std::make_unique<ReviewSession>(m_db, m_settings.get());
}

bool TestReviewSession::waitIdle(ReviewSession *session)
{
    QSignalSpy spy(session, &ReviewSession::stateChanged);
    for (int i = 0; i < 100 && (session->isBusy() || session->state() == ReviewSession::State::Empty); ++i)
        spy.wait(200);
    return !session->isBusy();
}

void TestReviewSession::phaseDiffWithCommentsPlaced()
{
    auto session = open(u"plain"_s);
    QVERIFY(session);
    QAbstractItemModelTester files(session->fileModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester comments(session->commentModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy busy(session.get(), &ReviewSession::busyChanged);
    session->showPhase(u"P1"_s);
    QVERIFY(session->isBusy());
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::Ready);
    QTRY_VERIFY(busy.count() >= 2); // busyChanged follows from the event loop
    QCOMPARE(busy.last().first().toBool(), false);
    QCOMPARE(session->target().initiative.branch, u"cw/feature"_s);
    const ReviewProject *p = session->currentProject();
    QVERIFY(p);
    QCOMPARE(p->clone.source, CloneLocation::ProjectUrl);
    QCOMPARE(p->head, u"cw/feature"_s);
    QCOMPARE(p->baseOrigin, u"merge-base main cw/feature"_s);
    QCOMPARE(p->baseSha.size(), 40);
    QVERIFY(p->refNames.contains(u"main"_s));
    QCOMPARE(session->fileModel()->rowCount(), 4);
    QCOMPARE(session->comments().size(), 4);
    QCOMPARE(session->outdated(), QSet<QString>({ u"RC-outdated"_s, u"RC-gone"_s }));
    const int app = session->fileModel()->rowOfPath(u"app.txt"_s);
    QVERIFY(app >= 0);
    QCOMPARE(session->fileModel()->countFor(app).total, 3);
    QCOMPARE(session->fileModel()->countFor(app).unresolved, 2);
    const int gone = session->commentModel()->rowOf(u"RC-gone"_s);
    QVERIFY(session->commentModel()->index(gone, 0).data(ReviewCommentModel::OutdatedRole).toBool());
}

void TestReviewSession::camelCaseFileWorksToo()
{
    auto session = open(u"camel"_s, NameStyle::CamelCase);
    QVERIFY(session);
    session->showPhase(u"P1"_s);
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::Ready);
    QCOMPARE(session->fileModel()->rowCount(), 4);
    QCOMPARE(session->comments().size(), 4);
}

void TestReviewSession::missingProjectFolderNeedsAFolder()
{
    auto session = open(u"missing"_s, NameStyle::SnakeCase, m_dir.filePath(u"no-such-clone"_s));
    QVERIFY(session);
    session->showPhase(u"P1"_s);
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::NeedsFolder);
    QVERIFY(session->message().contains(u"“app”"_s));
    QVERIFY(session->message().contains(u"does not exist"_s));
    // Comments are still listed (nothing is outdated before there is a diff to compare with).
    QCOMPARE(session->commentModel()->rowCount(), 4);
    QVERIFY(session->outdated().isEmpty());
}

void TestReviewSession::chosenFolderIsRememberedPerProject()
{
    auto session = open(u"choose"_s, NameStyle::SnakeCase, u"https://example.com/app.git"_s);
    QVERIFY(session);
    session->showPhase(u"P1"_s);
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::NeedsFolder);
    QTemporaryDir notRepo;
    session->setCloneFolder(notRepo.path());
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::NeedsFolder);
    QVERIFY(session->message().contains(u"not a git repository"_s));
    session->setCloneFolder(m_repo);
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::Ready);
    QCOMPARE(session->currentProject()->clone.source, CloneLocation::Remembered);
    // A new session (next start of the app) finds it again.
    ReviewSession again(m_db, m_settings.get());
    again.showPhase(u"P1"_s);
    QVERIFY(waitIdle(&again));
    QCOMPARE(again.state(), ReviewSession::State::Ready);
    ReviewSettings(m_settings.get()).setCloneFolder(u"PJ"_s, QString());
}

void TestReviewSession::optionLikeMergeBaseIsRefused()
{
    const QString target = m_dir.filePath(u"written-by-git"_s);
    auto session = open(u"refuse"_s, NameStyle::SnakeCase, {}, u"--output="_s + target);
    QVERIFY(session);
    session->showPhase(u"P1"_s);
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::Failed);
    QVERIFY(session->message().startsWith(u"Refused ref"_s));
    QVERIFY(!QFileInfo::exists(target));
    QCOMPARE(session->fileModel()->rowCount(), 0);
}

void TestReviewSession::unknownRefSaysWhich()
{
    auto session = open(u"unknown"_s, NameStyle::SnakeCase, {}, u"0123456789abcdef0123456789abcdef01234567"_s);
    QVERIFY(session);
    session->showPhase(u"P1"_s);
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::Failed);
    QVERIFY(session->message().contains(u"Unknown ref “0123456789abcdef"_s));
}

void TestReviewSession::noGitSaysSo()
{
    auto session = open(u"nogit"_s);
    QVERIFY(session);
    session->setGitProgram(m_dir.filePath(u"bin/git-that-is-not-there"_s));
    session->showPhase(u"P1"_s);
    QVERIFY(waitIdle(session.get()));
    QVERIFY(session->state() != ReviewSession::State::Ready);
    QVERIFY2(session->message().contains(u"git"_s), qPrintable(session->message()));
}

void TestReviewSession::userRefsAreRememberedPerPhase()
{
    auto session = open(u"refs"_s);
    QVERIFY(session);
    session->showPhase(u"P1"_s);
    QVERIFY(waitIdle(session.get()));
    session->setRefs(u"cw/feature"_s, u"cw/feature"_s); // same commit: empty diff
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::Ready);
    QCOMPARE(session->fileModel()->rowCount(), 0);
    QCOMPARE(session->currentProject()->baseOrigin, u"chosen"_s);
    QCOMPARE(ReviewSettings(m_settings.get()).baseRef(u"P1"_s, u"PJ"_s), u"cw/feature"_s);
    session->setRefs({}, {}); // back to the defaults
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->fileModel()->rowCount(), 4);
}

void TestReviewSession::unknownPhase()
{
    auto session = open(u"nophase"_s);
    QVERIFY(session);
    session->showPhase(u"nope"_s);
    QVERIFY(waitIdle(session.get()));
    QCOMPARE(session->state(), ReviewSession::State::Failed);
    QVERIFY(session->message().contains(u"not found"_s));
}

QTEST_GUILESS_MAIN(TestReviewSession)
#include "tst_reviewsession.moc"
