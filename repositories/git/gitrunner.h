#pragma once

// Runs `git` for the review: QProcess with an argument list (never a shell), in one folder, with
// a timeout. Blocking: call it from a worker thread (QtConcurrent), never from the UI thread.
//
// Refs and paths that come from the database are checked before git sees them: one that starts
// with '-' (it would be read as an option, e.g. --output=/tmp/x) or holds control characters is
// refused, and every ref is verified with `rev-parse --verify --quiet --end-of-options REF^{commit}`
// and then passed on as the commit hash it resolved to.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cwi {

struct GitResult
{
    enum Failure
    {
        None,
        NoGit, // the git program could not be started
        NoFolder, // the working folder does not exist
        NotRepository,
        UnknownRef,
        Refused, // a ref or path that must not reach git (option-like, control characters)
        Failed, // git ran and failed
        TimedOut,
    };

    Failure failure = None;
    QByteArray output; // stdout
    QString message; // one line for the user when failure != None

    bool ok() const { return failure == None; }
    QString text() const { return QString::fromUtf8(output).trimmed(); }
};

class GitRunner
{
public:
    explicit GitRunner(const QString &folder, const QString &gitProgram = QStringLiteral("git"));

    QString folder() const { return m_folder; }
    void setTimeout(int msec) { m_timeoutMs = msec; }

    // Empty when VALUE may be given to git as a ref / path; otherwise why not (for the user).
    static QString refuseRef(const QString &ref);
    static QString refusePath(const QString &path);

    // `git <ARGS>` in the folder, with quotepath off, no pager, no prompts.
    GitResult run(const QStringList &args) const;

    GitResult checkRepository() const; // output: the git dir
    GitResult commonDir() const; // output: absolute path of the git common dir
    GitResult resolveCommit(const QString &ref) const; // output: full commit hash
    GitResult mergeBase(const QString &a, const QString &b) const; // output: commit hash
    // `git diff BASE HEAD` (both resolved first) in the format DiffParser reads.
    GitResult diff(const QString &base, const QString &head) const;
    // Branch and remote branch names, for the ref picker. Output: one per line.
    GitResult refNames() const;
    GitResult remoteUrl() const; // `remote.origin.url`, may fail when there is none

private:
    GitResult precheck() const;

    QString m_folder;
    QString m_git;
    int m_timeoutMs = 60000;
};

} // namespace cwi
