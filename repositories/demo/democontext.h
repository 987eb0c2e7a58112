#pragma once

// Private to the demo seeder: the shared state every seeding step reads and extends, the
// deterministic random source and the row writer. Rows are given by logical field names and
// written to the snake_case schema the embedded migrations just created.

#include <QHash>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <utility>

namespace cwi::demo {

using Fields = QVector<std::pair<QString, QVariant>>;

class DemoRandom
{
public:
    explicit DemoRandom(quint32 seed)
        : m_rng(seed)
    { }
    QString id(); // nanoid-like, 21 URL-safe characters
    QString hex(int length);
    int range(int low, int high); // both inclusive
    bool chance(int percent) { return range(1, 100) <= percent; }
    template<typename T> const T &pick(const QVector<T> &values) { return values.at(range(0, int(values.size()) - 1)); }
    QString pick(const QStringList &values) { return values.at(range(0, int(values.size()) - 1)); }

private:
    QRandomGenerator m_rng;
};

class DemoWriter
{
public:
    explicit DemoWriter(const QString &connection)
        : m_connection(connection)
    { }
    // INSERT INTO TABLE; field names are logical (camelCase), columns their snake_case spelling.
    // The first failure is kept; later inserts are skipped.
    bool insert(const QString &table, const Fields &fields);
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    QString m_connection;
    QString m_error;
};

struct InitiativeRef
{
    QString id;
    QString name;
    QString branch;
    QString slug; // "user-auth"
    qint64 createdAt = 0;
};

struct PhaseRef
{
    QString id;
    QString initiativeId;
    QString name;
    QString status;
    qint64 createdAt = 0;
};

struct TaskRef
{
    QString id;
    QString initiativeId; // may be empty (orphan)
    QString phaseId;
    QString name;
    QString status;
    QString category;
    int depth = 0;
};

struct AgentRef
{
    QString id;
    QString name;
    QString status;
    QString mode;
    QString taskId;
    QString initiativeId;
    QString worktree;
    qint64 createdAt = 0;
    int sessions = 1;
    QString outcome; // how the last session ends: success, running, crashed, max_turns, waiting
    QString sessionId; // CLI session id of the last session
};

// Where the review comments anchor: the user-auth phase's diff (merge base .. cw/user-auth).
struct RepoInfo
{
    bool created = false;
    QString mergeBase; // empty without git
    QString billingMergeBase; // merge-base of main and cw/billing-export
    QString path;
};

struct DemoState
{
    explicit DemoState(quint32 seed, const QString &connection)
        : rng(seed)
        , writer(connection)
    { }
    DemoRandom rng;
    DemoWriter writer;
    qint64 baseTime = 0; // 2026-11-20 09:00 UTC, Unix seconds
    RepoInfo repo;
    QVector<InitiativeRef> initiatives;
    QVector<PhaseRef> phases;
    QVector<TaskRef> tasks;
    QVector<AgentRef> agents;
    QStringList accountIds;
    QStringList projectIds;
    QString reviewPhaseId; // the user-auth phase whose diff the review comments sit on

    qint64 daysAgo(double days) const { return baseTime - qint64(days * 86400.0); }
    TaskRef task(const QString &name) const; // empty TaskRef when unknown
    AgentRef agent(const QString &name) const;
};

inline QVariant nullable(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

qint64 demoBaseTime(); // 2026-11-20 09:00 UTC: "now" of the demo story, Unix seconds

// Seeding steps, in foreign-key order.
void seedWork(DemoState &state); // initiatives, phases (+deps), tasks (+deps), projects
void seedAgents(DemoState &state); // accounts, agents, conversations, messages, errands
void seedKnowledge(DemoState &state); // pages, proposals, chat sessions + messages, change sets
void seedReview(DemoState &state); // review comments on the user-auth phase
void seedLogs(DemoState &state); // agent_log_chunks (stream-json cut at arbitrary bytes)

} // namespace cwi::demo
