#pragma once

// The main window's menu bar and tool bar: what the window offers, each entry taken from the part
// that does it (files, manual actions, panes, Back/Forward, refresh). Built once; the parts stay
// with the window.

#include <QObject>

#include <functional>

class QMainWindow;
class QMenu;
class QAction;
class QSettings;

namespace cwi {

class ActionRunner;
class AppContext;
class DetailView;
class EditModeToggle;
class FileMenu;
class LiveRefresh;
class NavigationHistory;
class PaneHost;
class RowPanes;
class TableBrowser;

class WindowMenus : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        AppContext *context;
        QSettings *settings; // the recent files
        std::function<bool(const QString &path, bool edit)> open;
        ActionRunner *runner;
        EditModeToggle *editMode;
        RowPanes *rows;
        PaneHost *panes;
        NavigationHistory *navigation;
        LiveRefresh *live;
        QAction *indexSwitch;
        TableBrowser *table; // File > Export table
        DetailView *detail; // Edit > Copy id of current row
        std::function<void()> resetLayout;
    };
    WindowMenus(QMainWindow *window, Parts parts);
    FileMenu *fileMenu() const { return m_file; }

private:
    void createMenus();
    void createToolBar(QAction *quickOpen);
    QMenu *createFileMenu();
    void copyCurrentId();

    QMainWindow *m_window;
    Parts m_parts;
    FileMenu *m_file = nullptr;
};

} // namespace cwi
