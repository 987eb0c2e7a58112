#include "sessionlistmodel.h"

#include "eventpresentation.h"
#include "render/htmlwriter.h"

#include <QColor>
#include <QFont>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
constexpr quintptr kGroupId = 0; // group rows; session rows carry group index + 1
}

SessionFigures sessionFigures(const SessionSummary &summary, const LogSessionInfo &info, bool agentRunning)
{
    SessionFigures f;
    f.turns = summary.turns();
    f.costUsd = summary.hasResult ? summary.result.costUsd : -1;
    f.usage = summary.usage;
    f.outcome = summary.outcome(agentRunning);
    f.unparseable = summary.count(EventKind::Unparseable);
    if (summary.hasResult && summary.result.durationMs >= 0) {
        f.durationMs = summary.result.durationMs;
    } else {
        const QDateTime first = info.firstAt.toDateTime();
        const QDateTime last = info.lastAt.toDateTime();
        if (first.isValid() && last.isValid())
            f.durationMs = first.msecsTo(last);
    }
    return f;
}

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void SessionListModel::setSessions(const QVector<LogSessionInfo> &sessions, const QSet<QString> &existingAgents)
{
    beginResetModel();
    m_groups.clear();
    QHash<QString, int> byAgent;
    for (const LogSessionInfo &s : sessions) {
        int g = byAgent.value(s.agentId, -1);
        if (g < 0) {
            g = int(m_groups.size());
            byAgent.insert(s.agentId, g);
            m_groups.append({ s.agentId, s.agentName, !existingAgents.contains(s.agentId), {} });
        }
        m_groups[g].sessions.append({ s, {}, false });
    }
    for (Group &group : m_groups) {
        std::sort(group.sessions.begin(), group.sessions.end(),
            [](const Entry &a, const Entry &b) { return a.info.sessionNumber > b.info.sessionNumber; });
    }
    // Existing agents first, then the deleted ones by name.
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        if (a.deleted != b.deleted)
            return !a.deleted;
        return a.deleted && a.agentName.localeAwareCompare(b.agentName) < 0;
    });
    endResetModel();
}

void SessionListModel::setFigures(const QString &agentId, qint64 sessionNumber, const SessionFigures &figures)
{
    const QModelIndex at = indexOf(agentId, sessionNumber);
    if (!at.isValid())
        return;
    Entry &entry = m_groups[int(at.internalId() - 1)].sessions[at.row()];
    entry.figures = figures;
    entry.hasFigures = true;
    Q_EMIT dataChanged(at, at.siblingAtColumn(ColumnCount - 1));
}

void SessionListModel::clear()
{
    beginResetModel();
    m_groups.clear();
    endResetModel();
}

QModelIndex SessionListModel::indexOf(const QString &agentId, qint64 sessionNumber) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).agentId != agentId)
            continue;
        const QVector<Entry> &sessions = m_groups.at(g).sessions;
        for (int s = 0; s < sessions.size(); ++s) {
            if (sessions.at(s).info.sessionNumber == sessionNumber)
                return createIndex(s, 0, quintptr(g) + 1);
        }
    }
    return {};
}

const LogSessionInfo *SessionListModel::session(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kGroupId)
        return nullptr;
    return &m_groups.at(int(index.internalId() - 1)).sessions.at(index.row()).info;
}

int SessionListModel::sessionCount() const
{
    int n = 0;
    for (const Group &g : m_groups)
        n += int(g.sessions.size());
    return n;
}

QModelIndex SessionListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex SessionListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupId);
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kGroupId)
        return 0;
    return int(m_groups.at(parent.row()).sessions.size());
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    if (index.internalId() == kGroupId)
        return groupData(m_groups.at(index.row()), index.column(), role);
    const Group &group = m_groups.at(int(index.internalId() - 1));
    const Entry &entry = group.sessions.at(index.row());
    switch (role) {
    case AgentIdRole:
        return group.agentId;
    case SessionNumberRole:
        return entry.info.sessionNumber;
    case IsGroupRole:
        return false;
    case IsDeletedRole:
        return group.deleted;
    default:
        return sessionData(entry, index.column(), role);
    }
}

