#pragma once

// The git half of reading a phase for review, in a worker: find the project's clone (CloneLocator),
// resolve head and base (a chosen ref, the phase's merge base, or the merge base with the default
// branch) and run the diff. ReviewSession runs it on its JobTracker and parses what comes back.

#include "reviewsession.h"

namespace cwi {

struct ReviewGitInput
{
    ReviewProject project;
    Phase phase;
    Initiative initiative;
    QStringList worktrees;
    int projectCount = 1;
    QString remembered; // the clone folder the user chose for the project
    QString baseOverride; // refs the user chose for this phase and project
    QString headOverride;
    QString git; // the program
};

struct ReviewGitResult
{
    ReviewProject project; // with clone, refs and the resolved base and head
    QByteArray diff;
    ReviewSession::State state = ReviewSession::State::Failed; // Parsing when DIFF is set
    QString message;
};

ReviewGitResult runReviewGit(const ReviewGitInput &in);

} // namespace cwi
