// The smaller tables of the large benchmark database: a few thousand rows each, pointing at the
// agents, initiatives, phases and tasks built before.

#include "largedbbuilder.h"

using namespace Qt::StringLiterals;

namespace cwi::bench {

void LargeDatabaseBuilder::buildOther()
{
    const auto agent = [&]() -> const AgentPlan & { return m_agents.at(m_rng.range(0, kAgents - 1)); };
    const auto when = [&]() { return kNow - m_rng.range64(0, kTimelineSeconds); };

    Inserter proposals = inserter(u"proposals"_s,
        { u"id"_s, u"agentId"_s, u"initiativeId"_s, u"targetType"_s, u"targetId"_s, u"title"_s, u"summary"_s,
            u"content"_s, u"metadata"_s, u"status"_s, u"sortOrder"_s, u"createdAt"_s, u"updatedAt"_s });
    const QStringList targets { u"page"_s, u"phase"_s, u"task"_s };
    const QStringList proposalStatus { u"pending"_s, u"accepted"_s, u"accepted"_s, u"dismissed"_s };
    for (int p = 0; p < 2'000; ++p) {
        const AgentPlan &a = agent();
        const QString target = m_rng.pick(targets);
        const qint64 t = when();
        proposals.insert({ m_rng.nanoidString(), a.id, m_initiatives.at(m_taskInitiative.at(a.task)), target,
            target == u"task"_s ? QVariant(m_tasks.at(a.task)) : QVariant(), prose(40), prose(160),
            QString(u"## Proposal\n\n"_s + prose(600)), u"{\"source\":\"refine\",\"confidence\":0.8}"_s,
            m_rng.pick(proposalStatus), p % 10, t, t });
    }

    Inserter conversations = inserter(u"conversations"_s,
        { u"id"_s, u"fromAgentId"_s, u"toAgentId"_s, u"initiativeId"_s, u"phaseId"_s, u"taskId"_s, u"question"_s,
            u"answer"_s, u"status"_s, u"createdAt"_s, u"updatedAt"_s });
    for (int c = 0; c < 1'500; ++c) {
        const AgentPlan &from = agent();
        const bool answered = m_rng.chance(0.8);
        const int task = from.task;
        const qint64 t = when();
        conversations.insert({ m_rng.nanoidString(), from.id, agent().id, m_initiatives.at(m_taskInitiative.at(task)),
            m_taskPhase.at(task) >= 0 ? QVariant(m_phases.at(m_taskPhase.at(task))) : QVariant(), m_tasks.at(task),
            QString(prose(120) + u'?'), answered ? QVariant(prose(200)) : QVariant(),
            answered ? u"answered"_s : u"pending"_s, t, t });
    }

    Inserter messages = inserter(u"messages"_s,
        { u"id"_s, u"senderType"_s, u"senderId"_s, u"recipientType"_s, u"recipientId"_s, u"type"_s, u"content"_s,
            u"requiresResponse"_s, u"status"_s, u"parentMessageId"_s, u"createdAt"_s, u"updatedAt"_s });
    QString thread;
    for (int m = 0; m < 3'000; ++m) {
        const bool reply = m % 3 != 0;
        const QString id = m_rng.nanoidString();
        const qint64 t = when();
        messages.insert({ id, reply ? u"user"_s : u"agent"_s, reply ? QVariant() : QVariant(agent().id),
            reply ? u"agent"_s : u"user"_s, reply ? QVariant(agent().id) : QVariant(),
            reply ? u"info"_s : u"question"_s, prose(m_rng.range(60, 400)), reply ? 0 : 1,
            m_rng.chance(0.7) ? u"read"_s : u"pending"_s, reply ? QVariant(thread) : QVariant(), t, t });
        if (!reply)
            thread = id;
    }

    Inserter changeSets = inserter(u"change_sets"_s,
        { u"id"_s, u"agentId"_s, u"initiativeId"_s, u"mode"_s, u"summary"_s, u"status"_s, u"createdAt"_s });
    QVector<QString> changeSetIds;
    for (int c = 0; c < 300; ++c) {
        changeSetIds.append(m_rng.nanoidString());
        changeSets.insert({ changeSetIds.last(), agent().id, m_rng.pick(m_initiatives), u"refine"_s, prose(120),
            m_rng.chance(0.9) ? u"applied"_s : u"reverted"_s, when() });
    }
    Inserter chatSessions = inserter(u"chat_sessions"_s,
        { u"id"_s, u"targetType"_s, u"targetId"_s, u"initiativeId"_s, u"agentId"_s, u"status"_s, u"createdAt"_s,
            u"updatedAt"_s });
    Inserter chatMessages = inserter(
        u"chat_messages"_s, { u"id"_s, u"chatSessionId"_s, u"role"_s, u"content"_s, u"changeSetId"_s, u"createdAt"_s });
    for (int s = 0; s < 400; ++s) {
        const QString id = m_rng.nanoidString();
        const int task = m_rng.range(0, int(m_tasks.size()) - 1);
        const bool onPhase = m_rng.chance(0.5) && m_taskPhase.at(task) >= 0;
        const qint64 t = when();
        chatSessions.insert({ id, onPhase ? u"phase"_s : u"task"_s,
            onPhase ? m_phases.at(m_taskPhase.at(task)) : m_tasks.at(task), m_initiatives.at(m_taskInitiative.at(task)),
            agent().id, m_rng.chance(0.3) ? u"active"_s : u"closed"_s, t, t });
        for (int m = 0; m < 8; ++m) {
            const bool assistant = m % 2 == 1;
            chatMessages.insert({ m_rng.nanoidString(), id, assistant ? u"assistant"_s : u"user"_s,
                prose(m_rng.range(40, 500)),
                assistant && m_rng.chance(0.3) ? QVariant(m_rng.pick(changeSetIds)) : QVariant(), t + qint64(m) * 30 });
        }
    }

    Inserter errands = inserter(u"errands"_s,
        { u"id"_s, u"description"_s, u"branch"_s, u"baseBranch"_s, u"agentId"_s, u"projectId"_s, u"status"_s,
            u"createdAt"_s, u"updatedAt"_s });
    const QStringList errandStatus { u"active"_s, u"pending_review"_s, u"conflict"_s, u"merged"_s, u"abandoned"_s };
    for (int e = 0; e < 200; ++e) {
        const qint64 t = when();
        errands.insert(
            { QString(u"errand-"_s + QString::number(e)), prose(80), QString(u"cw/errand-"_s + QString::number(e)),
                u"main"_s, m_rng.chance(0.8) ? QVariant(agent().id) : QVariant(), m_rng.pick(m_projects),
                errandStatus.at(e % errandStatus.size()), t, t });
    }

    Inserter comments = inserter(u"review_comments"_s,
        { u"id"_s, u"phaseId"_s, u"filePath"_s, u"lineNumber"_s, u"lineType"_s, u"body"_s, u"author"_s, u"resolved"_s,
            u"createdAt"_s, u"updatedAt"_s });
    const QStringList lineTypes { u"added"_s, u"added"_s, u"removed"_s, u"context"_s };
    for (int c = 0; c < 5'000; ++c) {
        const qint64 t = when();
        comments.insert({ m_rng.nanoidString(), m_rng.pick(m_phases),
            QString(u"src/db/"_s + m_rng.pick(QStringList { u"tasks.ts"_s, u"schema.ts"_s, u"phases.ts"_s })),
            m_rng.range(1, 600), m_rng.pick(lineTypes), prose(m_rng.range(30, 300)), u"you"_s,
            m_rng.chance(0.6) ? 1 : 0, t, t });
    }
}

} // namespace cwi::bench
