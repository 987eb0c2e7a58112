#include "rowpanes.h"

#include "actionmenu.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QTextBrowser>

namespace cwi {

RowPanes::RowPanes(AppContext *context, ActionRunner *runner, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_runner(runner)
{
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (const Pane &pane : std::as_const(m_panes)) {
            if (now && pane.pane->isAncestorOf(now))
                m_lastFocused = pane.pane;
        }
    });
}

void RowPanes::add(QWidget *pane, QWidget *menuTarget, Selection selection, bool showDetails)
{
    m_panes.append({ pane, selection });
    ActionMenu::installShortcuts(pane, m_runner, selection);
    menuTarget->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(menuTarget, &QWidget::customContextMenuRequested, this,
        [this, menuTarget, selection, showDetails](const QPoint &pos) {
            if (auto *view = qobject_cast<QAbstractItemView *>(menuTarget)) {
                const QModelIndex index = view->indexAt(pos);
                if (index.isValid() && !view->selectionModel()->isSelected(index))
                    view->setCurrentIndex(index); // right-click selects, as in the table browser
            }
            showRowMenu(menuTarget, pos, selection(), showDetails);
        });
}

void RowPanes::addWithOwnMenu(QWidget *pane, QWidget *shortcutsOn, Selection selection)
{
    m_panes.append({ pane, selection });
    ActionMenu::installShortcuts(shortcutsOn, m_runner, std::move(selection));
}

void RowPanes::showRowMenu(QWidget *target, const QPoint &pos, const QVector<EntityRef> &refs, bool showDetails) const
{
    auto *scroll = qobject_cast<QAbstractScrollArea *>(target);
    QWidget *mapFrom = scroll ? scroll->viewport() : target;
    std::unique_ptr<QMenu> menu;
    if (auto *text = qobject_cast<QTextBrowser *>(target)) // keep Copy / Select all of the text
        menu.reset(text->createStandardContextMenu(pos));
    else
        menu = std::make_unique<QMenu>(target);
    if (!refs.isEmpty() && !refs.first().id.isEmpty()) {
        const EntityRef &ref = refs.first();
        if (!menu->isEmpty())
            menu->addSeparator();
        if (showDetails)
            menu->addAction(tr("Show details"), m_context, [context = m_context, ref] { context->navigate(ref); });
        menu->addAction(tr("Copy id"), menu.get(), [ref] { QGuiApplication::clipboard()->setText(ref.id); });
        ActionMenu::populate(menu.get(), refs, m_runner);
    }
    if (menu->isEmpty())
        return;
    menu->exec(mapFrom->mapToGlobal(pos));
}

void RowPanes::fillActionsMenu(QMenu *menu) const
{
    menu->clear();
    QVector<EntityRef> refs;
    for (const Pane &pane : m_panes) {
        if (pane.pane == m_lastFocused)
            refs = pane.selection();
    }
    if (refs.isEmpty() || ActionMenu::populate(menu, refs, m_runner) == 0) {
        menu->addAction(tr("No actions for the selected row"))->setEnabled(false);
        menu->addAction(tr("Select a task, comment, conversation, message, proposal, agent, account or errand"))
            ->setEnabled(false);
    }
}

void RowPanes::entityMenu(QMenu *menu, const QVector<EntityRef> &refs) const
{
    const EntityRef ref = refs.value(0);
    menu->addAction(tr("Show details"), m_context, [context = m_context, ref] { context->navigate(ref); });
    ActionMenu::populate(menu, refs, m_runner);
}

} // namespace cwi
