#pragma once

// Private to benchdata.cpp: writes the large benchmark database. Tables come from the embedded
// migrations; every INSERT is built from the file's SchemaMap (logical field names), prepared
// once and run in a few big transactions with synchronous=OFF and journal_mode=OFF.

#include "benchdata.h"
#include "benchrandom.h"
#include "schemamap.h"

#include <QSqlQuery>
#include <QVariantList>

namespace cwi::bench {

// One prepared INSERT of some logical fields of a table.
class Inserter
{
public:
    Inserter(const QString &connection, const TableInfo &table, const QStringList &fields);
    void insert(const QVariantList &values); // aborts the build (qFatal) on failure

private:
    QSqlQuery m_query;
    QString m_table;
};

class LargeDatabaseBuilder
{
public:
    static constexpr qint64 kLogChunks = 1'000'000;
    static constexpr int kAgents = 2'000;
    static constexpr int kDeletedAgents = 10;
    static constexpr int kInitiatives = 200;
    static constexpr int kPhasesPerInitiative = 5;
    static constexpr int kTasksPerPhase = 19; // 4 top-level, 12 children, 3 grandchildren
    static constexpr int kLooseTasksPerInitiative = 5; // initiative-level, no phase
    // The big session is written like the server writes a busy agent's pipe: ~65 KB reads.
    static constexpr int kBigSessionChunks = 1'527;
    static constexpr int kBigChunkBytes = 65'500;
    static constexpr qint64 kNow = 1'795'000'000; // 2026-11-18, Unix seconds
    static constexpr qint64 kTimelineSeconds = 30LL * 24 * 3600;

    explicit LargeDatabaseBuilder(const QString &connection);
    bool build(LargeDatabase *info);

private:
    struct Session
    {
        int chunks = 0;
        qint64 start = 0;
        int interval = 1; // seconds between chunks
        bool crashed = false;
        QByteArray sessionId;
    };
    struct AgentPlan
    {
        QString id;
        QString name;
        int task = -1;
        bool deleted = false; // chunks only; the agents row is gone
        QVector<Session> sessions;
        qint64 chunks() const;
        qint64 end() const;
    };

    Inserter inserter(const QString &table, const QStringList &fields) const;
    void begin();
    void commit();
    QString prose(int length);
    QString tiptap(int paragraphs);

    void buildWork(); // accounts, projects, initiatives, phases, tasks, dependencies, pages
    void buildTasks(int initiative, const QVector<QString> &phases, const QVector<QString> &phaseStatus,
        Inserter &tasks, Inserter &deps);
    void planAgents(LargeDatabase *info);
    void insertAgents();
    void buildLogs(LargeDatabase *info);
    void buildOther(); // proposals, conversations, messages, chat, change sets, errands, review comments

    QString m_connection;
    SchemaMap m_schema;
    BenchRandom m_rng { 20261127 };
    QVector<QString> m_accounts, m_projects, m_initiatives, m_phases, m_tasks;
    QVector<int> m_phaseInitiative, m_taskInitiative, m_taskPhase;
    QVector<QString> m_taskCategory;
    QVector<AgentPlan> m_agents;
};

} // namespace cwi::bench
