#pragma once

// The action journal of the open file as a table: newest first.

#include "writes/writeplan.h"

#include <QAbstractTableModel>
#include <QVector>

namespace cwi {

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        ActionColumn,
        RowColumn,
        OutcomeColumn,
        ColumnCount
    };
    enum Role
    {
        EntryIdRole = Qt::UserRole + 1,
        TableRole,
        RowIdRole,
        UndoableRole
    };

    explicit HistoryModel(QObject *parent = nullptr);

    void setEntries(const QVector<JournalEntry> &entries);
    const JournalEntry *entry(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "applied", "undone", "changed meanwhile", "pending (no outcome recorded)", ...
    static QString outcomeText(const JournalEntry &entry);

private:
    QVector<JournalEntry> m_entries;
};

} // namespace cwi
