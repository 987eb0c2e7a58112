#include "transcriptfiltermodel.h"

#include "sessionsummary.h"
#include "streamevent.h"
#include "transcriptmodel.h"

using namespace Qt::StringLiterals;

namespace cwi {

TranscriptFilterModel::TranscriptFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void TranscriptFilterModel::setEventFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    // One layout change, not rows removed and inserted range by range (invalidateRowsFilter):
    // the tree view moves its whole row list for each range, and switching Tool calls to Errors
    // on a 110,000-line session froze the window for over 30 s.
    invalidate();
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
    const auto *model = qobject_cast<const TranscriptModel *>(sourceModel());
    if (!model || !model->transcript())
        return true;
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    const int line = model->lineOf(index);
    // A detail goes with its line: shown when the line itself matches.
    if (model->isDetail(index))
        return lineMatches(line);
    return subtreeMatches(line);
}

bool TranscriptFilterModel::subtreeMatches(int line) const
{
    if (lineMatches(line))
        return true;
    const auto *model = static_cast<const TranscriptModel *>(sourceModel());
    const Transcript *t = model->transcript();
    if (line >= t->outlinedCount())
        return false; // the incomplete tail has no children
    for (int child : t->childLines(line)) {
        if (subtreeMatches(child))
            return true;
    }
    return false;
}

bool TranscriptFilterModel::lineMatches(int line) const
{
    const quint8 bits = static_cast<const TranscriptModel *>(sourceModel())->lineKindBits(line);
    const auto kind = EventKind(bits & ~SessionSummary::ErrorBit);
    switch (m_filter) {
    case TextEvents:
        return kind == EventKind::AssistantText || kind == EventKind::UserText;
    case ToolEvents:
        return kind == EventKind::ToolCall || kind == EventKind::ToolResult;
    case ErrorEvents:
        return (bits & SessionSummary::ErrorBit) || kind == EventKind::Unparseable || kind == EventKind::Incomplete;
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
