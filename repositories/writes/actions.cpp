#include "actions.h"

#include "database.h"
#include "journal.h"
#include "writesql.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace cwi {

Actions::Actions(std::shared_ptr<Database> database, const QString &journalPath, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
{
    QString path = journalPath;
    if (m_database && QFileInfo(path).absoluteFilePath() == QFileInfo(m_database->path()).absoluteFilePath())
        path.clear(); // never journal into the Codewalkers file itself
    m_journal = std::make_unique<Journal>(path);
}

Actions::~Actions() = default;

QString Actions::defaultJournalPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(u"actions-journal.sqlite"_s);
}

const QVector<ActionInfo> &Actions::catalogue()
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

const ActionInfo *Actions::info(const QString &action)
{
    const QVector<ActionInfo> &all = catalogue();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const ActionInfo &i) { return i.name == action; });
    return it == all.cend() ? nullptr : &*it;
}

QVector<ActionInfo> Actions::actionsForTable(const QString &table)
{
    QVector<ActionInfo> out;
    for (const ActionInfo &i : catalogue()) {
        if (i.table == table && i.name != u"create-comment")
            out.append(i);
    }
    return out;
}

bool Actions::isWritable() const
{
    return m_database && m_database->isWritable();
}

QString Actions::journalError() const
{
    return m_journal->error();
}

namespace {

// access() says yes to root for any file; a file whose write bits are off was marked read-only
// on purpose, so the bits decide for the owner and for root.
bool markedWritable(const QFileInfo &info)
{
    if (!info.isWritable())
        return false;
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions p = info.permissions();
    if (info.ownerId() == ::geteuid())
        return p & QFileDevice::WriteOwner;
    if (::geteuid() == 0)
        return p & (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther);
#endif
    return true;
}

} // namespace

QString Actions::cannotWriteReason(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists())
        return u"No such file: "_s + path;
    if (!markedWritable(file))
        return u"The file "_s + path + u" is read-only (no write permission); editing stays off.";
    const QFileInfo folder(file.absolutePath());
    if (!markedWritable(folder))
        return u"The folder "_s + folder.absoluteFilePath()
            + u" is read-only; SQLite needs to create its journal there, so editing stays off.";
    return {};
}

QString Actions::fileKey() const
{
    if (!m_database)
        return {};
    const QFileInfo info(m_database->path());
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

ActionPlan Actions::plan(const QString &action, const QStringList &ids, const QStringList &args)
{
    const auto bad = [&](const QString &why) {
        ActionPlan p;
        p.action = action;
        p.notValid = why;
        p.badArguments = true;
        return p;
    };
    const ActionInfo *i = info(action);
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
    const ActionInfo *i = info(action);
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

WriteResult Actions::refuse(const ActionPlan &plan, WriteOutcome outcome, const QString &message)
{
    WriteResult result;
    result.plan = plan;
    result.outcome = outcome;
    result.message = message;
    Q_EMIT finished(result);
    return result;
}

WriteResult Actions::apply(const ActionPlan &plan)
{
    return run(plan, 0);
}

WriteResult Actions::run(ActionPlan plan, qint64 undoOf)
{
    if (!plan.isValid())
        return refuse(plan, WriteOutcome::NotValid, plan.notValid.isEmpty() ? u"Nothing to change."_s : plan.notValid);
    if (!isWritable())
        return refuse(plan, WriteOutcome::ReadOnly,
            u"Read-only: editing is off, nothing was written. Switch on editing to change the file."_s);
    if (!m_journal->isOpen())
        return refuse(
            plan, WriteOutcome::Failed, m_journal->error() + u" Nothing was written: every action must be journaled.");

    // Timestamps are stamped now, before the lock is taken, in the unit each column holds.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const SchemaMap &schema = m_database->schema();
    for (RowChange &row : plan.rows) {
        const TableInfo *table = schema.table(row.table);
        for (FieldChange &change : row.changes) {
            if (!change.stampNow || !table)
                continue;
            change.after = writes::timestampNow(now, schema, *table, change.field, { change.before });
            change.stampNow = false;
        }
    }
    QString error;
    const qint64 journalId = m_journal->begin(fileKey(), plan, undoOf, &error);
    if (journalId == 0)
        return refuse(plan, WriteOutcome::Failed, error + u" Nothing was written.");

    writes::prepareWriteConnection(m_database->writeConnection()); // cheap; the connection may be new
    WriteResult result = writes::execute(m_database->writeConnection(), schema, plan);
    result.journalId = journalId;
    m_journal->finish(journalId, result);
    Q_EMIT finished(result);
    Q_EMIT journalChanged();
    return result;
}

bool Actions::canUndo() const
{
    return isWritable() && m_journal->lastUndoable(fileKey()) != 0;
}

QString Actions::undoTitle() const
{
    const qint64 id = m_journal->lastUndoable(fileKey());
    if (id == 0)
        return {};
    const std::optional<JournalEntry> e = m_journal->entry(id);
    return e ? u"Undo "_s + e->title : QString();
}

WriteResult Actions::undoLast()
{
    const qint64 id = m_journal->lastUndoable(fileKey());
    if (id == 0) {
        ActionPlan none;
        none.action = u"undo"_s;
        return refuse(none, WriteOutcome::NotValid, u"Nothing to undo."_s);
    }
    return undo(id);
}

WriteResult Actions::undo(qint64 journalId)
{
    ActionPlan inverse;
    inverse.action = u"undo"_s;
    inverse.needsConfirmation = false;
    const std::optional<JournalEntry> e = m_journal->entry(journalId);
    if (!e || e->file != fileKey())
        inverse.notValid = u"No such action in the journal of this file."_s;
    else if (e->outcome != WriteOutcome::Applied || e->pending)
        inverse.notValid = u"That action was not applied; there is nothing to undo."_s;
    else if (e->undone)
        inverse.notValid = u"That action was undone already."_s;
    else if (e->undoOf > 0)
        inverse.notValid = u"An undo cannot be undone; apply the action again instead."_s;
    if (!inverse.notValid.isEmpty())
        return refuse(inverse, WriteOutcome::NotValid, inverse.notValid);

    inverse.title = u"Undo "_s + e->title;
    for (auto it = e->rows.crbegin(); it != e->rows.crend(); ++it) {
        RowChange row;
        row.table = it->table;
        row.id = it->id;
        for (const FieldChange &c : it->changes) {
            switch (it->op) {
            case RowOp::Update: // back to the before-values, only if the row still holds what we wrote
                row.op = RowOp::Update;
                row.changes.append({ c.field, c.after, c.before });
                row.expected.insert(c.field, c.after);
                break;
            case RowOp::Insert: // remove the row we added, only if it is still as we wrote it
                row.op = RowOp::Delete;
                row.changes.append({ c.field, c.after, QVariant() });
                row.expected.insert(c.field, c.after);
                break;
            case RowOp::Delete: // put the row back exactly
                row.op = RowOp::Insert;
                row.changes.append({ c.field, QVariant(), c.before });
                break;
            case RowOp::Check:
                break;
            }
        }
        if (!row.changes.isEmpty())
            inverse.rows.append(row);
    }
    return run(inverse, journalId);
}

QVector<JournalEntry> Actions::history(int limit) const
{
    return m_journal->entries(fileKey(), limit);
}

} // namespace cwi
