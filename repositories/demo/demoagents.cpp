// Accounts, agents, agent-to-agent conversations, user messages and errands.

#include "democontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cwi::demo {

namespace {

struct AgentSpec
{
    const char *name;
    const char *status;
    const char *mode;
    const char *task; // task name, or nullptr
    int initiative; // index, -1 for none
    int sessions;
    const char *outcome;
};

const QVector<AgentSpec> kAgents {
    { "swift-falcon", "running", "execute", "Redis-backed counter with TTL", 0, 2, "running" },
    { "quiet-heron", "waiting_for_input", "discuss", "Plan OIDC login flow", 0, 1, "waiting" },
    { "amber-lynx", "stopped", "execute", "Add rotateIfStale()", 0, 1, "success" },
    { "bold-badger", "crashed", "execute", "Lock account after 10 failures", 0, 3, "crashed" },
    { "calm-otter", "idle", "plan", "Plan password reset", 0, 1, "success" },
    { "eager-mole", "stopped", "detail", "Detail session rotation", 0, 1, "success" },
    { "gentle-koala", "stopped", "refine", "Rename db/pool.ts to db/connection.ts", 0, 1, "success" },
    { "brisk-marten", "running", "refine", "Review session changes", 0, 1, "running" },
    { "noble-crane", "waiting_for_input", "plan", "Plan the monthly schedule", 1, 1, "waiting" },
    { "rapid-ibis", "crashed", "detail", "Discovery document and JWKS caching", 0, 1, "crashed" },
    { "sunny-gecko", "stopped", "execute", "Escape quotes in customer names", 1, 2, "max_turns" },
    { "witty-puffin", "idle", "discuss", nullptr, 1, 1, "success" },
    { "mellow-walrus", "stopped", "execute", "Arrow-key navigation", 2, 1, "success" },
    { "keen-osprey", "running", "execute", "Investigate flaky worker tests on CI", -1, 1, "running" },
};

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString uuid(DemoRandom &rng)
{
    return rng.hex(8) + u'-' + rng.hex(4) + QStringLiteral("-4") + rng.hex(3) + QStringLiteral("-a") + rng.hex(3) + u'-'
        + rng.hex(12);
}

QString promptFor(const AgentSpec &spec, const QString &initiative)
{
    QString prompt = QStringLiteral("You are a Codewalkers %1 agent working in a git worktree of orbit-notes.\n\n")
                         .arg(QString::fromLatin1(spec.mode));
    if (spec.task)
        prompt += QStringLiteral("## Task\n%1\n\n").arg(QString::fromUtf8(spec.task));
    if (!initiative.isEmpty())
        prompt += QStringLiteral("## Initiative\n%1\n\n").arg(initiative);
    prompt += QStringLiteral("## Rules\n- Commit with conventional messages.\n- Run `npm test` before you report.\n"
                             "- Ask the user through the question tool when a decision is not yours.\n");
    return prompt;
}

QString pendingQuestions(const QString &name)
{
    QJsonArray questions;
    if (name == u"quiet-heron") {
        questions.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("q1") },
            { QStringLiteral("question"),
                QStringLiteral("Which identity providers must the first OIDC release support?") },
            { QStringLiteral("options"),
                QJsonArray { QJsonObject { { QStringLiteral("label"), QStringLiteral("Google Workspace only") } },
                    QJsonObject { { QStringLiteral("label"), QStringLiteral("Google and Okta") } },
                    QJsonObject { { QStringLiteral("label"), QStringLiteral("Any OIDC issuer (generic)") } } } } });
        questions.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("q2") },
            { QStringLiteral("question"), QStringLiteral("May SSO users also keep a password as a fallback?") } });
    } else {
        questions.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("q1") },
            { QStringLiteral("question"),
                QStringLiteral("Finance wants the export on the 1st — in which time zone should the month end?") },
            { QStringLiteral("options"),
                QJsonArray { QJsonObject { { QStringLiteral("label"), QStringLiteral("UTC") } },
                    QJsonObject { { QStringLiteral("label"), QStringLiteral("Europe/Berlin (company HQ)") } } } } });
    }
    return json(QJsonObject { { QStringLiteral("questions"), questions } });
}

