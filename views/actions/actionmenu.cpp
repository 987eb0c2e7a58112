#include "actionmenu.h"

#include "actionrunner.h"
#include "actions/actionservice.h"
#include "render/htmlwriter.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

constexpr int kMaxChecked = 200; // validity is read per row; a huge selection is checked in part

QStringList idsOf(const QVector<EntityRef> &selection, const QString &table)
{
    QStringList ids;
    for (const EntityRef &ref : selection) {
        if (ref.table == table && !ref.id.isEmpty())
            ids.append(ref.id);
    }
    return ids;
}

} // namespace

QString ActionMenu::disabledReason(ActionRunner *runner, const QString &action, const QStringList &ids)
{
    ActionService *actions = runner ? runner->service() : nullptr;
    if (!actions || !actions->isAvailable())
        return QCoreApplication::translate("ActionMenu", "No database is open.");
    QString first;
    for (int i = 0; i < ids.size() && i < kMaxChecked; ++i) {
        const QString why = actions->whyNot(action, ids.at(i));
        if (why.isEmpty())
            return {};
        if (first.isEmpty())
            first = why;
        if (why.startsWith(u"Read-only"))
            break;
    }
    return ids.size() > 1 && !first.startsWith(u"Read-only")
        ? QCoreApplication::translate("ActionMenu", "None of the selected rows qualify. ") + first
        : first;
}

int ActionMenu::populate(QMenu *menu, const QVector<EntityRef> &selection, ActionRunner *runner)
{
    if (selection.isEmpty() || !runner)
        return 0;
    const QString table = selection.first().table;
    const QStringList ids = idsOf(selection, table);
    const QVector<ActionInfo> infos = actionsForTable(table);
    if (ids.isEmpty() || infos.isEmpty())
        return 0;
    menu->setToolTipsVisible(true);
    if (!menu->isEmpty())
        menu->addSeparator();
    int added = 0;
    for (const ActionInfo &info : infos) {
        if (!info.many && ids.size() > 1)
            continue; // one-row actions are offered when one row is selected
        QString label = info.label;
        if (info.many && ids.size() > 1)
            label += u" ("_s + QString::number(ids.size()) + u')';
        QAction *action = menu->addAction(label);
        if (!info.shortcut.isEmpty())
            action->setShortcut(QKeySequence(info.shortcut, QKeySequence::PortableText));
        const QString why = disabledReason(runner, info.name, ids);
        action->setEnabled(why.isEmpty());
        action->setToolTip(why.isEmpty() ? (info.advanced ? QCoreApplication::translate(
                                                "ActionMenu", "Advanced: asks for confirmation with a warning.")
                                                          : QString())
                                         : render::plainToolTip(why));
        const QString name = info.name;
        QObject::connect(action, &QAction::triggered, runner, [runner, name, ids] { runner->trigger(name, ids); });
        ++added;
    }
    return added;
}

QVector<QPair<QKeySequence, QString>> ActionMenu::shortcutList()
{
    QVector<QPair<QKeySequence, QString>> list;
    for (const ActionInfo &info : actionCatalogue()) {
        if (!info.shortcut.isEmpty())
            list.append({ QKeySequence(info.shortcut, QKeySequence::PortableText),
                QCoreApplication::translate("cwi::ActionMenu", "%1 (%2; editing on)").arg(info.label, info.table) });
    }
    return list;
}

void ActionMenu::installShortcuts(QWidget *view, ActionRunner *runner, std::function<QVector<EntityRef>()> selection)
{
    QStringList shortcuts;
    for (const ActionInfo &info : actionCatalogue()) {
        if (!info.shortcut.isEmpty() && !shortcuts.contains(info.shortcut) && info.name != u"create-comment")
            shortcuts.append(info.shortcut);
    }
    for (const QString &shortcut : std::as_const(shortcuts)) {
        auto *action = new QAction(view);
        action->setShortcut(QKeySequence(shortcut, QKeySequence::PortableText));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        view->addAction(action);
        QObject::connect(action, &QAction::triggered, runner, [runner, shortcut, selection] {
            const QVector<EntityRef> rows = selection();
            if (rows.isEmpty())
                return;
            const QString table = rows.first().table;
            const QStringList ids = idsOf(rows, table);
            for (const ActionInfo &info : actionsForTable(table)) {
                if (info.shortcut != shortcut || (!info.many && ids.size() > 1))
                    continue;
                const QString why = disabledReason(runner, info.name, ids);
                if (!why.isEmpty()) {
                    Q_EMIT runner->statusMessage(info.label + u": "_s + why);
                    continue; // e.g. Ctrl+Shift+U: un-dismiss when dismiss does not apply
                }
                runner->trigger(info.name, ids);
                return;
            }
        });
    }
}

} // namespace cwi
