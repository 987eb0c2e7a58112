#include "panehost.h"

#include "pagelayouts.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QProxyStyle>
#include <QTabWidget>

namespace cwi {

namespace {

// The separators between the page and the panes, wide enough to grab: with the style's few pixels,
// a press just below one lands on the pane's title bar, and the drag meant to resize the pane
// undocks it instead. Set on the window alone, so nothing else changes its look.
class PaneSeparatorStyle : public QProxyStyle
{
public:
    static constexpr int kExtent = 8;
    int pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *widget) const override
    {
        const int base = QProxyStyle::pixelMetric(metric, option, widget);
        return metric == PM_DockWidgetSeparatorExtent ? std::max(base, kExtent) : base;
    }
};

constexpr int kOpenedBottomSharePercent = 45; // a bottom pane opened for reading

Qt::DockWidgetArea areaOf(Pane::Place place)
{
    switch (place) {
    case Pane::Place::LeftDock:
        return Qt::LeftDockWidgetArea;
    case Pane::Place::RightDock:
        return Qt::RightDockWidgetArea;
    default:
        return Qt::BottomDockWidgetArea;
    }
}

// Where a row is read best: a page, a bottom pane, the right pane, the left pane.
int readingRank(Pane::Place place)
{
    switch (place) {
    case Pane::Place::Page:
        return 0;
    case Pane::Place::BottomDock:
        return 1;
    case Pane::Place::RightDock:
        return 2;
    case Pane::Place::LeftDock:
        return 3;
    }
    return 4;
}
} // namespace

PaneHost::PaneHost(QMainWindow *window, QTabWidget *pages, PageLayouts *layouts, int sidePaneMinimumWidth)
    : QObject(window)
    , m_window(window)
    , m_pages(pages)
    , m_layouts(layouts)
    , m_sideMinimum(sidePaneMinimumWidth)
{ }

void PaneHost::widenSeparators(QMainWindow *window)
{
    auto *separators = new PaneSeparatorStyle;
    separators->setParent(window); // the window does not own its style; a deleted one falls back to the app's
    window->setStyle(separators);
}

QWidget *PaneHost::widgetOf(const Pane *pane) const
{
    return dynamic_cast<QWidget *>(const_cast<Pane *>(pane));
}

void PaneHost::add(Pane *pane)
{
    const Pane::Info info = pane->paneInfo();
    QWidget *widget = widgetOf(pane);
    Q_ASSERT(widget);
    if (pane->jobs())
        m_jobs.follow(pane->jobs());
    if (info.place == Pane::Place::Page) {
        const int index = m_pages->addTab(widget, info.title);
        m_pages->setTabToolTip(index, info.toolTip);
        if (info.readingBottomShare > 0)
            m_layouts->addReadingPage(widget, info.readingBottomShare);
        m_panes.append(pane);
        addInReadingOrder(pane, info.place);
        return;
    }
    auto *dock = new QDockWidget(info.title, m_window);
    dock->setObjectName(info.id); // stable: saveState()/restoreState() key on it
    dock->setWidget(widget);
    dock->setFeatures(
        QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_window->addDockWidget(areaOf(info.place), dock);
    QAction *toggle = dock->toggleViewAction();
    if (!info.shortcut.isEmpty())
        toggle->setShortcut(info.shortcut);
    toggle->setToolTip(tr("Show or hide the %1 pane").arg(info.title));
    m_layouts->watchBottomPane(dock);
    QDockWidget *first = nullptr; // the first pane at that place: the others are tabbed with it
    for (const auto &[other, place] : std::as_const(m_reading)) {
        if (!first && place == info.place)
            first = dockOf(other);
    }
    m_panes.append(pane);
    addInReadingOrder(pane, info.place);
    if (info.place != Pane::Place::BottomDock) {
        // The side panes keep room to read names in: when the window shrinks, the page in the
        // middle gives its room first (down to its own minimum), the panes never shrink to a few letters.
        widget->setMinimumWidth(m_sideMinimum);
        if (first)
            m_window->tabifyDockWidget(first, dock);
        dock->raise(); // the last side pane added is the one on top
        return;
    }
    if (first)
        m_window->tabifyDockWidget(first, dock);
    dock->hide(); // opens when one of its rows is visited (or from View > Panes)
}

void PaneHost::addInReadingOrder(Pane *pane, Pane::Place place)
{
    auto at = m_reading.cbegin();
    while (at != m_reading.cend() && readingRank(at->second) <= readingRank(place))
        ++at;
    m_reading.insert(at, { pane, place });
    m_readingOrder.clear();
    for (const auto &entry : std::as_const(m_reading))
        m_readingOrder.append(entry.first);
}

Pane *PaneHost::pane(const QString &id) const
{
    for (Pane *pane : m_panes) {
        if (pane->paneInfo().id == id)
            return pane;
    }
    return nullptr;
}

QDockWidget *PaneHost::dockOf(const Pane *pane) const
{
    QWidget *parent = widgetOf(pane)->parentWidget();
    return qobject_cast<QDockWidget *>(parent);
}

void PaneHost::raise(Pane *pane)
{
    QDockWidget *dock = dockOf(pane);
    if (!dock) {
        m_pages->setCurrentWidget(widgetOf(pane));
        return;
    }
    const bool opening = !dock->isVisible();
    dock->show();
    dock->raise();
    // A bottom pane opened for reading gets room to read in.
    if (opening && m_window->dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
        m_window->resizeDocks({ dock }, { m_window->height() * kOpenedBottomSharePercent / 100 }, Qt::Vertical);
}

void PaneHost::applyDefaultSizes()
{
    const int width = qMax(m_window->width(), 800);
    QList<QDockWidget *> docks;
    QList<int> sizes;
    QList<Pane::Place> sides;
    for (const auto &[pane, place] : std::as_const(m_reading)) {
        if ((place != Pane::Place::LeftDock && place != Pane::Place::RightDock) || sides.contains(place))
            continue; // the others at that side are tabbed with the first
        sides.append(place);
        docks.append(dockOf(pane));
        sizes.append(width * (place == Pane::Place::LeftDock ? 24 : 28) / 100);
    }
    m_window->resizeDocks(docks, sizes, Qt::Horizontal);
}

void PaneHost::addToMenus(QMenu *panesMenu, QMenu *view)
{
    for (Pane *pane : std::as_const(m_panes)) {
        if (QDockWidget *dock = dockOf(pane)) {
            panesMenu->addAction(dock->toggleViewAction());
            continue;
        }
        const Pane::Info info = pane->paneInfo();
        QAction *action = view->addAction(info.menuText.isEmpty() ? info.title : info.menuText, this, [this, pane] {
            raise(pane);
            pane->activated();
        });
        action->setShortcut(info.shortcut);
    }
}

} // namespace cwi
