#pragma once

// Puts the window's panes in place: a page becomes a tab of the page area, a dock pane a
// QDockWidget with its id as objectName (layout restore keys on it) and its shortcut on the
// show/hide action. Side panes are tabbed per side and keep room to read names in; bottom panes
// are tabbed together and open on demand. Raising a pane makes it the page shown or its dock the
// tab on top. The separators between page and panes are wide enough to grab.

#include "jobtracker.h"
#include "pane.h"

#include <QList>
#include <QObject>

#include <utility>

class QDockWidget;
class QMainWindow;
class QMenu;
class QTabWidget;
class QWidget;

namespace cwi {

class PageLayouts;

class PaneHost : public QObject
{
    Q_OBJECT
public:
    PaneHost(QMainWindow *window, QTabWidget *pages, PageLayouts *layouts, int sidePaneMinimumWidth);
    static void widenSeparators(QMainWindow *window); // the window's style: set it first

    void add(Pane *pane);
    // Busy while any pane is (reading its rows, a session, a diff).
    JobTracker *jobs() { return &m_jobs; }
    const QList<Pane *> &panes() const { return m_panes; }
    // Where a row is read best first: the pages, then the bottom, right and left panes.
    const QList<Pane *> &inReadingOrder() const { return m_readingOrder; }
    Pane *pane(const QString &id) const;
    QDockWidget *dockOf(const Pane *pane) const; // nullptr for a page
    void raise(Pane *pane);
    // The side panes as shares of the window's width, so the page in the middle keeps room at 1024 px too.
    void applyDefaultSizes();
    // View > Panes lists the docks; VIEW gets an entry per page (its key, and activated()).
    void addToMenus(QMenu *panesMenu, QMenu *view);

private:
    QWidget *widgetOf(const Pane *pane) const;
    void addInReadingOrder(Pane *pane, Pane::Place place);

    QMainWindow *m_window;
    QTabWidget *m_pages;
    PageLayouts *m_layouts;
    int m_sideMinimum;
    QList<Pane *> m_panes;
    QList<std::pair<Pane *, Pane::Place>> m_reading;
    QList<Pane *> m_readingOrder;
    JobTracker m_jobs;
};

} // namespace cwi
