// MainWindow: the insight pages over the sidecar index of every agent log (search everything,
// files, activity, timeline), the index's switch and status, and opening a log at a line.

#include "mainwindow.h"

#include "browse/detailview.h"
#include "dashboard/dashboardview.h"
#include "insight/activityview.h"
#include "insight/filesview.h"
#include "insight/insightindex.h"
#include "insight/searchview.h"
#include "insight/timelineview.h"
#include "logs/logview.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
const QString kIndexSetting = u"insight/enabled"_s;
}

void MainWindow::createInsight()
{
    m_insight = new InsightIndex(m_context, this);
    m_insight->setEnabled(m_settings->value(kIndexSetting, true).toBool());
    m_search = new SearchView(m_context, m_insight, m_center);
    m_files = new FilesView(m_context, m_insight, m_center);
    m_activity = new ActivityView(m_context, m_insight, m_center);
    m_timeline = new TimelineView(m_context, m_insight, m_center);
    m_dashboard->setInsightIndex(m_insight);
    const struct
    {
        QWidget *page;
        QString title;
        QString tip;
    } pages[] = {
        { m_search, tr("Search"), tr("Search every agent's log (Ctrl+Shift+F)") },
        { m_files, tr("Files"), tr("Files agents read and edited most (Ctrl+5)") },
        { m_activity, tr("Activity"), tr("Cost, tokens, cache hits, tools and outcomes per day (Ctrl+6)") },
        { m_timeline, tr("Timeline"), tr("Every session on a time axis, a lane per agent (Ctrl+7)") },
    };
    for (const auto &p : pages) {
        const int index = m_center->addTab(p.page, p.title);
        m_center->setTabToolTip(index, p.tip);
    }
    // --screenshot waits for the pages, and for the index's facts pass (the pages have nothing
    // to show before); the text pass may go on in the background.
    for (JobTracker *tracker :
        { m_search->jobs(), m_files->jobs(), m_activity->jobs(), m_timeline->jobs(), m_insight->factsJobs() })
        m_jobs.follow(tracker);
}

void MainWindow::addInsightActions(QMenu *view)
{
    const QList<QWidget *> pages { m_search, m_files, m_activity, m_timeline };
    const QStringList names { tr("&Search everything"), tr("&Files"), tr("&Activity"), tr("T&imeline") };
    for (int i = 0; i < pages.size(); ++i) {
        QWidget *page = pages.at(i);
        QAction *action = view->addAction(names.at(i), this, [this, page] {
            m_center->setCurrentWidget(page);
            if (page == m_search)
                m_search->focusQuery();
        });
        action->setShortcuts({ QKeySequence(Qt::CTRL | (Qt::Key_4 + i)) });
        if (page == m_search)
            action->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F) }); // Ctrl+4 is the Query page
    }
    QAction *toggle = view->addAction(tr("Index agent &logs"));
    toggle->setCheckable(true);
    toggle->setChecked(m_insight->isEnabled());
    toggle->setToolTip(tr("Keep an index of every agent log in the cache folder (search, files, activity, timeline, "
                          "the dashboard's cost card)"));
    connect(toggle, &QAction::toggled, this, [this](bool on) {
        m_settings->setValue(kIndexSetting, on);
        m_insight->setEnabled(on);
    });
}

bool MainWindow::showInsightView(const QStringList &parts)
{
    const QString kind = parts.value(0);
    if (kind == u"search") {
        m_center->setCurrentWidget(m_search);
        if (parts.size() > 1)
            m_search->setQuery(parts.mid(1).join(u':'));
        return true;
    }
    if (parts.size() != 1)
        return false;
    if (kind == u"files")
        m_center->setCurrentWidget(m_files);
    else if (kind == u"activity")
        m_center->setCurrentWidget(m_activity);
    else if (kind == u"timeline")
        m_center->setCurrentWidget(m_timeline);
    else
        return false;
    return true;
}

void MainWindow::showLogAt(const QString &id)
{
    const QStringList parts = id.split(u'/');
    if (parts.size() < 2) {
        showAgentLog(id);
        return;
    }
    bool ok = false;
    const qint64 session = parts.at(1).toLongLong(&ok);
    if (!ok) {
        showAgentLog(parts.at(0));
        return;
    }
    m_log->showSessionAt(parts.at(0), session, parts.size() > 2 ? parts.at(2).toLongLong() : -1);
    m_detail->showRow({ u"agents"_s, parts.at(0) });
    raiseDockOf(m_log);
}

} // namespace cwi
