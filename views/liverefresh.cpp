#include "liverefresh.h"

#include "appcontext.h"
#include "windowstatus.h"

#include <QAction>
#include <QIcon>
#include <QSettings>

namespace cwi {

namespace {
constexpr int kWatchIntervalMs = 500; // new commits show within a second
const QString kLiveKey = QStringLiteral("liveRefresh");
} // namespace

LiveRefresh::LiveRefresh(AppContext *context, QSettings *settings, WindowStatus *status, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_settings(settings)
    , m_status(status)
    , m_refresh(new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this))
    , m_live(new QAction(tr("Live refresh"), this))
{
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Reload every view from the file now (F5)"));
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_context->notifyDataChanged();
        Q_EMIT message(tr("Refreshed"), 3000);
    });
    m_live->setCheckable(true);
    m_live->setChecked(m_settings->value(kLiveKey, true).toBool());
    m_live->setToolTip(tr("Reload the views whenever another process (the server) commits to the file"));
    connect(m_live, &QAction::toggled, this, &LiveRefresh::setLive);
    connect(m_context, &AppContext::databaseExternallyChanged, m_status, [status = m_status] {
        status->showChangeSeen();
        status->update(); // the views reload themselves on AppContext::dataChanged
    });
}

void LiveRefresh::watchOpenFile()
{
    setLive(m_live->isChecked());
}

void LiveRefresh::setLive(bool on)
{
    m_settings->setValue(kLiveKey, on);
    m_context->setWatchInterval(on ? kWatchIntervalMs : 0);
    m_status->showLive(on);
}

} // namespace cwi
