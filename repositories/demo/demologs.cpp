// agent_log_chunks: each agent's sessions as Claude Code stream-json, cut into chunks at arbitrary
// byte positions (a JSON line often spans several chunks), interleaved across agents by time the
// way the server's pipe reader stores them. Also a deleted agent's chunks, one line that is not
// JSON, and a running session whose last line is still incomplete.

#include "democontext.h"
#include "demologscenes.h"
#include "demorepo.h"
#include "demostreamjson.h"

#include <algorithm>

namespace cwi::demo {

namespace {

using S = StreamJsonSession;

struct SessionPlan
{
    const AgentRef *agent;
    QString taskName;
    int topic; // TopicId of the main topic
    int number; // sessionNumber
    bool last;
};

struct SessionBytes
{
    QByteArray bytes;
    bool running = false;
};

SessionBytes writeSession(DemoRandom &rng, const SessionPlan &plan, const RepoFiles &files, bool withBadLine)
{
    const QVector<Topic> all = logTopics();
    const Topic &main = all.at(plan.topic);
    const QString cwd = plan.agent->worktree;
    const QString task
        = plan.taskName.isEmpty() ? QStringLiteral("the open questions of the initiative") : plan.taskName;
    const QString sessionId = plan.last
        ? plan.agent->sessionId
        : rng.hex(8) + u'-' + rng.hex(4) + u'-' + rng.hex(4) + u'-' + rng.hex(4) + u'-' + rng.hex(12);
    S s(rng, sessionId, cwd);
    s.init();
    if (plan.number > 1)
        s.assistant({ S::text(QStringLiteral("Resuming where session %1 stopped. Re-reading the files I touched.")
                                  .arg(plan.number - 1)) });
    writeTodos(s, rng, task, main.path);
    // Long first sessions wander through a few related files, as real ones do.
    int rounds = plan.number == 1 ? rng.range(1, 3) : (plan.number == 3 ? 4 : 1);
    if (plan.agent->name == u"swift-falcon" && plan.number == 1)
        rounds = 8; // one long session with a compaction in the middle, for scrolling and search

    for (int round = 0; round < rounds; ++round) {
        const Topic &topic = all.at((plan.topic + round) % TopicCount);
        writeRound(s, rng, topic, files.value(topic.path), task, cwd, round == 0);
        if (round == 1 && withBadLine)
            s.raw("npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.");
        if (round == 2)
            s.compactBoundary();
    }
    if (withBadLine && rounds < 2)
        s.raw("npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.");

    // A crashed agent was resumed automatically after each crash: every session of it failed.
    const QString outcome
        = plan.last || plan.agent->outcome == u"crashed" ? plan.agent->outcome : QStringLiteral("success");
    SessionBytes out;
    if (outcome == u"running") {
        // Still producing output: the last line is cut off mid-way.
        s.assistant({ S::text(QStringLiteral("Next I will wire this into the login route and add a 429 test. Let me "
                                             "check how the route reads the client address first.")) });
        const QByteArray partial = s.lastLine();
        s.dropLastLine();
        out.bytes = s.bytes() + partial.left(partial.size() * 3 / 5);
        out.running = true;
        return out;
    }
    if (outcome == u"crashed") {
        // Killed while a tool ran: no result line. An earlier crash of the same agent did report.
        if (plan.number == 1 && !plan.last)
            s.result(QStringLiteral("error_during_execution"), true, {});
        else
            s.assistant({ S::toolUse(
                QStringLiteral("Bash"), { { QStringLiteral("command"), QStringLiteral("npm test") } }, rng) });
    } else if (outcome == u"max_turns") {
        s.result(QStringLiteral("error_max_turns"), false, {});
    } else if (outcome == u"waiting") {
        s.assistant({ S::text(QStringLiteral("I need a decision before I continue; I've asked the question in the "
                                             "Codewalkers inbox.")) });
        s.result(QStringLiteral("success"), false, QStringLiteral("Waiting for the user's answer."));
    } else {
        const QString report = finalReport(task, main);
        s.assistant({ S::text(report) });
        s.result(QStringLiteral("success"), false, report);
    }
    out.bytes = s.bytes();
    return out;
}

struct Chunk
{
    QString agentId;
    QString agentName;
    int session;
    QByteArray content;
    qint64 createdAt;
};

// Cuts BYTES at arbitrary positions (never inside a UTF-8 sequence, so every chunk is valid text).
void cut(DemoRandom &rng, const QByteArray &bytes, qint64 start, const QString &agentId, const QString &agentName,
    int session, QVector<Chunk> &out)
{
    qint64 time = start;
    qsizetype at = 0;
    while (at < bytes.size()) {
        qsizetype end = std::min(bytes.size(), at + rng.range(90, 1900));
        while (end < bytes.size() && (uchar(bytes.at(end)) & 0xC0) == 0x80)
            ++end;
        out.append({ agentId, agentName, session, bytes.mid(at, end - at), time });
        time += rng.chance(15) ? 0 : rng.range(1, 14);
        at = end;
    }
}

} // namespace

void seedLogs(DemoState &state)
{
    DemoRandom &rng = state.rng;
    const RepoSnapshot repo = replayDemoRepo(demoRepoScript(state.baseTime));
    QVector<Chunk> chunks;
    for (const AgentRef &agent : std::as_const(state.agents)) {
        QString taskName;
        for (const TaskRef &task : std::as_const(state.tasks)) {
            if (task.id == agent.taskId)
                taskName = task.name;
        }
        int initiative = -1;
        for (int i = 0; i < state.initiatives.size(); ++i) {
            if (state.initiatives.at(i).id == agent.initiativeId)
                initiative = i;
        }
        qint64 start = agent.createdAt + 120;
        for (int number = 1; number <= agent.sessions; ++number) {
            const SessionPlan plan { &agent, taskName, topicFor(taskName, initiative), number,
                number == agent.sessions };
            const bool badLine = agent.name == u"bold-badger" && number == 2;
            const SessionBytes session = writeSession(rng, plan, repo.base, badLine);
            QVector<Chunk> sessionChunks;
            cut(rng, session.bytes, start, agent.id, agent.name, number, sessionChunks);
            if (session.running) {
                // A running session is writing right now: its last chunk is minutes before the demo's "now".
                const qint64 shift = state.baseTime - rng.range(20, 600) - sessionChunks.constLast().createdAt;
                for (Chunk &chunk : sessionChunks)
                    chunk.createdAt += shift;
            }
            chunks += sessionChunks;
            start = chunks.constLast().createdAt + rng.range(1800, 6 * 3600);
        }
    }
    // An agent that was deleted afterwards: its chunks stay (no foreign key), only the snapshot name is left.
    AgentRef deleted;
    deleted.id = rng.id();
    deleted.name = QStringLiteral("dusty-beaver");
    deleted.worktree = QStringLiteral("/srv/codewalkers/worktrees/orbit-notes/dusty-beaver");
    deleted.sessionId = rng.hex(8) + QStringLiteral("-5d1e-4c0a-9f3b-") + rng.hex(12);
    deleted.outcome = QStringLiteral("success");
    const SessionPlan plan { &deleted, QStringLiteral("Trigger to keep the vector fresh"), NotesTopic, 1, true };
    cut(rng, writeSession(rng, plan, repo.base, false).bytes, state.daysAgo(70), deleted.id, deleted.name, 1, chunks);

    // The server stores chunks as pipes are read: agents interleave by time.
    std::stable_sort(
        chunks.begin(), chunks.end(), [](const Chunk &a, const Chunk &b) { return a.createdAt < b.createdAt; });
    for (const Chunk &chunk : std::as_const(chunks)) {
        state.writer.insert(QStringLiteral("agent_log_chunks"),
            { { QStringLiteral("id"), rng.id() }, { QStringLiteral("agentId"), chunk.agentId },
                { QStringLiteral("agentName"), chunk.agentName }, { QStringLiteral("sessionNumber"), chunk.session },
                { QStringLiteral("content"), QString::fromUtf8(chunk.content) },
                { QStringLiteral("createdAt"), chunk.createdAt } });
    }
}

} // namespace cwi::demo
