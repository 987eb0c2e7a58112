#include "conversationlistmodel.h"

#include "browse/cellformat.h"
#include "render/htmlwriter.h"

#include <QBrush>
#include <QFont>

using namespace Qt::StringLiterals;

namespace cwi {

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ConversationListModel::setConversations(
    const QVector<Conversation> &conversations, const QHash<QString, QString> &names)
{
    beginResetModel();
    m_all = conversations;
    m_names = names;
    applyFilter();
    endResetModel();
}

void ConversationListModel::setStateFilter(StateFilter filter)
{
    beginResetModel();
    m_state = filter;
    applyFilter();
    endResetModel();
}

void ConversationListModel::setAgentFilter(const QString &agentId)
{
    beginResetModel();
    m_agent = agentId;
    applyFilter();
    endResetModel();
}

void ConversationListModel::applyFilter()
{
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        const Conversation &c = m_all.at(i);
        if (m_state == StateFilter::Pending && !isPending(c))
            continue;
        if (m_state == StateFilter::Answered && isPending(c))
            continue;
        if (!m_agent.isEmpty() && c.fromAgentId != m_agent && c.toAgentId != m_agent)
            continue;
        m_visible.append(i);
    }
}

const Conversation *ConversationListModel::conversation(int row) const
{
    return row >= 0 && row < m_visible.size() ? &m_all.at(m_visible.at(row)) : nullptr;
}

int ConversationListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_visible.size(); ++row) {
        if (m_all.at(m_visible.at(row)).id == id)
            return row;
    }
    return -1;
}

int ConversationListModel::pendingCount() const
{
    int count = 0;
    for (const Conversation &c : m_all)
        count += isPending(c) ? 1 : 0;
    return count;
}

QString ConversationListModel::about(const Conversation &c) const
{
    if (!c.taskId.isEmpty())
        return u"task: "_s + name(c.taskId);
    if (!c.phaseId.isEmpty())
        return u"phase: "_s + name(c.phaseId);
    if (!c.initiativeId.isEmpty())
        return u"initiative: "_s + name(c.initiativeId);
    return u"\u2014"_s;
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int ConversationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Conversation &c = m_all.at(m_visible.at(index.row()));
    const bool pending = isPending(c);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case AgentsColumn:
            return QString(name(c.fromAgentId) + u" \u2192 "_s + name(c.toAgentId));
        case QuestionColumn:
            return CellFormat::elide(c.question, 120);
        case AnswerColumn:
            if (!pending)
                return CellFormat::elide(c.answer, 120);
            return c.createdAt.isNull()
                ? u"pending"_s
                : QString(u"pending \u00b7 "_s + CellFormat::relativeAge(c.createdAt.toDateTime(), now));
        case AboutColumn:
            return about(c);
        case CreatedColumn:
            return c.createdAt.isNull() ? QString() : CellFormat::relativeAge(c.createdAt.toDateTime(), now);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == QuestionColumn)
            return render::plainToolTip(c.question.left(CellFormat::kToolTipChars));
        if (index.column() == AnswerColumn)
            return render::plainToolTip(pending ? u"Not answered yet"_s : c.answer.left(CellFormat::kToolTipChars));
        if (index.column() == CreatedColumn && !c.createdAt.isNull())
            return render::plainToolTip(CellFormat::dateTime(c.createdAt.toDateTime()));
        return {};
    case Qt::ForegroundRole:
        return pending && index.column() == AnswerColumn ? QVariant(QBrush(QColor(0xb2, 0x5e, 0x00))) : QVariant();
    case Qt::FontRole:
        if (pending && index.column() == AnswerColumn) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case IdRole:
        return c.id;
    case PendingRole:
        return pending;
    default:
        return {};
    }
}

QVariant ConversationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles { u"From \u2192 To"_s, u"Question"_s, u"Answer"_s, u"About"_s, u"Asked"_s };
    return titles.value(section);
}

} // namespace cwi
