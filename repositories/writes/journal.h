#pragma once

// The sidecar journal of manual actions: a small SQLite file of its own (never the Codewalkers
// file). Each action is recorded before it is written (outcome "pending") and its outcome after,
// with every field's value before and after, so an action can be shown in the History and undone.
// Values keep their SQLite storage class (the value columns have no type affinity).

#include "writes/writeplan.h"

#include <QString>

#include <optional>

namespace cwi {

class Journal
{
public:
    explicit Journal(const QString &path);
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    // Records PLAN as pending for FILE; returns the entry id, 0 on failure (*error set).
    qint64 begin(const QString &file, const ActionPlan &plan, qint64 undoOf, QString *error);
    bool finish(qint64 id, const WriteResult &result);

    std::optional<JournalEntry> entry(qint64 id) const;
    QVector<JournalEntry> entries(const QString &file, int limit) const;
    // Newest applied entry of FILE that is not an undo and not undone yet; 0 if none.
    qint64 lastUndoable(const QString &file) const;

private:
    QVector<RowChange> rowsOf(qint64 id) const;

    QString m_path;
    QString m_connection;
    QString m_error;
};

} // namespace cwi
