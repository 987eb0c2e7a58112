#pragma once

// The panes whose rows have manual actions: each gets a context menu with the actions that fit
// the rows under the mouse and the action shortcuts while the focus is in it, and the Edit menu's
// Actions act on the rows selected in the pane that had the focus last.

#include "appcontext.h"

#include <QObject>
#include <QPointer>
#include <QVector>

#include <functional>

class QMenu;
class QPoint;
class QWidget;

namespace cwi {

class ActionRunner;

class RowPanes : public QObject
{
    Q_OBJECT
public:
    using Selection = std::function<QVector<EntityRef>()>;
    RowPanes(AppContext *context, ActionRunner *runner, QObject *parent);

    // PANE's rows: SELECTION says which are selected. MENU_TARGET (a view inside PANE) gets the
    // context menu. SHOW_DETAILS: the menu offers "Show details" (not in the detail pane itself).
    void add(QWidget *pane, QWidget *menuTarget, Selection selection, bool showDetails = true);
    // A pane that builds its own context menu (with entityMenu): the shortcuts work on SHORTCUTS_ON.
    void addWithOwnMenu(QWidget *pane, QWidget *shortcutsOn, Selection selection);
    // The actions of the rows selected in the pane that had the focus last (Edit > Actions).
    void fillActionsMenu(QMenu *menu) const;
    // A menu that already lists other entries: "Show details" and the rows' actions.
    void entityMenu(QMenu *menu, const QVector<EntityRef> &refs) const;

private:
    void showRowMenu(QWidget *target, const QPoint &pos, const QVector<EntityRef> &refs, bool showDetails) const;

    struct Pane
    {
        QWidget *pane;
        Selection selection;
    };
    AppContext *m_context;
    ActionRunner *m_runner;
    QVector<Pane> m_panes;
    QPointer<QWidget> m_lastFocused;
};

} // namespace cwi