QVariant resultFor(const AgentSpec &spec)
{
    const QString status = QString::fromLatin1(spec.status);
    if (status == u"crashed")
        return json(QJsonObject { { QStringLiteral("status"), QStringLiteral("error") },
            { QStringLiteral("error"),
                QStringLiteral("Process exited unexpectedly (signal "
                               "SIGKILL) while running npm test") } });
    if (status != u"stopped" && status != u"idle")
        return {};
    return json(QJsonObject { { QStringLiteral("status"), QStringLiteral("done") },
        { QStringLiteral("summary"),
            spec.task ? QStringLiteral("Finished: %1").arg(QString::fromUtf8(spec.task))
                      : QStringLiteral("Discussion wrapped up") },
        { QStringLiteral("filesChanged"),
            QJsonArray { QStringLiteral("src/auth/session.ts"), QStringLiteral("src/server.ts") } },
        { QStringLiteral("testsPassed"), true } });
}

void seedAccounts(DemoState &state)
{
    const QVector<std::pair<QString, bool>> accounts { { QStringLiteral("dana@orbit.dev"), false },
        { QStringLiteral("ci-pool@orbit.dev"), true } };
    int order = 0;
    for (const auto &[email, exhausted] : accounts) {
        const QString id = state.rng.id();
        const QString config = json(QJsonObject { { QStringLiteral("hasCompletedOnboarding"), true },
            { QStringLiteral("oauthAccount"),
                QJsonObject { { QStringLiteral("emailAddress"), email },
                    { QStringLiteral("organizationName"), QStringLiteral("Orbit") } } } });
        const QString credentials = json(QJsonObject { { QStringLiteral("claudeAiOauth"),
            QJsonObject { { QStringLiteral("accessToken"), QStringLiteral("demo-redacted") },
                { QStringLiteral("expiresAt"), double(state.baseTime + 86400) * 1000.0 },
                { QStringLiteral("subscriptionType"), QStringLiteral("max") } } } });
        // Exhausted until well after the demo's "now", so it shows as exhausted.
        state.writer.insert(QStringLiteral("accounts"),
            { { QStringLiteral("id"), id }, { QStringLiteral("email"), email },
                { QStringLiteral("provider"), QStringLiteral("claude") }, { QStringLiteral("configJson"), config },
                { QStringLiteral("credentials"), credentials }, { QStringLiteral("isExhausted"), exhausted ? 1 : 0 },
                { QStringLiteral("exhaustedUntil"),
                    exhausted ? QVariant(state.baseTime + qint64(56) * 86400) : QVariant() },
                { QStringLiteral("lastUsedAt"), state.daysAgo(exhausted ? 0.5 : 0.01) },
                { QStringLiteral("sortOrder"), order++ }, { QStringLiteral("createdAt"), state.daysAgo(120) },
                { QStringLiteral("updatedAt"), state.daysAgo(0.5) } });
        state.accountIds.append(id);
    }
}

void seedAgentRows(DemoState &state)
{
    int index = 0;
    for (const AgentSpec &spec : kAgents) {
        AgentRef agent;
        agent.id = state.rng.id();
        agent.name = QString::fromLatin1(spec.name);
        agent.status = QString::fromLatin1(spec.status);
        agent.mode = QString::fromLatin1(spec.mode);
        agent.taskId = spec.task ? state.task(QString::fromUtf8(spec.task)).id : QString();
        const QString initiativeName = spec.initiative >= 0 ? state.initiatives.at(spec.initiative).name : QString();
        agent.initiativeId = spec.initiative >= 0 ? state.initiatives.at(spec.initiative).id : QString();
        agent.worktree = QStringLiteral("/srv/codewalkers/worktrees/orbit-notes/") + agent.name;
        // The search initiative finished weeks ago; its agent worked back then.
        agent.createdAt = state.daysAgo(spec.initiative == 2 ? 72 : 12 - index * 0.8);
        agent.sessions = spec.sessions;
        agent.outcome = QString::fromLatin1(spec.outcome);
        agent.sessionId = uuid(state.rng);
        const bool running = agent.status == u"running";
        const bool stopped = agent.status == u"stopped" || agent.status == u"crashed";
        state.writer.insert(QStringLiteral("agents"),
            { { QStringLiteral("id"), agent.id }, { QStringLiteral("name"), agent.name },
                { QStringLiteral("taskId"), nullable(agent.taskId) },
                { QStringLiteral("initiativeId"), nullable(agent.initiativeId) },
                { QStringLiteral("sessionId"),
                    agent.status == u"idle" && index % 2 ? QVariant() : QVariant(agent.sessionId) },
                { QStringLiteral("worktreeId"), agent.worktree },
                { QStringLiteral("provider"), QStringLiteral("claude") },
                { QStringLiteral("accountId"),
                    index == 11 ? QVariant() : QVariant(state.accountIds.at(index % 3 == 2 ? 1 : 0)) },
                { QStringLiteral("status"), agent.status }, { QStringLiteral("mode"), agent.mode },
                { QStringLiteral("pid"), running ? QVariant(41000 + state.rng.range(100, 9000)) : QVariant() },
                { QStringLiteral("exitCode"),
                    stopped ? QVariant(agent.status == u"crashed" ? (index == 3 ? 137 : 1) : 0) : QVariant() },
                { QStringLiteral("prompt"), promptFor(spec, initiativeName) },
                { QStringLiteral("outputFilePath"),
                    QString(QStringLiteral("/srv/codewalkers/output/") + agent.name + QStringLiteral(".jsonl")) },
                { QStringLiteral("result"), resultFor(spec) },
                { QStringLiteral("pendingQuestions"),
                    agent.status == u"waiting_for_input" ? QVariant(pendingQuestions(agent.name)) : QVariant() },
                { QStringLiteral("userDismissedAt"),
                    agent.name == u"gentle-koala" ? QVariant(state.daysAgo(1)) : QVariant() },
                { QStringLiteral("createdAt"), agent.createdAt },
                { QStringLiteral("updatedAt"), agent.createdAt + state.rng.range(600, 86400) } });
        state.agents.append(agent);
        ++index;
    }
}

