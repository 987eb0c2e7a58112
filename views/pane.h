#pragma once

// One pane interface. Every page and dock of the main window answers the same questions: its id
// (the objectName layout restore keys on), title, shortcut and place, whether and how it shows a
// row (canShow), showing it (showEntity), the --view it takes, and whether it is busy (jobs). The
// window routes a visited row by asking each pane in one loop; it does not know what a log or a
// review is.

#include "appcontext.h" // EntityRef

#include <QKeySequence>
#include <QString>
#include <QStringList>

namespace cwi {

class JobTracker;

class Pane
{
public:
    // Where the window puts the pane. Side panes are tabbed per side; bottom panes are tabbed
    // together and open on demand.
    enum class Place
    {
        Page,
        LeftDock,
        RightDock,
        BottomDock
    };
    // How a pane takes a row. A row is read where there is room: of the panes that show it, the
    // first page, else the first bottom pane, else the first side pane is raised.
    enum Fit
    {
        CannotShow,
        Follows, // quietly, as a selection elsewhere: the task tree marks it, the agent log loads the agent
        Shows, // the place to read it
    };
    struct Info
    {
        QString id;
        QString title;
        QKeySequence shortcut;
        Place place = Place::Page;
        QString toolTip; // a page's tab
        QString menuText; // a page's entry in the View menu (with its & mnemonic)
        QString view; // the --view it takes ("log:AGENT_ID[/SESSION]"); empty: none
        // A page read whole (the Review's diff): the docked panes fold away when it is first
        // entered and a bottom pane opened on it gets this share of the height, in %.
        int readingBottomShare = 0;
    };

    virtual ~Pane() = default;
    virtual Info paneInfo() const = 0;
    virtual JobTracker *jobs() const = 0; // busy while it loads; nullptr: never
    virtual Fit canShow(const EntityRef &ref) const
    {
        Q_UNUSED(ref);
        return CannotShow;
    }
    virtual void showEntity(const EntityRef &ref) { Q_UNUSED(ref); }
    // --view NAME[:ARGS...]: show what ARGS name. FOLLOW: the row the other panes show with it,
    // as a click on it would (left invalid: none). False with ERROR: ARGS are not this pane's.
    virtual bool showView(const QStringList &args, EntityRef *follow, QString *error)
    {
        Q_UNUSED(follow);
        Q_UNUSED(error);
        return args.isEmpty();
    }
    // Opened by its key or menu entry (the Search page puts the cursor in its query).
    virtual void activated() { }
};

} // namespace cwi
