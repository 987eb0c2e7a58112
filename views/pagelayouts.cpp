#include "pagelayouts.h"

#include <QDockWidget>
#include <QLayout>
#include <QMainWindow>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
constexpr int kBottomSharePercent = 40;
}

PageLayouts::PageLayouts(QMainWindow *window, QTabWidget *pages, QSettings *settings)
    : QObject(window)
    , m_window(window)
    , m_pages(pages)
    , m_settings(settings)
{ }

void PageLayouts::addReadingPage(QWidget *page, int bottomSharePercent)
{
    m_readingPages.insert(page, bottomSharePercent);
}

bool PageLayouts::isReading(int page) const
{
    return m_readingPages.contains(m_pages->widget(page));
}

QList<QDockWidget *> PageLayouts::docks() const
{
    return m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
}

void PageLayouts::watchBottomPane(QDockWidget *dock)
{
    // On a reading page less of the height: the page above is what is read (at 768 px the Review's
    // diff kept one line beside a pane at 40 %).
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
        if (!visible || dock->isFloating() || m_window->dockWidgetArea(dock) != Qt::BottomDockWidgetArea
            || !m_window->isVisible())
            return;
        QTimer::singleShot(0, this, [this, dock] {
            const int share = m_readingPages.value(m_pages->currentWidget(), kBottomSharePercent);
            const int height = m_window->height();
            if (dock->isVisible() && dock->height() < height * (share * 3 / 4) / 100)
                m_window->resizeDocks({ dock }, { height * share / 100 }, Qt::Vertical);
        });
    });
}

void PageLayouts::setDefaultState(const QByteArray &state, std::function<void()> applyDefaultSizes)
{
    m_defaultState = state;
    m_applyDefaultSizes = std::move(applyDefaultSizes);
    m_shownPage = m_pages->currentIndex();
    fitToPage(m_shownPage);
    connect(m_pages, &QTabWidget::currentChanged, this, &PageLayouts::onPageChanged, Qt::UniqueConnection);
}

void PageLayouts::reset()
{
    // Exactly the first run: the panes it shows, where it shows them, the sizes it gives them;
    // and every page back to that layout (a reading page folds its panes again).
    fitToPage(-1); // no page widens the window while the panes come back
    m_pageStates.clear();
    m_lastPaneLayoutPage = -1;
    m_window->restoreState(m_defaultState);
    m_applyDefaultSizes();
    m_shownPage = -1;
    onPageChanged(m_pages->currentIndex());
}

void PageLayouts::onPageChanged(int page)
{
    if (m_shownPage == page) {
        fitToPage(page);
        return;
    }
    // No page claims room while the panes change: the Review page's minimum beside the panes of
    // the page left (or a page's beside the panes coming back) would widen the window at 1024 px.
    fitToPage(-1);
    if (m_shownPage >= 0)
        m_pageStates.insert(m_shownPage, m_window->saveState());
    const int left = m_shownPage;
    m_shownPage = page;
    const auto saved = m_pageStates.constFind(page);
    if (saved != m_pageStates.cend()) {
        m_window->restoreState(*saved);
    } else if (isReading(page)) {
        // Beside and under the page read: an open agent log would leave it a strip.
        for (QDockWidget *dock : docks()) {
            if (!dock->isFloating())
                dock->hide();
        }
    } else if (left >= 0 && isReading(left)) {
        if (m_lastPaneLayoutPage >= 0 && m_pageStates.contains(m_lastPaneLayoutPage)) {
            m_window->restoreState(m_pageStates.value(m_lastPaneLayoutPage));
        } else {
            m_window->restoreState(m_defaultState);
            m_applyDefaultSizes();
        }
    }
    if (!isReading(page))
        m_lastPaneLayoutPage = page;
    fitToPage(page);
}

// A tab widget is as large as its largest page needs, shown or not: the Timeline's or the Query's
// tool row would squeeze the panes beside the Tables page to a sliver at 1024 px, and the Activity
// page's charts would keep a bottom pane from growing (its separator would not move up). The pages
// not shown claim no room (an ignored size policy); the one shown claims what it needs.
void PageLayouts::fitToPage(int claiming)
{
    for (int i = 0; i < m_pages->count(); ++i) {
        QWidget *page = m_pages->widget(i);
        QSizePolicy policy = page->sizePolicy();
        if (!page->property("cwiSizePolicy").isValid())
            page->setProperty("cwiSizePolicy", QVariant::fromValue(policy));
        const auto own = page->property("cwiSizePolicy").value<QSizePolicy>();
        const bool shown = i == claiming;
        policy.setHorizontalPolicy(shown ? own.horizontalPolicy() : QSizePolicy::Ignored);
        policy.setVerticalPolicy(shown ? own.verticalPolicy() : QSizePolicy::Ignored);
        page->setSizePolicy(policy);
    }
    // Before the window is shown a page's new policy reaches no layout: the window would keep the
    // largest page's minimum, and a resize to 1024 px before show() would give a wider window.
    m_pages->updateGeometry();
    m_window->layout()->invalidate();
    m_window->layout()->activate();
}

void PageLayouts::restore()
{
    m_window->restoreGeometry(m_settings->value(u"window/geometry"_s).toByteArray());
    const QByteArray state = m_settings->value(u"window/state"_s).toByteArray();
    if (state.isEmpty())
        QTimer::singleShot(0, this, [this] { m_applyDefaultSizes(); }); // first run: once the window has its size
    m_window->restoreState(state);
    m_pageStates.clear();
    for (int page = 0; page < m_pages->count(); ++page) {
        const QByteArray pageState = m_settings->value(u"window/pageState%1"_s.arg(page)).toByteArray();
        if (!pageState.isEmpty())
            m_pageStates.insert(page, pageState);
    }
    {
        const QSignalBlocker block(m_pages); // the state just restored is this page's own
        m_pages->setCurrentIndex(m_settings->value(u"window/page"_s, 0).toInt());
    }
    fitToPage(m_pages->currentIndex());
    m_shownPage = m_pages->currentIndex();
    m_lastPaneLayoutPage = isReading(m_shownPage) ? -1 : m_shownPage;
}

void PageLayouts::save() const
{
    m_settings->setValue(u"window/geometry"_s, m_window->saveGeometry());
    const QByteArray state = m_window->saveState();
    m_settings->setValue(u"window/state"_s, state);
    QHash<int, QByteArray> pageStates = m_pageStates;
    pageStates.insert(m_pages->currentIndex(), state);
    for (auto it = pageStates.cbegin(); it != pageStates.cend(); ++it)
        m_settings->setValue(u"window/pageState%1"_s.arg(it.key()), it.value());
    m_settings->setValue(u"window/page"_s, m_pages->currentIndex());
}

} // namespace cwi
