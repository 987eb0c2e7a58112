#include "reviewgit.h"

#include "git/clonelocator.h"
#include "git/gitrunner.h"

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

// A branch may only exist as a remote-tracking branch in the clone.
GitResult resolveBranch(const GitRunner &git, const QString &ref)
{
    GitResult r = git.resolveCommit(ref);
    if (r.failure == GitResult::UnknownRef) {
        GitResult remote = git.resolveCommit(u"origin/"_s + ref);
        if (remote.ok())
            return remote;
    }
    return r;
}

} // namespace

ReviewGitResult runReviewGit(const ReviewGitInput &in)
{
    ReviewGitResult out;
    out.project = in.project;
    ReviewProject &p = out.project;
    p.clone = CloneLocator(in.git).locate(p.project, in.worktrees, in.remembered, in.projectCount);
    if (!p.clone.found()) {
        out.state = ReviewSession::State::NeedsFolder;
        out.message = p.clone.message;
        return out;
    }
    const GitRunner git(p.clone.folder, in.git);
    const GitResult refs = git.refNames();
    if (refs.ok())
        p.refNames = refs.text().split(u'\n', Qt::SkipEmptyParts);
    p.head = in.headOverride.isEmpty() ? in.initiative.branch : in.headOverride;
    if (p.head.isEmpty()) {
        out.message = u"Initiative “%1” has no branch: enter a head ref to review."_s.arg(in.initiative.name);
        return out;
    }
    const GitResult head = resolveBranch(git, p.head);
    if (!head.ok()) {
        out.state
            = head.failure == GitResult::NoFolder ? ReviewSession::State::NeedsFolder : ReviewSession::State::Failed;
        out.message = head.message;
        return out;
    }
    p.headSha = head.text();
    GitResult base;
    if (!in.baseOverride.isEmpty()) {
        p.base = in.baseOverride;
        p.baseOrigin = u"chosen"_s;
        base = resolveBranch(git, p.base);
    } else if (!in.phase.mergeBase.isEmpty()) {
        p.base = in.phase.mergeBase;
        p.baseOrigin = u"phase merge base"_s;
        base = git.resolveCommit(p.base);
    } else {
        const GitResult defaultBranch = resolveBranch(git, p.project.defaultBranch);
        if (!defaultBranch.ok()) {
            out.message = defaultBranch.message;
            return out;
        }
        base = git.mergeBase(defaultBranch.text(), p.headSha);
        p.base = base.text();
        p.baseOrigin = u"merge-base %1 %2"_s.arg(p.project.defaultBranch, p.head);
    }
    if (!base.ok()) {
        out.message = base.message;
        return out;
    }
    p.baseSha = base.text();
    const GitResult diff = git.diff(p.baseSha, p.headSha);
    if (!diff.ok()) {
        out.message = diff.message;
        return out;
    }
    out.diff = diff.output;
    out.state = ReviewSession::State::Parsing;
    return out;
}

} // namespace cwi
