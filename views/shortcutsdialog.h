#pragma once

// Help > Keyboard shortcuts: every shortcut of a window's QActions and QShortcuts and of the
// manual actions, as (keys, what it does) in the order shown.

#include <QDialog>
#include <QPair>
#include <QVector>

class QMainWindow;

namespace cwi {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow *window);

    static QVector<QPair<QString, QString>> list(const QMainWindow *window);
};

} // namespace cwi
