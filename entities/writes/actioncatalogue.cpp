// The catalogue of manual actions: which actions exist, on which table, with which argument.

#include "writes/actioncatalogue.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cwi {

const QVector<ActionInfo> &actionCatalogue()
{
    static const QVector<ActionInfo> actions = [] {
        QVector<ActionInfo> a;
        const auto add = [&a](const char *name, const char *table, const char *label, const char *shortcut,
                             ActionArg arg = ActionArg::None, bool advanced = false, bool many = false) {
            a.append({ QString::fromLatin1(name), QString::fromLatin1(table), QString::fromUtf8(label),
                QString::fromLatin1(shortcut), arg, advanced, many });
        };
        add("retry-task", "tasks", "Retry", "Ctrl+Shift+R", ActionArg::None, false, true);
        add("set-task-status", "tasks", "Set status…", "", ActionArg::Status, true);
        add("set-phase-status", "phases", "Set status…", "", ActionArg::Status, true);
        add("create-comment", "phases", "Add review comment…", "", ActionArg::Text);
        add("resolve-comment", "review_comments", "Resolve", "Ctrl+Shift+K", ActionArg::None, false, true);
        add("unresolve-comment", "review_comments", "Unresolve", "Ctrl+Shift+U", ActionArg::None, false, true);
        add("edit-comment", "review_comments", "Edit comment…", "F2", ActionArg::Text);
        add("delete-comment", "review_comments", "Delete comment…", "Del");
        add("answer-conversation", "conversations", "Answer…", "Ctrl+Shift+A", ActionArg::Text);
        add("respond-message", "messages", "Respond…", "Ctrl+Shift+A", ActionArg::Text);
        add("mark-message-read", "messages", "Mark read", "Ctrl+Shift+M");
        add("dismiss-proposal", "proposals", "Dismiss proposal", "Ctrl+Shift+D");
        add("dismiss-agent", "agents", "Dismiss", "Ctrl+Shift+D");
        add("undismiss-agent", "agents", "Un-dismiss", "Ctrl+Shift+U");
        add("clear-exhaustion", "accounts", "Clear exhaustion", "Ctrl+Shift+X");
        add("abandon-errand", "errands", "Abandon errand…", "Ctrl+Shift+D");
        return a;
    }();
    return actions;
}

const ActionInfo *actionInfo(const QString &action)
{
    const QVector<ActionInfo> &all = actionCatalogue();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const ActionInfo &i) { return i.name == action; });
    return it == all.cend() ? nullptr : &*it;
}

QVector<ActionInfo> actionsForTable(const QString &table)
{
    QVector<ActionInfo> out;
    for (const ActionInfo &i : actionCatalogue()) {
        if (i.table == table && i.name != u"create-comment")
            out.append(i);
    }
    return out;
}

} // namespace cwi
