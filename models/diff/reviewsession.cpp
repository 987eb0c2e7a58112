#include "reviewsession.h"

#include "database.h"
#include "difffilelistmodel.h"
#include "difffiletreemodel.h"
#include "diffloader.h"
#include "git/clonelocator.h"
#include "git/gitrunner.h"
#include "reviewcommentmodel.h"
#include "reviewcommentrepository.h"
#include "reviewgit.h"

#include <QSettings>

#include <algorithm>
#include <climits>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

struct TargetRead
{
    ReviewTarget target;
    QVector<ReviewComment> comments;
    QString error;
};

} // namespace

ReviewSession::ReviewSession(std::shared_ptr<Database> database, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_settings(settings)
    , m_files(new DiffFileListModel(this))
    , m_tree(new DiffFileTreeModel(m_files, &m_viewed, this))
    , m_commentModel(new ReviewCommentModel(this))
    , m_loader(new DiffLoader(this))
{
    m_jobs.follow(m_loader->jobs());
    connect(&m_jobs, &JobTracker::busyChanged, this, &ReviewSession::busyChanged);
    connect(m_loader, &DiffLoader::filesReady, this, [this](const QVector<DiffFile> &files) {
        const int first = m_files->rowCount();
        m_files->appendFiles(files);
        Q_EMIT filesAdded(first, int(files.size()));
    });
    connect(m_loader, &DiffLoader::finished, this, [this] {
        // Outdated is known only now that every file is in; set it before anyone hears "ready".
        m_state = State::Ready;
        m_message.clear();
        m_outdatedCode.clear(); // a new diff: every outdated comment is looked up again
        updateOutdated(); // and loadOutdatedCode()
        Q_EMIT stateChanged(m_state);
    });
}

ReviewSession::~ReviewSession() = default;

void ReviewSession::setDatabase(std::shared_ptr<Database> database)
{
    m_database = std::move(database);
    m_jobs.cancelAll();
    m_loader->cancel();
    m_phaseId.clear();
    m_files->clear();
    m_commentModel->setComments({});
    setState(State::Empty);
}

const ReviewProject *ReviewSession::currentProject() const
{
    return m_projectIndex >= 0 && m_projectIndex < m_projects.size() ? &m_projects.at(m_projectIndex) : nullptr;
}

void ReviewSession::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    Q_EMIT stateChanged(state);
}

void ReviewSession::showPhase(const QString &phaseId)
{
    if (phaseId != m_phaseId)
        m_projectIndex = 0;
    m_phaseId = phaseId;
    reload();
}

void ReviewSession::reload()
{
    m_jobs.cancelAll(); // comments come with the phase now
    m_loader->cancel();
    m_files->clear();
    if (!m_database || m_phaseId.isEmpty()) {
        setState(State::Empty);
        return;
    }
    setState(State::Loading, tr("Reading phase…"));
    const std::shared_ptr<Database> db = m_database;
    const QString phaseId = m_phaseId;
    m_jobs.run(
        kPhaseChannel,
        [db, phaseId] {
            TargetRead r;
            r.target = readReviewTarget(db, phaseId);
            if (r.target.error.isEmpty() || !r.target.phase.id.isEmpty())
                r.comments = makeReviewCommentRepository(db)->findByPhaseId(phaseId, &r.error);
            return r;
        },
        [this](const TargetRead &r) { onTargetRead(r.target, r.comments, r.error); });
}

void ReviewSession::onTargetRead(
    const ReviewTarget &target, const QVector<ReviewComment> &comments, const QString &error)
{
    m_target = target;
    m_projects.clear();
    for (const Project &p : target.projects) {
        ReviewProject project;
        project.project = p;
        m_projects.append(project);
    }
    m_projectIndex = qBound(0, m_projectIndex, qMax(0, int(m_projects.size()) - 1));
    m_outdated.clear();
    setComments(comments);
    Q_EMIT phaseLoaded();
    if (!target.error.isEmpty() || !error.isEmpty()) {
        setState(State::Failed, !target.error.isEmpty() ? target.error : error);
        return;
    }
    if (m_projects.isEmpty()) {
        setState(State::Failed,
            tr("Initiative “%1” has no projects (initiative_projects), so there is no repository to diff.")
                .arg(target.initiative.name));
        return;
    }
    startGit();
}

