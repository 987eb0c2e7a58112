#pragma once

// What the main window says about the open file: its title ("demo.db — read-only — Codewalkers
// Inspector") and its status bar: messages (elided before the permanent labels), the file with its
// size and read mode, the schema, live refresh and the last change seen, and a wait on another
// process's lock while it lasts. It follows AppContext's file and whether it can be written.

#include "appcontext.h"

#include <QObject>

class QLabel;
class QStatusBar;

namespace cwi {

class ElidedLabel;

class WindowStatus : public QObject
{
    Q_OBJECT
public:
    // LEADING: permanent widgets before the messages (the index's progress); TRAILING: after the
    // file's labels (the editing badge).
    WindowStatus(AppContext *context, QStatusBar *bar, QWidget *leading, QWidget *trailing);

    void update(); // what is open now
    void showOpening(const QString &path); // before a file is read: its name and a loading state
    void showRefused(const QString &message); // a file was refused: what is open now, and why
    void showLive(bool on);
    void showChangeSeen();

private:
    AppContext *m_context;
    QStatusBar *m_bar;
    ElidedLabel *m_message;
    QLabel *m_file;
    QLabel *m_schema;
    QLabel *m_change;
};

} // namespace cwi
