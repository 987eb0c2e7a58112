#pragma once

// Private to the demo seeder: the small TypeScript/Go project behind the demo database. The
// history is a script (pure data) so the review comments can be anchored to real diff lines
// even without running git; createDemoRepository() plays it with git through QProcess.

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <utility>

namespace cwi::demo {

struct RepoCommit
{
    QString branch;
    QString from; // branch it is created from, when BRANCH does not exist yet
    QString message;
    qint64 time = 0; // Unix seconds, used for author and committer date
    QVector<std::pair<QString, QString>> renames; // old path -> new path, before the writes
    QStringList deletes;
    QVector<std::pair<QString, QByteArray>> writes; // path -> full new content
};

inline constexpr QLatin1StringView kAuthBranch("cw/user-auth");
inline constexpr QLatin1StringView kBillingBranch("cw/billing-export");

using RepoFiles = QMap<QString, QByteArray>;

struct RepoSnapshot
{
    RepoFiles base; // main where cw/user-auth branched off (the merge base)
    RepoFiles authTip; // tip of cw/user-auth
};

QVector<RepoCommit> demoRepoScript(qint64 baseTime);
// src/routes/admin.ts, which the script adds to cw/user-auth and deletes again after the review
// comments were written: the demo's outdated comment is on it.
QByteArray demoAdminRoutes();
RepoSnapshot replayDemoRepo(const QVector<RepoCommit> &script);

struct RepoResult
{
    bool ok = false;
    QString error;
    QString mergeBase; // merge-base of main and cw/user-auth
    QString billingMergeBase; // merge-base of main and cw/billing-export
};

QString findGit(); // empty when git is not installed
RepoResult createDemoRepository(const QString &gitProgram, const QString &path, const QVector<RepoCommit> &script);

} // namespace cwi::demo
