#include "reviewcommentrepository.h"

#include "sqlhelpers.h"

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

const QStringList kCommentFields = { u"id"_s, u"phaseId"_s, u"filePath"_s, u"lineNumber"_s, u"lineType"_s, u"body"_s,
    u"author"_s, u"resolved"_s, u"createdAt"_s, u"updatedAt"_s };

ReviewComment toComment(const sql::Row &r)
{
    ReviewComment c;
    c.id = r.text(u"id"_s);
    c.phaseId = r.text(u"phaseId"_s);
    c.filePath = r.text(u"filePath"_s);
    c.lineNumber = r.integer(u"lineNumber"_s);
    c.lineType = r.text(u"lineType"_s);
    c.body = r.text(u"body"_s);
    c.author = r.text(u"author"_s);
    c.resolved = r.boolean(u"resolved"_s);
    c.createdAt = r.timestamp(u"createdAt"_s);
    c.updatedAt = r.timestamp(u"updatedAt"_s);
    return c;
}

// "ORDER BY createdAt, id" over the fields the file has.
QString orderTail(const TableInfo &t)
{
    QStringList parts;
    for (const QString &f : { u"createdAt"_s, u"id"_s }) {
        if (t.has(f))
            parts << t.quoted(f);
    }
    return parts.isEmpty() ? QString() : u" ORDER BY "_s + parts.join(u", "_s);
}

class SqliteReviewCommentRepository : public ReviewCommentRepository
{
public:
    explicit SqliteReviewCommentRepository(std::shared_ptr<Database> db)
        : m_db(std::move(db))
    { }

    QVector<ReviewComment> findByPhaseId(const QString &phaseId, QString *error) const override
    {
        const TableInfo *t = m_db->schema().table(u"review_comments"_s);
        if (!t || !t->has(u"phaseId"_s))
            return {};
        const sql::Select select(*t, kCommentFields);
        return sql::fetch<ReviewComment>(m_db->readConnection(), select,
            u"WHERE "_s + t->quoted(u"phaseId"_s) + u" = ?"_s + orderTail(*t), { phaseId }, toComment, error);
    }

    std::optional<ReviewComment> findById(const QString &id) const override
    {
        const TableInfo *t = m_db->schema().table(u"review_comments"_s);
        if (!t || !t->has(u"id"_s))
            return std::nullopt;
        const sql::Select select(*t, kCommentFields);
        return sql::fetchOne<ReviewComment>(
            m_db->readConnection(), select, u"WHERE "_s + t->quoted(u"id"_s) + u" = ?"_s, { id }, toComment);
    }

private:
    std::shared_ptr<Database> m_db;
};

} // namespace

std::unique_ptr<ReviewCommentRepository> makeReviewCommentRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteReviewCommentRepository>(std::move(db));
}

ReviewTarget readReviewTarget(const std::shared_ptr<Database> &db, const QString &phaseId)
{
    ReviewTarget target;
    const SchemaMap &schema = db->schema();
    const QString connection = db->readConnection();
    const TableInfo *phases = schema.table(u"phases"_s);
    if (!phases || !phases->has(u"id"_s)) {
        target.error = u"This file has no phases table."_s;
        return target;
    }
    QString error;
    const sql::Select phaseSelect(*phases, { u"id"_s, u"initiativeId"_s, u"name"_s, u"status"_s, u"mergeBase"_s });
    const auto phase = sql::fetchOne<Phase>(
        connection, phaseSelect, u"WHERE "_s + phases->quoted(u"id"_s) + u" = ?"_s, { phaseId },
        [](const sql::Row &r) {
            Phase p;
            p.id = r.text(u"id"_s);
            p.initiativeId = r.text(u"initiativeId"_s);
            p.name = r.text(u"name"_s);
            p.status = r.text(u"status"_s);
            p.mergeBase = r.text(u"mergeBase"_s);
            return p;
        },
        &error);
    if (!phase) {
        target.error = error.isEmpty() ? u"Phase %1 not found."_s.arg(phaseId) : error;
        return target;
    }
    target.phase = *phase;

    const TableInfo *initiatives = schema.table(u"initiatives"_s);
    if (initiatives && initiatives->has(u"id"_s)) {
        const sql::Select select(*initiatives, { u"id"_s, u"name"_s, u"status"_s, u"branch"_s });
        const auto initiative
            = sql::fetchOne<Initiative>(connection, select, u"WHERE "_s + initiatives->quoted(u"id"_s) + u" = ?"_s,
                { target.phase.initiativeId }, [](const sql::Row &r) {
                    Initiative i;
                    i.id = r.text(u"id"_s);
                    i.name = r.text(u"name"_s);
                    i.status = r.text(u"status"_s);
                    i.branch = r.text(u"branch"_s);
                    return i;
                });
        if (initiative)
            target.initiative = *initiative;
    }
    if (target.initiative.id.isEmpty()) {
        target.error = u"Phase “%1” has no initiative, so there is no branch to diff."_s.arg(target.phase.name);
        return target;
    }

    const TableInfo *projects = schema.table(u"projects"_s);
    const TableInfo *links = schema.table(u"initiative_projects"_s);
    if (projects && links && projects->has(u"id"_s) && links->has(u"projectId"_s) && links->has(u"initiativeId"_s)) {
        const sql::Select select(*projects, { u"id"_s, u"name"_s, u"url"_s, u"defaultBranch"_s });
        const QString tail = u"WHERE "_s + projects->quoted(u"id"_s) + u" IN (SELECT "_s + links->quoted(u"projectId"_s)
            + u" FROM "_s + SchemaMap::quoteIdentifier(links->name) + u" WHERE "_s + links->quoted(u"initiativeId"_s)
            + u" = ?)"_s + (projects->has(u"name"_s) ? u" ORDER BY "_s + projects->quoted(u"name"_s) : QString());
        target.projects
            = sql::fetch<Project>(connection, select, tail, { target.initiative.id }, [](const sql::Row &r) {
                  Project p;
                  p.id = r.text(u"id"_s);
                  p.name = r.text(u"name"_s);
                  p.url = r.text(u"url"_s);
                  p.defaultBranch = r.text(u"defaultBranch"_s);
                  if (p.defaultBranch.isEmpty())
                      p.defaultBranch = u"main"_s; // database.md default
                  return p;
              });
    }

    const TableInfo *agents = schema.table(u"agents"_s);
    if (agents && agents->has(u"worktreeId"_s) && agents->has(u"initiativeId"_s)) {
        const sql::Select select(*agents, { u"worktreeId"_s });
        const QString order
            = agents->has(u"createdAt"_s) ? u" ORDER BY "_s + agents->quoted(u"createdAt"_s) + u" DESC"_s : QString();
        const QVector<QString> paths = sql::fetch<QString>(connection, select,
            u"WHERE "_s + agents->quoted(u"initiativeId"_s) + u" = ?"_s + order, { target.initiative.id },
            [](const sql::Row &r) { return r.text(u"worktreeId"_s); });
        for (const QString &p : paths) {
            if (!p.isEmpty() && !target.worktrees.contains(p))
                target.worktrees << p;
        }
    }
    return target;
}

} // namespace cwi
