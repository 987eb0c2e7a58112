// Planning of every manual action: read the row now, decide whether the action applies to its
// state, and describe exactly what would change. Nothing here writes.

#include "actions.h"

#include "database.h"
#include "sqlhelpers.h"
#include "writesql.h"

#include <QRandomGenerator>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

const QString kId = u"id"_s;
const QString kStatus = u"status"_s;
const QString kUpdatedAt = u"updatedAt"_s;
const QString kCreatedAt = u"createdAt"_s;

// nanoid(21): what the server uses for ids.
QString newId()
{
    static const QLatin1StringView alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
    QString id(21, u'_');
    for (QChar &c : id)
        c = QLatin1Char(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return id;
}

bool truthy(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString)
        return v.toString() == u"1" || v.toString().compare(u"true"_s, Qt::CaseInsensitive) == 0;
    return !v.isNull() && v.toLongLong() != 0;
}

bool isNull(const QVariant &v)
{
    return !v.isValid() || v.isNull();
}

// Reads rows and builds plans for one Actions call.
class Planner
{
public:
    Planner(const Database &db, const QString &action)
        : m_db(db)
    {
        m_plan.action = action;
    }

    ActionPlan &plan() { return m_plan; }

    ActionPlan fail(const QString &why, bool badArguments = false)
    {
        m_plan.rows.clear();
        m_plan.notValid = why;
        m_plan.badArguments = badArguments;
        return m_plan;
    }

    const TableInfo *table(const QString &name) const { return m_db.schema().table(name); }

    // Row ID of TABLE with FIELDS (+ id, status, updatedAt, createdAt and the display field).
    std::optional<QVariantMap> read(const QString &tableName, const QString &id, QStringList fields)
    {
        const TableInfo *t = table(tableName);
        if (!t)
            return std::nullopt;
        fields << kId << kStatus << kUpdatedAt << kCreatedAt;
        if (t->spec && !t->spec->displayField.isEmpty())
            fields << t->spec->displayField;
        fields.removeDuplicates();
        return writes::readRow(m_db.readConnection(), *t, id, fields);
    }

    // "task “Build login”" for titles.
    QString name(const QString &tableName, const QVariantMap &row) const
    {
        const TableInfo *t = table(tableName);
        QString noun = t && t->spec ? t->spec->title.toLower() : tableName;
        if (noun.endsWith(u's'))
            noun.chop(1);
        const QString display = t && t->spec ? row.value(t->spec->displayField).toString().simplified() : QString();
        QString label = display.isEmpty() ? row.value(kId).toString() : display;
        if (label.size() > 50)
            label = label.left(49).trimmed() + u'…';
        return noun + u" “" + label + u'”';
    }

    // Missing row / table: the message for a bad id.
    ActionPlan notFound(const QString &tableName, const QString &id)
    {
        if (!table(tableName))
            return fail(u"This file has no "_s + tableName + u" table.");
        return fail(u"No "_s + tableName + u" row with id " + id + u'.', true);
    }

    // UPDATE of SETS (field -> new value) on ROW, optimistic on status, updatedAt and every changed
    // field, with updatedAt stamped now. Returns false (and sets notValid) when the file lacks a field.
    bool update(const QString &tableName, const QVariantMap &row, const QList<std::pair<QString, QVariant>> &sets,
        bool stampUpdatedAt = true)
    {
        const TableInfo *t = table(tableName);
        RowChange change;
        change.op = RowOp::Update;
        change.table = tableName;
        change.id = row.value(kId).toString();
        for (const auto &[field, after] : sets) {
            if (!t->has(field)) {
                fail(u"This file's "_s + tableName + u" table has no " + field + u" column (an older schema).");
                return false;
            }
            FieldChange fc { field, row.value(field), after, false };
            if (after.userType() == QMetaType::QDateTime) { // "now", stamped at apply time
                fc.after = QVariant();
                fc.stampNow = true;
            }
            change.changes.append(fc);
            change.expected.insert(field, row.value(field));
        }
        for (const QString &field : { kStatus, kUpdatedAt }) {
            if (t->has(field))
                change.expected.insert(field, row.value(field));
        }
        if (stampUpdatedAt && t->has(kUpdatedAt))
            change.changes.append({ kUpdatedAt, row.value(kUpdatedAt), QVariant(), true });
        m_plan.rows.append(change);
        return true;
    }