void seedConversations(DemoState &state)
{
    struct Spec
    {
        const char *from, *to, *task, *question, *answer;
    };
    const QVector<Spec> specs {
        { "bold-badger", "swift-falcon", "Lock account after 10 failures",
            "Which key format does the rate-limit counter use in Redis? I need to reset it on successful login.",
            "`login:fail:{ip}` and `login:fail:acct:{userId}`, both with a 15 minute TTL. Delete the account key on "
            "success." },
        { "brisk-marten", "amber-lynx", "Review session changes",
            "Why does rotateIfStale delete the old token immediately instead of keeping a grace period?", nullptr },
        { "rapid-ibis", "quiet-heron", "Discovery document and JWKS caching",
            "Is the provider list settled? I cannot pick a JWKS cache TTL before I know the issuers.", nullptr },
        { "sunny-gecko", "noble-crane", "Escape quotes in customer names",
            "Should the CSV use CRLF line endings for Excel?", "Yes, RFC 4180: CRLF. Finance opens it in Excel." },
    };
    qint64 created = state.daysAgo(4);
    for (const Spec &spec : specs) {
        const TaskRef task = state.task(QString::fromUtf8(spec.task));
        created += state.rng.range(1800, 20000);
        state.writer.insert(QStringLiteral("conversations"),
            { { QStringLiteral("id"), state.rng.id() },
                { QStringLiteral("fromAgentId"), state.agent(QString::fromLatin1(spec.from)).id },
                { QStringLiteral("toAgentId"), state.agent(QString::fromLatin1(spec.to)).id },
                { QStringLiteral("initiativeId"), nullable(task.initiativeId) },
                { QStringLiteral("phaseId"), nullable(task.phaseId) }, { QStringLiteral("taskId"), nullable(task.id) },
                { QStringLiteral("question"), QString::fromUtf8(spec.question) },
                { QStringLiteral("answer"), spec.answer ? QVariant(QString::fromUtf8(spec.answer)) : QVariant() },
                { QStringLiteral("status"), spec.answer ? QStringLiteral("answered") : QStringLiteral("pending") },
                { QStringLiteral("createdAt"), created },
                { QStringLiteral("updatedAt"), created + (spec.answer ? 240 : 0) } });
    }
}

