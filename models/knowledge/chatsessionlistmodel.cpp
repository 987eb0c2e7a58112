#include "chatsessionlistmodel.h"

#include "browse/cellformat.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"

using namespace Qt::StringLiterals;

namespace cwi {

ChatSessionListModel::ChatSessionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ChatSessionListModel::setSessions(const QVector<ChatSession> &sessions, const QHash<QString, QString> &targetNames,
    const QHash<QString, QString> &agentNames)
{
    beginResetModel();
    m_sessions = sessions;
    m_targetNames = targetNames;
    m_agentNames = agentNames;
    endResetModel();
}

const ChatSession *ChatSessionListModel::session(int row) const
{
    return row >= 0 && row < m_sessions.size() ? &m_sessions.at(row) : nullptr;
}

int ChatSessionListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_sessions.size(); ++row) {
        if (m_sessions.at(row).id == id)
            return row;
    }
    return -1;
}

int ChatSessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int ChatSessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChatSessionListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const ChatSession &s = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TargetColumn: {
            const QString name = m_targetNames.value(s.targetId);
            return QString(s.targetType + u": "_s + (name.isEmpty() ? s.targetId : name));
        }
        case StatusColumn:
            return statusLabel(u"chat_sessions"_s, u"status"_s, s.status);
        case AgentColumn:
            return s.agentId.isEmpty() ? u"\u2014"_s : m_agentNames.value(s.agentId, s.agentId);
        case CreatedColumn:
            return s.createdAt.isNull() ? QString() : CellFormat::relativeAge(s.createdAt.toDateTime());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(statusIcon(u"chat_sessions"_s, u"status"_s, s.status))
                                              : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn && !s.createdAt.isNull())
            return render::plainToolTip(CellFormat::dateTime(s.createdAt.toDateTime()));
        return render::plainToolTip(s.id);
    case IdRole:
        return s.id;
    case AgentIdRole:
        return s.agentId;
    default:
        return {};
    }
}

QVariant ChatSessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles { u"Target"_s, u"Status"_s, u"Agent"_s, u"Created"_s };
    return titles.value(section);
}

} // namespace cwi
