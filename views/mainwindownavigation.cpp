// MainWindow: where a visited row is shown (routing), Back/Forward history, and the view
// switching that --screenshot uses.

#include "mainwindow.h"

#include "actions/historyview.h"
#include "browse/detailview.h"
#include "browse/tablebrowser.h"
#include "browse/tablemodel.h"
#include "dashboard/dashboardview.h"
#include "graph/graphview.h"
#include "knowledge/chatview.h"
#include "knowledge/conversationsview.h"
#include "knowledge/messagesview.h"
#include "knowledge/pagesview.h"
#include "knowledge/proposalsview.h"
#include "logs/logview.h"
#include "navigationhistory.h"
#include "review/reviewview.h"
#include "tasks/tasktreeview.h"

#include <QAction>
#include <QDockWidget>
#include <QHash>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace cwi {

void MainWindow::createNavigation()
{
    const auto tableState = [this](const EntityRef &place) -> std::optional<TableQuery> {
        if (m_table->currentTable() == place.table && m_table->model())
            return m_table->model()->query();
        return std::nullopt;
    };
    m_navigation = new NavigationHistory(
        tableState,
        [this](const NavigationHistory::Visit &visit) {
            if (visit.ref.id.isEmpty() && visit.table && !visit.ref.table.isEmpty() && visit.ref.table != u"review") {
                if (m_detail->current().table != visit.ref.table)
                    m_detail->clear();
                m_table->showQuery(*visit.table);
                m_center->setCurrentWidget(m_table);
            } else {
                route(visit.ref);
            }
        },
        this);
}

void MainWindow::navigate(const EntityRef &ref)
{
    if (!ref.isValid())
        return;
    m_navigation->push(ref);
    route(ref);
}

void MainWindow::recordVisit(const EntityRef &ref)
{
    m_navigation->push(ref);
    m_detail->showRow(ref);
    if (ref.table == u"agents")
        showAgentLog(ref.id, false); // the log pane follows the selected agent
}

void MainWindow::goBack()
{
    m_navigation->back();
}

void MainWindow::goForward()
{
    m_navigation->forward();
}

