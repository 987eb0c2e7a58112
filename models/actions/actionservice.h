#pragma once

// The write path as the window's views see it: the Actions of the open file (or none) behind one
// object that outlives files. Menus, the action runner and the History ask it to plan, apply and
// undo, and for the journal; it says when the file's actions came or went (changed()), when the
// journal changed and when editing went on or off. The views never see Actions or the Database.

#include "writes/actioncatalogue.h"
#include "writes/writeplan.h"

#include <QObject>
#include <QPointer>

namespace cwi {

class Actions;

class ActionService : public QObject
{
    Q_OBJECT
public:
    explicit ActionService(Actions *actions = nullptr, QObject *parent = nullptr);

    // Another file opened: its Actions (or null). Emits changed().
    void setActions(Actions *actions);
    bool isAvailable() const; // a file is open and has its Actions
    bool isWritable() const; // editing is on
    QString journalError() const; // empty when the journal is usable
    QString filePath() const; // the open file, empty without one

    ActionPlan plan(const QString &action, const QStringList &ids, const QStringList &args = {}) const;
    ActionPrompt prompt(const QString &action, const QString &id) const;
    // Empty when ACTION may run on row ID now; otherwise why not (a menu entry's tooltip).
    QString whyNot(const QString &action, const QString &id) const;
    WriteResult apply(const ActionPlan &plan) const;

    bool canUndo() const;
    QString undoTitle() const;
    WriteResult undoLast() const;
    WriteResult undo(qint64 journalId) const;
    QVector<JournalEntry> history() const; // newest first

Q_SIGNALS:
    void changed();
    void journalChanged();
    void writableChanged();

private:
    QPointer<Actions> m_actions;
    QMetaObject::Connection m_journal;
    QMetaObject::Connection m_writable;
};

} // namespace cwi
