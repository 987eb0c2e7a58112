#include "gitrunner.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

bool hasControlCharacter(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

GitResult failure(GitResult::Failure kind, const QString &message)
{
    GitResult r;
    r.failure = kind;
    r.message = message;
    return r;
}

QString shortened(const QString &value)
{
    QString shown = value;
    for (QChar &c : shown) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0xfffd);
    }
    return shown.size() > 60 ? shown.left(57) + u"..."_s : shown;
}

} // namespace

GitRunner::GitRunner(const QString &folder, const QString &gitProgram)
    : m_folder(folder)
    , m_git(gitProgram)
{ }

QString GitRunner::refuseRef(const QString &ref)
{
    if (ref.trimmed().isEmpty())
        return u"No ref given."_s;
    if (ref.startsWith(u'-'))
        return u"Refused ref “%1”: it starts with '-' and git would read it as an option."_s.arg(shortened(ref));
    if (hasControlCharacter(ref))
        return u"Refused ref “%1”: it contains control characters."_s.arg(shortened(ref));
    return {};
}

QString GitRunner::refusePath(const QString &path)
{
    if (path.isEmpty())
        return u"No folder given."_s;
    if (path.startsWith(u'-'))
        return u"Refused path “%1”: it starts with '-'."_s.arg(shortened(path));
    if (hasControlCharacter(path))
        return u"Refused path “%1”: it contains control characters."_s.arg(shortened(path));
    return {};
}

GitResult GitRunner::precheck() const
{
    const QString refused = refusePath(m_folder);
    if (!refused.isEmpty())
        return failure(GitResult::Refused, refused);
    if (!QFileInfo(m_folder).isDir())
        return failure(GitResult::NoFolder, u"The folder %1 does not exist."_s.arg(m_folder));
    return {};
}

GitResult GitRunner::run(const QStringList &args) const
{
    GitResult pre = precheck();
    if (!pre.ok())
        return pre;
    QProcess process;
    process.setWorkingDirectory(m_folder);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
    env.insert(u"GIT_OPTIONAL_LOCKS"_s, u"0"_s); // reading must not take the index lock
    env.insert(u"LC_ALL"_s, u"C"_s); // messages we match on stay English
    env.remove(u"GIT_DIR"_s);
    env.remove(u"GIT_WORK_TREE"_s);
    process.setProcessEnvironment(env);
    const QStringList fixed = { u"--no-pager"_s, u"-c"_s, u"core.quotepath=off"_s, u"-c"_s, u"core.fsmonitor=false"_s };
    process.start(m_git, fixed + args, QIODevice::ReadOnly);
    if (!process.waitForStarted(m_timeoutMs)) {
        return failure(GitResult::NoGit,
            u"git could not be started (%1): install git or check the git program setting."_s.arg(m_git));
    }
    // Read as it comes: a large diff would otherwise fill the pipe while we wait.
    QByteArray out;
    while (process.state() != QProcess::NotRunning) {
        if (!process.waitForReadyRead(m_timeoutMs) && process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(1000);
            return failure(GitResult::TimedOut, u"git did not answer within %1 s."_s.arg(m_timeoutMs / 1000));
        }
        out += process.readAllStandardOutput();
    }
    out += process.readAllStandardOutput();
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        GitResult r;
        r.output = out;
        if (err.contains(u"not a git repository"_s, Qt::CaseInsensitive)) {
            r.failure = GitResult::NotRepository;
            r.message = u"%1 is not a git repository."_s.arg(m_folder);
        } else {
            r.failure = GitResult::Failed;
            r.message = err.isEmpty() ? u"git %1 failed (exit code %2)."_s.arg(args.value(0)).arg(process.exitCode())
                                      : err.section(u'\n', 0, 0);
        }
        return r;
    }
    GitResult r;
    r.output = out;
    return r;
}

GitResult GitRunner::checkRepository() const
{
    return run({ u"rev-parse"_s, u"--git-dir"_s });
}

GitResult GitRunner::commonDir() const
{
    GitResult r = run({ u"rev-parse"_s, u"--git-common-dir"_s });
    if (r.ok())
        r.output = QDir(m_folder).absoluteFilePath(r.text()).toUtf8();
    return r;
}

GitResult GitRunner::resolveCommit(const QString &ref) const
{
    const QString refused = refuseRef(ref);
    if (!refused.isEmpty())
        return failure(GitResult::Refused, refused);
    GitResult r = run({ u"rev-parse"_s, u"--verify"_s, u"--quiet"_s, u"--end-of-options"_s, ref + u"^{commit}"_s });
    if (r.failure == GitResult::Failed)
        return failure(GitResult::UnknownRef, u"Unknown ref “%1” in %2."_s.arg(shortened(ref), m_folder));
    if (r.ok())
        r.output = r.output.trimmed();
    return r;
}

GitResult GitRunner::mergeBase(const QString &a, const QString &b) const
{
    GitResult ra = resolveCommit(a);
    if (!ra.ok())
        return ra;
    GitResult rb = resolveCommit(b);
    if (!rb.ok())
        return rb;
    GitResult r = run({ u"merge-base"_s, ra.text(), rb.text() });
    if (r.failure == GitResult::Failed)
        r.message = u"%1 and %2 have no common ancestor."_s.arg(a, b);
    if (r.ok())
        r.output = r.output.trimmed();
    return r;
}

GitResult GitRunner::diff(const QString &base, const QString &head) const
{
    GitResult rb = resolveCommit(base);
    if (!rb.ok())
        return rb;
    GitResult rh = resolveCommit(head);
    if (!rh.ok())
        return rh;
    return run({ u"diff"_s, u"--no-color"_s, u"--no-ext-diff"_s, u"--no-textconv"_s, u"-M"_s, u"--src-prefix=a/"_s,
        u"--dst-prefix=b/"_s, rb.text(), rh.text(), u"--"_s });
}

GitResult GitRunner::refNames() const
{
    return run({ u"for-each-ref"_s, u"--format=%(refname:short)"_s, u"--sort=-committerdate"_s, u"refs/heads"_s,
        u"refs/remotes"_s, u"refs/tags"_s });
}

GitResult GitRunner::remoteUrl() const
{
    return run({ u"config"_s, u"--get"_s, u"remote.origin.url"_s });
}

} // namespace cwi
