#include "actionrunner.h"

#include "actiondialog.h"
#include "actions/actionservice.h"
#include "plainmessagebox.h"

#include <QAction>
#include <QMessageBox>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace cwi {

ActionRunner::ActionRunner(AppContext *context, ActionService *service, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_context(context)
    , m_service(service)
    , m_dialogParent(dialogParent)
    , m_undo(new QAction(tr("Undo"), this))
{
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setShortcutContext(Qt::WindowShortcut);
    connect(m_undo, &QAction::triggered, this, [this] { undoLast(); });
    // Another file, another journal, editing on or off: the Undo entry says what it would undo.
    connect(m_service, &ActionService::changed, this, &ActionRunner::updateUndo);
    connect(m_service, &ActionService::journalChanged, this, &ActionRunner::updateUndo);
    connect(m_service, &ActionService::writableChanged, this, &ActionRunner::updateUndo);
    updateUndo();
}

void ActionRunner::updateUndo()
{
    const bool can = m_service->canUndo();
    m_undo->setEnabled(can);
    m_undo->setText(can ? m_service->undoTitle() : tr("Undo"));
    m_undo->setToolTip(
        can ? tr("%1 (the row must still be as the action left it)").arg(m_undo->text()) : tr("Nothing to undo"));
}

void ActionRunner::trigger(const QString &action, const QStringList &ids, const QString &argument)
{
    const ActionInfo *info = actionInfo(action);
    if (!m_service->isAvailable() || !info || ids.isEmpty())
        return;
    const QString &id = ids.first();
    ActionService *service = m_service;
    const auto planner
        = [service, action, ids](const QString &arg) { return service->plan(action, ids, QStringList { arg }); };
    ActionPlan plan;
    if (info->arg != ActionArg::None && argument.isNull()) {
        if (!m_interactive)
            return;
        const ActionPrompt prompt = m_service->prompt(action, id);
        const QString initial = info->arg == ActionArg::Status ? prompt.choices.value(0) : prompt.initialText;
        ActionDialog dialog(*info, planner, prompt.context, initial, prompt.choices, m_dialogParent);
        if (dialog.exec() != QDialog::Accepted)
            return;
        plan = m_service->plan(action, ids, { dialog.argument() }); // fresh read right before writing
    } else {
        plan = m_service->plan(action, ids, argument.isNull() ? QStringList() : QStringList { argument });
        // Every action first shows what will change, also the trivial ones (resolve, mark read).
        if (plan.isValid() && m_interactive) {
            ActionDialog dialog(*info, planner, {}, argument, {}, m_dialogParent);
            if (dialog.exec() != QDialog::Accepted)
                return;
            plan = m_service->plan(action, ids, argument.isNull() ? QStringList() : QStringList { argument });
        }
    }
    report(applyWithRetry(plan));
}

WriteResult ActionRunner::run(const ActionPlan &plan, bool confirmed)
{
    if (!m_service->isAvailable())
        return {};
    if (plan.isValid() && !confirmed && m_interactive) {
        const ActionInfo *info = actionInfo(plan.action);
        ActionInfo shown = info ? *info : ActionInfo {};
        shown.arg = ActionArg::None;
        ActionDialog dialog(
            shown, [plan](const QString &) { return plan; }, {}, {}, {}, m_dialogParent);
        if (dialog.exec() != QDialog::Accepted) {
            WriteResult cancelled;
            cancelled.outcome = WriteOutcome::NotValid;
            cancelled.message = tr("Cancelled; nothing was written.");
            return cancelled;
        }
    }
    WriteResult result = applyWithRetry(plan);
    report(result);
    return result;
}

WriteResult ActionRunner::undoLast()
{
    if (!m_service->isAvailable())
        return {};
    WriteResult result = m_service->undoLast();
    while (result.outcome == WriteOutcome::Busy && m_interactive
        && plainMessageBox(m_dialogParent, QMessageBox::Warning, tr("Database busy"), result.message,
               QMessageBox::Retry | QMessageBox::Cancel)
            == QMessageBox::Retry)
        result = m_service->undoLast();
    report(result, true);
    return result;
}

WriteResult ActionRunner::applyWithRetry(const ActionPlan &plan)
{
    WriteResult result = m_service->apply(plan);
    while (result.outcome == WriteOutcome::Busy && m_interactive
        && plainMessageBox(m_dialogParent, QMessageBox::Warning, tr("Database busy"), result.message,
               QMessageBox::Retry | QMessageBox::Cancel)
            == QMessageBox::Retry)
        result = m_service->apply(plan);
    return result;
}

void ActionRunner::report(const WriteResult &result, bool undo)
{
    switch (result.outcome) {
    case WriteOutcome::Applied:
        // Only a fresh action can be undone by the next Ctrl+Z; after an undo, say what it undid.
        updateUndo();
        if (undo)
            Q_EMIT statusMessage(
                result.plan.title + u" — done." + (m_undo->isEnabled() ? u" Ctrl+Z: "_s + m_undo->text() : QString()));
        else
            Q_EMIT statusMessage(result.plan.title + u" — done. Ctrl+Z undoes it.");
        m_context->notifyDataChanged();
        break;
    case WriteOutcome::ChangedMeanwhile:
        Q_EMIT statusMessage(result.message);
        m_context->notifyDataChanged(); // show what the row is now
        if (m_interactive)
            plainMessageBox(m_dialogParent, QMessageBox::Information, tr("Changed meanwhile"),
                tr("%1\n\nThe views now show the current values.").arg(result.message));
        break;
    case WriteOutcome::Busy:
    case WriteOutcome::NotValid:
    case WriteOutcome::ReadOnly:
    case WriteOutcome::Failed:
        Q_EMIT statusMessage(result.message);
        if (m_interactive && result.outcome != WriteOutcome::Busy
            && result.message != tr("Cancelled; nothing was written."))
            plainMessageBox(m_dialogParent, QMessageBox::Warning, tr("Not applied"), result.message);
        break;
    }
    updateUndo();
    Q_EMIT finished(result);
}

} // namespace cwi