void ReviewSession::startGit()
{
    // Another project or other refs: file texts and outdated code of the old diff are stale.
    m_jobs.cancel(kFileTextChannel);
    m_jobs.cancel(kOutdatedChannel);
    m_outdatedCode.clear();
    m_loader->cancel();
    m_files->clear();
    setState(State::Loading, tr("Running git…"));
    const ReviewSettings remembered(m_settings);
    ReviewGitInput in;
    in.project = m_projects.at(m_projectIndex);
    in.phase = m_target.phase;
    in.initiative = m_target.initiative;
    in.worktrees = m_target.worktrees;
    in.projectCount = int(m_projects.size());
    in.remembered = remembered.cloneFolder(in.project.project.id);
    in.baseOverride = remembered.baseRef(m_phaseId, in.project.project.id);
    in.headOverride = remembered.headRef(m_phaseId, in.project.project.id);
    in.git = m_git;
    m_jobs.run(
        kPhaseChannel, [in] { return runReviewGit(in); },
        [this](const ReviewGitResult &r) { onGitDone(r.project, r.diff, r.state, r.message); });
}

void ReviewSession::onGitDone(const ReviewProject &project, const QByteArray &diff, State state, const QString &message)
{
    m_projects[m_projectIndex] = project;
    m_viewed.load(m_phaseId, project.project.id, project.headSha);
    m_tree->viewedReloaded();
    if (state != State::Parsing) {
        setState(state, message);
        return;
    }
    setState(State::Parsing, tr("Reading the diff…"));
    m_loader->load(diff);
}

void ReviewSession::reloadComments()
{
    if (!m_database || m_phaseId.isEmpty())
        return;
    const QString phaseId = m_phaseId;
    const std::shared_ptr<Database> db = m_database;
    m_jobs.run(
        kCommentChannel, [db, phaseId] { return makeReviewCommentRepository(db)->findByPhaseId(phaseId); },
        [this](const QVector<ReviewComment> &comments) { setComments(comments); });
}

void ReviewSession::setComments(const QVector<ReviewComment> &comments)
{
    m_comments = comments;
    m_files->setComments(comments);
    m_commentModel->setComments(comments);
    updateOutdated();
    Q_EMIT commentsChanged();
}

void ReviewSession::updateOutdated()
{
    // Until every file is parsed a comment may still find its line: only then call it outdated.
    if (m_state == State::Ready)
        m_outdated = outdatedComments(m_files->files(), m_comments);
    else
        m_outdated.clear();
    m_commentModel->setOutdated(m_outdated);
    loadOutdatedCode(); // a comment that became outdated (or a new one) since the diff was read
}

void ReviewSession::setViewedFolder(const QString &folder)
{
    m_viewed = ViewedFiles(folder);
    if (const ReviewProject *p = currentProject(); p && !p->headSha.isEmpty())
        m_viewed.load(m_phaseId, p->project.id, p->headSha);
    m_tree->viewedReloaded();
}

QString ReviewSession::summary() const
{
    const QVector<DiffFile> &files = m_files->files();
    int added = 0;
    int removed = 0;
    for (const DiffFile &f : files) {
        added += f.additions;
        removed += f.deletions;
    }
    int unresolved = 0;
    for (const ReviewComment &c : m_comments)
        unresolved += c.resolved ? 0 : 1;
    QString text = tr("%n file(s) changed", nullptr, int(files.size())) + u"  +%1 −%2"_s.arg(added).arg(removed);
    if (m_state == State::Parsing)
        text += tr("  (reading…)");
    text += u"  ·  "_s + tr("%n comment(s), %1 unresolved", nullptr, int(m_comments.size())).arg(unresolved);
    if (!m_outdated.isEmpty())
        text += tr(", %n outdated", nullptr, int(m_outdated.size()));
    if (!files.isEmpty())
        text += u"  ·  "_s + tr("%1 of %2 viewed").arg(m_viewed.viewedCount(files)).arg(files.size());
    return text;
}

