#include "navigationhistory.h"

#include <QAction>
#include <QIcon>

namespace cwi {

NavigationHistory::NavigationHistory(std::function<std::optional<TableQuery>(const EntityRef &)> tableState,
    std::function<void(const Visit &)> revisit, QObject *parent)
    : QObject(parent)
    , m_tableState(std::move(tableState))
    , m_revisit(std::move(revisit))
    , m_back(new QAction(QIcon::fromTheme(QStringLiteral("go-previous")), tr("Back"), this))
    , m_forward(new QAction(QIcon::fromTheme(QStringLiteral("go-next")), tr("Forward"), this))
{
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_back->setToolTip(tr("Back to the previous row or table (Alt+Left)"));
    connect(m_back, &QAction::triggered, this, &NavigationHistory::back);
    m_forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_forward->setToolTip(tr("Forward again (Alt+Right)"));
    connect(m_forward, &QAction::triggered, this, &NavigationHistory::forward);
    updateActions(); // nothing visited yet
}

void NavigationHistory::rememberTableState()
{
    if (m_index < 0 || m_index >= m_visits.size())
        return;
    Visit &current = m_visits[m_index];
    if (current.ref.id.isEmpty()) {
        if (const std::optional<TableQuery> state = m_tableState(current.ref))
            current.table = state;
    }
}

void NavigationHistory::push(const EntityRef &ref, const std::optional<TableQuery> &table)
{
    if (!m_revisiting) {
        rememberTableState(); // the list as the user leaves it
        m_visits.resize(m_index + 1);
        if (m_visits.isEmpty() || !(m_visits.last().ref == ref) || table)
            m_visits.append({ ref, table });
        m_index = int(m_visits.size()) - 1;
    }
    updateActions();
}

void NavigationHistory::clear()
{
    m_visits.clear();
    m_index = -1;
    updateActions();
}

void NavigationHistory::goTo(int index)
{
    if (index < 0 || index >= m_visits.size())
        return;
    rememberTableState();
    m_index = index;
    const Visit visit = m_visits.at(index);
    m_revisiting = true; // what the visit shows is not a new place
    m_revisit(visit);
    m_revisiting = false;
    updateActions();
}

void NavigationHistory::updateActions()
{
    m_back->setEnabled(m_index > 0);
    m_forward->setEnabled(m_index + 1 < m_visits.size());
}

} // namespace cwi
