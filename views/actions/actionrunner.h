#pragma once

// Runs manual actions for the window: asks for the text or status an action needs, shows the
// confirmation (field: old → new) unless the action is trivial, applies through Actions, and
// reports: the views reload (AppContext::notifyDataChanged) after a write or a "changed meanwhile";
// a busy database offers to try again. Menus, shortcuts, the detail pane and the review all go
// through one runner.

#include "appcontext.h"
#include "writes/actions.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace cwi {

class ActionRunner : public QObject
{
    Q_OBJECT
public:
    // DIALOGPARENT: the window the dialogs belong to. ACTIONS may be null until a file is open.
    ActionRunner(AppContext *context, Actions *actions, QWidget *dialogParent);

    void setActions(Actions *actions);
    Actions *actions() const { return m_actions; }

    // ACTION (Actions::catalogue() name) on IDS. ARGUMENT given: no text/status prompt.
    void trigger(const QString &action, const QStringList &ids, const QString &argument = QString());
    // A plan made elsewhere (e.g. the review's comment cards): show what will change, apply, report.
    // CONFIRMED: the caller's own dialog already showed it (the comment editor), apply at once.
    WriteResult run(const ActionPlan &plan, bool confirmed = false);
    WriteResult undoLast();

    // Edit > Undo (Ctrl+Z): its text names the action it undoes; disabled when nothing to undo or
    // editing is off. Owned by the runner.
    QAction *undoAction() const { return m_undo; }

    // Without dialogs (tests, scripted use): confirmations are accepted, a busy database is not
    // retried, and messages only go to statusMessage().
    void setInteractive(bool interactive) { m_interactive = interactive; }

Q_SIGNALS:
    void statusMessage(const QString &text); // one line for the status bar
    void finished(const cwi::WriteResult &result);

private:
    WriteResult applyWithRetry(const ActionPlan &plan);
    void report(const WriteResult &result, bool undo = false);
    void updateUndo();

    AppContext *m_context;
    QPointer<Actions> m_actions;
    QWidget *m_dialogParent;
    QAction *m_undo;
    bool m_interactive = true;
    QMetaObject::Connection m_journalConnection;
    QMetaObject::Connection m_writableConnection;
};

} // namespace cwi
