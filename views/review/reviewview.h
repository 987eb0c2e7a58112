#pragma once

// The review page: a phase's diff from git with its inline review comments. File list on the
// left (filter by path), the unified diff of the selected file in the middle (comments as cards
// under their lines), the comment pane on the right (commentPane(): the main window may move it
// into a dock). Base and head are shown and editable, remembered per phase. When no clone of a
// project is found the page says which and offers to choose its folder.
//
// Writes (add, resolve, unresolve, edit, delete) go through the shared write path (Actions);
// without it, or with editing off, the page is read-only and says how to switch editing on.

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace cwi {

class Actions;
class AppContext;
class DiffDelegate;
class DiffModel;
class ReviewCommentPane;
class ReviewSession;
struct ActionPlan;

class ReviewView : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewView(cwi::AppContext *ctx, QWidget *parent = nullptr);
    ~ReviewView() override;

    void showPhase(const QString &phaseId);
    // Shows the phase and, once its diff is in, scrolls to the comment (e.g. from a navigate()).
    void showPhase(const QString &phaseId, const QString &commentId);
    // The shared write path; null (the default) keeps the review read-only.
    void setActions(Actions *actions);
    // Where clone folders and refs are remembered; the application's QSettings by default.
    void setSettings(QSettings *settings);

    bool isBusy() const;
    ReviewCommentPane *commentPane() const { return m_pane; }
    ReviewSession *session() const { return m_session; }
    DiffModel *diffModel() const { return m_diff; }
    QListView *diffView() const { return m_diffView; }
    QTreeView *fileView() const { return m_fileView; }

    // Selects the comment's file and scrolls the diff to it (also what the pane does).
    void revealComment(const QString &requestedId);
    // Opens the comment editor for the diff row ROW (a line) and writes the comment.
    void addCommentAtRow(int row);
    // Writes a comment on diff row ROW without asking (the editor's second half); true when applied.
    bool addComment(int row, const QString &body, const QString &author = QStringLiteral("you"));
    // Resolves (or reopens) comments through the write path; true when applied.
    bool resolve(const QStringList &ids, bool resolve);

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void onStateChanged();
    void onFilesAdded(int first, int count);
    void onCommentsChanged();
    void showFile(int fileRow);
    void updateHeader();
    void updateEditing();
    void applyRefs();
    void chooseFolder();
    void editComment(const QString &id);
    void deleteComment(const QString &id);
    bool runPlan(const ActionPlan &plan, bool confirm);
    bool canEdit() const;
    QString whyReadOnly() const;

    AppContext *m_ctx;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings;
    QPointer<Actions> m_actions; // owned by the window; may go away with its database
    ReviewSession *m_session;
    DiffModel *m_diff;
    QSortFilterProxyModel *m_fileFilter;
    DiffDelegate *m_delegate = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QComboBox *m_project = nullptr;
    QComboBox *m_base = nullptr;
    QComboBox *m_head = nullptr;
    QLabel *m_baseOrigin = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_defaults = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_readOnly = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_chooseFolder = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTreeView *m_fileView = nullptr;
    QLabel *m_fileHeader = nullptr;
    QListView *m_diffView = nullptr;
    ReviewCommentPane *m_pane = nullptr;
    int m_currentFile = -1;
    QString m_pendingComment; // reveal once its file has arrived
};

} // namespace cwi
