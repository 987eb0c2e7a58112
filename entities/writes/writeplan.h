#pragma once

// Value types of the write path (manual actions). SQL-free: models and views include this.
//
// An action is planned first (read the row, decide what would change, shown to the user in the
// confirmation dialog), then applied in one short BEGIN IMMEDIATE ... COMMIT whose WHERE names the
// values the user saw. Field names are always LOGICAL (camelCase, as in database.md); the write path
// maps them to the real column spelling of the open file.

#include <QMetaType>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <QVector>

namespace cwi {

enum class WriteOutcome
{
    Applied, // committed
    ChangedMeanwhile, // the row is no longer as the user saw it; nothing written
    NotValid, // the action does not apply to the row's state (or bad arguments); nothing written
    Busy, // the database stayed locked past the busy timeout; nothing written, may retry
    ReadOnly, // editing is off or the file cannot be written; nothing written
    Failed, // any other error (journal unavailable, SQL error); nothing written
};
QString writeOutcomeName(WriteOutcome outcome); // "applied", "changed meanwhile", ...

// One field of one row. `before` is what the user saw; `after` what will be written.
// stampNow: `after` is "now", filled in at apply time in the unit the column already holds
// (seconds, milliseconds or ISO text); the applied plan in WriteResult carries the real value.
struct FieldChange
{
    QString field; // logical name, e.g. "status", "updatedAt"
    QVariant before; // invalid QVariant for an inserted row
    QVariant after; // invalid QVariant for a deleted row
    bool stampNow = false;
};

enum class RowOp
{
    Update, // UPDATE ... SET changes WHERE id = ? AND each expected field IS ?
    Insert, // INSERT of changes' after values (expected unused)
    Delete, // DELETE ... WHERE id = ? AND each expected field IS ?; changes hold the full row
    Check, // SELECT only: the row must still match `expected` (e.g. the task's agent is still crashed)
};

struct RowChange
{
    RowOp op = RowOp::Update;
    QString table; // real table name, e.g. "tasks"
    QString id;
    QVector<FieldChange> changes;
    QVariantMap expected; // logical field -> value the user saw (always includes status/updatedAt when present)
    // For Check with an empty id: no row of `table` may match `expected` (e.g. "no agent runs this task").
};

struct ActionPlan
{
    QString action; // command name, e.g. "retry-task" (see actionCatalogue())
    QString title; // one line for dialogs and the History, e.g. "Retry task “Build login”"
    QString warning; // advanced actions: shown prominently in the confirmation
    QString notValid; // non-empty: why the action cannot be applied now (tooltip text)
    bool badArguments = false; // notValid because of the request itself (unknown id, empty text, bad status)
    bool needsConfirmation = true; // false for trivial reversible ones (resolve a comment)
    QVector<RowChange> rows; // applied together, all or nothing

    bool isValid() const { return notValid.isEmpty() && !rows.isEmpty(); }
    // The row the action is about (first non-Check row): table + id.
    QString primaryTable() const;
    QString primaryId() const;
};

struct WriteResult
{
    WriteOutcome outcome = WriteOutcome::Failed;
    QString message; // one line for the user
    ActionPlan plan; // as applied: stampNow values resolved to what was written
    // ChangedMeanwhile: the current values of the row that no longer matched (logical field ->
    // value; empty when the row is gone), and which row it was.
    QString staleTable;
    QString staleId;
    QVariantMap current;
    qint64 journalId = 0; // 0 when not journaled
    qint64 lockHeldUs = -1; // BEGIN IMMEDIATE acquired -> COMMIT/ROLLBACK done; -1 when never acquired

    bool applied() const { return outcome == WriteOutcome::Applied; }
};

// One line of the History (the sidecar journal).
struct JournalEntry
{
    qint64 id = 0;
    qint64 atMs = 0; // Unix ms, local clock
    QString file; // canonical path of the Codewalkers file
    QString action;
    QString title;
    WriteOutcome outcome = WriteOutcome::Failed;
    bool pending = false; // journaled before the write, outcome not recorded (crash in between)
    QString message;
    qint64 undoOf = 0; // this entry undid entry undoOf
    bool undone = false; // a later entry undid this one
    QVector<RowChange> rows; // fields before / after as written
};

} // namespace cwi

Q_DECLARE_METATYPE(cwi::WriteResult)
Q_DECLARE_METATYPE(cwi::ActionPlan)