void seedMessages(DemoState &state)
{
    struct Spec
    {
        int parent; // index into this list, -1 for a thread root
        const char *agent; // the agent side of the exchange
        bool fromUser;
        const char *type;
        bool requiresResponse;
        const char *status;
        const char *content;
    };
    const QVector<Spec> specs {
        { -1, "quiet-heron", false, "question", true, "pending",
            "Before I plan the OIDC flow: which identity providers must the first release support?" },
        { -1, "bold-badger", false, "question", true, "answered",
            "Account lockout: should a locked account unlock itself after a timeout, or only via support?" },
        { 1, "bold-badger", true, "answer", false, "read", "Unlock automatically after 30 minutes. Log every lock." },
        { 2, "bold-badger", false, "info", false, "read",
            "Understood — 30 minute automatic unlock, with an audit log entry." },
        { -1, "noble-crane", false, "question", true, "pending",
            "Which time zone defines the end of a billing month for the scheduled export?" },
        { -1, "amber-lynx", false, "info", false, "read",
            "Session rotation is in. `rotateIfStale()` issues a new token after 15 minutes; tests added." },
        { 5, "amber-lynx", true, "info", false, "read", "Thanks! Please mention the header name in the README." },
        { -1, "rapid-ibis", false, "error", false, "pending",
            "I crashed while running `npm test` (exit 1). The JWKS fetch test needs network access." },
        { -1, "sunny-gecko", false, "question", true, "answered",
            "The CSV has 14k rows for October. Stream or buffer?" },
        { 8, "sunny-gecko", true, "answer", false, "read", "Stream it; the worker has 256 MB." },
    };
    QVector<QString> ids;
    qint64 created = state.daysAgo(6);
    for (const Spec &spec : specs) {
        const QString id = state.rng.id();
        const QString agentId = state.agent(QString::fromLatin1(spec.agent)).id;
        created += state.rng.range(900, 30000);
        state.writer.insert(QStringLiteral("messages"),
            { { QStringLiteral("id"), id },
                { QStringLiteral("senderType"), spec.fromUser ? QStringLiteral("user") : QStringLiteral("agent") },
                { QStringLiteral("senderId"), spec.fromUser ? QVariant() : QVariant(agentId) },
                { QStringLiteral("recipientType"), spec.fromUser ? QStringLiteral("agent") : QStringLiteral("user") },
                { QStringLiteral("recipientId"), spec.fromUser ? QVariant(agentId) : QVariant() },
                { QStringLiteral("type"), QString::fromLatin1(spec.type) },
                { QStringLiteral("content"), QString::fromUtf8(spec.content) },
                { QStringLiteral("requiresResponse"), spec.requiresResponse ? 1 : 0 },
                { QStringLiteral("status"), QString::fromLatin1(spec.status) },
                { QStringLiteral("parentMessageId"), spec.parent >= 0 ? QVariant(ids.at(spec.parent)) : QVariant() },
                { QStringLiteral("createdAt"), created }, { QStringLiteral("updatedAt"), created + 60 } });
        ids.append(id);
    }
}

void seedErrands(DemoState &state)
{
    struct Spec
    {
        const char *id, *description, *branch, *agent, *status;
    };
    const QVector<Spec> specs {
        { "errand-bump-pg-8-12", "Bump pg to 8.12 and fix the type import", "errand/bump-pg", "keen-osprey", "active" },
        { "errand-readme-badges", "Add CI and licence badges to the README", "errand/readme-badges", "mellow-walrus",
            "pending_review" },
        { "errand-go-1-23", "Move the worker to Go 1.23 and fix vet warnings", "errand/go-1-23", "sunny-gecko",
            "conflict" },
        { "errand-health-db-check", "Health endpoint reports database latency", "errand/health-latency", "amber-lynx",
            "merged" },
        { "errand-drop-yarn", "Remove the stale yarn.lock", "errand/drop-yarn", nullptr, "abandoned" },
    };
    qint64 created = state.daysAgo(9);
    for (const Spec &spec : specs) {
        created += state.rng.range(3600, 86400);
        state.writer.insert(QStringLiteral("errands"),
            { { QStringLiteral("id"), QString::fromLatin1(spec.id) },
                { QStringLiteral("description"), QString::fromUtf8(spec.description) },
                { QStringLiteral("branch"), QString::fromLatin1(spec.branch) },
                { QStringLiteral("baseBranch"), QStringLiteral("main") },
                { QStringLiteral("agentId"),
                    spec.agent ? QVariant(state.agent(QString::fromLatin1(spec.agent)).id) : QVariant() },
                { QStringLiteral("projectId"), state.projectIds.at(0) },
                { QStringLiteral("status"), QString::fromLatin1(spec.status) },
                { QStringLiteral("createdAt"), created },
                { QStringLiteral("updatedAt"), created + state.rng.range(600, 40000) } });
    }
}

} // namespace

void seedAgents(DemoState &state)
{
    seedAccounts(state);
    seedAgentRows(state);
    seedConversations(state);
    seedMessages(state);
    seedErrands(state);
}

} // namespace cwi::demo
