#include "actions.h"

#include "database.h"
#include "journal.h"
#include "writesql.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

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

bool Actions::isWritable() const
{
    return m_database && m_database->isWritable();
}

QString Actions::journalError() const
{
    return m_journal->error();
}

QString Actions::fileKey() const
{
    if (!m_database)
        return {};
    const QFileInfo info(m_database->path());
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
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
