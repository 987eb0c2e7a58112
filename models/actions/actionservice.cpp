#include "actionservice.h"

#include "database.h"
#include "writes/actions.h"

namespace cwi {

namespace {
WriteResult noFile()
{
    WriteResult result;
    result.outcome = WriteOutcome::ReadOnly;
    result.message = ActionService::tr("No database is open.");
    return result;
}
} // namespace

ActionService::ActionService(Actions *actions, QObject *parent)
    : QObject(parent)
{
    setActions(actions);
}

void ActionService::setActions(Actions *actions)
{
    disconnect(m_journal);
    disconnect(m_writable);
    m_actions = actions;
    if (m_actions) {
        m_journal = connect(m_actions, &Actions::journalChanged, this, &ActionService::journalChanged);
        if (m_actions->database())
            m_writable = connect(
                m_actions->database().get(), &Database::writableChanged, this, &ActionService::writableChanged);
    }
    Q_EMIT changed();
}

bool ActionService::isAvailable() const
{
    return m_actions;
}

bool ActionService::isWritable() const
{
    return m_actions && m_actions->isWritable();
}

QString ActionService::journalError() const
{
    return m_actions ? m_actions->journalError() : QString();
}

QString ActionService::filePath() const
{
    return m_actions && m_actions->database() ? m_actions->database()->path() : QString();
}

ActionPlan ActionService::plan(const QString &action, const QStringList &ids, const QStringList &args) const
{
    if (!m_actions) {
        ActionPlan none;
        none.action = action;
        none.notValid = tr("No database is open.");
        return none;
    }
    return m_actions->plan(action, ids, args);
}

ActionPrompt ActionService::prompt(const QString &action, const QString &id) const
{
    return m_actions ? m_actions->prompt(action, id) : ActionPrompt {};
}

QString ActionService::whyNot(const QString &action, const QString &id) const
{
    return m_actions ? m_actions->whyNot(action, id) : tr("No database is open.");
}

WriteResult ActionService::apply(const ActionPlan &plan) const
{
    return m_actions ? m_actions->apply(plan) : noFile();
}

bool ActionService::canUndo() const
{
    return m_actions && m_actions->canUndo();
}

QString ActionService::undoTitle() const
{
    return m_actions ? m_actions->undoTitle() : QString();
}

WriteResult ActionService::undoLast() const
{
    return m_actions ? m_actions->undoLast() : noFile();
}

WriteResult ActionService::undo(qint64 journalId) const
{
    return m_actions ? m_actions->undo(journalId) : noFile();
}

QVector<JournalEntry> ActionService::history() const
{
    return m_actions ? m_actions->history() : QVector<JournalEntry>();
}

} // namespace cwi