    // The newest agent that worked on TASKID, or nullopt.
    std::optional<QVariantMap> latestAgentOf(const QString &taskId)
    {
        const TableInfo *agents = table(u"agents"_s);
        if (!agents || !agents->has(u"taskId"_s))
            return std::nullopt;
        const sql::Select select(*agents, { kId, u"name"_s, kStatus, kUpdatedAt });
        QString order = u"ORDER BY "_s;
        if (agents->has(kCreatedAt))
            order += agents->quoted(kCreatedAt) + u" DESC, ";
        order += u"rowid DESC"_s;
        return sql::fetchOne<QVariantMap>(m_db.readConnection(), select,
            u"WHERE "_s + agents->quoted(u"taskId"_s) + u" IS ? " + order, { taskId }, [](const sql::Row &r) {
                return QVariantMap { { kId, r.value(kId) }, { u"name"_s, r.value(u"name"_s) },
                    { kStatus, r.value(kStatus) }, { kUpdatedAt, r.value(kUpdatedAt) } };
            });
    }

private:
    const Database &m_db;
    ActionPlan m_plan;
};

const QVariant kNow = QVariant(QDateTime()); // marker: stamp "now" in the column's unit

QStringList documentedValues(const QString &table, const QString &field)
{
    const TableSpec *spec = Catalog::table(table);
    const FieldSpec *f = spec ? spec->field(field) : nullptr;
    return f ? f->enumValues : QStringList();
}

} // namespace

ActionPlan Actions::planRetryTasks(const QStringList &taskIds)
{
    Planner p(*m_database, u"retry-task"_s);
    QStringList skipped;
    QString lastReason;
    for (const QString &id : taskIds) {
        const std::optional<QVariantMap> task = p.read(u"tasks"_s, id, { u"retryCount"_s });
        if (!task) {
            if (taskIds.size() == 1)
                return p.notFound(u"tasks"_s, id);
            skipped.append(id);
            continue;
        }
        const QString status = task->value(kStatus).toString();
        QString reason;
        RowChange guard;
        guard.op = RowOp::Check;
        guard.table = u"agents"_s;
        if (status == u"in_progress") {
            const std::optional<QVariantMap> agent = p.latestAgentOf(id);
            if (!agent) {
                guard.expected.insert(u"taskId"_s, id); // still no agent on it when we write
            } else if (const QString agentStatus = agent->value(kStatus).toString();
                       agentStatus == u"crashed" || agentStatus == u"stopped") {
                guard.id = agent->value(kId).toString(); // the agent is still crashed / stopped
                guard.expected.insert(kStatus, agent->value(kStatus));
                guard.expected.insert(kUpdatedAt, agent->value(kUpdatedAt));
            } else {
                reason = u"Its agent “"_s + agent->value(u"name"_s).toString() + u"” is " + agentStatus
                    + u"; only a crashed, stopped or gone agent's task can be retried.";
            }
        } else if (status != u"blocked") {
            reason = u"Retry is for blocked tasks and in-progress tasks whose agent crashed, stopped or is gone; "
                     u"this task is "_s
                + (status.isEmpty() ? u"without status"_s : status) + u'.';
        }
        if (!reason.isEmpty()) {
            if (taskIds.size() == 1)
                return p.fail(reason);
            skipped.append(p.name(u"tasks"_s, *task));
            lastReason = reason;
            continue;
        }
        if (!p.update(u"tasks"_s, *task, { { kStatus, u"pending"_s }, { u"retryCount"_s, qint64(0) } }))
            return p.plan();
        if (status == u"in_progress")
            p.plan().rows.append(guard);
        if (p.plan().title.isEmpty())
            p.plan().title = u"Retry "_s + p.name(u"tasks"_s, *task);
    }
    const int count = int(p.plan().rows.size())
        - int(std::count_if(
            p.plan().rows.cbegin(), p.plan().rows.cend(), [](const RowChange &r) { return r.op == RowOp::Check; }));
    if (count == 0)
        return p.fail(lastReason.isEmpty() ? u"None of the selected tasks can be retried."_s
                                           : u"None of the selected tasks can be retried. "_s + lastReason);
    if (count > 1)
        p.plan().title = u"Retry "_s + QString::number(count) + u" tasks";
    if (!skipped.isEmpty())
        p.plan().warning = QString::number(skipped.size())
            + u" selected task(s) cannot be retried and are left as "
              u"they are: "
            + skipped.join(u", ");
    return p.plan();
}

