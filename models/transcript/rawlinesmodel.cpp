#include "rawlinesmodel.h"

#include "transcript.h"

using namespace Qt::StringLiterals;

namespace cwi {

RawLinesModel::RawLinesModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void RawLinesModel::setTranscript(const Transcript *transcript)
{
    beginResetModel();
    m_transcript = transcript;
    m_rows = transcript ? transcript->lineCount() : 0;
    endResetModel();
}

void RawLinesModel::refresh()
{
    const int rows = m_transcript ? m_transcript->lineCount() : 0;
    if (m_rows > 0 && rows >= m_rows) // the last line may have grown
        Q_EMIT dataChanged(index(m_rows - 1), index(m_rows - 1));
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        setTranscript(m_transcript);
    }
}

void RawLinesModel::setMarkChunks(bool mark)
{
    if (mark == m_markChunks)
        return;
    m_markChunks = mark;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0), index(m_rows - 1));
}

int RawLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant RawLinesModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const int line = index.row();
    const LineIndex &lines = m_transcript->index();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: {
        const QByteArrayView bytes = lines.line(line);
        if (!m_markChunks || role == Qt::EditRole)
            return displayText(bytes, MaxShownChars);
        // A cut inside the line shows as ‖ where the next chunk begins.
        QString text;
        qsizetype from = 0;
        for (qsizetype cut : lines.chunkBoundariesIn(line)) {
            if (cut > bytes.size() || cut > qsizetype(MaxShownChars) * 4)
                break;
            text += displayText(bytes.sliced(from, cut - from)) + u"‖"_s;
            from = cut;
        }
        text += displayText(bytes.sliced(from));
        if (text.size() > MaxShownChars)
            text = text.left(MaxShownChars) + u" … (%1 bytes)"_s.arg(bytes.size());
        return text;
    }
    case Qt::ToolTipRole: {
        QString tip = u"Line %1 · %2 bytes"_s.arg(line + 1).arg(lines.line(line).size());
        if (lines.isPartial(line))
            tip += u" · incomplete (no newline yet)"_s;
        const int cuts = int(lines.chunkBoundariesIn(line).size());
        if (cuts > 0)
            tip += u" · cut across %1 chunks (‖ marks each cut)"_s.arg(cuts + 1);
        return tip;
    }
    case LineRole:
        return line;
    case ChunkStartRole:
        return m_markChunks && lines.startsChunk(line);
    case ChunkCutsRole:
        return int(lines.chunkBoundariesIn(line).size());
    case ByteCountRole:
        return qint64(lines.line(line).size());
    default:
        return {};
    }
}

} // namespace cwi
