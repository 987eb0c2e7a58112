#include "dashboardloader.h"

#include "dashboardreader.h"
#include "workrepositories.h"

#include <algorithm>

namespace cwi {

DashboardSnapshot loadDashboard(const Database &database)
{
    return readDashboard(database);
}

QVector<InitiativeCost> addUpInitiativeCosts(const std::shared_ptr<Database> &database)
{
    QVector<InitiativeCost> costs;
    const QVector<Agent> agents = makeAgentRepository(database)->findAll();
    for (const Initiative &initiative : makeInitiativeRepository(database)->findAll()) {
        QStringList ids;
        for (const Agent &agent : agents) {
            if (agent.initiativeId == initiative.id)
                ids.append(agent.id);
        }
        if (!ids.isEmpty())
            costs.append({ initiative.id, initiative.name, loadLogTotals(database, ids) });
    }
    std::sort(costs.begin(), costs.end(),
        [](const InitiativeCost &a, const InitiativeCost &b) { return a.totals.costUsd > b.totals.costUsd; });
    return costs;
}

} // namespace cwi
