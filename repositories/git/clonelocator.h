#pragma once

// Finds the local clone of a project for the review, in the order of issue 5:
//   1. projects.url when it is a local path or a file:// URL;
//   2. the git common dir of an existing agent worktree of the initiative;
//   3. a folder the user chose before for this project (remembered in QSettings).
// Blocking (runs git): call from a worker thread.

#include "entities.h"
#include "review/reviewtypes.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace cwi {

class CloneLocator
{
public:
    explicit CloneLocator(const QString &gitProgram = QStringLiteral("git"));

    // A local folder for URL ("/srv/repo", "file:///srv/repo"), or empty for a remote URL.
    static QString localPathFromUrl(const QString &url);

    // WORKTREES: agents.worktreeId of the initiative's agents. REMEMBERED: the folder the user
    // chose before (may be empty). PROJECTCOUNT: projects of the initiative; with one project
    // any worktree of the initiative belongs to it.
    CloneLocation locate(
        const Project &project, const QStringList &worktrees, const QString &remembered, int projectCount = 1) const;

private:
    bool isRepository(const QString &folder) const;
    QString cloneOfWorktree(const QString &worktree) const;

    QString m_git;
};

// The clone folder chosen per project and the base/head chosen per phase, in QSettings.
class ReviewSettings
{
public:
    explicit ReviewSettings(QSettings *settings); // not owned; the application's QSettings in the app

    QString cloneFolder(const QString &projectId) const;
    void setCloneFolder(const QString &projectId, const QString &folder);

    // Refs the user typed for a phase (and project); empty when they never changed them.
    QString baseRef(const QString &phaseId, const QString &projectId) const;
    QString headRef(const QString &phaseId, const QString &projectId) const;
    void setRefs(const QString &phaseId, const QString &projectId, const QString &base, const QString &head);

private:
    QSettings *m_settings;
};

} // namespace cwi
