// The work graph of the large benchmark database: accounts, projects, 200 initiatives with 5
// phases each (a dependency chain), 19 tasks per phase in a 3-level decomposition with
// dependencies, 5 initiative-level tasks each, and a page tree per initiative.

#include "largedbbuilder.h"

using namespace Qt::StringLiterals;

namespace cwi::bench {

namespace {

const QStringList kCategories { u"execute"_s, u"research"_s, u"discuss"_s, u"plan"_s, u"detail"_s, u"refine"_s,
    u"verify"_s, u"merge"_s, u"review"_s };
const QStringList kPriorities { u"low"_s, u"medium"_s, u"medium"_s, u"high"_s };
const QStringList kTopics { u"user auth"_s, u"billing"_s, u"search"_s, u"notifications"_s, u"log viewer"_s,
    u"task dispatcher"_s, u"review flow"_s, u"account rotation"_s, u"chat refine"_s, u"errands"_s };

QString initiativeStatus(BenchRandom &rng)
{
    const int r = rng.range(0, 9);
    return r < 6 ? u"active"_s : r == 6 ? u"pending_review"_s : r < 9 ? u"completed"_s : u"archived"_s;
}

} // namespace

void LargeDatabaseBuilder::buildWork()
{
    const qint64 start = kNow - kTimelineSeconds;
    Inserter accounts = inserter(u"accounts"_s,
        { u"id"_s, u"email"_s, u"provider"_s, u"configJson"_s, u"credentials"_s, u"isExhausted"_s, u"exhaustedUntil"_s,
            u"lastUsedAt"_s, u"sortOrder"_s, u"createdAt"_s, u"updatedAt"_s });
    for (int a = 0; a < 12; ++a) {
        const bool exhausted = a % 6 == 5;
        m_accounts.append(m_rng.nanoidString());
        accounts.insert({ m_accounts.last(), QString(u"dev"_s + QString::number(a) + u"@codewalkers.dev"_s),
            u"claude"_s, u"{\"oauthAccount\":{\"emailAddress\":\"dev@codewalkers.dev\"},\"numStartups\":12}"_s,
            u"{\"claudeAiOauth\":{\"accessToken\":\"redacted\"}}"_s, exhausted ? 1 : 0,
            exhausted ? QVariant(kNow + qint64(3600) * a) : QVariant(), kNow - qint64(a) * 60, a, start, kNow });
    }
    Inserter projects = inserter(u"projects"_s,
        { u"id"_s, u"name"_s, u"url"_s, u"defaultBranch"_s, u"lastFetchedAt"_s, u"createdAt"_s, u"updatedAt"_s });
    for (int p = 0; p < 20; ++p) {
        m_projects.append(m_rng.nanoidString());
        const QString name = u"service-"_s + QString::number(p);
        projects.insert({ m_projects.last(), name, QString(u"git@github.com:codewalkers/"_s + name + u".git"_s),
            u"main"_s, kNow - qint64(p) * 600, start, kNow });
    }
    Inserter initiatives
        = inserter(u"initiatives"_s, { u"id"_s, u"name"_s, u"status"_s, u"branch"_s, u"createdAt"_s, u"updatedAt"_s });
    Inserter links = inserter(u"initiative_projects"_s, { u"id"_s, u"initiativeId"_s, u"projectId"_s, u"createdAt"_s });
    Inserter phases = inserter(u"phases"_s,
        { u"id"_s, u"initiativeId"_s, u"name"_s, u"content"_s, u"status"_s, u"mergeBase"_s, u"createdAt"_s,
            u"updatedAt"_s });
    Inserter phaseDeps
        = inserter(u"phase_dependencies"_s, { u"id"_s, u"phaseId"_s, u"dependsOnPhaseId"_s, u"createdAt"_s });
    Inserter tasks = inserter(u"tasks"_s,
        { u"id"_s, u"phaseId"_s, u"initiativeId"_s, u"parentTaskId"_s, u"name"_s, u"description"_s, u"type"_s,
            u"category"_s, u"priority"_s, u"status"_s, u"order"_s, u"summary"_s, u"retryCount"_s, u"createdAt"_s,
            u"updatedAt"_s });
    Inserter taskDeps
        = inserter(u"task_dependencies"_s, { u"id"_s, u"taskId"_s, u"dependsOnTaskId"_s, u"createdAt"_s });
    Inserter pages = inserter(u"pages"_s,
        { u"id"_s, u"initiativeId"_s, u"parentPageId"_s, u"title"_s, u"content"_s, u"sortOrder"_s, u"createdAt"_s,
            u"updatedAt"_s });
    for (int i = 0; i < kInitiatives; ++i) {
        const QString id = m_rng.nanoidString();
        const QString &topic = kTopics.at(i % kTopics.size());
        const QString status = initiativeStatus(m_rng);
        const qint64 created = start + qint64(i) * (kTimelineSeconds / kInitiatives);
        m_initiatives.append(id);
        initiatives.insert({ id, QString(topic + u" #"_s + QString::number(i)), status,
            QString(u"cw/"_s + QString(topic).replace(u' ', u'-') + u'-' + QString::number(i)), created, kNow });
        for (int l = 0; l < 1 + i % 2; ++l)
            links.insert({ m_rng.nanoidString(), id, m_projects.at((i + l * 7) % m_projects.size()), created });
        // Phases 0..progress-1 are done, phase `progress` is under way, the rest wait.
        const int progress = status == u"completed"_s || status == u"archived"_s
            ? kPhasesPerInitiative
            : m_rng.range(0, kPhasesPerInitiative - 1);
        QVector<QString> phaseIds, phaseStatus;
        for (int p = 0; p < kPhasesPerInitiative; ++p) {
            const QString phaseId = m_rng.nanoidString();
            QString st = p < progress ? u"completed"_s : p > progress ? u"pending"_s : u"in_progress"_s;
            if (st == u"pending"_s && m_rng.chance(0.2))
                st = m_rng.chance(0.5) ? u"approved"_s : u"blocked"_s;
            if (st == u"in_progress"_s && m_rng.chance(0.2))
                st = u"pending_review"_s;
            phases.insert({ phaseId, id, QString(u"Phase "_s + QString::number(p + 1) + u": "_s + prose(24)), tiptap(3),
                st, st == u"completed"_s ? QVariant(QString::fromLatin1(m_rng.hex(40))) : QVariant(),
                created + qint64(p) * 3600, kNow });
            if (p > 0)
                phaseDeps.insert({ m_rng.nanoidString(), phaseId, phaseIds.last(), created });
            phaseIds.append(phaseId);
            phaseStatus.append(st);
            m_phases.append(phaseId);
            m_phaseInitiative.append(i);
        }
        buildTasks(i, phaseIds, phaseStatus, tasks, taskDeps);
        const QString root = m_rng.nanoidString();
        pages.insert({ root, id, QVariant(), topic, tiptap(4), 0, created, kNow });
        for (int p = 0; p < 5; ++p)
            pages.insert({ m_rng.nanoidString(), id, root, prose(20), tiptap(2 + p), p + 1, created, kNow });
    }
}

void LargeDatabaseBuilder::buildTasks(int initiative, const QVector<QString> &phases,
    const QVector<QString> &phaseStatus, Inserter &tasks, Inserter &deps)
{
    const qint64 created = kNow - kTimelineSeconds + qint64(initiative) * (kTimelineSeconds / kInitiatives);
    const auto add = [&](int phase, const QString &parent, int order, const QString &phaseSt) {
        QString status = phaseSt == u"completed"_s ? u"completed"_s : u"pending"_s;
        if (phaseSt == u"in_progress"_s || phaseSt == u"pending_review"_s) {
            const int r = m_rng.range(0, 9);
            status = r < 4 ? u"completed"_s : r < 7 ? u"in_progress"_s : r < 9 ? u"pending"_s : u"blocked"_s;
        } else if (phaseSt == u"blocked"_s) {
            status = u"blocked"_s;
        }
        QString id = m_rng.nanoidString();
        const QString category = m_rng.pick(kCategories);
        tasks.insert({ id, phase >= 0 ? QVariant(phases.at(phase)) : QVariant(), m_initiatives.at(initiative),
            parent.isEmpty() ? QVariant() : QVariant(parent), prose(m_rng.range(20, 50)), prose(m_rng.range(150, 400)),
            u"auto"_s, category, m_rng.pick(kPriorities), status, order,
            status == u"completed"_s ? QVariant(prose(m_rng.range(100, 300))) : QVariant(),
            m_rng.chance(0.1) ? m_rng.range(1, 3) : 0, created + qint64(order) * 60, kNow });
        m_tasks.append(id);
        m_taskInitiative.append(initiative);
        m_taskPhase.append(phase >= 0 ? initiative * kPhasesPerInitiative + phase : -1); // index into m_phases
        m_taskCategory.append(category);
        return id;
    };
    const auto depend = [&](const QString &task, const QString &on) {
        deps.insert({ m_rng.nanoidString(), task, on, created });
    };
    for (int p = 0; p < phases.size(); ++p) {
        QString previousTop;
        for (int top = 0; top < 4; ++top) {
            const QString topId = add(p, {}, top, phaseStatus.at(p));
            if (!previousTop.isEmpty())
                depend(topId, previousTop);
            previousTop = topId;
            QString previousChild;
            for (int c = 0; c < 3; ++c) {
                const QString child = add(p, topId, c, phaseStatus.at(p));
                if (!previousChild.isEmpty())
                    depend(child, previousChild);
                previousChild = child;
                if (c == 0 && top < 3)
                    add(p, child, 0, phaseStatus.at(p)); // third level
            }
        }
    }
    for (int t = 0; t < kLooseTasksPerInitiative; ++t)
        add(-1, {}, t, t < 2 ? u"completed"_s : u"in_progress"_s);
}

} // namespace cwi::bench
