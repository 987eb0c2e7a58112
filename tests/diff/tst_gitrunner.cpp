// Git for the review: refs and paths from the database never reach git as options, failures say
// what is wrong (no git, no folder, not a repository, unknown ref), and clones are found in the
// documented order.

#include "git/clonelocator.h"
#include "git/gitrunner.h"

#include "diff/diffparser.h"
#include "gitfixture.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestGitRunner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void diffOfBranch();
    void optionLikeRefsAreRefusedAndWriteNothing_data();
    void optionLikeRefsAreRefusedAndWriteNothing();
    void noGitInstalled();
    void missingFolder();
    void notARepository();
    void unknownRef();
    void cloneFromProjectUrl();
    void cloneFromAgentWorktree();
    void cloneFromRememberedFolder();
    void noCloneSaysWhichProject();
    void settingsRememberPerProjectAndPhase();

private:
    QTemporaryDir m_dir;
    QString m_repo;
};

void TestGitRunner::init()
{
    if (!test::hasGit())
        QSKIP("git is not installed");
    QVERIFY(m_dir.isValid());
    m_repo = m_dir.filePath(u"repo with space"_s);
    if (!QFileInfo::exists(m_repo))
        QVERIFY(test::makeReviewRepo(m_repo));
}

void TestGitRunner::diffOfBranch()
{
    const GitRunner git(m_repo);
    const GitResult base = git.mergeBase(u"main"_s, u"cw/feature"_s);
    QVERIFY2(base.ok(), qPrintable(base.message));
    QCOMPARE(base.text().size(), 40);
    const GitResult diff = git.diff(base.text(), u"cw/feature"_s);
    QVERIFY2(diff.ok(), qPrintable(diff.message));
    const QVector<DiffFile> files = DiffParser::parse(diff.output);
    QCOMPARE(files.size(), 4);
    QStringList shown;
    for (const DiffFile &f : files)
        shown << diffStatusName(f.status) + u' ' + f.displayPath();
    shown.sort();
    QCOMPARE(shown,
        QStringList({ u"added added.txt"_s, u"deleted gone.txt"_s, u"modified app.txt"_s,
            u"renamed old.txt → new name.txt"_s }));
}

void TestGitRunner::optionLikeRefsAreRefusedAndWriteNothing_data()
{
    QTest::addColumn<QString>("refTemplate");
    QTest::newRow("--output") << u"--output=%1"_s;
    QTest::newRow("-c core.pager") << u"-c core.pager=touch %1"_s;
    QTest::newRow("-o") << u"-o%1"_s;
    QTest::newRow("newline") << u"main\n--output=%1"_s;
}

void TestGitRunner::optionLikeRefsAreRefusedAndWriteNothing()
{
    QFETCH(QString, refTemplate);
    const QString target = m_dir.filePath(u"pwned"_s);
    const QString ref = refTemplate.arg(target);
    const GitRunner git(m_repo);
    const GitResult asBase = git.diff(ref, u"cw/feature"_s);
    QCOMPARE(asBase.failure, GitResult::Refused);
    QVERIFY(asBase.message.startsWith(u"Refused ref"_s));
    QCOMPARE(git.diff(u"main"_s, ref).failure, GitResult::Refused);
    QCOMPARE(git.mergeBase(ref, u"main"_s).failure, GitResult::Refused);
    QCOMPARE(git.resolveCommit(ref).failure, GitResult::Refused);
    QVERIFY2(!QFileInfo::exists(target), "a refused ref must not make git write anything");
    // A folder from the database is checked the same way.
    QCOMPARE(GitRunner(u"--output="_s + target).checkRepository().failure, GitResult::Refused);
    QVERIFY(!QFileInfo::exists(target));
}

void TestGitRunner::noGitInstalled()
{
    const GitRunner git(m_repo, m_dir.filePath(u"no/such/git"_s));
    const GitResult r = git.diff(u"main"_s, u"cw/feature"_s);
    QCOMPARE(r.failure, GitResult::NoGit);
    QVERIFY(r.message.contains(u"install git"_s));
}

void TestGitRunner::missingFolder()
{
    const GitResult r = GitRunner(m_dir.filePath(u"nowhere"_s)).resolveCommit(u"main"_s);
    QCOMPARE(r.failure, GitResult::NoFolder);
    QVERIFY(r.message.contains(u"does not exist"_s));
}