static ActionPlan planSetStatus(
    const Database &db, const QString &action, const QString &tableName, const QString &id, const QString &status)
{
    Planner p(db, action);
    const std::optional<QVariantMap> row = p.read(tableName, id, {});
    if (!row)
        return p.notFound(tableName, id);
    if (status.isNull())
        return p.plan(); // state check only: any row can be given another status
    const QStringList documented = documentedValues(tableName, kStatus);
    if (!documented.contains(status))
        return p.fail(
            u"“"_s + status + u"” is not a documented status; use one of " + documented.join(u", ") + u'.', true);
    if (row->value(kStatus).toString() == status)
        return p.fail(u"The status is "_s + status + u" already.");
    if (!p.update(tableName, *row, { { kStatus, status } }))
        return p.plan();
    p.plan().title = u"Set status of "_s + p.name(tableName, *row) + u" to " + status;
    p.plan().warning = u"Advanced: the server drives statuses itself. Changing one by hand can leave the "
                       u"orchestration inconsistent (an agent still working on a task marked completed, dependants "
                       u"waiting forever). Prefer Retry where it applies."_s;
    return p.plan();
}

ActionPlan Actions::planSetTaskStatus(const QString &taskId, const QString &status)
{
    return planSetStatus(*m_database, u"set-task-status"_s, u"tasks"_s, taskId, status);
}

ActionPlan Actions::planSetPhaseStatus(const QString &phaseId, const QString &status)
{
    return planSetStatus(*m_database, u"set-phase-status"_s, u"phases"_s, phaseId, status);
}

ActionPlan Actions::planCreateComment(const NewReviewComment &comment)
{
    Planner p(*m_database, u"create-comment"_s);
    const TableInfo *t = p.table(u"review_comments"_s);
    if (!t)
        return p.fail(u"This file has no review_comments table (an older schema)."_s);
    const std::optional<QVariantMap> phase = p.read(u"phases"_s, comment.phaseId, {});
    if (!phase)
        return p.notFound(u"phases"_s, comment.phaseId);
    if (comment.filePath.isNull() && comment.body.isNull())
        return p.plan(); // state check only
    if (comment.filePath.trimmed().isEmpty())
        return p.fail(u"A review comment needs the file it is about."_s, true);
    if (comment.lineNumber < 1)
        return p.fail(u"A review comment needs a line number of 1 or more."_s, true);
    if (!documentedValues(u"review_comments"_s, u"lineType"_s).contains(comment.lineType))
        return p.fail(u"The line type must be added, removed or context, not “"_s + comment.lineType + u"”.", true);
    if (comment.body.trimmed().isEmpty())
        return p.fail(u"The comment is empty."_s, true);
    const QString author = comment.author.trimmed().isEmpty() ? u"you"_s : comment.author;
    RowChange row;
    row.op = RowOp::Insert;
    row.table = t->name;
    row.id = newId();
    const QList<std::pair<QString, QVariant>> values {
        { kId, row.id },
        { u"phaseId"_s, comment.phaseId },
        { u"filePath"_s, comment.filePath },
        { u"lineNumber"_s, comment.lineNumber },
        { u"lineType"_s, comment.lineType },
        { u"body"_s, comment.body },
        { u"author"_s, author },
        { u"resolved"_s, qint64(0) },
    };
    for (const auto &[field, value] : values) {
        if (!t->has(field))
            return p.fail(u"This file's review_comments table has no "_s + field + u" column (an older schema).");
        row.changes.append({ field, QVariant(), value });
    }
    for (const QString &field : { kCreatedAt, kUpdatedAt }) {
        if (t->has(field))
            row.changes.append({ field, QVariant(), QVariant(), true });
    }
    p.plan().rows.append(row);
    p.plan().title = u"Add review comment on "_s + comment.filePath + u':' + QString::number(comment.lineNumber);
    return p.plan();
}

