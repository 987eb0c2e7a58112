#pragma once

// The review's comment writes: add, resolve, unresolve, edit, delete. Every one is planned and
// applied through the shared write path (Actions), which checks the row is still as seen,
// journals it for undo and writes in one short transaction; what will change is shown first.
// With the window's ActionRunner the writes go through it, as every other action does: its "what
// will change" dialog, its status line and Ctrl+Z. Without Actions, or with editing off, nothing can
// be written and whyReadOnly() says why; switching editing on or off reaches the review at once.

#include "diffdelegate.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace cwi {

class ActionRunner;
class ActionService;
class Actions;
class DiffModel;
class ReviewSession;
struct ActionPlan;

class ReviewCommentWrites : public QObject
{
    Q_OBJECT
public:
    // Dialogs open over DIALOGPARENT (which also owns this object).
    ReviewCommentWrites(ReviewSession *session, DiffModel *diff, QWidget *dialogParent);

    void setSession(ReviewSession *session) { m_session = session; }
    void setActions(Actions *actions); // the window's; null: read-only
    void setRunner(ActionRunner *runner);
    bool canEdit() const;
    QString whyReadOnly() const;

    // Opens the comment editor for diff row ROW (a line) and writes the comment.
    void addCommentAtRow(int row);
    // Writes a comment on diff row ROW without asking (the editor's second half); true when applied.
    bool addComment(int row, const QString &body, const QString &author = QStringLiteral("you"));
    // Resolves (or reopens) comments; true when applied.
    bool resolve(const QStringList &ids, bool resolve);
    void editComment(const QString &id);
    void deleteComment(const QString &id);
    // A comment card's link: resolve, unresolve, edit or delete (Toggle is the view's).
    void act(const QString &id, DiffDelegate::CommentAction action);
    // A comment card's menu at GLOBALPOS: the same actions, greyed with the reason when read-only,
    // its id to copy and its details.
    void showMenu(const QString &id, bool resolved, const QPoint &globalPos);

Q_SIGNALS:
    void editingChanged(); // actions came or went, editing was switched on or off
    void detailsRequested(const QString &id); // the comment's row in the detail pane

private:
    bool runPlan(const ActionPlan &plan, bool confirm);

    ReviewSession *m_session;
    DiffModel *m_diff;
    QWidget *m_dialogParent;
    ActionService *m_actions; // the write path over the window's Actions (which may go with its database)
    QPointer<ActionRunner> m_runner; // the window's; null: this class asks and applies itself
};

} // namespace cwi
