#pragma once

// The editing-mode switch: read-only by default; the toolbar toggle (or --edit) opens the
// read-write connection. A file the user cannot write (permissions, read-only folder) says so and
// stays read-only. The badge shows the mode in the status bar at all times.

#include "appcontext.h"

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QWidget;

namespace cwi {

class EditModeToggle : public QObject
{
    Q_OBJECT
public:
    explicit EditModeToggle(AppContext *context, QObject *parent = nullptr);

    // Checkable toolbar action "Editing" (Ctrl+E); checked while the write connection is open.
    QAction *action() const { return m_action; }
    // A status-bar label: "Read-only" (grey) or "EDITING" (amber); follows the mode.
    QLabel *createBadge(QWidget *parent);

    // Switches editing on or off for the open database. On failure returns false and *error says
    // why (also emitted as message()).
    bool setEditing(bool on, QString *error = nullptr);

Q_SIGNALS:
    void message(const QString &text);
    void editingChanged(bool editing);

private:
    void sync();

    AppContext *m_context;
    QAction *m_action;
    QList<QPointer<QLabel>> m_badges;
};

} // namespace cwi