static ActionPlan planResolved(const Database &db, const QString &action, const QStringList &ids, bool resolved)
{
    Planner p(db, action);
    p.plan().needsConfirmation = false; // trivial and reversible
    QString reason;
    for (const QString &id : ids) {
        const std::optional<QVariantMap> row = p.read(u"review_comments"_s, id, { u"resolved"_s, u"body"_s });
        if (!row) {
            if (ids.size() == 1)
                return p.notFound(u"review_comments"_s, id);
            continue;
        }
        if (truthy(row->value(u"resolved"_s)) == resolved) {
            reason = resolved ? u"The comment is resolved already."_s : u"The comment is not resolved."_s;
            continue;
        }
        if (!p.update(u"review_comments"_s, *row, { { u"resolved"_s, qint64(resolved ? 1 : 0) } }))
            return p.plan();
        p.plan().title = (resolved ? u"Resolve "_s : u"Unresolve "_s) + p.name(u"review_comments"_s, *row);
    }
    if (p.plan().rows.isEmpty())
        return p.fail(reason.isEmpty() ? u"No such review comments."_s : reason, reason.isEmpty());
    if (p.plan().rows.size() > 1)
        p.plan().title = (resolved ? u"Resolve "_s : u"Unresolve "_s) + QString::number(p.plan().rows.size())
            + u" review comments";
    return p.plan();
}

ActionPlan Actions::planResolveComments(const QStringList &commentIds)
{
    return planResolved(*m_database, u"resolve-comment"_s, commentIds, true);
}

ActionPlan Actions::planUnresolveComments(const QStringList &commentIds)
{
    return planResolved(*m_database, u"unresolve-comment"_s, commentIds, false);
}

ActionPlan Actions::planEditComment(const QString &commentId, const QString &body)
{
    Planner p(*m_database, u"edit-comment"_s);
    const std::optional<QVariantMap> row = p.read(u"review_comments"_s, commentId, { u"body"_s, u"resolved"_s });
    if (!row)
        return p.notFound(u"review_comments"_s, commentId);
    if (body.isNull())
        return p.plan();
    if (body.trimmed().isEmpty())
        return p.fail(u"The comment is empty; delete it instead."_s, true);
    if (row->value(u"body"_s).toString() == body)
        return p.fail(u"The text is unchanged."_s, true);
    p.update(u"review_comments"_s, *row, { { u"body"_s, body } });
    p.plan().title = u"Edit "_s + p.name(u"review_comments"_s, *row);
    return p.plan();
}

ActionPlan Actions::planDeleteComment(const QString &commentId)
{
    Planner p(*m_database, u"delete-comment"_s);
    const TableInfo *t = p.table(u"review_comments"_s);
    if (!t)
        return p.notFound(u"review_comments"_s, commentId);
    // Every column, so undo can put the row back exactly.
    const std::optional<QVariantMap> row = writes::readRow(m_database->readConnection(), *t, commentId, {});
    if (!row)
        return p.notFound(u"review_comments"_s, commentId);
    RowChange change;
    change.op = RowOp::Delete;
    change.table = t->name;
    change.id = commentId;
    for (auto it = row->cbegin(); it != row->cend(); ++it)
        change.changes.append({ it.key(), it.value(), QVariant() });
    for (const QString &field : { u"body"_s, u"resolved"_s, kUpdatedAt }) {
        if (row->contains(field))
            change.expected.insert(field, row->value(field));
    }
    p.plan().rows.append(change);
    p.plan().title = u"Delete "_s + p.name(u"review_comments"_s, *row);
    return p.plan();
}

ActionPlan Actions::planAnswerConversation(const QString &conversationId, const QString &answer)
{
    Planner p(*m_database, u"answer-conversation"_s);
    const std::optional<QVariantMap> row = p.read(u"conversations"_s, conversationId, { u"answer"_s });
    if (!row)
        return p.notFound(u"conversations"_s, conversationId);
    if (row->value(kStatus).toString() != u"pending")
        return p.fail(
            u"Only a pending conversation can be answered; this one is "_s + row->value(kStatus).toString() + u'.');
    if (answer.isNull())
        return p.plan();
    if (answer.trimmed().isEmpty())
        return p.fail(u"The answer is empty."_s, true);
    p.update(u"conversations"_s, *row, { { u"answer"_s, answer }, { kStatus, u"answered"_s } });
    p.plan().title = u"Answer "_s + p.name(u"conversations"_s, *row);
    return p.plan();
}