QVariant SessionListModel::groupData(const Group &group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == SessionColumn)
            return group.deleted ? group.agentName + u"  (deleted agent)"_s : group.agentName;
        if (column == TurnsColumn)
            return QVariant();
        return {};
    case Qt::ToolTipRole:
        return render::plainToolTip(group.deleted
                ? u"The agent row %1 is gone; its log is still in agent_log_chunks."_s.arg(group.agentId)
                : u"Agent %1"_s.arg(group.agentId));
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        font.setItalic(group.deleted);
        return font;
    }
    case Qt::ForegroundRole:
        return group.deleted ? QVariant(QColor(0x80, 0x80, 0x80)) : QVariant();
    case AgentIdRole:
        return group.agentId;
    case IsGroupRole:
        return true;
    case IsDeletedRole:
        return group.deleted;
    case SortRole:
        return group.agentName;
    default:
        return {};
    }
}

QVariant SessionListModel::sessionData(const Entry &entry, int column, int role) const
{
    const LogSessionInfo &s = entry.info;
    const SessionFigures &f = entry.figures;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case SessionColumn:
            return s.sessionNumber == 1 ? u"#1 spawn"_s : u"#%1 resume"_s.arg(s.sessionNumber);
        case StartedColumn: {
            const QDateTime at = s.firstAt.toDateTime();
            return at.isValid() ? QLocale().toString(at.toLocalTime(), u"MM-dd HH:mm"_s) : u"—"_s;
        }
        case DurationColumn:
            return entry.hasFigures ? formatDuration(f.durationMs) : u"…"_s;
        case TurnsColumn:
            return entry.hasFigures ? (f.turns >= 0 ? QString::number(f.turns) : u"—"_s) : u"…"_s;
        case CostColumn:
            return entry.hasFigures ? formatCost(f.costUsd) : u"…"_s;
        case TokensColumn:
            return entry.hasFigures ? formatTokens(f.usage.total()) : u"…"_s;
        case OutcomeColumn:
            return entry.hasFigures ? sessionOutcomeName(f.outcome) : u"…"_s;
        default:
            return {};
        }
    }
    if (role == SortRole || role == Qt::EditRole) {
        switch (column) {
        case SessionColumn:
            return s.sessionNumber;
        case StartedColumn:
            return s.firstAt.raw;
        case DurationColumn:
            return f.durationMs;
        case TurnsColumn:
            return f.turns;
        case CostColumn:
            return f.costUsd;
        case TokensColumn:
            return f.usage.total();
        case OutcomeColumn:
            return int(f.outcome);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        const QDateTime at = s.firstAt.toDateTime();
        const qint64 bytes = entry.hasFigures && f.bytes >= 0 ? f.bytes : s.byteCount;
        QString tip = u"Session %1 · started %2 · %3 chunks · %4"_s.arg(s.sessionNumber)
                          .arg(at.isValid() ? QLocale().toString(at.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s) : u"—"_s)
                          .arg(s.chunkCount)
                          .arg(bytes >= 0 ? tr("%1 bytes").arg(bytes) : tr("size known once read"));
        if (entry.hasFigures) {
            tip += u"\ntokens: %1 in · %2 out · %3 cache write · %4 cache read"_s.arg(f.usage.input)
                       .arg(f.usage.output)
                       .arg(f.usage.cacheCreation)
                       .arg(f.usage.cacheRead);
            if (f.unparseable > 0)
                tip += u"\n%1 lines do not parse"_s.arg(f.unparseable);
        }
        return render::plainToolTip(tip);
    }
    if (role == Qt::ForegroundRole && column == OutcomeColumn && entry.hasFigures) {
        if (f.outcome == SessionOutcome::Failed)
            return QColor(0xc6, 0x28, 0x28);
        if (f.outcome == SessionOutcome::Succeeded)
            return QColor(0x2e, 0x7d, 0x32);
        if (f.outcome == SessionOutcome::Running)
            return QColor(0x15, 0x65, 0xc0);
    }
    if (role == Qt::TextAlignmentRole && column >= DurationColumn && column <= TokensColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SessionColumn:
        return u"Session"_s;
    case StartedColumn:
        return u"Started"_s;
    case DurationColumn:
        return u"Duration"_s;
    case TurnsColumn:
        return u"Turns"_s;
    case CostColumn:
        return u"Cost"_s;
    case TokensColumn:
        return u"Tokens"_s;
    case OutcomeColumn:
        return u"Outcome"_s;
    default:
        return {};
    }
}

} // namespace cwi
