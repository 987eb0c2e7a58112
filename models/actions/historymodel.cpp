#include "historymodel.h"

#include "browse/cellformat.h"
#include "render/htmlwriter.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

using namespace Qt::StringLiterals;

namespace cwi {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HistoryModel::setEntries(const QVector<JournalEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const JournalEntry *HistoryModel::entry(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return nullptr;
    return &m_entries.at(index.row());
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryModel::outcomeText(const JournalEntry &entry)
{
    if (entry.pending)
        return tr("pending (no outcome recorded)");
    if (entry.outcome == WriteOutcome::Applied && entry.undone)
        return tr("undone");
    return writeOutcomeName(entry.outcome);
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const JournalEntry &e = m_entries.at(index.row());
    const RowChange *first = e.rows.isEmpty() ? nullptr : &e.rows.first();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return CellFormat::dateTime(QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC));
        case ActionColumn:
            return e.title.isEmpty() ? e.action : e.title;
        case RowColumn:
            if (!first)
                return QString();
            return QString(first->table + u' ' + first->id
                + (e.rows.size() > 1 ? u" +"_s + QString::number(e.rows.size() - 1) : QString()));
        case OutcomeColumn:
            return outcomeText(e);
        case ColumnCount:
            break;
        }
        break;
    case Qt::EditRole:
        if (index.column() == TimeColumn)
            return e.atMs;
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        return render::plainToolTip(e.message.isEmpty() ? data(index, Qt::DisplayRole).toString() : e.message);
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn) {
            if (e.pending || e.outcome == WriteOutcome::Failed || e.outcome == WriteOutcome::Busy)
                return QBrush(QColor(0xb3, 0x26, 0x1e));
            if (e.outcome == WriteOutcome::ChangedMeanwhile)
                return QBrush(QColor(0x9a, 0x60, 0x00));
            if (e.outcome == WriteOutcome::Applied && !e.undone)
                return QBrush(QColor(0x1b, 0x7f, 0x3b));
        }
        if (e.undone)
            return QBrush(QColor(0x80, 0x80, 0x80));
        break;
    case Qt::FontRole:
        if (e.undone) {
            QFont font;
            font.setStrikeOut(index.column() == ActionColumn);
            return font;
        }
        break;
    case EntryIdRole:
        return e.id;
    case TableRole:
        return first ? first->table : QString();
    case RowIdRole:
        return first ? first->id : QString();
    case UndoableRole:
        return e.outcome == WriteOutcome::Applied && !e.pending && !e.undone && e.undoOf == 0;
    default:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case RowColumn:
        return tr("Row");
    case OutcomeColumn:
        return tr("Outcome");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cwi
