#pragma once

// Small git repositories for the review tests, built with the git command line in a temporary
// folder: a default branch "main" and an initiative branch "cw/feature" with a few changes.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace cwi::test {

inline bool hasGit()
{
    return !QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty();
}

// TIME (Unix seconds, when not 0): the author and committer date of a commit, and the time of
// the reflog entries the command writes.
inline bool runGit(const QString &dir, const QStringList &args, qint64 time = 0)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (time != 0) {
        env.insert(QStringLiteral("GIT_AUTHOR_DATE"), QStringLiteral("@%1 +0000").arg(time));
        env.insert(QStringLiteral("GIT_COMMITTER_DATE"), QStringLiteral("@%1 +0000").arg(time));
    }
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Test"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("test@example.com"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Test"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("test@example.com"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("git"), args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// main: app.txt (5 lines), old.txt, gone.txt. cw/feature: app.txt line 3 changed and a line added
// after line 5, old.txt renamed to "new name.txt", gone.txt deleted, added.txt added.
inline bool makeReviewRepo(const QString &dir)
{
    QDir().mkpath(dir);
    const auto git = [&](const QStringList &args) { return runGit(dir, args); };
    using L = QLatin1StringView;
    return git({ QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") })
        && writeFile(dir + L("/app.txt"), "one\ntwo\nthree\nfour\nfive\n")
        && writeFile(dir + L("/old.txt"), "a fairly long line so rename detection works\nsecond line\nthird line\n")
        && writeFile(dir + L("/gone.txt"), "bye\n") && git({ QStringLiteral("add"), QStringLiteral("-A") })
        && git({ QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("base") })
        && git({ QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("cw/feature") })
        && writeFile(dir + L("/app.txt"), "one\ntwo\nTHREE\nfour\nfive\nsix\n")
        && git({ QStringLiteral("mv"), QStringLiteral("old.txt"), QStringLiteral("new name.txt") })
        && git({ QStringLiteral("rm"), QStringLiteral("-q"), QStringLiteral("gone.txt") })
        && writeFile(dir + L("/added.txt"), "fresh\n") && git({ QStringLiteral("add"), QStringLiteral("-A") })
        && git({ QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("feature") })
        && git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") });
}

// The history behind outdated review comments (tst_outdatedcomments), with dates:
//   1699990000 main: app.txt "one".."five"
//   1699995000 cw/feature A: app.txt line 3 "THREE first try", draft.txt added (4 lines)
//   1700001500 cw/feature W: wip.txt added ("work in progress")
//   1700003000 cw/feature reset --hard to A: W is no longer on the branch (only its reflog has it)
//   1700005000 cw/feature B: app.txt line 3 back to "three" and "six" added, draft.txt deleted
// Comments written between A and B (on line 3 of app.txt, on draft.txt, on wip.txt) are
// outdated in main..B.
inline bool makeOutdatedRepo(const QString &dir)
{
    QDir().mkpath(dir);
    const auto git = [&](const QStringList &args, qint64 time) { return runGit(dir, args, time); };
    const auto commit = [&](const char *message, qint64 time) {
        return git({ QStringLiteral("add"), QStringLiteral("-A") }, time)
            && git({ QStringLiteral("commit"), QStringLiteral("-qm"), QString::fromUtf8(message) }, time);
    };
    using L = QLatin1StringView;
    return git({ QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }, 0)
        && git({ QStringLiteral("config"), QStringLiteral("core.logAllRefUpdates"), QStringLiteral("true") }, 0)
        && writeFile(dir + L("/app.txt"), "one\ntwo\nthree\nfour\nfive\n") && commit("base", 1699990000)
        && git({ QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("cw/feature") }, 1699990000)
        && writeFile(dir + L("/app.txt"), "one\ntwo\nTHREE first try\nfour\nfive\n")
        && writeFile(dir + L("/draft.txt"), "alpha\nbeta\ngamma draft\ndelta\n") && commit("A", 1699995000)
        && writeFile(dir + L("/wip.txt"), "work in progress\n") && commit("W", 1700001500)
        && git({ QStringLiteral("reset"), QStringLiteral("-q"), QStringLiteral("--hard"), QStringLiteral("HEAD~1") },
            1700003000)
        && writeFile(dir + L("/app.txt"), "one\ntwo\nthree\nfour\nfive\nsix\n")
        && git({ QStringLiteral("rm"), QStringLiteral("-q"), QStringLiteral("draft.txt") }, 1700005000)
        && commit("B", 1700005000)
        && git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }, 0);
}

} // namespace cwi::test
