// Planning of the actions that write text or rows of talk: review comments, answers, responses,
// and the prompt a dialog shows before the user types.

#include "planner.h"

namespace cwi {

using namespace writes;

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

ActionPrompt Actions::prompt(const QString &action, const QString &id)
{
    ActionPrompt prompt;
    const ActionInfo *i = actionInfo(action);
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
