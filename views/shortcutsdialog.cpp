#include "shortcutsdialog.h"

#include "actions/actionmenu.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHash>
#include <QLabel>
#include <QMainWindow>
#include <QSet>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cwi {

ShortcutsDialog::ShortcutsDialog(QMainWindow *window)
    : QDialog(window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *tree = new QTreeWidget(this);
    tree->setHeaderLabels({ tr("Keys"), tr("What it does") });
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    for (const auto &[keys, what] : list(window))
        new QTreeWidgetItem(tree, { keys, what });
    tree->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Shortcuts of a pane work while the focus is in it."), this));
    layout->addWidget(tree, 1);
    layout->addWidget(buttons);
    resize(640, 620);
}

QVector<QPair<QString, QString>> ShortcutsDialog::list(const QMainWindow *window)
{
    QVector<QPair<QString, QString>> list;
    const auto add = [&list](const QKeySequence &keys, const QString &what) {
        const QPair<QString, QString> entry { keys.toString(QKeySequence::NativeText), what };
        if (!keys.isEmpty() && !what.isEmpty() && !list.contains(entry))
            list.append(entry);
    };
    QHash<QAction *, QString> panes; // a dock's show/hide action reads better with "pane"
    for (QDockWidget *dock : window->findChildren<QDockWidget *>())
        panes.insert(dock->toggleViewAction(), tr("Show or hide the %1 pane").arg(dock->windowTitle()));
    const QVector<QPair<QKeySequence, QString>> manual = ActionMenu::shortcutList();
    QSet<QString> manualKeys; // the manual actions' keys: listed with their names below
    for (const auto &[keys, what] : manual)
        manualKeys.insert(keys.toString());
    for (QAction *action : window->findChildren<QAction *>()) {
        QString what = panes.value(action, action->text());
        what.remove(u'&');
        for (const QKeySequence &keys : action->shortcuts()) {
            if (what.isEmpty() && manualKeys.contains(keys.toString()))
                continue;
            add(keys, what.isEmpty() ? tr("(in %1)").arg(action->parent()->objectName()) : what);
        }
    }
    for (const auto &[keys, what] : manual)
        add(keys, what);
    for (QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        QString what = shortcut->whatsThis();
        if (what.isEmpty() && shortcut->parent()) // say at least where it works
            what = tr("(in %1)").arg(shortcut->parent()->objectName());
        add(shortcut->key(), what);
    }
    return list;
}

} // namespace cwi
