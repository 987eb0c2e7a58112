#pragma once

// Manual actions on the open Codewalkers file: plan (read, decide, explain), apply (one short
// optimistic transaction, journaled), undo. One Actions object per open Database, main thread.
//
//   auto plan = actions->planResolveComments({id});
//   if (!plan.isValid()) show(plan.notValid);
//   else if (!plan.needsConfirmation || userConfirms(plan)) result = actions->apply(plan);
//   result.outcome: Applied / ChangedMeanwhile (result.current) / Busy (offer retry) / ...
//
// Nothing is held open between plan and apply: a dialog can wait as long as it likes.

#include "writes/actioncatalogue.h"
#include "writes/writeplan.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace cwi {

class Database;
class Journal;

class Actions : public QObject
{
    Q_OBJECT
public:
    // journalPath: the sidecar SQLite journal (created if missing); defaultJournalPath() in the app,
    // an explicit temporary path in tests.
    Actions(std::shared_ptr<Database> database, const QString &journalPath, QObject *parent = nullptr);
    ~Actions() override;

    static QString defaultJournalPath(); // QStandardPaths::AppDataLocation/actions-journal.sqlite

    std::shared_ptr<Database> database() const { return m_database; }
    bool isWritable() const; // editing on (Database::enableWriting succeeded)
    QString journalError() const; // empty when the journal is usable

    // --- planning: reads the current row(s) now, writes nothing -------------------------------
    // Generic entry (command line, menus): ACTION with ids and arguments (see actionCatalogue()).
    ActionPlan plan(const QString &action, const QStringList &ids, const QStringList &args = {});

    ActionPlan planRetryTasks(const QStringList &taskIds);
    ActionPlan planSetTaskStatus(const QString &taskId, const QString &status);
    ActionPlan planSetPhaseStatus(const QString &phaseId, const QString &status);
    ActionPlan planCreateComment(const NewReviewComment &comment);
    ActionPlan planResolveComments(const QStringList &commentIds);
    ActionPlan planUnresolveComments(const QStringList &commentIds);
    ActionPlan planEditComment(const QString &commentId, const QString &body);
    ActionPlan planDeleteComment(const QString &commentId);
    ActionPlan planAnswerConversation(const QString &conversationId, const QString &answer);
    ActionPlan planRespondToMessage(const QString &messageId, const QString &text);
    ActionPlan planMarkMessageRead(const QString &messageId);
    ActionPlan planDismissProposal(const QString &proposalId);
    ActionPlan planDismissAgent(const QString &agentId);
    ActionPlan planUndismissAgent(const QString &agentId);
    ActionPlan planClearExhaustion(const QString &accountId);
    ActionPlan planAbandonErrand(const QString &errandId);

    // A null text / status (QString()) only checks the row's state: the plan then has no rows and an
    // empty notValid when the action is possible. whyNot() uses this.

    ActionPrompt prompt(const QString &action, const QString &id);

    // Empty when ACTION is valid for row ID in its current state (and editing is on); otherwise
    // the reason, for a disabled menu entry's tooltip. Text arguments are not needed here.
    QString whyNot(const QString &action, const QString &id);

    // --- writing --------------------------------------------------------------------------------
    // One BEGIN IMMEDIATE ... COMMIT, every row optimistic, journaled before and after.
    WriteResult apply(const ActionPlan &plan);

    bool canUndo() const;
    QString undoTitle() const; // "Undo Retry task “Build login”", empty when nothing to undo
    // Applies the before-values of the last applied, not yet undone action of this file, with the
    // same optimistic check against the values it wrote.
    WriteResult undoLast();
    WriteResult undo(qint64 journalId);

    // The journal of the open file, newest first.
    QVector<JournalEntry> history(int limit = 1000) const;

Q_SIGNALS:
    // After every apply / undo, whatever the outcome (views reload on Applied / ChangedMeanwhile).
    void finished(const cwi::WriteResult &result);
    void journalChanged();

private:
    WriteResult run(ActionPlan plan, qint64 undoOf);
    WriteResult refuse(const ActionPlan &plan, WriteOutcome outcome, const QString &message);
    QString fileKey() const;

    std::shared_ptr<Database> m_database;
    std::unique_ptr<Journal> m_journal;
};

} // namespace cwi
