#include "workrepositories.h"

#include "rowmappers.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

using sql::TableAccess;

// Rows of TARGET whose id appears in LINK.linkField where LINK.fromField = ID (a dependency edge).
template<typename T>
QVector<T> linked(const std::shared_ptr<Database> &db, const TableAccess<T> &target, const QString &linkTable,
    const QString &fromField, const QString &toField, const QString &id)
{
    const TableInfo *link = db->schema().table(linkTable);
    if (!target.available() || !link || !link->has(fromField) || !link->has(toField))
        return {};
    const QString condition = u"WHERE " + target.info()->quoted(u"id"_s) + u" IN (SELECT " + link->quoted(toField)
        + u" FROM " + SchemaMap::quoteIdentifier(link->name) + u" WHERE " + link->quoted(fromField) + u" = ?)";
    return target.where(condition, { id }, { u"createdAt"_s });
}

class SqliteInitiativeRepository : public InitiativeRepository
{
public:
    explicit SqliteInitiativeRepository(std::shared_ptr<Database> db)
        : m_rows(db, u"initiatives"_s, &sql::toInitiative)
    { }
    std::optional<Initiative> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Initiative> findAll() const override { return m_rows.all({ u"createdAt"_s }); }
    QVector<Initiative> findByStatus(const QString &status) const override
    {
        return m_rows.by(u"status"_s, status, { u"createdAt"_s });
    }

private:
    TableAccess<Initiative> m_rows;
};

class SqlitePhaseRepository : public PhaseRepository
{
public:
    explicit SqlitePhaseRepository(std::shared_ptr<Database> db)
        : m_db(db)
        , m_rows(db, u"phases"_s, &sql::toPhase)
    { }
    std::optional<Phase> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Phase> findAll() const override { return m_rows.all({ u"createdAt"_s }); }
    QVector<Phase> findByInitiativeId(const QString &initiativeId) const override
    {
        return m_rows.by(u"initiativeId"_s, initiativeId, { u"createdAt"_s });
    }
    QVector<Phase> getDependencies(const QString &phaseId) const override
    {
        return linked(m_db, m_rows, u"phase_dependencies"_s, u"phaseId"_s, u"dependsOnPhaseId"_s, phaseId);
    }
    QVector<Phase> getDependents(const QString &phaseId) const override
    {
        return linked(m_db, m_rows, u"phase_dependencies"_s, u"dependsOnPhaseId"_s, u"phaseId"_s, phaseId);
    }

private:
    std::shared_ptr<Database> m_db;
    TableAccess<Phase> m_rows;
};

class SqliteTaskRepository : public TaskRepository
{
public:
    explicit SqliteTaskRepository(std::shared_ptr<Database> db)
        : m_db(db)
        , m_rows(db, u"tasks"_s, &sql::toTask)
    { }
    std::optional<Task> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Task> findAll() const override { return m_rows.all({ u"order"_s, u"createdAt"_s }); }
    QVector<Task> findByPhaseId(const QString &phaseId) const override
    {
        return m_rows.by(u"phaseId"_s, phaseId, { u"order"_s, u"createdAt"_s });
    }
    QVector<Task> findByInitiativeId(const QString &initiativeId) const override
    {
        return m_rows.by(u"initiativeId"_s, initiativeId, { u"order"_s, u"createdAt"_s });
    }
    QVector<Task> findByParentTaskId(const QString &parentTaskId) const override
    {
        return m_rows.by(u"parentTaskId"_s, parentTaskId, { u"order"_s, u"createdAt"_s });
    }
    QVector<Task> getDependencies(const QString &taskId) const override
    {
        return linked(m_db, m_rows, u"task_dependencies"_s, u"taskId"_s, u"dependsOnTaskId"_s, taskId);
    }
    QVector<Task> getDependents(const QString &taskId) const override
    {
        return linked(m_db, m_rows, u"task_dependencies"_s, u"dependsOnTaskId"_s, u"taskId"_s, taskId);
    }

private:
    std::shared_ptr<Database> m_db;
    TableAccess<Task> m_rows;
};

