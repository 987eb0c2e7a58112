// The generic entry points of the write path (command line, menus): plan() by name, whyNot()
// for tooltips. The catalogue they dispatch on is actioncatalogue.cpp's.

#include "actions.h"

using namespace Qt::StringLiterals;

namespace cwi {

ActionPlan Actions::plan(const QString &action, const QStringList &ids, const QStringList &args)
{
    const auto bad = [&](const QString &why) {
        ActionPlan p;
        p.action = action;
        p.notValid = why;
        p.badArguments = true;
        return p;
    };
    const ActionInfo *i = actionInfo(action);
    if (!i)
        return bad(u"Unknown action: "_s + action);
    if (ids.isEmpty() || ids.first().isEmpty())
        return bad(action + u" needs the id of a row of " + i->table + u'.');
    const QString &id = ids.first();
    const QString arg = args.value(0);
    if (i->arg != ActionArg::None && action != u"create-comment" && args.isEmpty())
        return bad(action + (i->arg == ActionArg::Status ? u" needs a status."_s : u" needs a text."_s));
    if (action == u"retry-task")
        return planRetryTasks(ids);
    if (action == u"set-task-status")
        return planSetTaskStatus(id, arg);
    if (action == u"set-phase-status")
        return planSetPhaseStatus(id, arg);
    if (action == u"create-comment") {
        if (args.size() < 4)
            return bad(u"create-comment PHASE_ID FILE LINE TYPE BODY [AUTHOR]"_s);
        NewReviewComment comment;
        comment.phaseId = id;
        comment.filePath = args.at(0);
        bool ok = false;
        comment.lineNumber = args.at(1).toLongLong(&ok);
        if (!ok)
            return bad(u"The line number must be a number: "_s + args.at(1));
        comment.lineType = args.at(2);
        comment.body = args.at(3);
        if (args.size() > 4)
            comment.author = args.at(4);
        return planCreateComment(comment);
    }
    if (action == u"resolve-comment")
        return planResolveComments(ids);
    if (action == u"unresolve-comment")
        return planUnresolveComments(ids);
    if (action == u"edit-comment")
        return planEditComment(id, arg);
    if (action == u"delete-comment")
        return planDeleteComment(id);
    if (action == u"answer-conversation")
        return planAnswerConversation(id, arg);
    if (action == u"respond-message")
        return planRespondToMessage(id, arg);
    if (action == u"mark-message-read")
        return planMarkMessageRead(id);
    if (action == u"dismiss-proposal")
        return planDismissProposal(id);
    if (action == u"dismiss-agent")
        return planDismissAgent(id);
    if (action == u"undismiss-agent")
        return planUndismissAgent(id);
    if (action == u"clear-exhaustion")
        return planClearExhaustion(id);
    if (action == u"abandon-errand")
        return planAbandonErrand(id);
    return bad(u"Unknown action: "_s + action);
}

QString Actions::whyNot(const QString &action, const QString &id)
{
    const ActionInfo *i = actionInfo(action);
    if (!i)
        return u"Unknown action: "_s + action;
    if (!isWritable())
        return u"Read-only: switch on editing (toolbar toggle, or start with --edit) to change the file."_s;
    // A null argument asks for the state check only.
    QStringList args;
    if (i->arg != ActionArg::None)
        args.append(QString());
    const ActionPlan p
        = action == u"create-comment" ? planCreateComment({ id, {}, 0, {}, {}, {} }) : plan(action, { id }, args);
    return p.notValid;
}

} // namespace cwi
