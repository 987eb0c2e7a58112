// Planning of the actions on work and people: retry, statuses, proposals, agents, accounts, errands.
// Read the row now, decide whether the action applies to its state, describe what would change.

#include "planner.h"

namespace cwi {

using namespace writes;

ActionPlan Actions::planRetryTasks(const QStringList &taskIds)
{
    Planner p(*m_database, u"retry-task"_s);
    QStringList skipped;
    QString lastReason;
    for (const QString &id : taskIds) {
        const std::optional<QVariantMap> task = p.read(u"tasks"_s, id, { u"retryCount"_s });
        if (!task) {
            if (taskIds.size() == 1)
                return p.notFound(u"tasks"_s, id);
            skipped.append(id);
            continue;
        }
        const QString status = task->value(kStatus).toString();
        QString reason;
        RowChange guard;
        guard.op = RowOp::Check;
        guard.table = u"agents"_s;
        if (status == u"in_progress") {
            const std::optional<QVariantMap> agent = p.latestAgentOf(id);
            if (!agent) {
                guard.expected.insert(u"taskId"_s, id); // still no agent on it when we write
            } else if (const QString agentStatus = agent->value(kStatus).toString();
                       agentStatus == u"crashed" || agentStatus == u"stopped") {
                guard.id = agent->value(kId).toString(); // the agent is still crashed / stopped
                guard.expected.insert(kStatus, agent->value(kStatus));
                guard.expected.insert(kUpdatedAt, agent->value(kUpdatedAt));
            } else {
                reason = u"Its agent “"_s + agent->value(u"name"_s).toString() + u"” is " + agentStatus
                    + u"; only a crashed, stopped or gone agent's task can be retried.";
            }
        } else if (status != u"blocked") {
            reason = u"Retry is for blocked tasks and in-progress tasks whose agent crashed, stopped or is gone; "
                     u"this task is "_s
                + (status.isEmpty() ? u"without status"_s : status) + u'.';
        }
        if (!reason.isEmpty()) {
            if (taskIds.size() == 1)
                return p.fail(reason);
            skipped.append(p.name(u"tasks"_s, *task));
            lastReason = reason;
            continue;
        }
        if (!p.update(u"tasks"_s, *task, { { kStatus, u"pending"_s }, { u"retryCount"_s, qint64(0) } }))
            return p.plan();
        if (status == u"in_progress")
            p.plan().rows.append(guard);
        if (p.plan().title.isEmpty())
            p.plan().title = u"Retry "_s + p.name(u"tasks"_s, *task);
    }
    const int count = int(p.plan().rows.size())
        - int(std::count_if(
            p.plan().rows.cbegin(), p.plan().rows.cend(), [](const RowChange &r) { return r.op == RowOp::Check; }));
    if (count == 0)
        return p.fail(lastReason.isEmpty() ? u"None of the selected tasks can be retried."_s
                                           : u"None of the selected tasks can be retried. "_s + lastReason);
    if (count > 1)
        p.plan().title = u"Retry "_s + QString::number(count) + u" tasks";
    if (!skipped.isEmpty())
        p.plan().warning = QString::number(skipped.size())
            + u" selected task(s) cannot be retried and are left as "
              u"they are: "
            + skipped.join(u", ");
    return p.plan();
}

static ActionPlan planSetStatus(
    const Database &db, const QString &action, const QString &tableName, const QString &id, const QString &status)
{
    Planner p(db, action);
    const std::optional<QVariantMap> row = p.read(tableName, id, {});
    if (!row)
        return p.notFound(tableName, id);
    if (status.isNull())
        return p.plan(); // state check only: any row can be given another status
    const QStringList documented = documentedValues(tableName, kStatus);
    if (!documented.contains(status))
        return p.fail(
            u"“"_s + status + u"” is not a documented status; use one of " + documented.join(u", ") + u'.', true);
    if (row->value(kStatus).toString() == status)
        return p.fail(u"The status is "_s + status + u" already.");
    if (!p.update(tableName, *row, { { kStatus, status } }))
        return p.plan();
    p.plan().title = u"Set status of "_s + p.name(tableName, *row) + u" to " + status;
    p.plan().warning = u"Advanced: the server drives statuses itself. Changing one by hand can leave the "
                       u"orchestration inconsistent (an agent still working on a task marked completed, dependants "
                       u"waiting forever). Prefer Retry where it applies."_s;
    return p.plan();
}

ActionPlan Actions::planSetTaskStatus(const QString &taskId, const QString &status)
{
    return planSetStatus(*m_database, u"set-task-status"_s, u"tasks"_s, taskId, status);
}

ActionPlan Actions::planSetPhaseStatus(const QString &phaseId, const QString &status)
{
    return planSetStatus(*m_database, u"set-phase-status"_s, u"phases"_s, phaseId, status);
}

ActionPlan Actions::planDismissProposal(const QString &proposalId)
{
    Planner p(*m_database, u"dismiss-proposal"_s);
    const std::optional<QVariantMap> row = p.read(u"proposals"_s, proposalId, {});
    if (!row)
        return p.notFound(u"proposals"_s, proposalId);
    if (row->value(kStatus).toString() != u"pending")
        return p.fail(
            u"Only a pending proposal can be dismissed; this one is "_s + row->value(kStatus).toString() + u'.');
    p.update(u"proposals"_s, *row, { { kStatus, u"dismissed"_s } });
    p.plan().title = u"Dismiss "_s + p.name(u"proposals"_s, *row);
    return p.plan();
}

ActionPlan Actions::planDismissAgent(const QString &agentId)
{
    Planner p(*m_database, u"dismiss-agent"_s);
    const std::optional<QVariantMap> row = p.read(u"agents"_s, agentId, { u"userDismissedAt"_s });
    if (!row)
        return p.notFound(u"agents"_s, agentId);
    if (!p.table(u"agents"_s)->has(u"userDismissedAt"_s))
        return p.fail(u"This file's agents table has no userDismissedAt column (an older schema)."_s);
    if (!isNull(row->value(u"userDismissedAt"_s)))
        return p.fail(u"The agent is dismissed already."_s);
    const QString status = row->value(kStatus).toString();
    if (status == u"running" || status == u"waiting_for_input")
        return p.fail(u"The agent is "_s + status + u"; only an idle, stopped or crashed agent can be dismissed.");
    p.update(u"agents"_s, *row, { { u"userDismissedAt"_s, kNow } });
    p.plan().title = u"Dismiss "_s + p.name(u"agents"_s, *row);
    return p.plan();
}

ActionPlan Actions::planUndismissAgent(const QString &agentId)
{
    Planner p(*m_database, u"undismiss-agent"_s);
    const std::optional<QVariantMap> row = p.read(u"agents"_s, agentId, { u"userDismissedAt"_s });
    if (!row)
        return p.notFound(u"agents"_s, agentId);
    if (isNull(row->value(u"userDismissedAt"_s)))
        return p.fail(u"The agent is not dismissed."_s);
    p.update(u"agents"_s, *row, { { u"userDismissedAt"_s, QVariant() } });
    p.plan().title = u"Un-dismiss "_s + p.name(u"agents"_s, *row);
    return p.plan();
}

ActionPlan Actions::planClearExhaustion(const QString &accountId)
{
    Planner p(*m_database, u"clear-exhaustion"_s);
    const std::optional<QVariantMap> row
        = p.read(u"accounts"_s, accountId, { u"email"_s, u"isExhausted"_s, u"exhaustedUntil"_s });
    if (!row)
        return p.notFound(u"accounts"_s, accountId);
    if (!truthy(row->value(u"isExhausted"_s)) && isNull(row->value(u"exhaustedUntil"_s)))
        return p.fail(u"The account is not exhausted."_s);
    p.update(u"accounts"_s, *row, { { u"isExhausted"_s, qint64(0) }, { u"exhaustedUntil"_s, QVariant() } });
    p.plan().title = u"Clear exhaustion of "_s + p.name(u"accounts"_s, *row);
    return p.plan();
}

ActionPlan Actions::planAbandonErrand(const QString &errandId)
{
    Planner p(*m_database, u"abandon-errand"_s);
    const std::optional<QVariantMap> row = p.read(u"errands"_s, errandId, { u"branch"_s });
    if (!row)
        return p.notFound(u"errands"_s, errandId);
    const QString status = row->value(kStatus).toString();
    if (status != u"active" && status != u"pending_review" && status != u"conflict")
        return p.fail(
            u"Only an active, pending-review or conflicting errand can be abandoned; this one is "_s + status + u'.');
    p.update(u"errands"_s, *row, { { kStatus, u"abandoned"_s } });
    p.plan().title = u"Abandon "_s + p.name(u"errands"_s, *row);
    p.plan().warning = u"The errand's branch “"_s + row->value(u"branch"_s).toString()
        + u"” and its worktree stay as they are; only the status changes.";
    return p.plan();
}

} // namespace cwi
