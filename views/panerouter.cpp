#include "panerouter.h"
#include "viewnames.h"

#include "browse/tablebrowser.h"
#include "navigationhistory.h"
#include "panehost.h"

namespace cwi {

PaneRouter::PaneRouter(PaneHost *panes, TableBrowser *table, QObject *parent)
    : QObject(parent)
    , m_panes(panes)
    , m_table(table)
{
    const auto listShown = [this](const EntityRef &place) -> std::optional<TableQuery> {
        if (m_table->currentTable() == place.table && m_table->model())
            return m_table->model()->query();
        return std::nullopt;
    };
    m_history = new NavigationHistory(
        listShown,
        [this](const NavigationHistory::Visit &visit) {
            route(visit.ref);
            if (visit.table)
                m_table->showQuery(*visit.table); // the list as it was left
        },
        this);
}

void PaneRouter::route(const EntityRef &ref)
{
    Pane *reading = nullptr;
    for (Pane *pane : m_panes->inReadingOrder()) {
        if (!reading && pane->canShow(ref) == Pane::Shows)
            reading = pane;
    }
    if (reading)
        m_panes->raise(reading);
    follow(ref);
}

void PaneRouter::follow(const EntityRef &ref, const Pane *except)
{
    for (Pane *pane : m_panes->inReadingOrder()) {
        if (pane != except && pane->canShow(ref) != Pane::CannotShow)
            pane->showEntity(ref);
    }
}

void PaneRouter::navigate(const EntityRef &ref)
{
    if (!ref.isValid())
        return;
    m_history->push(ref);
    route(ref);
}

void PaneRouter::recordVisit(const EntityRef &ref)
{
    m_history->push(ref);
    follow(ref, m_table);
}

void PaneRouter::openFiltered(const QString &table, const QString &field, const QString &value)
{
    // "Every pending question in one click": the threads read better than a grid.
    QString unused;
    if (table == u"conversations" && field == u"status" && value.endsWith(u"pending")
        && showView(QStringLiteral("conversations"), &unused))
        return;
    m_table->showTable(table, field, value.startsWith(u'=') ? value.mid(1) : value);
    m_panes->raise(m_table);
    m_table->focusRows();
    if (m_table->model())
        m_history->push({ table, {} }, m_table->model()->query());
}

QStringList PaneRouter::viewNames()
{
    return viewSynopses();
}

bool PaneRouter::showView(const QString &view, QString *error)
{
    const QStringList parts = view.split(u':');
    for (Pane *pane : m_panes->panes()) {
        const QString name = pane->paneInfo().view;
        if (name.isEmpty() || name != parts.first())
            continue;
        EntityRef followed;
        if (!pane->showView(parts.mid(1), &followed, error)) {
            if (!error->isEmpty())
                return false;
            break; // not its arguments
        }
        m_panes->raise(pane);
        if (followed.isValid()) // as a click on it would
            follow(followed, pane);
        return true;
    }
    *error = tr("Unknown view \"%1\"; views: %2").arg(view, viewNames().join(u", "));
    return false;
}

} // namespace cwi
