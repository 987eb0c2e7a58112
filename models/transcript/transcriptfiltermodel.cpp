#include "transcriptfiltermodel.h"

#include "streamevent.h"
#include "transcriptmodel.h"

using namespace Qt::StringLiterals;

namespace cwi {

TranscriptFilterModel::TranscriptFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(false);
}

void TranscriptFilterModel::setEventFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

QString TranscriptFilterModel::filterName(Filter filter)
{
    switch (filter) {
    case AllEvents:
        return u"All events"_s;
    case TextEvents:
        return u"Text"_s;
    case ToolEvents:
        return u"Tool calls"_s;
    case ErrorEvents:
        return u"Errors"_s;
    case ThinkingEvents:
        return u"Thinking"_s;
    case SystemEvents:
        return u"System"_s;
    case FilterCount:
        break;
    }
    return {};
}

bool TranscriptFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == AllEvents)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // A detail goes with its line: shown when the line itself matches, not merely kept for a
    // matching child (otherwise every line with a detail would keep itself).
    if (index.data(TranscriptModel::IsDetailRole).toBool())
        return lineMatches(sourceParent);
    return lineMatches(index);
}

bool TranscriptFilterModel::lineMatches(const QModelIndex &index) const
{
    const auto kind = EventKind(index.data(TranscriptModel::KindRole).toInt());
    switch (m_filter) {
    case TextEvents:
        return kind == EventKind::AssistantText || kind == EventKind::UserText;
    case ToolEvents:
        return kind == EventKind::ToolCall || kind == EventKind::ToolResult;
    case ErrorEvents:
        return index.data(TranscriptModel::IsErrorRole).toBool() || kind == EventKind::Unparseable
            || kind == EventKind::Incomplete;
    case ThinkingEvents:
        return kind == EventKind::Thinking;
    case SystemEvents:
        return kind == EventKind::Init || kind == EventKind::SystemNote || kind == EventKind::Result
            || kind == EventKind::UnknownType || kind == EventKind::StreamEvent;
    default:
        return true;
    }
}

} // namespace cwi
