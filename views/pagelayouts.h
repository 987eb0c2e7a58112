#pragma once

// Each central page has its own dock layout (as Qt Creator's modes): the layout of the page left
// is kept, the one of the page entered comes back, and the layouts are kept in the settings. A
// reading page (the Review's diff) starts with the docked panes folded away and gives a bottom
// pane opened on it a smaller share of the height; leaving it brings back the panes of the page
// seen before. Only the page shown claims room in the page area.

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class QDockWidget;
class QMainWindow;
class QSettings;
class QTabWidget;
class QWidget;

namespace cwi {

class PageLayouts : public QObject
{
    Q_OBJECT
public:
    PageLayouts(QMainWindow *window, QTabWidget *pages, QSettings *settings);

    // PAGE folds the panes away when first entered and keeps bottom panes at SHARE % of the height.
    void addReadingPage(QWidget *page, int bottomSharePercent);
    // A bottom pane opened from the menu or its key gets room to read in, not a 180 px strip.
    void watchBottomPane(QDockWidget *dock);
    // The layout of the first run at the window's present size (View > Reset layout).
    void setDefaultState(const QByteArray &state, std::function<void()> applyDefaultSizes);
    void reset();
    void restore(); // the window's geometry, the layouts and the page kept in the settings
    void save() const;

private:
    void onPageChanged(int page);
    // The page area needs the room of page CLAIMING (-1: of none), not of the largest page.
    void fitToPage(int claiming);
    bool isReading(int page) const;
    QList<QDockWidget *> docks() const;

    QMainWindow *m_window;
    QTabWidget *m_pages;
    QSettings *m_settings;
    QHash<QWidget *, int> m_readingPages; // page -> bottom pane share in %
    QByteArray m_defaultState;
    std::function<void()> m_applyDefaultSizes;
    QHash<int, QByteArray> m_pageStates; // dock layout of each page, while another page is shown
    int m_shownPage = -1;
    int m_lastPaneLayoutPage = -1; // the page other than a reading page shown last: its panes come back
};

} // namespace cwi
