#pragma once

// Context-menu entries and keyboard shortcuts of the manual actions, for any view that shows rows
// (table browser, task tree, detail pane, review pane). An action that does not apply to the row's
// current state is shown disabled, its tooltip says why.
//
//   QMenu menu;
//   ActionMenu::populate(&menu, selectedRefs, runner);   // rows of one table
//   ActionMenu::installShortcuts(treeView, runner, [this] { return selectedRefs(); });

#include "appcontext.h"

#include <QKeySequence>
#include <QPair>
#include <QVector>

#include <functional>

class QMenu;
class QWidget;

namespace cwi {

class ActionRunner;

class ActionMenu
{
public:
    // Adds the actions of SELECTION's table (the first ref's) to MENU, after a separator when MENU
    // has entries already. Returns how many entries were added (0 for tables without actions).
    static int populate(QMenu *menu, const QVector<EntityRef> &selection, ActionRunner *runner);
    static int populate(QMenu *menu, const EntityRef &ref, ActionRunner *runner)
    {
        return populate(menu, QVector<EntityRef> { ref }, runner);
    }

    // One QAction per distinct shortcut on VIEW (Qt::WidgetWithChildrenShortcut); when pressed it
    // runs the action of that shortcut for the table of what SELECTION returns, if it applies.
    static void installShortcuts(QWidget *view, ActionRunner *runner, std::function<QVector<EntityRef>()> selection);

    // The keys of the manual actions with what each does, as Help > Keyboard shortcuts lists them.
    static QVector<QPair<QKeySequence, QString>> shortcutList();

    // The reason ACTION cannot run on any of IDS, or empty when it can on at least one.
    static QString disabledReason(ActionRunner *runner, const QString &action, const QStringList &ids);
};

} // namespace cwi
