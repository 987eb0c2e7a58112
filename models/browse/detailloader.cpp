#include "browse/detailloader.h"

#include "insight/insightqueries.h"
#include "rowreader.h"
#include "workrepositories.h"

#include <QCoreApplication>

namespace cwi {

LogTotals logTotalsFromIndex(const InitiativeTotals &t)
{
    LogTotals l;
    l.agents = int(t.agents);
    l.sessions = int(t.sessions);
    l.failedSessions = int(t.failedSessions);
    l.costUsd = t.costUsd;
    l.usage = { t.tokens.input, t.tokens.output, t.tokens.cacheCreation, t.tokens.cacheRead };
    l.turns = t.turns;
    l.durationMs = t.durationMs;
    return l;
}

DetailData loadDetail(const std::shared_ptr<Database> &db, const EntityRef &ref, const TotalsSource &totals)
{
    DetailData data;
    data.table = ref.table;
    data.id = ref.id;
    const TableInfo *info = db->schema().table(ref.table);
    if (!info) {
        data.error = QCoreApplication::translate("DetailView", "The file has no table %1.").arg(ref.table);
        return data;
    }
    data.info = *info;
    const RowReader reader(db);
    data.row = reader.byId(ref.table, ref.id);
    if (!data.row)
        return data;
    if (info->spec) {
        for (const FieldSpec &field : info->spec->fields) {
            if (field.references.isEmpty())
                continue;
            const QString target = data.row->value(field.name, info).toString();
            if (!target.isEmpty())
                data.referenceLabels.insert(field.name, reader.label(field.references, target));
        }
    }
    data.relations = reader.reverseRelations(ref.table, ref.id);
    const bool rollsUp = ref.table == u"agents" || ref.table == u"tasks" || ref.table == u"initiatives";
    if (rollsUp && totals.indexOn) {
        if (totals.sidecar.isEmpty()) {
            data.logTotalsPending = true;
            return data;
        }
        ActivityFilter filter;
        (ref.table == u"agents"         ? filter.agentId
                : ref.table == u"tasks" ? filter.taskId
                                        : filter.initiativeId)
            = ref.id;
        data.logTotals = logTotalsFromIndex(sessionTotals(totals.sidecar, filter));
        return data;
    }
    // Roll the agents' session costs up to the row (each session is read once, usage once per message).
    QStringList agentIds;
    if (ref.table == u"agents") {
        agentIds.append(ref.id);
    } else if (ref.table == u"tasks" || ref.table == u"initiatives") {
        const QString field = ref.table == u"tasks" ? QStringLiteral("taskId") : QStringLiteral("initiativeId");
        const QVector<Agent> agents = makeAgentRepository(db)->findAll();
        for (const Agent &agent : agents) {
            if ((field == u"taskId" ? agent.taskId : agent.initiativeId) == ref.id)
                agentIds.append(agent.id);
        }
    }
    if (!agentIds.isEmpty())
        data.logTotals = loadLogTotals(db, agentIds);
    return data;
}

} // namespace cwi
