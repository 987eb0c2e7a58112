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

inline bool runGit(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
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

} // namespace cwi::test
