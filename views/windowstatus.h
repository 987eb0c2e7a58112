#pragma once

// The main window's status bar: messages (elided before the permanent labels), the open file with
// its size and read mode, the schema, live refresh and the last change seen, and a wait on another
// process's lock while it lasts.

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
    void showLive(bool on);
    void showChangeSeen();

private:
    AppContext *m_context;
    ElidedLabel *m_message;
    QLabel *m_file;
    QLabel *m_schema;
    QLabel *m_change;
};

} // namespace cwi
