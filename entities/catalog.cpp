#include "catalog.h"

namespace cwi {

namespace {

FieldSpec text(const QString &name)
{
    return { name, FieldKind::Text, {}, {} };
}
FieldSpec integer(const QString &name)
{
    return { name, FieldKind::Integer, {}, {} };
}
FieldSpec timestamp(const QString &name)
{
    return { name, FieldKind::Timestamp, {}, {} };
}
FieldSpec boolean(const QString &name)
{
    return { name, FieldKind::Boolean, {}, {} };
}
FieldSpec json(const QString &name)
{
    return { name, FieldKind::Json, {}, {} };
}
FieldSpec tiptap(const QString &name)
{
    return { name, FieldKind::Tiptap, {}, {} };
}
FieldSpec oneOf(const QString &name, const QStringList &values)
{
    return { name, FieldKind::Enum, values, {} };
}
FieldSpec ref(const QString &name, const QString &table)
{
    return { name, FieldKind::Text, {}, table };
}

QVector<TableSpec> buildCatalog()
{
    const QString initiatives = QStringLiteral("initiatives");
    const QString phases = QStringLiteral("phases");
    const QString tasks = QStringLiteral("tasks");
    const QString agents = QStringLiteral("agents");
    const QString accounts = QStringLiteral("accounts");
    const QString projects = QStringLiteral("projects");
    const QString messages = QStringLiteral("messages");
    const QString pages = QStringLiteral("pages");
    const QString chatSessions = QStringLiteral("chat_sessions");
    const QString changeSets = QStringLiteral("change_sets");
    const auto created = timestamp(QStringLiteral("createdAt"));
    const auto updated = timestamp(QStringLiteral("updatedAt"));
    const auto id = text(QStringLiteral("id"));

    QVector<TableSpec> t;
    t.append({ initiatives, TableGroup::Work, QStringLiteral("Initiatives"), QStringLiteral("name"),
        { id, text(QStringLiteral("name")),
            oneOf(QStringLiteral("status"),
                { QStringLiteral("active"), QStringLiteral("pending_review"), QStringLiteral("completed"),
                    QStringLiteral("archived") }),
            text(QStringLiteral("branch")), created, updated } });
    t.append({ phases, TableGroup::Work, QStringLiteral("Phases"), QStringLiteral("name"),
        { id, ref(QStringLiteral("initiativeId"), initiatives), text(QStringLiteral("name")),
            tiptap(QStringLiteral("content")),
            oneOf(QStringLiteral("status"),
                { QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("in_progress"),
                    QStringLiteral("completed"), QStringLiteral("blocked"), QStringLiteral("pending_review") }),
            text(QStringLiteral("mergeBase")), created, updated } });
    t.append({ QStringLiteral("phase_dependencies"), TableGroup::Work, QStringLiteral("Phase dependencies"), {},
        { id, ref(QStringLiteral("phaseId"), phases), ref(QStringLiteral("dependsOnPhaseId"), phases), created } });
    t.append({ tasks, TableGroup::Work, QStringLiteral("Tasks"), QStringLiteral("name"),
        { id, ref(QStringLiteral("phaseId"), phases), ref(QStringLiteral("initiativeId"), initiatives),
            ref(QStringLiteral("parentTaskId"), tasks), text(QStringLiteral("name")),
            text(QStringLiteral("description")), oneOf(QStringLiteral("type"), { QStringLiteral("auto") }),
            oneOf(QStringLiteral("category"),
                { QStringLiteral("execute"), QStringLiteral("research"), QStringLiteral("discuss"),
                    QStringLiteral("plan"), QStringLiteral("detail"), QStringLiteral("refine"),
                    QStringLiteral("verify"), QStringLiteral("merge"), QStringLiteral("review") }),
            oneOf(QStringLiteral("priority"),
                { QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high") }),
            oneOf(QStringLiteral("status"),
                { QStringLiteral("pending"), QStringLiteral("in_progress"), QStringLiteral("completed"),
                    QStringLiteral("blocked") }),
            integer(QStringLiteral("order")), text(QStringLiteral("summary")), integer(QStringLiteral("retryCount")),
            created, updated } });
    t.append({ QStringLiteral("task_dependencies"), TableGroup::Work, QStringLiteral("Task dependencies"), {},
        { id, ref(QStringLiteral("taskId"), tasks), ref(QStringLiteral("dependsOnTaskId"), tasks), created } });
    t.append({ agents, TableGroup::Agents, QStringLiteral("Agents"), QStringLiteral("name"),
        { id, text(QStringLiteral("name")), ref(QStringLiteral("taskId"), tasks),
            ref(QStringLiteral("initiativeId"), initiatives), text(QStringLiteral("sessionId")),
            text(QStringLiteral("worktreeId")), text(QStringLiteral("provider")),
            ref(QStringLiteral("accountId"), accounts),
            oneOf(QStringLiteral("status"),
                { QStringLiteral("idle"), QStringLiteral("running"), QStringLiteral("waiting_for_input"),
                    QStringLiteral("stopped"), QStringLiteral("crashed") }),
            oneOf(QStringLiteral("mode"),
                { QStringLiteral("execute"), QStringLiteral("discuss"), QStringLiteral("plan"),
                    QStringLiteral("detail"), QStringLiteral("refine") }),
            integer(QStringLiteral("pid")), integer(QStringLiteral("exitCode")), text(QStringLiteral("prompt")),
            text(QStringLiteral("outputFilePath")), json(QStringLiteral("result")),
            json(QStringLiteral("pendingQuestions")), timestamp(QStringLiteral("userDismissedAt")), created,
            updated } });
    t.append({ accounts, TableGroup::AccountsProjects, QStringLiteral("Accounts"), QStringLiteral("email"),
        { id, text(QStringLiteral("email")), text(QStringLiteral("provider")), json(QStringLiteral("configJson")),
            json(QStringLiteral("credentials")), boolean(QStringLiteral("isExhausted")),
            timestamp(QStringLiteral("exhaustedUntil")), timestamp(QStringLiteral("lastUsedAt")),
            integer(QStringLiteral("sortOrder")), created, updated } });
    t.append({ QStringLiteral("proposals"), TableGroup::Knowledge, QStringLiteral("Proposals"), QStringLiteral("title"),
        { id, ref(QStringLiteral("agentId"), agents), ref(QStringLiteral("initiativeId"), initiatives),
            oneOf(QStringLiteral("targetType"),
                { QStringLiteral("page"), QStringLiteral("phase"), QStringLiteral("task") }),
            text(QStringLiteral("targetId")), text(QStringLiteral("title")), text(QStringLiteral("summary")),
            text(QStringLiteral("content")), json(QStringLiteral("metadata")),
            oneOf(QStringLiteral("status"),
                { QStringLiteral("pending"), QStringLiteral("accepted"), QStringLiteral("dismissed") }),
            integer(QStringLiteral("sortOrder")), created, updated } });
    t.append({ pages, TableGroup::Knowledge, QStringLiteral("Pages"), QStringLiteral("title"),
        { id, ref(QStringLiteral("initiativeId"), initiatives), ref(QStringLiteral("parentPageId"), pages),
            text(QStringLiteral("title")), tiptap(QStringLiteral("content")), integer(QStringLiteral("sortOrder")),
            created, updated } });
    t.append({ projects, TableGroup::AccountsProjects, QStringLiteral("Projects"), QStringLiteral("name"),
        { id, text(QStringLiteral("name")), text(QStringLiteral("url")), text(QStringLiteral("defaultBranch")),
            timestamp(QStringLiteral("lastFetchedAt")), created, updated } });
    t.append({ QStringLiteral("initiative_projects"), TableGroup::AccountsProjects,
        QStringLiteral("Initiative projects"), {},
        { id, ref(QStringLiteral("initiativeId"), initiatives), ref(QStringLiteral("projectId"), projects),
            created } });
    t.append({ messages, TableGroup::Knowledge, QStringLiteral("Messages"), QStringLiteral("content"),
        { id, oneOf(QStringLiteral("senderType"), { QStringLiteral("agent"), QStringLiteral("user") }),
            text(QStringLiteral("senderId")),
            oneOf(QStringLiteral("recipientType"), { QStringLiteral("agent"), QStringLiteral("user") }),
            text(QStringLiteral("recipientId")), text(QStringLiteral("type")), text(QStringLiteral("content")),
            boolean(QStringLiteral("requiresResponse")), text(QStringLiteral("status")),
            ref(QStringLiteral("parentMessageId"), messages), created, updated } });
    t.append({ QStringLiteral("agent_log_chunks"), TableGroup::Agents, QStringLiteral("Agent log chunks"),
        QStringLiteral("agentName"),
        { id, text(QStringLiteral("agentId")), text(QStringLiteral("agentName")),
            integer(QStringLiteral("sessionNumber")), text(QStringLiteral("content")), created } });
    t.append({ QStringLiteral("conversations"), TableGroup::Agents, QStringLiteral("Conversations"),
        QStringLiteral("question"),
        { id, ref(QStringLiteral("fromAgentId"), agents), ref(QStringLiteral("toAgentId"), agents),
            ref(QStringLiteral("initiativeId"), initiatives), ref(QStringLiteral("phaseId"), phases),
            ref(QStringLiteral("taskId"), tasks), text(QStringLiteral("question")), text(QStringLiteral("answer")),
            oneOf(QStringLiteral("status"), { QStringLiteral("pending"), QStringLiteral("answered") }), created,
            updated } });
    t.append({ chatSessions, TableGroup::Knowledge, QStringLiteral("Chat sessions"), QStringLiteral("targetType"),
        { id, oneOf(QStringLiteral("targetType"), { QStringLiteral("phase"), QStringLiteral("task") }),
            text(QStringLiteral("targetId")), ref(QStringLiteral("initiativeId"), initiatives),
            ref(QStringLiteral("agentId"), agents),
            oneOf(QStringLiteral("status"), { QStringLiteral("active"), QStringLiteral("closed") }), created,
            updated } });
    t.append({ QStringLiteral("chat_messages"), TableGroup::Knowledge, QStringLiteral("Chat messages"),
        QStringLiteral("content"),
        { id, ref(QStringLiteral("chatSessionId"), chatSessions),
            oneOf(QStringLiteral("role"),
                { QStringLiteral("user"), QStringLiteral("assistant"), QStringLiteral("system") }),
            text(QStringLiteral("content")), ref(QStringLiteral("changeSetId"), changeSets), created } });
    TableSpec changeSetSpec { changeSets, TableGroup::Knowledge, QStringLiteral("Change sets"),
        QStringLiteral("summary"),
        { id, ref(QStringLiteral("agentId"), agents), ref(QStringLiteral("initiativeId"), initiatives),
            text(QStringLiteral("mode")), text(QStringLiteral("summary")), text(QStringLiteral("status")), created } };
    changeSetSpec.required = false;
    t.append(changeSetSpec);
    t.append({ QStringLiteral("errands"), TableGroup::Work, QStringLiteral("Errands"), QStringLiteral("description"),
        { id, text(QStringLiteral("description")), text(QStringLiteral("branch")), text(QStringLiteral("baseBranch")),
            ref(QStringLiteral("agentId"), agents), ref(QStringLiteral("projectId"), projects),
            oneOf(QStringLiteral("status"),
                { QStringLiteral("active"), QStringLiteral("pending_review"), QStringLiteral("conflict"),
                    QStringLiteral("merged"), QStringLiteral("abandoned") }),
            created, updated } });
    t.append({ QStringLiteral("review_comments"), TableGroup::Review, QStringLiteral("Review comments"),
        QStringLiteral("body"),
        { id, ref(QStringLiteral("phaseId"), phases), text(QStringLiteral("filePath")),
            integer(QStringLiteral("lineNumber")),
            oneOf(QStringLiteral("lineType"),
                { QStringLiteral("added"), QStringLiteral("removed"), QStringLiteral("context") }),
            text(QStringLiteral("body")), text(QStringLiteral("author")), boolean(QStringLiteral("resolved")), created,
            updated } });
    return t;
}

} // namespace

const FieldSpec *TableSpec::field(const QString &logicalName) const
{
    for (const FieldSpec &f : fields) {
        if (f.name == logicalName)
            return &f;
    }
    return nullptr;
}

const QVector<TableSpec> &Catalog::tables()
{
    static const QVector<TableSpec> catalog = buildCatalog();
    return catalog;
}

const TableSpec *Catalog::table(const QString &name)
{
    for (const TableSpec &t : tables()) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QString Catalog::groupTitle(TableGroup group)
{
    switch (group) {
    case TableGroup::Work:
        return QStringLiteral("Work");
    case TableGroup::Agents:
        return QStringLiteral("Agents");
    case TableGroup::Review:
        return QStringLiteral("Review");
    case TableGroup::Knowledge:
        return QStringLiteral("Knowledge");
    case TableGroup::AccountsProjects:
        return QStringLiteral("Accounts & projects");
    case TableGroup::Other:
        break;
    }
    return QStringLiteral("Other");
}

QString Catalog::toSnakeCase(const QString &camel)
{
    QString out;
    out.reserve(camel.size() + 4);
    for (const QChar c : camel) {
        if (c.isUpper()) {
            if (!out.isEmpty())
                out.append(u'_');
            out.append(c.toLower());
        } else {
            out.append(c);
        }
    }
    return out;
}

QString Catalog::toCamelCase(const QString &snake)
{
    QString out;
    out.reserve(snake.size());
    bool upper = false;
    for (const QChar c : snake) {
        if (c == u'_') {
            upper = !out.isEmpty();
            continue;
        }
        out.append(upper ? c.toUpper() : c);
        upper = false;
    }
    return out;
}

} // namespace cwi
