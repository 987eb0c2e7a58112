// Initiatives, phases, tasks and projects: the work the demo's agents are doing.

#include "democontext.h"
#include "demotiptap.h"

namespace cwi::demo {

namespace {

struct PhaseSpec
{
    const char *name;
    const char *status;
    const char *goal;
    QVector<const char *> dependsOn; // names of earlier phases of the same initiative
};

struct InitiativeSpec
{
    const char *name;
    const char *slug;
    const char *status;
    double ageDays;
    QVector<PhaseSpec> phases;
};

// depth 0 hangs under the phase, depth N under the nearest earlier task of depth N-1.
struct TaskSpec
{
    int depth;
    const char *name;
    const char *category;
    const char *status;
};

const QVector<InitiativeSpec> &initiativeSpecs()
{
    static const QVector<InitiativeSpec> specs {
        { "User authentication", "user-auth", "active", 45,
            { { "Password storage and login", "completed", "Store passwords with scrypt and add a login route.", {} },
                { "Session tokens and rotation", "pending_review",
                    "Replace the shared basic-auth password with per-user sessions that rotate.",
                    { "Password storage and login" } },
                { "Rate-limit sign-in attempts", "in_progress", "Throttle failed logins per IP and per account.",
                    { "Session tokens and rotation" } },
                { "Single sign-on via OIDC", "blocked", "Let workspace admins require Google or Okta sign-in.",
                    { "Rate-limit sign-in attempts" } },
                { "Account recovery emails", "pending", "Password reset links that expire after one hour.",
                    { "Session tokens and rotation" } } } },
        { "Billing export", "billing-export", "pending_review", 25,
            { { "Invoice data model", "completed", "Normalise invoices into invoice_items per month.", {} },
                { "CSV export endpoint", "pending_review", "Stream one month of invoices as CSV for finance.",
                    { "Invoice data model" } },
                { "Scheduled monthly exports", "approved", "Email the CSV to finance on the first of the month.",
                    { "CSV export endpoint" } },
                { "Export audit log", "pending", "Record who exported what and when.", { "CSV export endpoint" } } } },
        { "Search revamp", "search-revamp", "completed", 80,
            { { "Index notes in Postgres full-text search", "completed", "Replace LIKE queries with tsvector.", {} },
                { "Ranking and highlighting", "completed", "ts_rank_cd ordering and ts_headline snippets.",
                    { "Index notes in Postgres full-text search" } },
                { "Keyboard navigation in results", "completed", "Arrow keys, Enter to open, Esc to close.",
                    { "Ranking and highlighting" } } } },
    };
    return specs;
}

QVector<TaskSpec> taskSpecs(const QString &phase)
{
    static const QHash<QString, QVector<TaskSpec>> specs {
        { QStringLiteral("Password storage and login"),
            { { 0, "Plan password storage", "plan", "completed" },
                { 1, "Hash passwords with scrypt", "execute", "completed" },
                { 2, "Add password.ts with hash and verify", "execute", "completed" },
                { 2, "Unit tests for malformed hashes", "verify", "completed" },
                { 1, "Add POST /users/login", "execute", "completed" },
                { 1, "Merge phase branch", "merge", "completed" } } },
        { QStringLiteral("Session tokens and rotation"),
            { { 0, "Detail session rotation", "detail", "completed" },
                { 1, "Rotate tokens older than 15 minutes", "execute", "completed" },
                { 2, "Add rotateIfStale()", "execute", "completed" },
                { 2, "Return the new token in x-session-token", "execute", "completed" },
                { 1, "Rename db/pool.ts to db/connection.ts", "refine", "completed" },
                { 1, "Remove legacy basic-auth helper", "execute", "completed" },
                { 1, "Verify rotation with fake timers", "verify", "completed" },
                { 0, "Review session changes", "review", "in_progress" } } },
        { QStringLiteral("Rate-limit sign-in attempts"),
            { { 0, "Research rate-limit storage options", "research", "completed" },
                { 0, "Detail rate limiting", "detail", "completed" },
                { 1, "Sliding window counter per IP", "execute", "in_progress" },
                { 2, "Redis-backed counter with TTL", "execute", "in_progress" },
                { 2, "In-memory fallback for tests", "execute", "pending" },
                { 1, "Lock account after 10 failures", "execute", "blocked" },
                { 1, "Return Retry-After on 429", "execute", "pending" },
                { 1, "Load test the login route", "verify", "blocked" } } },
        { QStringLiteral("Single sign-on via OIDC"),
            { { 0, "Discuss which identity providers to support", "discuss", "completed" },
                { 0, "Plan OIDC login flow", "plan", "blocked" },
                { 1, "Discovery document and JWKS caching", "execute", "blocked" },
                { 1, "Map OIDC subject to users", "execute", "pending" } } },
        { QStringLiteral("Account recovery emails"),
            { { 0, "Plan password reset", "plan", "pending" },
                { 1, "Signed reset tokens that expire in one hour", "execute", "pending" },
                { 1, "Reset email template", "execute", "pending" } } },
        { QStringLiteral("Invoice data model"),
            { { 0, "Plan invoice tables", "plan", "completed" },
                { 1, "Create invoice_items migration", "execute", "completed" },
                { 1, "Backfill items from legacy invoices", "execute", "completed" },
                { 2, "Verify totals match the ledger", "verify", "completed" },
                { 1, "Merge phase branch", "merge", "completed" } } },
        { QStringLiteral("CSV export endpoint"),
            { { 0, "Detail CSV export", "detail", "completed" },
                { 1, "GET /billing/export/:month", "execute", "completed" },
                { 2, "Escape quotes in customer names", "execute", "completed" },
                { 2, "Stream rows instead of buffering", "refine", "pending" },
                { 1, "Review CSV format with finance", "review", "pending" } } },
        { QStringLiteral("Scheduled monthly exports"),
            { { 0, "Plan the monthly schedule", "plan", "pending" },
                { 1, "Cron job on the worker", "execute", "pending" },
                { 1, "Email delivery with attachment", "execute", "pending" } } },
        { QStringLiteral("Export audit log"),
            { { 0, "Discuss audit retention with legal", "discuss", "pending" },
                { 1, "audit_events table", "execute", "pending" } } },
        { QStringLiteral("Index notes in Postgres full-text search"),
            { { 0, "Research tsvector vs trigram", "research", "completed" },
                { 0, "Add search_vector column and GIN index", "execute", "completed" },
                { 1, "Trigger to keep the vector fresh", "execute", "completed" } } },
        { QStringLiteral("Ranking and highlighting"),
            { { 0, "Rank with ts_rank_cd", "execute", "completed" },
                { 1, "Snippets with ts_headline", "execute", "completed" },
                { 1, "Tune weights for titles", "refine", "completed" } } },
        { QStringLiteral("Keyboard navigation in results"),
            { { 0, "Arrow-key navigation", "execute", "completed" },
                { 1, "Verify with screen reader", "verify", "completed" },
                { 0, "Merge search branch", "merge", "completed" } } },
    };
    return specs.value(phase);
}

QString summaryFor(DemoRandom &rng, const QString &name)
{
    const QStringList templates {
        QStringLiteral("Done: %1. All tests pass (`npm test`: 42 passed)."),
        QStringLiteral("%1 — implemented and covered by unit tests. No migrations needed."),
        QStringLiteral("Completed %1. Touched 3 files; left a TODO for the follow-up on error messages."),
        QStringLiteral("%1: finished. Reviewer notes addressed; CI green on the phase branch."),
    };
    return rng.pick(templates).arg(name);
}

QString priorityFor(DemoRandom &rng)
{
    const int roll = rng.range(1, 10);
    return roll <= 2 ? QStringLiteral("high") : roll <= 7 ? QStringLiteral("medium") : QStringLiteral("low");
}

QString insertTask(DemoState &state, const QString &initiativeId, const QString &phaseId, const QString &parentId,
    const TaskSpec &spec, int order, qint64 created)
{
    QString id = state.rng.id();
    const QString name = QString::fromUtf8(spec.name);
    const QString status = QString::fromLatin1(spec.status);
    const bool completed = status == u"completed";
    // The crashed agents' tasks were retried automatically; a few others were too.
    int retries
        = (status == u"blocked" || status == u"in_progress") && state.rng.chance(35) ? state.rng.range(1, 2) : 0;
    if (name == u"Lock account after 10 failures")
        retries = 2;
    else if (name == u"Discovery document and JWKS caching")
        retries = 1;
    const QString description = QStringLiteral("%1.\n\nAcceptance criteria:\n- behaviour covered by tests\n- no "
                                               "change to the public API unless noted in the phase")
                                    .arg(name);
    state.writer.insert(QStringLiteral("tasks"),
        { { QStringLiteral("id"), id }, { QStringLiteral("phaseId"), nullable(phaseId) },
            { QStringLiteral("initiativeId"), nullable(initiativeId) },
            { QStringLiteral("parentTaskId"), nullable(parentId) }, { QStringLiteral("name"), name },
            { QStringLiteral("description"), state.rng.chance(85) ? QVariant(description) : QVariant() },
            { QStringLiteral("type"), QStringLiteral("auto") },
            { QStringLiteral("category"), QString::fromLatin1(spec.category) },
            { QStringLiteral("priority"), priorityFor(state.rng) }, { QStringLiteral("status"), status },
            { QStringLiteral("order"), order },
            { QStringLiteral("summary"), completed ? QVariant(summaryFor(state.rng, name)) : QVariant() },
            { QStringLiteral("retryCount"), retries }, { QStringLiteral("createdAt"), created },
            { QStringLiteral("updatedAt"), created + state.rng.range(600, 86400 * 3) } });
    state.tasks.append({ id, initiativeId, phaseId, name, status, QString::fromLatin1(spec.category), spec.depth });
    return id;
}

void dependency(DemoState &state, const QString &table, const QString &field, const QString &dependsField,
    const QString &id, const QString &dependsOn, qint64 created)
{
    state.writer.insert(table,
        { { QStringLiteral("id"), state.rng.id() }, { field, id }, { dependsField, dependsOn },
            { QStringLiteral("createdAt"), created } });
}

QString phaseContent(const PhaseSpec &phase)
{
    using namespace tiptap;
    return toText(doc(QJsonArray { heading(2, QStringLiteral("Goal")), paragraph(QString::fromUtf8(phase.goal)),
        heading(3, QStringLiteral("Scope")),
        bulletList(QStringList { QStringLiteral("Server changes behind the existing routes"),
            QStringLiteral("Unit tests for every new module"),
            QStringLiteral("No schema change without a migration") }),
        paragraph(QJsonArray { text(QStringLiteral("Out of scope: ")),
            text(QStringLiteral("UI work"), { { QStringLiteral("italic"), {} } }),
            text(QStringLiteral(" (tracked separately).")) }) }));
}

void seedTasksOfPhase(DemoState &state, const PhaseRef &phase)
{
    QVector<QString> parents(3);
    QVector<std::pair<QString, QString>> siblings; // (id, status) of depth-1 tasks in order
    int order = 0;
    qint64 created = phase.createdAt + 3600;
    for (const TaskSpec &spec : taskSpecs(phase.name)) {
        created += state.rng.range(300, 7200);
        const QString parent = spec.depth > 0 ? parents.at(spec.depth - 1) : QString();
        const QString id = insertTask(state, phase.initiativeId, phase.id, parent, spec, order++, created);
        parents[spec.depth] = id;
        if (spec.depth == 1) {
            // Later siblings wait on earlier ones; a blocked task waits on an unfinished one.
            if (!siblings.isEmpty() && (qstrcmp(spec.status, "blocked") == 0 || state.rng.chance(40)))
                dependency(state, QStringLiteral("task_dependencies"), QStringLiteral("taskId"),
                    QStringLiteral("dependsOnTaskId"), id, siblings.constFirst().first, created);
            siblings.append({ id, QString::fromLatin1(spec.status) });
        }
    }
}

} // namespace

void seedWork(DemoState &state)
{
    for (const InitiativeSpec &spec : initiativeSpecs()) {
        InitiativeRef initiative { state.rng.id(), QString::fromUtf8(spec.name),
            QStringLiteral("cw/") + QString::fromLatin1(spec.slug), QString::fromLatin1(spec.slug),
            state.daysAgo(spec.ageDays) };
        state.writer.insert(QStringLiteral("initiatives"),
            { { QStringLiteral("id"), initiative.id }, { QStringLiteral("name"), initiative.name },
                { QStringLiteral("status"), QString::fromLatin1(spec.status) },
                { QStringLiteral("branch"), initiative.branch }, { QStringLiteral("createdAt"), initiative.createdAt },
                { QStringLiteral("updatedAt"), state.daysAgo(state.rng.range(1, 5)) } });
        state.initiatives.append(initiative);

        QHash<QString, QString> phaseIds;
        qint64 created = initiative.createdAt + 1800;
        for (const PhaseSpec &spec : std::as_const(spec.phases)) {
            const QString status = QString::fromLatin1(spec.status);
            PhaseRef phase { state.rng.id(), initiative.id, QString::fromUtf8(spec.name), status, created };
            QString mergeBase;
            if (initiative.slug == u"user-auth" && (status == u"completed" || status == u"pending_review"))
                mergeBase = state.repo.mergeBase;
            else if (initiative.slug == u"billing-export" && (status == u"completed" || status == u"pending_review"))
                mergeBase = state.repo.billingMergeBase;
            if (initiative.slug == u"user-auth" && status == u"pending_review")
                state.reviewPhaseId = phase.id;
            state.writer.insert(QStringLiteral("phases"),
                { { QStringLiteral("id"), phase.id }, { QStringLiteral("initiativeId"), initiative.id },
                    { QStringLiteral("name"), phase.name }, { QStringLiteral("content"), phaseContent(spec) },
                    { QStringLiteral("status"), status }, { QStringLiteral("mergeBase"), nullable(mergeBase) },
                    { QStringLiteral("createdAt"), created },
                    { QStringLiteral("updatedAt"), created + state.rng.range(3600, 86400 * 4) } });
            for (const char *dependsOn : spec.dependsOn)
                dependency(state, QStringLiteral("phase_dependencies"), QStringLiteral("phaseId"),
                    QStringLiteral("dependsOnPhaseId"), phase.id, phaseIds.value(QString::fromUtf8(dependsOn)),
                    created);
            phaseIds.insert(phase.name, phase.id);
            state.phases.append(phase);
            created += state.rng.range(3600, 86400);
        }
    }
    for (const PhaseRef &phase : std::as_const(state.phases))
        seedTasksOfPhase(state, phase);

    // Initiative-level tasks without a phase, and one orphan task with neither.
    const qint64 late = state.daysAgo(3);
    insertTask(state, state.initiatives.at(0).id, {}, {},
        { 0, "Write the rollout guide for the new sign-in", "discuss", "pending" }, 0, late);
    insertTask(state, state.initiatives.at(1).id, {}, {},
        { 0, "Decide between CSV and XLSX with finance", "research", "completed" }, 0, late + 600);
    insertTask(
        state, {}, {}, {}, { 0, "Investigate flaky worker tests on CI", "verify", "in_progress" }, 0, late + 1200);
    // Blocked tasks across phases: lockout waits on the rotation review, OIDC on rate limiting.
    dependency(state, QStringLiteral("task_dependencies"), QStringLiteral("taskId"), QStringLiteral("dependsOnTaskId"),
        state.task(QStringLiteral("Lock account after 10 failures")).id,
        state.task(QStringLiteral("Review session changes")).id, late);
    dependency(state, QStringLiteral("task_dependencies"), QStringLiteral("taskId"), QStringLiteral("dependsOnTaskId"),
        state.task(QStringLiteral("Discovery document and JWKS caching")).id,
        state.task(QStringLiteral("Sliding window counter per IP")).id, late);

    // Projects: the demo repository is the main one.
    const QVector<std::pair<QString, QString>> projects {
        { QStringLiteral("orbit-notes"), state.repo.path },
        { QStringLiteral("orbit-billing-service"), QStringLiteral("git@github.com:orbit/billing-service.git") },
        { QStringLiteral("orbit-search-indexer"), QStringLiteral("https://github.com/orbit/search-indexer.git") },
    };
    for (const auto &[name, url] : projects) {
        const QString id = state.rng.id();
        state.writer.insert(QStringLiteral("projects"),
            { { QStringLiteral("id"), id }, { QStringLiteral("name"), name }, { QStringLiteral("url"), url },
                { QStringLiteral("defaultBranch"), QStringLiteral("main") },
                { QStringLiteral("lastFetchedAt"), state.daysAgo(0.2) },
                { QStringLiteral("createdAt"), state.daysAgo(90) },
                { QStringLiteral("updatedAt"), state.daysAgo(0.2) } });
        state.projectIds.append(id);
    }
    const QVector<std::pair<int, int>> links { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 2, 2 } };
    for (const auto &[initiative, project] : links)
        state.writer.insert(QStringLiteral("initiative_projects"),
            { { QStringLiteral("id"), state.rng.id() },
                { QStringLiteral("initiativeId"), state.initiatives.at(initiative).id },
                { QStringLiteral("projectId"), state.projectIds.at(project) },
                { QStringLiteral("createdAt"), state.initiatives.at(initiative).createdAt } });
}

} // namespace cwi::demo