ActionPlan Actions::planRespondToMessage(const QString &messageId, const QString &text)
{
    Planner p(*m_database, u"respond-message"_s);
    const QStringList fields { u"senderType"_s, u"senderId"_s, u"recipientType"_s, u"recipientId"_s,
        u"requiresResponse"_s, u"content"_s };
    const std::optional<QVariantMap> row = p.read(u"messages"_s, messageId, fields);
    if (!row)
        return p.notFound(u"messages"_s, messageId);
    if (!truthy(row->value(u"requiresResponse"_s)))
        return p.fail(u"This message does not ask for a response."_s);
    if (row->value(kStatus).toString() == u"responded")
        return p.fail(u"This message has been responded to already."_s);
    if (row->value(u"recipientType"_s).toString() != u"user")
        return p.fail(u"This message is addressed to an agent, not to you."_s);
    if (text.isNull())
        return p.plan();
    if (text.trimmed().isEmpty())
        return p.fail(u"The response is empty."_s, true);
    const TableInfo *t = p.table(u"messages"_s);
    RowChange reply;
    reply.op = RowOp::Insert;
    reply.table = t->name;
    reply.id = newId();
    const QList<std::pair<QString, QVariant>> values {
        { kId, reply.id },
        { u"senderType"_s, u"user"_s },
        { u"senderId"_s, row->value(u"recipientId"_s) },
        { u"recipientType"_s, row->value(u"senderType"_s) },
        { u"recipientId"_s, row->value(u"senderId"_s) },
        { u"type"_s, u"response"_s },
        { u"content"_s, text },
        { u"requiresResponse"_s, qint64(0) },
        { kStatus, u"pending"_s },
        { u"parentMessageId"_s, messageId },
    };
    for (const auto &[field, value] : values) {
        if (!t->has(field))
            return p.fail(u"This file's messages table has no "_s + field + u" column (an older schema).");
        reply.changes.append({ field, QVariant(), value });
    }
    for (const QString &field : { kCreatedAt, kUpdatedAt }) {
        if (t->has(field))
            reply.changes.append({ field, QVariant(), QVariant(), true });
    }
    p.plan().rows.append(reply);
    if (!p.update(u"messages"_s, *row, { { kStatus, u"responded"_s } }))
        return p.plan();
    p.plan().title = u"Respond to "_s + p.name(u"messages"_s, *row);
    return p.plan();
}

ActionPlan Actions::planMarkMessageRead(const QString &messageId)
{
    Planner p(*m_database, u"mark-message-read"_s);
    const std::optional<QVariantMap> row = p.read(u"messages"_s, messageId, { u"content"_s });
    if (!row)
        return p.notFound(u"messages"_s, messageId);
    const QString status = row->value(kStatus).toString();
    if (status == u"read" || status == u"responded")
        return p.fail(u"The message is "_s + status + u" already.");
    p.update(u"messages"_s, *row, { { kStatus, u"read"_s } });
    p.plan().title = u"Mark "_s + p.name(u"messages"_s, *row) + u" read";
    p.plan().needsConfirmation = false;
    return p.plan();
}

ActionPlan Actions::planDismissProposal(const QString &proposalId)
{
    Planner p(*m_database, u"dismiss-proposal"_s);
    const std::optional<QVariantMap> row = p.read(u"proposals"_s, proposalId, {});
    if (!row)
        return p.notFound(u"proposals"_s, proposalId);
    if (row->value(kStatus).toString() != u"pending")
        return p.fail(
            u"Only a pending proposal can be dismissed; this one is "_s + row->value(kStatus).toString() + u'.');
    p.update(u"proposals"_s, *row, { { kStatus, u"dismissed"_s } });
    p.plan().title = u"Dismiss "_s + p.name(u"proposals"_s, *row);
    return p.plan();
}

