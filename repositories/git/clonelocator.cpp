#include "clonelocator.h"

#include "gitrunner.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace cwi {

using namespace Qt::StringLiterals;

CloneLocator::CloneLocator(const QString &gitProgram)
    : m_git(gitProgram)
{ }

QString CloneLocator::localPathFromUrl(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.startsWith(u"file://"_s)) {
        const QUrl parsed(trimmed);
        return parsed.isLocalFile() ? QDir::cleanPath(parsed.toLocalFile()) : QString();
    }
    if (QDir::isAbsolutePath(trimmed) && !trimmed.contains(u"://"_s))
        return QDir::cleanPath(trimmed);
    return {};
}

bool CloneLocator::isRepository(const QString &folder) const
{
    return GitRunner(folder, m_git).checkRepository().ok();
}

// A worktree's common dir is the main clone's .git (or the bare repository itself).
QString CloneLocator::cloneOfWorktree(const QString &worktree) const
{
    const GitResult common = GitRunner(worktree, m_git).commonDir();
    if (!common.ok())
        return {};
    QString dir = QDir::cleanPath(common.text());
    if (QFileInfo(dir).fileName() == u".git"_s)
        return QFileInfo(dir).absolutePath();
    return dir;
}

CloneLocation CloneLocator::locate(
    const Project &project, const QStringList &worktrees, const QString &remembered, int projectCount) const
{
    QStringList tried;
    const QString urlPath = localPathFromUrl(project.url);
    if (!urlPath.isEmpty()) {
        const QString refused = GitRunner::refusePath(urlPath);
        if (!refused.isEmpty())
            tried << refused;
        else if (!QFileInfo(urlPath).isDir())
            tried << u"the project folder %1 does not exist"_s.arg(urlPath);
        else if (!isRepository(urlPath))
            tried << u"%1 is not a git repository"_s.arg(urlPath);
        else
            return { urlPath, CloneLocation::ProjectUrl, {} };
    } else {
        tried << u"the project URL %1 is not a local folder"_s.arg(project.url);
    }

    for (const QString &worktree : worktrees) {
        if (!GitRunner::refusePath(worktree).isEmpty())
            continue;
        // Multi-project initiatives keep one sub-folder per project inside the agent's worktree.
        QStringList candidates;
        if (!project.name.isEmpty())
            candidates << QDir(worktree).filePath(project.name);
        if (projectCount <= 1)
            candidates << worktree;
        for (const QString &candidate : std::as_const(candidates)) {
            if (!QFileInfo(candidate).isDir())
                continue;
            const QString clone = cloneOfWorktree(candidate);
            if (!clone.isEmpty())
                return { clone, CloneLocation::AgentWorktree, {} };
        }
    }
    if (!worktrees.isEmpty())
        tried << u"no agent worktree of the initiative is a clone of it"_s;

    if (!remembered.isEmpty()) {
        if (!GitRunner::refusePath(remembered).isEmpty() || !QFileInfo(remembered).isDir())
            tried << u"the folder chosen before (%1) is gone"_s.arg(remembered);
        else if (!isRepository(remembered))
            tried << u"the folder chosen before (%1) is not a git repository"_s.arg(remembered);
        else
            return { remembered, CloneLocation::Remembered, {} };
    }
    CloneLocation none;
    none.message = u"No local clone of project “%1” found: %2. Choose its folder."_s.arg(
        project.name.isEmpty() ? project.id : project.name, tried.join(u"; "_s));
    return none;
}

ReviewSettings::ReviewSettings(QSettings *settings)
    : m_settings(settings)
{ }

static QString projectKey(const QString &projectId)
{
    return u"review/cloneFolder/"_s + QString::fromLatin1(projectId.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

static QString phaseKey(const QString &phaseId, const QString &projectId, const QString &which)
{
    const QByteArray key = (phaseId + u'/' + projectId).toUtf8().toBase64(QByteArray::Base64UrlEncoding);
    return u"review/refs/"_s + QString::fromLatin1(key) + u'/' + which;
}

QString ReviewSettings::cloneFolder(const QString &projectId) const
{
    return m_settings ? m_settings->value(projectKey(projectId)).toString() : QString();
}

void ReviewSettings::setCloneFolder(const QString &projectId, const QString &folder)
{
    if (m_settings)
        m_settings->setValue(projectKey(projectId), folder);
}

QString ReviewSettings::baseRef(const QString &phaseId, const QString &projectId) const
{
    return m_settings ? m_settings->value(phaseKey(phaseId, projectId, u"base"_s)).toString() : QString();
}

QString ReviewSettings::headRef(const QString &phaseId, const QString &projectId) const
{
    return m_settings ? m_settings->value(phaseKey(phaseId, projectId, u"head"_s)).toString() : QString();
}

void ReviewSettings::setRefs(const QString &phaseId, const QString &projectId, const QString &base, const QString &head)
{
    if (!m_settings)
        return;
    m_settings->setValue(phaseKey(phaseId, projectId, u"base"_s), base);
    m_settings->setValue(phaseKey(phaseId, projectId, u"head"_s), head);
}

} // namespace cwi