void TestGitRunner::notARepository()
{
    QTemporaryDir plain;
    const GitResult r = GitRunner(plain.path()).checkRepository();
    QCOMPARE(r.failure, GitResult::NotRepository);
    QVERIFY(r.message.contains(u"not a git repository"_s));
}

void TestGitRunner::unknownRef()
{
    const GitResult r = GitRunner(m_repo).diff(u"main"_s, u"cw/nope"_s);
    QCOMPARE(r.failure, GitResult::UnknownRef);
    QVERIFY(r.message.contains(u"cw/nope"_s));
}

void TestGitRunner::cloneFromProjectUrl()
{
    Project p;
    p.id = u"p1"_s;
    p.name = u"app"_s;
    p.url = m_repo;
    CloneLocation found = CloneLocator().locate(p, {}, {});
    QCOMPARE(found.source, CloneLocation::ProjectUrl);
    QCOMPARE(found.folder, m_repo);
    p.url = QUrl::fromLocalFile(m_repo).toString();
    QVERIFY(p.url.startsWith(u"file://"_s));
    found = CloneLocator().locate(p, {}, {});
    QCOMPARE(found.source, CloneLocation::ProjectUrl);
    QCOMPARE(found.folder, m_repo);
    QCOMPARE(CloneLocator::localPathFromUrl(u"git@github.com:org/app.git"_s), QString());
    QCOMPARE(CloneLocator::localPathFromUrl(u"https://github.com/org/app"_s), QString());
}

void TestGitRunner::cloneFromAgentWorktree()
{
    const QString worktree = m_dir.filePath(u"agent-wt"_s);
    QVERIFY(test::runGit(m_repo, { u"worktree"_s, u"add"_s, u"-q"_s, worktree, u"cw/feature"_s }));
    Project p;
    p.id = u"p1"_s;
    p.name = u"app"_s;
    p.url = u"https://example.com/app.git"_s;
    const CloneLocation found = CloneLocator().locate(p, { m_dir.filePath(u"gone"_s), worktree }, {});
    QCOMPARE(found.source, CloneLocation::AgentWorktree);
    QCOMPARE(QFileInfo(found.folder).canonicalFilePath(), QFileInfo(m_repo).canonicalFilePath());
}

void TestGitRunner::cloneFromRememberedFolder()
{
    Project p;
    p.id = u"p1"_s;
    p.url = u"https://example.com/app.git"_s;
    const CloneLocation found = CloneLocator().locate(p, {}, m_repo);
    QCOMPARE(found.source, CloneLocation::Remembered);
    QCOMPARE(found.folder, m_repo);
}

void TestGitRunner::noCloneSaysWhichProject()
{
    Project p;
    p.id = u"p1"_s;
    p.name = u"backend"_s;
    p.url = m_dir.filePath(u"missing-folder"_s);
    const CloneLocation none = CloneLocator().locate(p, {}, m_dir.filePath(u"also-missing"_s));
    QVERIFY(!none.found());
    QVERIFY(none.message.contains(u"backend"_s));
    QVERIFY(none.message.contains(u"does not exist"_s));
    QVERIFY(none.message.contains(u"Choose its folder"_s));
    // A folder that is not a repository is reported as such.
    QTemporaryDir plain;
    p.url = plain.path();
    QVERIFY(CloneLocator().locate(p, {}, {}).message.contains(u"not a git repository"_s));
}

void TestGitRunner::settingsRememberPerProjectAndPhase()
{
    QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ReviewSettings review(&settings);
    review.setCloneFolder(u"p/1"_s, u"/src/app"_s);
    review.setRefs(u"ph1"_s, u"p/1"_s, u"abc123"_s, u"cw/feature"_s);
    QCOMPARE(review.cloneFolder(u"p/1"_s), u"/src/app"_s);
    QCOMPARE(review.cloneFolder(u"p2"_s), QString());
    QCOMPARE(review.baseRef(u"ph1"_s, u"p/1"_s), u"abc123"_s);
    QCOMPARE(review.headRef(u"ph1"_s, u"p/1"_s), u"cw/feature"_s);
    QCOMPARE(review.baseRef(u"ph2"_s, u"p/1"_s), QString());
}

QTEST_GUILESS_MAIN(TestGitRunner)
#include "tst_gitrunner.moc"