ActionPlan Actions::planDismissAgent(const QString &agentId)
{
    Planner p(*m_database, u"dismiss-agent"_s);
    const std::optional<QVariantMap> row = p.read(u"agents"_s, agentId, { u"userDismissedAt"_s });
    if (!row)
        return p.notFound(u"agents"_s, agentId);
    if (!p.table(u"agents"_s)->has(u"userDismissedAt"_s))
        return p.fail(u"This file's agents table has no userDismissedAt column (an older schema)."_s);
    if (!isNull(row->value(u"userDismissedAt"_s)))
        return p.fail(u"The agent is dismissed already."_s);
    const QString status = row->value(kStatus).toString();
    if (status == u"running" || status == u"waiting_for_input")
        return p.fail(u"The agent is "_s + status + u"; only an idle, stopped or crashed agent can be dismissed.");
    p.update(u"agents"_s, *row, { { u"userDismissedAt"_s, kNow } });
    p.plan().title = u"Dismiss "_s + p.name(u"agents"_s, *row);
    return p.plan();
}

ActionPlan Actions::planUndismissAgent(const QString &agentId)
{
    Planner p(*m_database, u"undismiss-agent"_s);
    const std::optional<QVariantMap> row = p.read(u"agents"_s, agentId, { u"userDismissedAt"_s });
    if (!row)
        return p.notFound(u"agents"_s, agentId);
    if (isNull(row->value(u"userDismissedAt"_s)))
        return p.fail(u"The agent is not dismissed."_s);
    p.update(u"agents"_s, *row, { { u"userDismissedAt"_s, QVariant() } });
    p.plan().title = u"Un-dismiss "_s + p.name(u"agents"_s, *row);
    return p.plan();
}

ActionPlan Actions::planClearExhaustion(const QString &accountId)
{
    Planner p(*m_database, u"clear-exhaustion"_s);
    const std::optional<QVariantMap> row
        = p.read(u"accounts"_s, accountId, { u"email"_s, u"isExhausted"_s, u"exhaustedUntil"_s });
    if (!row)
        return p.notFound(u"accounts"_s, accountId);
    if (!truthy(row->value(u"isExhausted"_s)) && isNull(row->value(u"exhaustedUntil"_s)))
        return p.fail(u"The account is not exhausted."_s);
    p.update(u"accounts"_s, *row, { { u"isExhausted"_s, qint64(0) }, { u"exhaustedUntil"_s, QVariant() } });
    p.plan().title = u"Clear exhaustion of "_s + p.name(u"accounts"_s, *row);
    return p.plan();
}

ActionPlan Actions::planAbandonErrand(const QString &errandId)
{
    Planner p(*m_database, u"abandon-errand"_s);
    const std::optional<QVariantMap> row = p.read(u"errands"_s, errandId, { u"branch"_s });
    if (!row)
        return p.notFound(u"errands"_s, errandId);
    const QString status = row->value(kStatus).toString();
    if (status != u"active" && status != u"pending_review" && status != u"conflict")
        return p.fail(
            u"Only an active, pending-review or conflicting errand can be abandoned; this one is "_s + status + u'.');
    p.update(u"errands"_s, *row, { { kStatus, u"abandoned"_s } });
    p.plan().title = u"Abandon "_s + p.name(u"errands"_s, *row);
    p.plan().warning = u"The errand's branch “"_s + row->value(u"branch"_s).toString()
        + u"” and its worktree stay as they are; only the status changes.";
    return p.plan();
}

ActionPrompt Actions::prompt(const QString &action, const QString &id)
{
    ActionPrompt prompt;
    const ActionInfo *i = info(action);
    if (!i)
        return prompt;
    Planner p(*m_database, action);
    if (action == u"answer-conversation") {
        if (const auto row = p.read(u"conversations"_s, id, { u"question"_s }))
            prompt.context = u"Question: "_s + row->value(u"question"_s).toString();
    } else if (action == u"respond-message") {
        if (const auto row = p.read(u"messages"_s, id, { u"senderType"_s, u"senderId"_s, u"content"_s }))
            prompt.context = row->value(u"senderType"_s).toString() + u' ' + row->value(u"senderId"_s).toString()
                + u" wrote: " + row->value(u"content"_s).toString();
    } else if (action == u"edit-comment") {
        if (const auto row = p.read(u"review_comments"_s, id, { u"body"_s }))
            prompt.initialText = row->value(u"body"_s).toString();
    } else if (i->arg == ActionArg::Status) {
        if (const auto row = p.read(i->table, id, {})) {
            prompt.choices = documentedValues(i->table, kStatus);
            prompt.choices.removeAll(row->value(kStatus).toString());
            prompt.context = u"Current status: "_s + row->value(kStatus).toString();
        }
    }
    return prompt;
}

} // namespace cwi
