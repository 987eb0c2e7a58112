#pragma once

// The review page: a thin widget over ReviewSession (models/diff), which reads the phase, runs
// git, parses the diff and keeps the viewed state, and ReviewFocus, which keeps the file and
// comment shown. Here: the header (ReviewHeader), the file
// tree with "Viewed" boxes on the left, the diff of the selected file (unified or side by side,
// changed words highlighted, long lines cut or wrapped) with comments as cards under their
// lines, and the comment pane (commentPane(): the main window may move it into a dock).
// Keys: j / k next / previous file, n / p next / previous unresolved comment, C comments the
// current line, Alt+Down / Alt+Up step through files as well. A comment card has a context menu.
//
// Writes go through ReviewCommentWrites (the shared write path); without it the page is read-only.

#include "diff/reviewfocus.h"
#include "jobtracker.h"
#include "pane.h"
#include "reviewcommentwrites.h"

#include <QWidget>

#include <memory>

class QListView;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace cwi {

class ActionRunner;
class Actions;
class AppContext;
class DiffDelegate;
class DiffModel;
class ReviewFocus;
class ReviewCommentPane;
class ReviewCommentWrites;
class ReviewDiffPane;
class ReviewFilePanel;
class ReviewHeader;
class ReviewMessagePage;
class ReviewSession;

class ReviewView : public QWidget, public Pane
{
    Q_OBJECT
public:
    explicit ReviewView(cwi::AppContext *ctx, QWidget *parent = nullptr);
    ~ReviewView() override;

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;

    // Shows the phase and, once its diff is in, scrolls to COMMENTID if given (e.g. from a navigate()).
    void showPhase(const QString &phaseId, const QString &commentId = {});
    // The shared write path; null (the default) keeps the review read-only. Switching editing on or
    // off reaches the open review at once.
    void setActions(Actions *actions) { m_writes->setActions(actions); }
    // The window's runner: comment writes then show "what will change" as every other action does.
    void setRunner(ActionRunner *runner) { m_writes->setRunner(runner); }
    // Where clone folders, refs and the view options are remembered; the application's QSettings by default.
    void setSettings(QSettings *settings);

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    ReviewCommentPane *commentPane() const { return m_pane; }
    ReviewSession *session() const { return m_session; }
    ReviewFocus *focus() const { return m_focus; } // the file and comment shown
    DiffModel *diffModel() const { return m_diff; }
    QListView *diffView() const { return m_diffView; }
    QTreeView *fileView() const;
    int currentFile() const { return m_focus->currentFile(); } // index into the session's files, -1 for none

    // Selects the comment's file and scrolls the diff to it (also what the pane does).
    void revealComment(const QString &commentId) { m_focus->revealComment(commentId); }
    // Next (STEP 1) or previous (-1) file in the tree; next or previous unresolved comment.
    void stepFile(int step) { m_focus->stepFile(step); }
    void stepUnresolved(int step) { m_focus->stepUnresolved(step); }
    // Side by side as chosen (remembered); it is shown only while the diff has room for
    // kSideBySideColumns characters on each side, else unified with a hint saying so.
    void setSideBySide(bool on);
    bool isSideBySide() const; // as shown
    bool prefersSideBySide() const { return m_sideBySidePreferred; }
    static constexpr int kSideBySideColumns = 48;
    void setFileTreeShown(bool shown); // remembered; T toggles it
    bool isFileTreeShown() const;
    // The comment list under the diff (remembered; L toggles it). Its height is the one the user
    // dragged it to (remembered), at first a quarter of the room, and never more than
    // kCommentListShare percent of it: on a short window the diff keeps the room.
    void setCommentListShown(bool shown);
    bool isCommentListShown() const;
    static constexpr int kCommentListShare = 35;
    void setWrapLines(bool on);
    // Opens the comment editor for the diff row ROW (a line) and writes the comment.
    void addCommentAtRow(int row) { m_writes->addCommentAtRow(row); }
    // Writes a comment on diff row ROW without asking; true when applied.
    bool addComment(int row, const QString &body, const QString &author = QStringLiteral("you"))
    {
        return m_writes->addComment(row, body, author);
    }
    // Resolves (or reopens) comments through the write path; true when applied.
    bool resolve(const QStringList &ids, bool resolve) { return m_writes->resolve(ids, resolve); }

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectDiff();
    void installKeys();
    void bindFocus();
    void onStateChanged();
    void onFilesAdded();
    void updateFileHeader();
    void fitFilePanel(); // widens the file tree so that its counts show, up to 40 % of the page
    // The comment list's height, as remembered and as the room allows; TOTAL: the splitter's
    // height to share (-1: its present one).
    void fitCommentList(int total = -1);
    void updateSideBySide(); // side by side or unified, as chosen and as the width allows
    void updateEditing();

    AppContext *m_ctx;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings;
    ReviewSession *m_session;
    mutable JobTracker m_jobs; // the phase menu; follows the session's tracker
    ReviewFocus *m_focus;
    DiffModel *m_diff; // the focus's
    ReviewCommentWrites *m_writes;
    DiffDelegate *m_delegate = nullptr;

    ReviewHeader *m_header = nullptr;
    QStackedWidget *m_stack = nullptr;
    ReviewMessagePage *m_messagePage = nullptr;
    ReviewFilePanel *m_files = nullptr;
    QSplitter *m_split = nullptr; // the file tree | the diff and the comments
    QSplitter *m_center = nullptr; // the diff over the comment list
    ReviewDiffPane *m_diffPane = nullptr;
    QListView *m_diffView = nullptr; // the pane's
    ReviewCommentPane *m_pane = nullptr;
    bool m_sideBySidePreferred = false;
    int m_scroll = 0; // the diff's, kept while its rows change in place
};

} // namespace cwi
