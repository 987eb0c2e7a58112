#include "proposallistmodel.h"

#include "browse/cellformat.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"

using namespace Qt::StringLiterals;

namespace cwi {

ProposalListModel::ProposalListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ProposalListModel::setProposals(const QVector<Proposal> &proposals, const QHash<QString, QString> &agentNames)
{
    beginResetModel();
    m_all = proposals;
    m_agentNames = agentNames;
    applyFilter();
    endResetModel();
}

void ProposalListModel::setStatusFilter(const QString &status)
{
    if (status == m_statusFilter)
        return;
    beginResetModel();
    m_statusFilter = status;
    applyFilter();
    endResetModel();
}

void ProposalListModel::applyFilter()
{
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        if (m_statusFilter.isEmpty() || m_all.at(i).status == m_statusFilter)
            m_visible.append(i);
    }
}

const Proposal *ProposalListModel::proposal(int row) const
{
    return row >= 0 && row < m_visible.size() ? &m_all.at(m_visible.at(row)) : nullptr;
}

int ProposalListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_visible.size(); ++row) {
        if (m_all.at(m_visible.at(row)).id == id)
            return row;
    }
    return -1;
}

QString ProposalListModel::targetTable(const QString &targetType)
{
    if (targetType == "page"_L1)
        return u"pages"_s;
    if (targetType == "phase"_L1)
        return u"phases"_s;
    if (targetType == "task"_L1)
        return u"tasks"_s;
    return {};
}

int ProposalListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int ProposalListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProposalListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Proposal &p = m_all.at(m_visible.at(index.row()));
    const QString target = p.targetType.isEmpty() ? u"?"_s : p.targetType;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TitleColumn:
            return p.title.isEmpty() ? u"(untitled)"_s : CellFormat::elide(p.title, 100);
        case TargetColumn:
            return p.targetId.isEmpty()
                ? QString("new "_L1 + target)
                : QString(target + u": "_s + m_agentNames.value(p.targetId, p.targetId.left(10)));
        case StatusColumn:
            return statusLabel(u"proposals"_s, u"status"_s, p.status);
        case AgentColumn:
            return m_agentNames.value(p.agentId, p.agentId);
        case CreatedColumn:
            return p.createdAt.isNull() ? QString() : CellFormat::relativeAge(p.createdAt.toDateTime());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(statusIcon(u"proposals"_s, u"status"_s, p.status))
                                              : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return render::plainToolTip(p.summary.isEmpty() ? p.title : p.summary.left(CellFormat::kToolTipChars));
        if (index.column() == CreatedColumn && !p.createdAt.isNull())
            return render::plainToolTip(CellFormat::dateTime(p.createdAt.toDateTime()));
        if (index.column() == TargetColumn)
            return render::plainToolTip(p.targetId.isEmpty() ? u"Creates a new %1"_s.arg(target) : p.targetId);
        return {};
    case IdRole:
        return p.id;
    case TargetTableRole:
        return targetTable(p.targetType);
    case TargetIdRole:
        return p.targetId;
    case StatusRole:
        return p.status;
    default:
        return {};
    }
}

QVariant ProposalListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles { u"Title"_s, u"Target"_s, u"Status"_s, u"Agent"_s, u"Created"_s };
    return titles.value(section);
}

} // namespace cwi
