#pragma once

// Where a visited row is shown, and Back/Forward over the visits. A row is shown by every pane
// that can show it (Pane::canShow); of the panes that are the place to read it, the first page,
// else bottom pane, else side pane is raised. --view NAME[:ARGS] goes to the pane whose view it
// names. It knows no pane by its kind, only the table page, where filtered lists open.

#include "appcontext.h"

#include <QObject>

namespace cwi {

class NavigationHistory;
class Pane;
class PaneHost;
class TableBrowser;

class PaneRouter : public QObject
{
    Q_OBJECT
public:
    PaneRouter(PaneHost *panes, TableBrowser *table, QObject *parent);

    NavigationHistory *history() const { return m_history; }
    void navigate(const EntityRef &ref); // records history
    void recordVisit(const EntityRef &ref); // records history; the other panes follow, none is raised
    // A filtered list (a dashboard number, a Related link): a place Back returns to.
    void openFiltered(const QString &table, const QString &field, const QString &value);
    bool showView(const QString &view, QString *error);
    static QStringList viewNames();

private:
    void route(const EntityRef &ref);
    void follow(const EntityRef &ref, const Pane *except = nullptr);

    PaneHost *m_panes;
    TableBrowser *m_table;
    NavigationHistory *m_history;
};

} // namespace cwi
