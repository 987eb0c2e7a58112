#include "transcriptmodel.h"

#include "sessionsummary.h"

using namespace Qt::StringLiterals;

namespace cwi {

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

TranscriptModel::~TranscriptModel() = default;

void TranscriptModel::setTranscript(std::unique_ptr<Transcript> transcript)
{
    beginResetModel();
    m_transcript = std::move(transcript);
    if (m_transcript) {
        m_transcript->outlineAll();
    }
    m_tailVisible = m_transcript && m_transcript->hasPartialTail();
    m_kinds.clear();
    m_presented.clear();
    m_hasDetail.clear();
    endResetModel();
}

void TranscriptModel::clear()
{
    setTranscript(nullptr);
}

void TranscriptModel::appendChunk(const QByteArray &bytes)
{
    if (!m_transcript)
        setTranscript(std::make_unique<Transcript>());
    if (bytes.isEmpty())
        return;
    Transcript &t = *m_transcript;
    if (m_tailVisible) {
        // The incomplete last line is taken out; once complete it lands where it belongs.
        const int row = int(t.topLevelLines().size());
        beginRemoveRows({}, row, row);
        m_tailVisible = false;
        endRemoveRows();
    }
    t.appendBytes(bytes);
    // A call may have just got its result, and the former tail (shown, so presented, until
    // now) is whole: before any row below asks how many detail rows its parent has.
    m_presented.clear();
    if (!m_kinds.isEmpty())
        m_kinds.resize(t.outlinedCount()); // kinds are known for old lines only
    QVector<int> touchedParents;
    while (t.outlinedCount() < t.index().completeLineCount()) {
        const Transcript::Placement placement = t.placementOfNext();
        if (placement.parent == Transcript::Hidden) {
            t.outlineNext();
            continue;
        }
        const QModelIndex parent
            = placement.parent == Transcript::NoParent ? QModelIndex() : indexForLine(placement.parent);
        const int row
            = (placement.parent == Transcript::NoParent ? 0 : detailRows(placement.parent)) + placement.position;
        beginInsertRows(parent, row, row);
        t.outlineNext();
        endInsertRows();
        if (placement.parent >= 0 && !touchedParents.contains(placement.parent))
            touchedParents.append(placement.parent);
    }
    if (t.hasPartialTail()) {
        const int row = int(t.topLevelLines().size());
        beginInsertRows({}, row, row);
        m_tailVisible = true;
        endInsertRows();
    }
    // A call whose result just arrived loses its "(no result)".
    m_presented.clear();
    for (int line : std::as_const(touchedParents)) {
        const QModelIndex call = indexForLine(line);
        Q_EMIT dataChanged(call, call);
    }
}

void TranscriptModel::setLineKinds(QVector<quint8> kinds)
{
    m_kinds = std::move(kinds);
}

quint8 TranscriptModel::lineKindBits(int line) const
{
    if (line >= 0 && line < m_kinds.size())
        return m_kinds.at(line);
    const auto event = m_transcript->event(line);
    return quint8(event->kind) | (event->isError() ? SessionSummary::ErrorBit : 0);
}

bool TranscriptModel::tailShown(int line) const
{
    return m_tailVisible && line == m_transcript->tailLine();
}

int TranscriptModel::parentOf(int line) const
{
    return tailShown(line) ? Transcript::NoParent : m_transcript->parentLine(line);
}

int TranscriptModel::rowOfLine(int line) const
{
    if (tailShown(line))
        return int(m_transcript->topLevelLines().size());
    const int parent = m_transcript->parentLine(line);
    return (parent >= 0 ? detailRows(parent) : 0) + m_transcript->positionInParent(line);
}

int TranscriptModel::detailRows(int line) const
{
    if (line < m_hasDetail.size() && m_hasDetail.at(line) >= 0)
        return m_hasDetail.at(line);
    const int rows = presentation(line).detail.isEmpty() ? 0 : 1;
    if (line < m_transcript->index().completeLineCount()) { // the tail may still change
        if (line >= m_hasDetail.size())
            m_hasDetail.resize(m_transcript->lineCount(), -1);
        m_hasDetail[line] = qint8(rows);
    }
    return rows;
}

const EventPresentation &TranscriptModel::presentation(int line) const
{
    if (const EventPresentation *cached = m_presented.object(line))
        return *cached;
    const auto event = m_transcript->event(line);
    ++m_presentationCount;
    auto *presented = new EventPresentation(presentEvent(*event, m_transcript.get(), line));
    m_presented.insert(line, presented);
    return *presented;
}

QModelIndex TranscriptModel::indexForLine(int line) const
{
    if (!m_transcript || line < 0 || line >= m_transcript->lineCount())
        return {};
    if (!tailShown(line)
        && (line >= m_transcript->outlinedCount() || m_transcript->parentLine(line) == Transcript::Hidden))
        return {};
    return createIndex(rowOfLine(line), 0, lineId(line));
}

int TranscriptModel::lineOf(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this ? lineFromId(index.internalId()) : -1;
}

bool TranscriptModel::isDetail(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && isDetailId(index.internalId());
}

QModelIndex TranscriptModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid()) {
        const QVector<int> &top = m_transcript->topLevelLines();
        const int line = row < top.size() ? top.at(row) : m_transcript->tailLine();
        return createIndex(row, column, lineId(line));
    }
    const int parentLine = lineFromId(parent.internalId());
    const int details = detailRows(parentLine);
    if (row < details)
        return createIndex(row, column, detailId(parentLine));
    return createIndex(row, column, lineId(m_transcript->childLines(parentLine).at(row - details)));
}

