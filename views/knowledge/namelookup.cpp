#include "namelookup.h"

#include "knowledgerepositories.h"
#include "workrepositories.h"

#include <algorithm>

namespace cwi {

NameMap lookupNames(const std::shared_ptr<Database> &db, const NameRequest &request)
{
    NameMap names;
    const auto agents = makeAgentRepository(db);
    for (const QString &id : request.agents) {
        if (const auto row = id.isEmpty() ? std::nullopt : agents->findById(id))
            names.insert(id, row->name);
    }
    const auto initiatives = makeInitiativeRepository(db);
    for (const QString &id : request.initiatives) {
        if (const auto row = id.isEmpty() ? std::nullopt : initiatives->findById(id))
            names.insert(id, row->name);
    }
    const auto phases = makePhaseRepository(db);
    for (const QString &id : request.phases) {
        if (const auto row = id.isEmpty() ? std::nullopt : phases->findById(id))
            names.insert(id, row->name);
    }
    const auto tasks = makeTaskRepository(db);
    for (const QString &id : request.tasks) {
        if (const auto row = id.isEmpty() ? std::nullopt : tasks->findById(id))
            names.insert(id, row->name);
    }
    const auto pages = makePageRepository(db);
    for (const QString &id : request.pages) {
        if (const auto row = id.isEmpty() ? std::nullopt : pages->findById(id))
            names.insert(id, row->title);
    }
    return names;
}

Directory readDirectory(const std::shared_ptr<Database> &db)
{
    Directory directory;
    for (const Agent &agent : makeAgentRepository(db)->findAll())
        directory.agents.append({ agent.id, agent.name.isEmpty() ? agent.id : agent.name });
    for (const Initiative &initiative : makeInitiativeRepository(db)->findAll())
        directory.initiatives.append({ initiative.id, initiative.name.isEmpty() ? initiative.id : initiative.name });
    auto byName = [](const QPair<QString, QString> &a, const QPair<QString, QString> &b) {
        return a.second.localeAwareCompare(b.second) < 0;
    };
    std::sort(directory.agents.begin(), directory.agents.end(), byName);
    return directory;
}

} // namespace cwi
