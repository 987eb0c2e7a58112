#pragma once

// The file a window shows: opens it (Database), makes its Actions (the one write path, with the
// journal History and undo read) and hands them to the window's panes; another file closes them.
// App wiring: the window asks it through MainWindow::openFile (File > Open, recent files, drops,
// the command line), and never opens a Database itself. A child of the AppContext, which outlives
// the window: when the window goes first, its panes go with it and nothing is handed back.

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace cwi {

class Actions;
class AppContext;
class MainWindow;

class FileSession : public QObject
{
    Q_OBJECT
public:
    FileSession(MainWindow *window, AppContext *context);
    ~FileSession() override;

    // PATH read-only unless EDIT; on failure ERROR says why and the file before stays open.
    bool open(const QString &path, bool edit, QString *error);

private:
    QPointer<MainWindow> m_window; // null while the window is being destroyed
    AppContext *m_context;
    std::unique_ptr<Actions> m_actions;
};

} // namespace cwi