QStringList ReviewSession::unresolvedInOrder() const
{
    QHash<QString, int> order; // path -> position in the tree
    const QVector<int> treeOrder = m_tree->filesInTreeOrder();
    for (int i = 0; i < treeOrder.size(); ++i) {
        const DiffFile &f = m_files->files().at(treeOrder.at(i));
        order.insert(f.newPath, i);
        order.insert(f.oldPath, i);
    }
    QVector<const ReviewComment *> open;
    for (const ReviewComment &c : m_comments) {
        if (!c.resolved)
            open.append(&c);
    }
    // Comments of files not in the diff (outdated) come last, by path.
    std::stable_sort(open.begin(), open.end(), [&order](const ReviewComment *a, const ReviewComment *b) {
        const int fa = order.value(a->filePath, INT_MAX);
        const int fb = order.value(b->filePath, INT_MAX);
        if (fa != fb)
            return fa < fb;
        if (a->filePath != b->filePath)
            return a->filePath < b->filePath;
        return a->lineNumber < b->lineNumber;
    });
    QStringList ids;
    for (const ReviewComment *c : std::as_const(open))
        ids << c->id;
    return ids;
}

void ReviewSession::loadFileText(int fileIndex)
{
    const ReviewProject *p = currentProject();
    if (!p || !p->clone.found() || p->headSha.isEmpty() || fileIndex < 0 || fileIndex >= m_files->rowCount())
        return;
    const DiffFile &f = m_files->files().at(fileIndex);
    const QString refused = GitRunner::refusePath(f.newPath);
    if (!refused.isEmpty()) {
        Q_EMIT fileTextFailed(fileIndex, refused);
        return;
    }
    const QString folder = p->clone.folder;
    const QString git = m_git;
    const QString spec = p->headSha + u':' + f.newPath; // starts with the hash: never an option
    m_jobs.add(
        kFileTextChannel,
        [folder, git, spec] {
            return GitRunner(folder, git).run({ u"show"_s, spec });
        },
        [this, fileIndex](const GitResult &r) {
            if (r.ok())
                Q_EMIT fileTextReady(fileIndex, QString::fromUtf8(r.output).split(u'\n'));
            else
                Q_EMIT fileTextFailed(fileIndex, r.message);
        });
}

// For each outdated comment not looked up yet: the code it was written on (findOutdatedCode), in
// the background.
void ReviewSession::loadOutdatedCode()
{
    const ReviewProject *p = currentProject();
    if (m_state != State::Ready || !p || !p->clone.found() || p->headSha.isEmpty())
        return;
    QVector<ReviewComment> wanted;
    for (const ReviewComment &c : std::as_const(m_comments)) {
        if (!m_outdated.contains(c.id) || m_outdatedCode.contains(c.id))
            continue;
        if (wanted.size() < kMaxOutdatedLookups) {
            wanted.append(c);
        } else {
            OutdatedCode skipped;
            skipped.unavailable
                = tr("Not looked up: only the first %1 outdated comments are.").arg(kMaxOutdatedLookups);
            m_outdatedCode.insert(c.id, skipped);
        }
    }
    if (wanted.isEmpty()) {
        Q_EMIT outdatedCodeChanged();
        return;
    }
    const QString folder = p->clone.folder;
    const QString git = m_git;
    const QString head = p->headSha;
    const QString headRef = p->head;
    const QString base = p->baseSha;
    m_jobs.run(
        kOutdatedChannel,
        [folder, git, head, headRef, base, wanted](const CancelToken &token) {
            QHash<QString, OutdatedCode> code;
            const GitRunner runner(folder, git);
            for (const ReviewComment &c : wanted) {
                if (token.isCancelled())
                    break;
                code.insert(c.id, findOutdatedCode(runner, base, head, headRef, c));
            }
            return code;
        },
        [this](const QHash<QString, OutdatedCode> &code) {
            m_outdatedCode.insert(code);
            Q_EMIT outdatedCodeChanged();
        });
}

void ReviewSession::selectProject(int index)
{
    if (index < 0 || index >= m_projects.size() || index == m_projectIndex)
        return;
    m_projectIndex = index;
    startGit();
}

void ReviewSession::setRefs(const QString &base, const QString &head)
{
    if (m_projects.isEmpty())
        return;
    ReviewSettings(m_settings)
        .setRefs(m_phaseId, m_projects.at(m_projectIndex).project.id, base.trimmed(), head.trimmed());
    startGit();
}

void ReviewSession::setCloneFolder(const QString &folder)
{
    if (m_projects.isEmpty())
        return;
    ReviewSettings(m_settings).setCloneFolder(m_projects.at(m_projectIndex).project.id, folder);
    startGit();
}

} // namespace cwi
