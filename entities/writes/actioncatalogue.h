#pragma once

// The catalogue of manual actions: which actions exist, on which table, with which argument, and
// what a dialog for one shows before the user types. Values only (no database, no SQL): menus and
// dialogs read it; planning and writing are Actions' (actions.h).

#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

// What an action needs besides the row id.
enum class ActionArg
{
    None,
    Text,
    Status
};

struct ActionInfo
{
    QString name; // command name: "retry-task"
    QString table; // "tasks"
    QString label; // menu text: "Retry"
    QString shortcut; // QKeySequence portable text, may be empty
    ActionArg arg = ActionArg::None;
    bool advanced = false; // shown with a warning
    bool many = false; // may take several ids at once
};

struct NewReviewComment
{
    QString phaseId;
    QString filePath;
    qint64 lineNumber = 0;
    QString lineType; // added | removed | context
    QString body;
    QString author = QStringLiteral("you");
};

// What a dialog for ACTION on one row shows before the user types (Actions::prompt()).
struct ActionPrompt
{
    QString context; // what the user answers: the question, the message; empty if nothing
    QString initialText; // edit-comment: the current body
    QStringList choices; // set-*-status: the documented statuses other than the current one
};

// Every action, in menu order.
const QVector<ActionInfo> &actionCatalogue();
// The action named ACTION, nullptr when there is none.
const ActionInfo *actionInfo(const QString &action);
// The actions a row of TABLE offers in its menus (create-comment is the review's own).
QVector<ActionInfo> actionsForTable(const QString &table);

} // namespace cwi
