#pragma once

// Repository ports for the work and agent tables (database.md "Repository Interfaces"), with
// SQLite adapters. Read methods only: writes go through the manual-actions write path.
// Every method uses the calling thread's read connection, so adapters work from workers.
// A lookup by a field the file lacks (older schema) returns nothing.

#include "database.h"
#include "entities.h"

#include <memory>
#include <optional>

namespace cwi {

class InitiativeRepository
{
public:
    virtual ~InitiativeRepository() = default;
    virtual std::optional<Initiative> findById(const QString &id) const = 0;
    virtual QVector<Initiative> findAll() const = 0;
    virtual QVector<Initiative> findByStatus(const QString &status) const = 0;
};

class PhaseRepository
{
public:
    virtual ~PhaseRepository() = default;
    virtual std::optional<Phase> findById(const QString &id) const = 0;
    virtual QVector<Phase> findAll() const = 0;
    virtual QVector<Phase> findByInitiativeId(const QString &initiativeId) const = 0;
    virtual QVector<Phase> getDependencies(const QString &phaseId) const = 0; // what it depends on
    virtual QVector<Phase> getDependents(const QString &phaseId) const = 0; // what depends on it
};

class TaskRepository
{
public:
    virtual ~TaskRepository() = default;
    virtual std::optional<Task> findById(const QString &id) const = 0;
    virtual QVector<Task> findAll() const = 0;
    virtual QVector<Task> findByPhaseId(const QString &phaseId) const = 0;
    virtual QVector<Task> findByInitiativeId(const QString &initiativeId) const = 0;
    virtual QVector<Task> findByParentTaskId(const QString &parentTaskId) const = 0;
    virtual QVector<Task> getDependencies(const QString &taskId) const = 0;
    virtual QVector<Task> getDependents(const QString &taskId) const = 0;
};

class AgentRepository
{
public:
    virtual ~AgentRepository() = default;
    virtual std::optional<Agent> findById(const QString &id) const = 0;
    virtual QVector<Agent> findAll() const = 0;
    virtual std::optional<Agent> findByName(const QString &name) const = 0;
    virtual QVector<Agent> findByTaskId(const QString &taskId) const = 0;
    virtual std::optional<Agent> findBySessionId(const QString &sessionId) const = 0;
    virtual QVector<Agent> findByStatus(const QString &status) const = 0;
};

class AccountRepository
{
public:
    virtual ~AccountRepository() = default;
    virtual std::optional<Account> findById(const QString &id) const = 0;
    virtual QVector<Account> findAll() const = 0;
    // Round-robin: not exhausted (or exhaustion expired), least recently used first.
    virtual std::optional<Account> findNextAvailable(const QString &provider) const = 0;
};

class ProjectRepository
{
public:
    virtual ~ProjectRepository() = default;
    virtual std::optional<Project> findById(const QString &id) const = 0;
    virtual QVector<Project> findAll() const = 0;
    virtual QVector<Project> findProjectsByInitiativeId(const QString &initiativeId) const = 0;
};

class ErrandRepository
{
public:
    virtual ~ErrandRepository() = default;
    virtual std::optional<Errand> findById(const QString &id) const = 0;
    // Empty filters match everything.
    virtual QVector<Errand> findAll(const QString &projectId = {}, const QString &status = {}) const = 0;
};

std::unique_ptr<InitiativeRepository> makeInitiativeRepository(std::shared_ptr<Database> db);
std::unique_ptr<PhaseRepository> makePhaseRepository(std::shared_ptr<Database> db);
std::unique_ptr<TaskRepository> makeTaskRepository(std::shared_ptr<Database> db);
std::unique_ptr<AgentRepository> makeAgentRepository(std::shared_ptr<Database> db);
std::unique_ptr<AccountRepository> makeAccountRepository(std::shared_ptr<Database> db);
std::unique_ptr<ProjectRepository> makeProjectRepository(std::shared_ptr<Database> db);
std::unique_ptr<ErrandRepository> makeErrandRepository(std::shared_ptr<Database> db);

} // namespace cwi
