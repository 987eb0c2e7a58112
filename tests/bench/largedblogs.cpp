// Agents and their logs for the large benchmark database. Every agent gets a few sessions whose
// chunks are written in global time order, so the chunks of concurrent agents interleave in the
// table as they do when the server appends them; one agent has a ~100 MB session.

#include "largedbbuilder.h"
#include "streamjsonstream.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <memory>
#include <queue>

using namespace Qt::StringLiterals;

namespace cwi::bench {

namespace {

constexpr int kBigAgent = 7; // index of the agent with the huge session
constexpr int kMinChunks = 5;

QString modeOf(const QString &category)
{
    static const QStringList modes { u"discuss"_s, u"plan"_s, u"detail"_s, u"refine"_s };
    return modes.contains(category) ? category : u"execute"_s;
}

} // namespace

void LargeDatabaseBuilder::planAgents(LargeDatabase *info)
{
    const QStringList adjectives
        = u"brave calm clever eager fancy gentle happy jolly kind lively lucky merry nimble "
          u"proud quick quiet rapid shy silly smart steady sunny swift tidy witty bold bright "
          u"cosy daring fierce glad grand keen loyal mighty noble polite rosy sleek"_s.split(u' ');
    const QStringList animals = u"otter badger falcon heron lynx marten newt ocelot panda quokka raven salmon tapir "
                                u"urchin viper walrus yak zebra alpaca beaver camel dingo eagle ferret gecko hare ibis "
                                u"jackal koala lemur mole narwhal owl puffin quail robin seal toad vole wombat bison "
                                u"crane dove egret finch gibbon hyena impala jaguar kiwi llama moose"_s.split(u' ');
    QStringList names;
    for (const QString &adjective : adjectives) {
        for (const QString &animal : animals)
            names.append(adjective + u'-' + animal);
    }
    for (qsizetype i = names.size() - 1; i > 0; --i) // Fisher-Yates with the seeded generator
        names.swapItemsAt(i, m_rng.range(0, int(i)));
    const int total = kAgents + kDeletedAgents;
    Q_ASSERT(names.size() >= total);

    m_agents.resize(total);
    qint64 budget = kLogChunks;
    for (int a = 0; a < total; ++a) {
        m_agents[a].id = m_rng.nanoidString();
        m_agents[a].name = names.at(a);
        m_agents[a].task = m_rng.range(0, int(m_tasks.size()) - 1);
        m_agents[a].deleted = a >= kAgents;
    }
    // The big agent: a short session, the ~100 MB one, a short one.
    for (int chunks : { 300, kBigSessionChunks, 200 })
        m_agents[kBigAgent].sessions.append({ chunks, 0, 1, false, m_rng.uuid() });
    budget -= m_agents[kBigAgent].chunks();
    for (int a = kAgents; a < total; ++a) {
        m_agents[a].sessions.append({ 150, 0, 3, false, m_rng.uuid() });
        budget -= 150;
    }
    // The rest is shared unevenly (a few agents talk a lot) by the regular agents.
    QVector<double> weights(kAgents, 0.0);
    double sum = 0;
    for (int a = 0; a < kAgents; ++a) {
        if (a != kBigAgent)
            sum += weights[a] = 0.15 + std::pow(m_rng.real(), 3) * 4;
    }
    QVector<int> chunks(kAgents, 0);
    qint64 assigned = 0;
    for (int a = 0; a < kAgents; ++a) {
        if (a != kBigAgent)
            assigned += chunks[a] = std::max(kMinChunks, int(double(budget) * weights[a] / sum));
    }
    for (qint64 diff = budget - assigned; diff != 0;) {
        const int a = m_rng.range(0, kAgents - 1);
        if (a == kBigAgent || (diff < 0 && chunks[a] <= kMinChunks))
            continue;
        chunks[a] += diff > 0 ? 1 : -1;
        diff += diff > 0 ? -1 : 1;
    }
    for (int a = 0; a < kAgents; ++a) {
        if (a == kBigAgent)
            continue;
        const int sessions = std::min(chunks[a], m_rng.chance(0.5) ? 1 : m_rng.range(2, 4));
        int left = chunks[a];
        for (int s = 0; s < sessions; ++s) {
            const int n = s == sessions - 1 ? left : std::max(1, left / (sessions - s) + m_rng.range(-2, 2));
            left -= n;
            // Several agents run at once (about ten on average), so their chunks interleave.
            m_agents[a].sessions.append({ n, 0, m_rng.range(5, 40), m_rng.chance(0.08), m_rng.uuid() });
        }
    }
    // Sessions follow each other with a pause; agents start anywhere on the timeline.
    for (int a = 0; a < total; ++a) {
        qint64 cursor = a == kBigAgent
            ? kNow - qint64(3) * 24 * 3600
            : kNow - kTimelineSeconds + m_rng.range64(0, kTimelineSeconds - qint64(6) * 3600);
        for (Session &session : m_agents[a].sessions) {
            session.start = cursor;
            cursor += qint64(session.chunks) * session.interval + m_rng.range(300, 3 * 3600);
        }
    }

    QVector<int> order;
    for (int a = 0; a < kAgents; ++a) {
        if (a != kBigAgent)
            order.append(a);
    }
    std::sort(order.begin(), order.end(), [&](int x, int y) { return chunks[x] < chunks[y]; });
    const AgentPlan &typical = m_agents.at(order.at(order.size() / 2));
    info->typicalAgentId = typical.id;
    info->typicalAgentChunks = typical.chunks();
    info->bigSessionAgentId = m_agents.at(kBigAgent).id;
    info->bigSessionNumber = 2;
    info->bigSessionChunks = kBigSessionChunks;
}

void LargeDatabaseBuilder::insertAgents()
{
    Inserter agents = inserter(u"agents"_s,
        { u"id"_s, u"name"_s, u"taskId"_s, u"initiativeId"_s, u"sessionId"_s, u"worktreeId"_s, u"provider"_s,
            u"accountId"_s, u"status"_s, u"mode"_s, u"pid"_s, u"exitCode"_s, u"prompt"_s, u"outputFilePath"_s,
            u"result"_s, u"pendingQuestions"_s, u"userDismissedAt"_s, u"createdAt"_s, u"updatedAt"_s });
    for (int a = 0; a < kAgents; ++a) {
        const AgentPlan &agent = m_agents.at(a);
        const Session &last = agent.sessions.constLast();
        QString status = u"stopped"_s;
        const int r = m_rng.range(0, 99);
        if (last.crashed)
            status = u"crashed"_s;
        else if (agent.end() > kNow - qint64(2) * 3600 || r >= 95) // the timeline rarely reaches "now"
            status = u"running"_s;
        else if (r < 15)
            status = u"idle"_s;
        else if (r < 25)
            status = u"waiting_for_input"_s;
        const bool running = status == u"running"_s;
        agents.insert({ agent.id, agent.name, m_tasks.at(agent.task), m_initiatives.at(m_taskInitiative.at(agent.task)),
            QString::fromLatin1(last.sessionId), QString(u"/home/cw/worktrees/"_s + agent.name), u"claude"_s,
            m_accounts.at(a % m_accounts.size()), status, modeOf(m_taskCategory.at(agent.task)),
            running ? QVariant(10000 + a) : QVariant(),
            status == u"stopped"_s       ? QVariant(0)
                : status == u"crashed"_s ? QVariant(1)
                                         : QVariant(),
            prose(m_rng.range(800, 2400)), QString(u"/home/cw/.cw/output/"_s + agent.id + u".jsonl"_s),
            status == u"stopped"_s ? QVariant(u"{\"success\":true,\"message\":\"Task completed\"}"_s) : QVariant(),
            status == u"waiting_for_input"_s
                ? QVariant(u"{\"questions\":[{\"id\":\"q1\",\"question\":\"Which branch should I rebase on?\"}]}"_s)
                : QVariant(),
            status == u"crashed"_s && m_rng.chance(0.3) ? QVariant(kNow - 600) : QVariant(),
            agent.sessions.constFirst().start, std::min(agent.end(), kNow) });
    }
}

void LargeDatabaseBuilder::buildLogs(LargeDatabase *info)
{
    struct Cursor
    {
        int session = 0;
        int chunk = 0;
        std::unique_ptr<StreamJsonStream> stream;
    };
    using Event = std::pair<qint64, int>; // time, agent
    std::priority_queue<Event, std::vector<Event>, std::greater<Event>> queue;
    std::vector<Cursor> cursors(m_agents.size());
    for (int a = 0; a < m_agents.size(); ++a)
        queue.push({ m_agents.at(a).sessions.constFirst().start, a });
    Inserter chunks = inserter(u"agent_log_chunks"_s,
        { u"id"_s, u"agentId"_s, u"agentName"_s, u"sessionNumber"_s, u"content"_s, u"createdAt"_s });
    QElapsedTimer timer;
    timer.start();
    qint64 written = 0;
    begin();
    while (!queue.empty()) {
        const auto [time, a] = queue.top();
        queue.pop();
        const AgentPlan &agent = m_agents.at(a);
        Cursor &cursor = cursors[a];
        const Session &session = agent.sessions.at(cursor.session);
        if (cursor.chunk == 0) {
            cursor.stream = std::make_unique<StreamJsonStream>(
                m_rng, session.sessionId, QByteArray("/home/cw/worktrees/" + agent.name.toLatin1()));
        }
        const bool last = cursor.chunk == session.chunks - 1;
        const bool big = a == kBigAgent && cursor.session == 1;
        const int size = big ? m_rng.range(kBigChunkBytes - 8'000, kBigChunkBytes + 8'000) : m_rng.range(600, 1400);
        QByteArray content = last ? cursor.stream->finish(session.crashed) : cursor.stream->nextChunk(size);
        if (content.isEmpty())
            content = "{";
        chunks.insert(
            { m_rng.nanoidString(), agent.id, agent.name, cursor.session + 1, QString::fromUtf8(content), time });
        info->logBytes += content.size();
        if (big) {
            info->bigSessionBytes += content.size();
            if (last)
                info->bigSessionLines = cursor.stream->linesWritten();
        }
        if (++written % 50'000 == 0) {
            commit();
            begin();
            const double seconds = timer.elapsed() / 1000.0;
            qInfo("  log chunks: %lld / %lld (%.0f s, about %.0f s to go)", written, kLogChunks, seconds,
                seconds * double(kLogChunks - written) / double(written));
        }
        if (last) {
            cursor.stream.reset();
            cursor.chunk = 0;
            if (++cursor.session < agent.sessions.size())
                queue.push({ agent.sessions.at(cursor.session).start, a });
        } else {
            ++cursor.chunk;
            queue.push({ session.start + qint64(cursor.chunk) * session.interval, a });
        }
    }
    commit();
    info->logChunks = written;
}

} // namespace cwi::bench