class SqliteAgentRepository : public AgentRepository
{
public:
    explicit SqliteAgentRepository(std::shared_ptr<Database> db)
        : m_rows(db, u"agents"_s, &sql::toAgent)
    { }
    std::optional<Agent> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Agent> findAll() const override { return m_rows.all({ u"createdAt"_s }); }
    std::optional<Agent> findByName(const QString &name) const override { return m_rows.one(u"name"_s, name); }
    QVector<Agent> findByTaskId(const QString &taskId) const override
    {
        return m_rows.by(u"taskId"_s, taskId, { u"createdAt"_s });
    }
    std::optional<Agent> findBySessionId(const QString &sessionId) const override
    {
        return m_rows.one(u"sessionId"_s, sessionId);
    }
    QVector<Agent> findByStatus(const QString &status) const override
    {
        return m_rows.by(u"status"_s, status, { u"createdAt"_s });
    }

private:
    TableAccess<Agent> m_rows;
};

class SqliteAccountRepository : public AccountRepository
{
public:
    explicit SqliteAccountRepository(std::shared_ptr<Database> db)
        : m_rows(db, u"accounts"_s, &sql::toAccount)
    { }
    std::optional<Account> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Account> findAll() const override { return m_rows.all({ u"sortOrder"_s, u"createdAt"_s }); }
    std::optional<Account> findNextAvailable(const QString &provider) const override
    {
        // Few rows: decide in C++ so that any timestamp unit compares correctly.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::optional<Account> best;
        for (const Account &account : findAll()) {
            if (!provider.isEmpty() && account.provider != provider)
                continue;
            const QDateTime until = account.exhaustedUntil.toDateTime();
            if (account.isExhausted && (!until.isValid() || until > now))
                continue;
            if (!best || account.lastUsedAt.toDateTime() < best->lastUsedAt.toDateTime())
                best = account;
        }
        return best;
    }

private:
    TableAccess<Account> m_rows;
};

class SqliteProjectRepository : public ProjectRepository
{
public:
    explicit SqliteProjectRepository(std::shared_ptr<Database> db)
        : m_db(db)
        , m_rows(db, u"projects"_s, &sql::toProject)
    { }
    std::optional<Project> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Project> findAll() const override { return m_rows.all({ u"name"_s }); }
    QVector<Project> findProjectsByInitiativeId(const QString &initiativeId) const override
    {
        return linked(m_db, m_rows, u"initiative_projects"_s, u"initiativeId"_s, u"projectId"_s, initiativeId);
    }

private:
    std::shared_ptr<Database> m_db;
    TableAccess<Project> m_rows;
};

class SqliteErrandRepository : public ErrandRepository
{
public:
    explicit SqliteErrandRepository(std::shared_ptr<Database> db)
        : m_rows(db, u"errands"_s, &sql::toErrand)
    { }
    std::optional<Errand> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Errand> findAll(const QString &projectId, const QString &status) const override
    {
        if (!m_rows.available())
            return {};
        QStringList conditions;
        QVariantList binds;
        const TableInfo *t = m_rows.info();
        for (const auto &[field, value] :
            { std::pair { u"projectId"_s, projectId }, std::pair { u"status"_s, status } }) {
            if (value.isEmpty())
                continue;
            if (!t->has(field))
                return {};
            conditions.append(t->quoted(field) + u" = ?");
            binds.append(value);
        }
        const QString where = conditions.isEmpty() ? QString() : QString(u"WHERE " + conditions.join(u" AND "_s));
        return m_rows.where(where, binds, { u"createdAt"_s });
    }

private:
    TableAccess<Errand> m_rows;
};

} // namespace

std::unique_ptr<InitiativeRepository> makeInitiativeRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteInitiativeRepository>(std::move(db));
}
std::unique_ptr<PhaseRepository> makePhaseRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqlitePhaseRepository>(std::move(db));
}
std::unique_ptr<TaskRepository> makeTaskRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteTaskRepository>(std::move(db));
}
std::unique_ptr<AgentRepository> makeAgentRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteAgentRepository>(std::move(db));
}
std::unique_ptr<AccountRepository> makeAccountRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteAccountRepository>(std::move(db));
}
std::unique_ptr<ProjectRepository> makeProjectRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteProjectRepository>(std::move(db));
}
std::unique_ptr<ErrandRepository> makeErrandRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteErrandRepository>(std::move(db));
}

} // namespace cwi
