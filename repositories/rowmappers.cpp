#include "rowmappers.h"

using namespace Qt::StringLiterals;

namespace cwi::sql {

Initiative toInitiative(const Row &r)
{
    return { r.text(u"id"_s), r.text(u"name"_s), r.text(u"status"_s), r.text(u"branch"_s), r.timestamp(u"createdAt"_s),
        r.timestamp(u"updatedAt"_s) };
}

Phase toPhase(const Row &r)
{
    return { r.text(u"id"_s), r.text(u"initiativeId"_s), r.text(u"name"_s), r.text(u"content"_s), r.text(u"status"_s),
        r.text(u"mergeBase"_s), r.timestamp(u"createdAt"_s), r.timestamp(u"updatedAt"_s) };
}

Task toTask(const Row &r)
{
    Task t;
    t.id = r.text(u"id"_s);
    t.phaseId = r.text(u"phaseId"_s);
    t.initiativeId = r.text(u"initiativeId"_s);
    t.parentTaskId = r.text(u"parentTaskId"_s);
    t.name = r.text(u"name"_s);
    t.description = r.text(u"description"_s);
    t.type = r.text(u"type"_s);
    t.category = r.text(u"category"_s);
    t.priority = r.text(u"priority"_s);
    t.status = r.text(u"status"_s);
    t.order = r.integer(u"order"_s);
    t.summary = r.text(u"summary"_s);
    t.retryCount = r.integer(u"retryCount"_s);
    t.createdAt = r.timestamp(u"createdAt"_s);
    t.updatedAt = r.timestamp(u"updatedAt"_s);
    return t;
}

Agent toAgent(const Row &r)
{
    Agent a;
    a.id = r.text(u"id"_s);
    a.name = r.text(u"name"_s);
    a.taskId = r.text(u"taskId"_s);
    a.initiativeId = r.text(u"initiativeId"_s);
    a.sessionId = r.text(u"sessionId"_s);
    a.worktreeId = r.text(u"worktreeId"_s);
    a.provider = r.text(u"provider"_s);
    a.accountId = r.text(u"accountId"_s);
    a.status = r.text(u"status"_s);
    a.mode = r.text(u"mode"_s);
    a.pid = r.value(u"pid"_s);
    a.exitCode = r.value(u"exitCode"_s);
    a.prompt = r.text(u"prompt"_s);
    a.outputFilePath = r.text(u"outputFilePath"_s);
    a.result = r.text(u"result"_s);
    a.pendingQuestions = r.text(u"pendingQuestions"_s);
    a.userDismissedAt = r.timestamp(u"userDismissedAt"_s);
    a.createdAt = r.timestamp(u"createdAt"_s);
    a.updatedAt = r.timestamp(u"updatedAt"_s);
    return a;
}

Account toAccount(const Row &r)
{
    Account a;
    a.id = r.text(u"id"_s);
    a.email = r.text(u"email"_s);
    a.provider = r.text(u"provider"_s);
    a.configJson = r.text(u"configJson"_s);
    a.credentials = r.text(u"credentials"_s);
    a.isExhausted = r.boolean(u"isExhausted"_s);
    a.exhaustedUntil = r.timestamp(u"exhaustedUntil"_s);
    a.lastUsedAt = r.timestamp(u"lastUsedAt"_s);
    a.sortOrder = r.integer(u"sortOrder"_s);
    a.createdAt = r.timestamp(u"createdAt"_s);
    a.updatedAt = r.timestamp(u"updatedAt"_s);
    return a;
}

Project toProject(const Row &r)
{
    return { r.text(u"id"_s), r.text(u"name"_s), r.text(u"url"_s), r.text(u"defaultBranch"_s),
        r.timestamp(u"lastFetchedAt"_s), r.timestamp(u"createdAt"_s), r.timestamp(u"updatedAt"_s) };
}

Errand toErrand(const Row &r)
{
    return { r.text(u"id"_s), r.text(u"description"_s), r.text(u"branch"_s), r.text(u"baseBranch"_s),
        r.text(u"agentId"_s), r.text(u"projectId"_s), r.text(u"status"_s), r.timestamp(u"createdAt"_s),
        r.timestamp(u"updatedAt"_s) };
}

} // namespace cwi::sql