void MainWindow::raiseDockOf(QWidget *widget)
{
    for (QDockWidget *dock : std::as_const(m_docks)) {
        if (dock->widget() != widget)
            continue;
        const bool opening = !dock->isVisible();
        dock->show();
        dock->raise();
        // A bottom pane opened for reading gets room to read in.
        if (opening && dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
            resizeDocks({ dock }, { height() * 45 / 100 }, Qt::Vertical);
    }
}

// Rows that read best as documents or threads open in their own pane.
bool MainWindow::routeKnowledge(const EntityRef &ref)
{
    if (ref.table == u"pages")
        m_pages->showPage(ref.id);
    else if (ref.table == u"proposals")
        m_proposals->showProposal(ref.id);
    else if (ref.table == u"chat_sessions")
        m_chat->showSession(ref.id);
    else if (ref.table == u"messages")
        m_messages->showMessage(ref.id);
    else if (ref.table == u"conversations")
        m_conversations->showConversation(ref.id);
    else
        return false;
    m_detail->showRow(ref);
    const QHash<QString, QWidget *> panes { { u"pages"_s, m_pages }, { u"proposals"_s, m_proposals },
        { u"chat_sessions"_s, m_chat }, { u"messages"_s, m_messages }, { u"conversations"_s, m_conversations } };
    raiseDockOf(panes.value(ref.table));
    return true;
}

void MainWindow::route(const EntityRef &ref)
{
    auto raise = [this](QWidget *widget) { raiseDockOf(widget); };
    if (ref.table == u"review") { // id: PHASE or PHASE/COMMENT
        const QStringList parts = ref.id.split(u'/');
        m_review->showPhase(parts.value(0), parts.value(1));
        m_center->setCurrentWidget(m_review);
        return;
    }
    if (ref.id.isEmpty()) {
        if (m_detail->current().table != ref.table)
            m_detail->clear(); // a row of the table left behind would read as one of this table
        m_table->showTable(ref.table);
        m_center->setCurrentWidget(m_table);
        m_table->focusRows();
        return;
    }
    if (ref.table == u"agent_log") {
        showLogAt(ref.id);
        return;
    }
    if (routeKnowledge(ref))
        return;
    m_detail->showRow(ref);
    raise(m_detail);
    if (ref.table == u"initiatives") {
        m_pages->showInitiative(ref.id);
        m_proposals->showInitiative(ref.id);
    }
    if (ref.table == u"tasks" || ref.table == u"phases" || ref.table == u"initiatives")
        m_tasks->selectEntity(ref.table, ref.id);
    // An open Graph pane follows: a phase or initiative shows its graph, a task is marked.
    if (!m_graphDock->isHidden()) {
        if (ref.table == u"phases" || ref.table == u"initiatives")
            m_graph->showGraph(ref.id);
        else if (ref.table == u"tasks")
            m_graph->select(ref);
    }
    if (ref.table == u"agents")
        showAgentLog(ref.id, false);
    if (m_center->currentWidget() == m_table && m_table->currentTable() != ref.table)
        m_table->showRow(ref.table, ref.id);
}

void MainWindow::openFiltered(const QString &table, const QString &field, const QString &value)
{
    // "Every pending question in one click": the threads read better than a grid.
    if (table == u"conversations" && field == u"status" && value.endsWith(u"pending")) {
        m_conversations->showPending();
        raiseDockOf(m_conversations);
        return;
    }
    m_table->showTable(table, field, value.startsWith(u'=') ? value.mid(1) : value);
    m_center->setCurrentWidget(m_table);
    m_table->focusRows();
    if (m_table->model()) // a dashboard number or a Related link is a place Back returns to
        m_navigation->push({ table, {} }, m_table->model()->query());
}

QStringList MainWindow::viewNames()
{
    return { QStringLiteral("dashboard"), QStringLiteral("table:NAME"), QStringLiteral("tasks"),
        QStringLiteral("detail:TABLE:ID"), QStringLiteral("log:AGENT_ID[/SESSION]"), QStringLiteral("review:PHASE_ID"),
        QStringLiteral("graph:PHASE_OR_INITIATIVE_ID"), QStringLiteral("pages[:PAGE_ID]"),
        QStringLiteral("proposals[:ID]"), QStringLiteral("chat[:SESSION_ID]"), QStringLiteral("messages[:ID]"),
        QStringLiteral("conversations[:ID]"), QStringLiteral("history"), QStringLiteral("search[:QUERY]"),
        QStringLiteral("files"), QStringLiteral("activity"), QStringLiteral("timeline") };
}

bool MainWindow::showView(const QString &view, QString *error)
{
    const QStringList parts = view.split(u':');
    const QString kind = parts.value(0);
    auto dockOf = [this](QWidget *widget) -> QDockWidget * {
        for (QDockWidget *dock : std::as_const(m_docks)) {
            if (dock->widget() == widget)
                return dock;
        }
        return nullptr;
    };
    const auto db = m_context->database();
    if (kind == u"dashboard" && parts.size() == 1) {
        m_center->setCurrentWidget(m_dashboard);
    } else if (kind == u"table" && parts.size() == 2) {
        if (!db || !db->schema().hasTable(parts.at(1))) {
            *error = tr("No table %1 in this file").arg(parts.value(1));
            return false;
        }
        m_table->showTable(parts.at(1));
        m_center->setCurrentWidget(m_table);
        m_table->focusRows();
    } else if (kind == u"tasks" && parts.size() == 1) {
        dockOf(m_tasks)->show();
        dockOf(m_tasks)->raise();
    } else if (kind == u"detail" && parts.size() == 3) {
        m_detail->showRow({ parts.at(1), parts.at(2) });
        dockOf(m_detail)->show();
    } else if (kind == u"log" && parts.size() == 2) {
        showLogAt(parts.at(1)); // AGENT_ID: the newest session; AGENT_ID/SESSION: that one
        m_detail->showRow({ QStringLiteral("agents"), parts.at(1).section(u'/', 0, 0) }); // as selecting it would
    } else if (kind == u"review" && parts.size() == 2) {
        m_review->showPhase(parts.at(1));
        m_center->setCurrentWidget(m_review);
        m_detail->showRow({ QStringLiteral("phases"), parts.at(1) });
    } else if (kind == u"graph" && parts.size() == 2) {
        m_graph->showGraph(parts.at(1));
        raiseDockOf(m_graph);
        m_detail->showRow({ QStringLiteral("phases"), parts.at(1) }); // an initiative: see ownerShown
    } else if (kind == u"pages" && parts.size() <= 2) {
        if (parts.size() == 2)
            m_pages->showPage(parts.at(1));
        raiseDockOf(m_pages);
    } else if (kind == u"proposals" && parts.size() <= 2) {
        if (parts.size() == 2)
            m_proposals->showProposal(parts.at(1));
        raiseDockOf(m_proposals);
    } else if (kind == u"chat" && parts.size() <= 2) {
        if (parts.size() == 2)
            m_chat->showSession(parts.at(1));
        raiseDockOf(m_chat);
    } else if (kind == u"messages" && parts.size() <= 2) {
        if (parts.size() == 2)
            m_messages->showMessage(parts.at(1));
        raiseDockOf(m_messages);
    } else if (kind == u"conversations" && parts.size() <= 2) {
        if (parts.size() == 2)
            m_conversations->showConversation(parts.at(1));
        else
            m_conversations->showPending();
        raiseDockOf(m_conversations);
    } else if (kind == u"history" && parts.size() == 1) {
        dockOf(m_history)->show();
        dockOf(m_history)->raise();
    } else if (showInsightView(parts)) {
    } else {
        *error = tr("Unknown view \"%1\"; views: %2").arg(view, viewNames().join(u", "));
        return false;
    }
    return true;
}

} // namespace cwi
