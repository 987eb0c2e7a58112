#include "demorepo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QStandardPaths>

namespace cwi::demo {

namespace {

// Runs git with ARGUMENTS (no shell) in DIRECTORY. Identity and dates come from the command line
// and the environment, so the user's own git configuration cannot change the hashes.
class Git
{
public:
    Git(const QString &program, const QString &directory)
        : m_program(program)
        , m_directory(directory)
    { }

    bool run(const QStringList &arguments, qint64 time = 0, QByteArray *output = nullptr)
    {
        QProcess process;
        process.setProgram(m_program);
        process.setWorkingDirectory(m_directory);
        QStringList all { QStringLiteral("-c"), QStringLiteral("user.name=Codewalkers Demo"), QStringLiteral("-c"),
            QStringLiteral("user.email=demo@codewalkers.invalid"), QStringLiteral("-c"),
            QStringLiteral("commit.gpgsign=false"), QStringLiteral("-c"), QStringLiteral("core.autocrlf=false"),
            QStringLiteral("-c"), QStringLiteral("core.hooksPath=/dev/null") };
        all += arguments;
        process.setArguments(all);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
        env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        if (time > 0) {
            const QString date = QString::number(time) + QStringLiteral(" +0000");
            env.insert(QStringLiteral("GIT_AUTHOR_DATE"), date);
            env.insert(QStringLiteral("GIT_COMMITTER_DATE"), date);
        }
        process.setProcessEnvironment(env);
        process.start();
        if (!process.waitForStarted(10000) || !process.waitForFinished(30000)) {
            m_error = QStringLiteral("git %1 did not run: %2").arg(arguments.value(0), process.errorString());
            process.kill();
            return false;
        }
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            m_error = QStringLiteral("git %1 failed: %2")
                          .arg(arguments.value(0), QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
            return false;
        }
        if (output)
            *output = process.readAllStandardOutput();
        return true;
    }
    QString error() const { return m_error; }

private:
    QString m_program;
    QString m_directory;
    QString m_error;
};

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString findGit()
{
    return QStandardPaths::findExecutable(QStringLiteral("git"));
}

RepoResult createDemoRepository(const QString &gitProgram, const QString &path, const QVector<RepoCommit> &script)
{
    RepoResult result;
    if (!QDir().mkpath(path)) {
        result.error = QStringLiteral("Cannot create the demo repository folder %1").arg(path);
        return result;
    }
    const QDir root(path);
    Git git(gitProgram, root.absolutePath());
    if (!git.run({ QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") })) {
        result.error = git.error();
        return result;
    }
    QString current = QStringLiteral("main");
    QSet<QString> branches { current };
    for (const RepoCommit &commit : script) {
        if (commit.branch != current) {
            const bool exists = branches.contains(commit.branch);
            const QStringList args = exists
                ? QStringList { QStringLiteral("checkout"), QStringLiteral("-q"), commit.branch }
                : QStringList { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), commit.branch,
                      commit.from };
            if (!git.run(args)) {
                result.error = git.error();
                return result;
            }
            branches.insert(commit.branch);
            current = commit.branch;
        }
        for (const auto &[from, to] : commit.renames) {
            QDir().mkpath(QFileInfo(root.filePath(to)).absolutePath());
            QFile::rename(root.filePath(from), root.filePath(to));
        }
        for (const QString &deleted : commit.deletes)
            QFile::remove(root.filePath(deleted));
        for (const auto &[file, content] : commit.writes) {
            if (!writeFile(root.filePath(file), content, &result.error))
                return result;
        }
        if (!git.run({ QStringLiteral("add"), QStringLiteral("-A") })
            || !git.run({ QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), commit.message },
                commit.time)) {
            result.error = git.error();
            return result;
        }
    }
    QByteArray mergeBase;
    QByteArray billingMergeBase;
    if (!git.run({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") })
        || !git.run({ QStringLiteral("merge-base"), QStringLiteral("main"), QString(kAuthBranch) }, 0, &mergeBase)
        || !git.run(
            { QStringLiteral("merge-base"), QStringLiteral("main"), QString(kBillingBranch) }, 0, &billingMergeBase)) {
        result.error = git.error();
        return result;
    }
    result.mergeBase = QString::fromLatin1(mergeBase.trimmed());
    result.billingMergeBase = QString::fromLatin1(billingMergeBase.trimmed());
    result.ok = true;
    return result;
}

} // namespace cwi::demo
