#pragma once

// The ways to open a file: File > Open (Ctrl+O), Open recent (the last ten files, kept in the
// settings), Reopen, the demo database, and a file dropped on the window. Every file is opened
// through OPEN, the window's one way in.

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QSettings;
class QWidget;

namespace cwi {

class FileMenu : public QObject
{
    Q_OBJECT
public:
    using Open = std::function<bool(const QString &path, bool edit)>;
    // EDITING: whether the open file is being edited (Reopen keeps it so).
    FileMenu(QMenu *menu, QSettings *settings, Open open, std::function<bool()> editing, QWidget *window);

    QAction *openAction() const { return m_open; }
    void setDemoProvider(std::function<QString(QString *error)> provider) { m_demoProvider = std::move(provider); }
    // PATH is open now: first in the recent files, Reopen opens it again.
    void opened(const QString &path);
    QString lastPath() const { return m_lastPath; }
    void chooseFile();
    // The window is up but the file could not be opened: say why, offer to choose another.
    void reportOpenError(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override; // drops on the window

private:
    void openDemo();
    void updateRecent();

    QSettings *m_settings;
    Open m_openFile;
    std::function<bool()> m_editing;
    QWidget *m_window;
    QAction *m_open;
    QMenu *m_recent;
    QAction *m_reopen;
    QString m_lastPath;
    std::function<QString(QString *error)> m_demoProvider;
};

} // namespace cwi
