#pragma once

// Runs manual actions for the window: asks for the text or status an action needs, shows the
// confirmation (field: old → new) unless the action is trivial, applies through the ActionService, and
// reports: the views reload (AppContext::notifyDataChanged) after a write or a "changed meanwhile";
// a busy database offers to try again. Menus, shortcuts, the detail pane and the review all go
// through one runner.

#include "appcontext.h"
#include "writes/actioncatalogue.h"
#include "writes/writeplan.h"

#include <QObject>

class QAction;
class QWidget;

namespace cwi {

class ActionService;

class ActionRunner : public QObject
{
    Q_OBJECT
public:
    // DIALOGPARENT: the window the dialogs belong to. SERVICE has no actions until a file is open.
    ActionRunner(AppContext *context, ActionService *service, QWidget *dialogParent);

    ActionService *service() const { return m_service; }

    // ACTION (actionCatalogue() name) on IDS. ARGUMENT given: no text/status prompt.
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
    ActionService *m_service;
    QWidget *m_dialogParent;
    QAction *m_undo;
    bool m_interactive = true;
};

} // namespace cwi