QModelIndex TranscriptModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_transcript)
        return {};
    const int line = lineFromId(child.internalId());
    if (isDetailId(child.internalId()))
        return createIndex(rowOfLine(line), 0, lineId(line));
    const int parent = parentOf(line);
    if (parent < 0)
        return {};
    return createIndex(rowOfLine(parent), 0, lineId(parent));
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    if (!m_transcript || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return int(m_transcript->topLevelLines().size()) + (m_tailVisible ? 1 : 0);
    if (isDetailId(parent.internalId()))
        return 0;
    const int line = lineFromId(parent.internalId());
    return detailRows(line) + int(tailShown(line) ? 0 : m_transcript->childLines(line).size());
}

int TranscriptModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

bool TranscriptModel::hasChildren(const QModelIndex &parent) const
{
    // QTreeView asks every row when it lays out: answer without parsing where possible.
    if (!m_transcript || parent.column() > 0)
        return false;
    if (!parent.isValid())
        return rowCount(parent) > 0;
    if (isDetailId(parent.internalId()))
        return false;
    const int line = lineFromId(parent.internalId());
    if (!tailShown(line) && !m_transcript->childLines(line).isEmpty())
        return true;
    if (m_presented.contains(line))
        return detailRows(line) > 0;
    if (line < m_kinds.size()) {
        switch (EventKind(m_kinds.at(line) & ~SessionSummary::ErrorBit)) {
        case EventKind::AssistantText:
        case EventKind::UserText:
        case EventKind::Blank:
            return false;
        default:
            break;
        }
    }
    return true; // may have a detail: rowCount() parses when the row is expanded
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const int line = lineFromId(index.internalId());
    const bool detail = isDetailId(index.internalId());

    // Answered without parsing when the whole-session pass has run.
    if ((role == KindRole || role == IsErrorRole) && line < m_kinds.size() && !detail) {
        const quint8 k = m_kinds.at(line);
        return role == KindRole ? QVariant(int(k & ~SessionSummary::ErrorBit))
                                : QVariant(bool(k & SessionSummary::ErrorBit));
    }
    switch (role) {
    case LineRole:
        return line;
    case IsDetailRole:
        return detail;
    case RawJsonRole:
        return displayText(m_transcript->index().line(line));
    default:
        break;
    }

    const EventPresentation &p = presentation(line);
    switch (role) {
    case Qt::DisplayRole:
        if (detail)
            return p.detail;
        return p.body.isEmpty() ? p.header : p.header + u": "_s + p.body.section(u'\n', 0, 0);
    case Qt::ToolTipRole: {
        const auto event = m_transcript->event(line);
        return u"Line %1 · %2 · %3 bytes%4"_s.arg(line + 1)
            .arg(eventKindName(event->kind))
            .arg(event->byteCount)
            .arg(!detail && !p.detail.isEmpty() ? u"\nExpand to see more"_s : QString());
    }
    case KindRole:
        return int(m_transcript->event(line)->kind);
    case IsErrorRole:
        return p.error;
    case IsDimRole:
        return p.dim;
    case FailedCallRole:
        return !detail && p.failedCall;
    case IsSubAgentRole:
        return m_transcript->event(line)->isSubAgent();
    case HeaderRole:
        return detail ? QString() : p.header;
    case BodyRole:
        return detail ? p.detail : p.body;
    case BodyFormatRole:
        return int(detail ? p.detailFormat : p.format);
    default:
        return {};
    }
}

QVariant TranscriptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section == EventColumn)
        return u"Event"_s;
    return {};
}

} // namespace cwi
