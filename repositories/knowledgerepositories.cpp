#include "knowledgerepositories.h"

#include "knowledgesql.h"

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

using sql::containsPattern;
using sql::firstRow;
using sql::Row;
using sql::TableAccess;
using sql::whereAll;

Page toPage(const Row &r)
{
    Page p;
    p.id = r.text(u"id"_s);
    p.initiativeId = r.text(u"initiativeId"_s);
    p.parentPageId = r.text(u"parentPageId"_s);
    p.title = r.text(u"title"_s);
    p.content = r.text(u"content"_s);
    p.sortOrder = r.integer(u"sortOrder"_s);
    p.createdAt = r.timestamp(u"createdAt"_s);
    p.updatedAt = r.timestamp(u"updatedAt"_s);
    return p;
}

const QStringList &pageOutlineFields()
{
    static const QStringList fields { u"id"_s, u"initiativeId"_s, u"parentPageId"_s, u"title"_s, u"sortOrder"_s,
        u"createdAt"_s, u"updatedAt"_s };
    return fields;
}

Page toPageOutline(const Row &r)
{
    Page p;
    p.id = r.text(u"id"_s);
    p.initiativeId = r.text(u"initiativeId"_s);
    p.parentPageId = r.text(u"parentPageId"_s);
    p.title = r.text(u"title"_s);
    p.sortOrder = r.integer(u"sortOrder"_s);
    p.createdAt = r.timestamp(u"createdAt"_s);
    p.updatedAt = r.timestamp(u"updatedAt"_s);
    return p;
}

Proposal toProposal(const Row &r)
{
    Proposal p;
    p.id = r.text(u"id"_s);
    p.agentId = r.text(u"agentId"_s);
    p.initiativeId = r.text(u"initiativeId"_s);
    p.targetType = r.text(u"targetType"_s);
    p.targetId = r.text(u"targetId"_s);
    p.title = r.text(u"title"_s);
    p.summary = r.text(u"summary"_s);
    p.content = r.text(u"content"_s);
    p.metadata = r.text(u"metadata"_s);
    p.status = r.text(u"status"_s);
    p.sortOrder = r.integer(u"sortOrder"_s);
    p.createdAt = r.timestamp(u"createdAt"_s);
    p.updatedAt = r.timestamp(u"updatedAt"_s);
    return p;
}

