#pragma once

// One phase under review: reads the phase, its initiative and projects and its review comments
// (worker, own read connection), finds the project's clone and runs git (worker), parses the
// diff batch by batch (DiffLoader) and feeds the file list and comment models. The view only
// talks to this object. Its JobTracker drops results of a phase the user already left.

#include "commentanchor.h"
#include "jobtracker.h"
#include "outdatedcode.h"
#include "review/reviewtypes.h"
#include "viewedfiles.h"

#include <QObject>
#include <QSet>
#include <QVector>

#include <memory>

class QSettings;

namespace cwi {

class Database;
class DiffFileListModel;
class DiffFileTreeModel;
class DiffLoader;
class ReviewCommentModel;

struct ReviewProject
{
    Project project;
    CloneLocation clone;
    QString base; // the ref or hash used as base (shown, editable)
    QString head;
    QString baseOrigin; // how the base was chosen: "phase merge base", "merge-base main cw/x", "chosen"
    QString baseSha;
    QString headSha;
    QStringList refNames; // branches and tags of the clone, for the ref pickers
};

class ReviewSession : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Empty, // no phase
        Loading, // reading the database / running git
        NeedsFolder, // no clone found for the current project: ask the user
        Failed, // message() says why
        Parsing, // files arrive
        Ready,
    };
    Q_ENUM(State)

    // SETTINGS (not owned) remembers clone folders and refs; may be null (nothing remembered).
    ReviewSession(std::shared_ptr<Database> database, QSettings *settings, QObject *parent = nullptr);
    ~ReviewSession() override;

    void setDatabase(std::shared_ptr<Database> database);
    void setGitProgram(const QString &program) { m_git = program; }
    void setSettings(QSettings *settings) { m_settings = settings; }

    void showPhase(const QString &phaseId);
    void reload();
    void reloadComments(); // the file changed (a write, the server): comments only
    void selectProject(int index);
    // User-chosen refs for this phase and project (remembered); empty strings restore the defaults.
    void setRefs(const QString &base, const QString &head);
    // The clone folder of the current project (remembered), then reload.
    void setCloneFolder(const QString &folder);

    State state() const { return m_state; }
    QString message() const { return m_message; }
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const { return &m_jobs; }
    QString phaseId() const { return m_phaseId; }
    const ReviewTarget &target() const { return m_target; }
    const QVector<ReviewProject> &projects() const { return m_projects; }
    int projectIndex() const { return m_projectIndex; }
    const ReviewProject *currentProject() const;
    const QVector<ReviewComment> &comments() const { return m_comments; }
    const QSet<QString> &outdated() const { return m_outdated; }
    bool filesComplete() const { return m_state == State::Ready; }

    DiffFileListModel *fileModel() const { return m_files; }
    // The same files as a folder tree with "Viewed" boxes (kept in ViewedFiles, per phase and project).
    DiffFileTreeModel *fileTree() const { return m_tree; }
    // Where the viewed state is kept (the application's data folder unless set).
    void setViewedFolder(const QString &folder);
    const ViewedFiles &viewedFiles() const { return m_viewed; }
    // One line for the header: "12 files changed +30 −4 · 3 comments, 1 unresolved · 2 of 12 viewed".
    QString summary() const;
    // The unresolved comments in reading order (file in tree order, then line), for n / p.
    QStringList unresolvedInOrder() const;
    // The text of file FILEINDEX at the head (`git show HEAD:path`), for expanding context:
    // fileTextReady() or fileTextFailed() follows.
    void loadFileText(int fileIndex);
    // The code each outdated comment was written on, or why git cannot give it (findOutdatedCode,
    // in the background once every file is in), by comment id.
    const QHash<QString, OutdatedCode> &outdatedCode() const { return m_outdatedCode; }
    static constexpr int kMaxOutdatedLookups = 50;
    ReviewCommentModel *commentModel() const { return m_commentModel; }

Q_SIGNALS:
    void stateChanged(cwi::ReviewSession::State state);
    void busyChanged(bool busy);
    void phaseLoaded(); // target(), projects() and comments() are set for a new phase
    void filesAdded(int first, int count);
    void commentsChanged();
    void fileTextReady(int fileIndex, const QStringList &lines);
    void fileTextFailed(int fileIndex, const QString &message);
    void outdatedCodeChanged();

private:
    void setState(State state, const QString &message = {});
    void startGit();
    void onTargetRead(const ReviewTarget &target, const QVector<ReviewComment> &comments, const QString &error);
    void onGitDone(const ReviewProject &project, const QByteArray &diff, State state, const QString &message);
    void setComments(const QVector<ReviewComment> &comments);
    void updateOutdated();
    void loadOutdatedCode();

    std::shared_ptr<Database> m_database;
    QSettings *m_settings;
    QString m_git = QStringLiteral("git");
    // kPhaseChannel: the phase, then git (a new phase or project supersedes both, and the file
    // texts and outdated code read from the old diff); comments apart.
    mutable JobTracker m_jobs; // follows the diff loader's tracker too
    static constexpr int kPhaseChannel = 0;
    static constexpr int kCommentChannel = 1;
    static constexpr int kFileTextChannel = 2; // one job per file asked for, beside each other
    static constexpr int kOutdatedChannel = 3;
    State m_state = State::Empty;
    QString m_message;
    QString m_phaseId;
    ReviewTarget m_target;
    QVector<ReviewProject> m_projects;
    int m_projectIndex = 0;
    QVector<ReviewComment> m_comments;
    QSet<QString> m_outdated;
    QHash<QString, OutdatedCode> m_outdatedCode;
    DiffFileListModel *m_files;
    ViewedFiles m_viewed;
    DiffFileTreeModel *m_tree;
    ReviewCommentModel *m_commentModel;
    DiffLoader *m_loader;
};

} // namespace cwi
