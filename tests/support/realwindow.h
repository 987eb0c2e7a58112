#pragma once

// The real MainWindow as the app makes it, for the tests that drive it: its own settings file
// and the FileSession (app/) that opens files. open() opens a file and shows the window at a
// size with the layout a first run has there (or the one the settings kept), and waits until
// every pane has loaded: what --screenshot waits on. Header-only: tests that use it link cwi_app.

#include "appcontext.h"
#include "filesession.h"
#include "mainwindow.h"

#include <QSettings>
#include <QSize>
#include <QTest>

namespace cwi::test {

class RealWindow
{
public:
    explicit RealWindow(const QString &settingsPath)
        : settings(settingsPath, QSettings::IniFormat)
        , window(&context, &settings)
    {
        new FileSession(&window, &context); // the context owns it
    }

    // False when the file was refused, the window never showed or a pane was still loading
    // after TIMEOUT_MS. EDIT: with editing on, as --edit.
    [[nodiscard]] bool open(const QString &path, QSize size = { 1440, 900 }, int timeoutMs = 30000, bool edit = false)
    {
        if (!window.openFile(path, edit))
            return false;
        window.resize(size);
        window.restoreLayout();
        window.show();
        return QTest::qWaitForWindowExposed(&window) && waitIdle(timeoutMs);
    }

    [[nodiscard]] bool waitIdle(int timeoutMs = 30000)
    {
        return QTest::qWaitFor([this] { return !window.isBusy(); }, timeoutMs);
    }

    AppContext context; // declared first: destroyed after the window
    QSettings settings;
    MainWindow window;
};

} // namespace cwi::test
