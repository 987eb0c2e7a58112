#pragma once

// Reloading: Refresh (F5) reloads every view now; Live refresh (kept in the settings) has the
// open file watched, so the views reload whenever another process (the server) commits to it.

#include <QObject>

class QAction;
class QSettings;

namespace cwi {

class AppContext;
class WindowStatus;

class LiveRefresh : public QObject
{
    Q_OBJECT
public:
    LiveRefresh(AppContext *context, QSettings *settings, WindowStatus *status, QObject *parent);

    QAction *refreshAction() const { return m_refresh; }
    QAction *liveAction() const { return m_live; }
    void watchOpenFile(); // a file was opened: watch it as Live refresh says

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);

private:
    void setLive(bool on);

    AppContext *m_context;
    QSettings *m_settings;
    WindowStatus *m_status;
    QAction *m_refresh;
    QAction *m_live;
};

} // namespace cwi
