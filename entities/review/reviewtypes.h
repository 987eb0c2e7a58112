#pragma once

// The review's values, SQL-free: where a project's clone is (CloneLocator finds it, in
// repositories/git/clonelocator.h) and what the review reads about a phase (readReviewTarget, in
// repositories/reviewcommentrepository.h). ReviewSession (models/) hands them to the views.

#include "entities.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

struct CloneLocation
{
    enum Source
    {
        None,
        ProjectUrl,
        AgentWorktree,
        Remembered
    };

    QString folder; // where to run git; empty when not found
    Source source = None;
    QString message; // why nothing was found (or what was tried), for the user

    bool found() const { return !folder.isEmpty(); }
};

// Where a clone was found, as the review header says it (translated).
QString cloneSourceName(CloneLocation::Source source);

// Everything the review needs to know about a phase, read in one go.
struct ReviewTarget
{
    Phase phase;
    Initiative initiative;
    QVector<Project> projects; // via initiative_projects
    QStringList worktrees; // agents.worktreeId of the initiative's agents, newest agent first
    QString error; // set when the phase cannot be reviewed (not found, no initiative, read error)
};

} // namespace cwi