class SqlitePageRepository : public PageRepository
{
public:
    explicit SqlitePageRepository(std::shared_ptr<Database> db)
        : m_db(db)
        , m_rows(db, u"pages"_s, &toPage)
    { }
    std::optional<Page> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Page> findOutlineByInitiativeId(const QString &initiativeId) const override
    {
        const auto where = whereAll(m_rows.info(), { u"initiativeId"_s });
        return where ? outline(*where, { initiativeId }) : QVector<Page>();
    }
    std::optional<Page> findRootPage(const QString &initiativeId) const override
    {
        const TableInfo *t = m_rows.info();
        if (!m_rows.available() || !t->has(u"initiativeId"_s) || !t->has(u"parentPageId"_s))
            return std::nullopt;
        const QVector<Page> rows = m_rows.where(
            u"WHERE "_s + t->quoted(u"initiativeId"_s) + u" = ? AND "_s + t->quoted(u"parentPageId"_s) + u" IS NULL"_s,
            { initiativeId }, { u"sortOrder"_s, u"createdAt"_s });
        return rows.isEmpty() ? std::nullopt : std::optional<Page>(rows.first());
    }
    QVector<Page> findByParentPageId(const QString &parentPageId) const override
    {
        return m_rows.by(u"parentPageId"_s, parentPageId, { u"sortOrder"_s, u"createdAt"_s });
    }
    QVector<Page> search(const QString &initiativeId, const QString &text) const override
    {
        const TableInfo *t = m_rows.info();
        if (!m_rows.available() || !t->has(u"title"_s))
            return {};
        QString condition = u"WHERE ("_s + t->quoted(u"title"_s) + u" LIKE ? ESCAPE '\\'"_s;
        QVariantList binds { containsPattern(text) };
        if (t->has(u"content"_s)) {
            condition += u" OR "_s + t->quoted(u"content"_s) + u" LIKE ? ESCAPE '\\'"_s;
            binds << containsPattern(text);
        }
        condition += u')';
        if (!initiativeId.isEmpty()) {
            if (!t->has(u"initiativeId"_s))
                return {};
            condition += u" AND "_s + t->quoted(u"initiativeId"_s) + u" = ?"_s;
            binds << initiativeId;
        }
        return outline(condition, binds);
    }
    TextPrefix contentPrefix(const QString &id, qint64 maxChars) const override
    {
        const TableInfo *t = m_rows.info();
        TextPrefix prefix;
        if (!m_rows.available() || !t->has(u"content"_s))
            return prefix;
        const QString content = t->quoted(u"content"_s);
        const QString sqlText = u"SELECT substr("_s + content + u", 1, ?), length("_s + content + u") FROM "_s
            + SchemaMap::quoteIdentifier(t->name) + u" WHERE "_s + t->quoted(u"id"_s) + u" = ?"_s;
        const QVariantList row = sql::firstRow(m_db->readConnection(), sqlText, { maxChars, id });
        if (row.size() == 2) {
            prefix.found = true;
            prefix.text = row.at(0).toString();
            prefix.totalChars = row.at(1).isNull() ? 0 : row.at(1).toLongLong();
        }
        return prefix;
    }

private:
    QVector<Page> outline(const QString &condition, const QVariantList &binds) const
    {
        if (!m_rows.available())
            return {};
        const sql::Select select(*m_rows.info(), pageOutlineFields());
        return sql::fetch<Page>(m_db->readConnection(), select,
            condition + m_rows.orderBy({ u"sortOrder"_s, u"createdAt"_s }), binds, &toPageOutline);
    }

    std::shared_ptr<Database> m_db;
    TableAccess<Page> m_rows;
};

class SqliteProposalRepository : public ProposalRepository
{
public:
    explicit SqliteProposalRepository(std::shared_ptr<Database> db)
        : m_db(db)
        , m_rows(db, u"proposals"_s, &toProposal)
    { }
    std::optional<Proposal> findById(const QString &id) const override { return m_rows.one(u"id"_s, id); }
    QVector<Proposal> findAll() const override { return m_rows.all(order()); }
    QVector<Proposal> findByInitiativeId(const QString &initiativeId) const override
    {
        return m_rows.by(u"initiativeId"_s, initiativeId, order());
    }
    QVector<Proposal> findByAgentId(const QString &agentId) const override
    {
        return m_rows.by(u"agentId"_s, agentId, order());
    }
    QVector<Proposal> findByAgentIdAndStatus(const QString &agentId, const QString &status) const override
    {
        const auto where = whereAll(m_rows.info(), { u"agentId"_s, u"status"_s });
        return where && m_rows.available() ? m_rows.where(*where, { agentId, status }, order()) : QVector<Proposal>();
    }
    qint64 countByAgentIdAndStatus(const QString &agentId, const QString &status) const override
    {
        const auto where = whereAll(m_rows.info(), { u"agentId"_s, u"status"_s });
        if (!where || !m_rows.available())
            return 0;
        return sql::scalar(m_db->readConnection(),
            u"SELECT COUNT(*) FROM "_s + SchemaMap::quoteIdentifier(m_rows.info()->name) + u' ' + *where,
            { agentId, status })
            .toLongLong();
    }

private:
    static QStringList order() { return { u"sortOrder"_s, u"createdAt"_s }; }
    std::shared_ptr<Database> m_db;
    TableAccess<Proposal> m_rows;
};

} // namespace

std::unique_ptr<PageRepository> makePageRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqlitePageRepository>(std::move(db));
}

std::unique_ptr<ProposalRepository> makeProposalRepository(std::shared_ptr<Database> db)
{
    return std::make_unique<SqliteProposalRepository>(std::move(db));
}

} // namespace cwi
