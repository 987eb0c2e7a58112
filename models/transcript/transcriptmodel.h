#pragma once

// The transcript of one session as a tree: top-level lines in order, a tool call's result and
// a Task call's sub-agent lines under the call, and an optional "detail" child under a line
// (thinking text, full tool input or diff, long output, raw JSON). Lines are parsed only when
// the view asks for them (see Transcript).

#include "eventpresentation.h"
#include "transcript.h"

#include <QAbstractItemModel>
#include <QCache>

#include <memory>

namespace cwi {

class TranscriptModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        EventColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, // EventKind as int
        LineRole, // line number in the session
        IsDetailRole,
        IsErrorRole,
        IsDimRole,
        IsSubAgentRole,
        HeaderRole,
        BodyRole,
        BodyFormatRole, // BodyFormat as int
        RawJsonRole, // the line exactly as stored (UTF-8 decoded)
        FailedCallRole, // a tool call whose result is an error (the row shows it red)
    };

    // Presentations kept for the rows shown recently (a screenful is a few dozen).
    static constexpr int kPresentationCache = 1024;

    explicit TranscriptModel(QObject *parent = nullptr);
    ~TranscriptModel() override;

    // Replaces the transcript (model reset).
    void setTranscript(std::unique_ptr<Transcript> transcript);
    void clear();
    // Follow mode: adds one chunk's bytes, announcing each new line where it lands.
    void appendChunk(const QByteArray &bytes);
    const Transcript *transcript() const { return m_transcript.get(); }
    int cachedPresentations() const { return int(m_presented.size()); } // bounded by kPresentationCache
    qint64 presentationCount() const { return m_presentationCount; } // built so far (laziness checks)

    // The kind of every line, from a whole-session pass (SessionSummary::kinds): lets KindRole
    // and IsErrorRole answer without parsing, so a filter proxy does not parse every line.
    void setLineKinds(QVector<quint8> kinds);

    // EventKind of LINE | SessionSummary::ErrorBit; from the line kinds when set, else parsed.
    quint8 lineKindBits(int line) const;

    QModelIndex indexForLine(int line) const;
    int lineOf(const QModelIndex &index) const;
    bool isDetail(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static quintptr lineId(int line) { return quintptr(line + 1) * 2; }
    static quintptr detailId(int line) { return quintptr(line + 1) * 2 + 1; }
    static int lineFromId(quintptr id) { return int(id / 2) - 1; }
    static bool isDetailId(quintptr id) { return id % 2 == 1; }

    bool tailShown(int line) const;
    int detailRows(int line) const; // 1 when the line has a detail child
    int rowOfLine(int line) const;
    int parentOf(int line) const; // NoParent for the tail
    // Valid until the next call (the cache may drop it then).
    const EventPresentation &presentation(int line) const;

    std::unique_ptr<Transcript> m_transcript;
    bool m_tailVisible = false;
    QVector<quint8> m_kinds;
    // Presentations of recently shown lines (bounded, like the transcript's event cache).
    mutable QCache<int, EventPresentation> m_presented { kPresentationCache };
    // Whether a complete line has a detail row (-1: not known yet), one byte a line. Unlike its
    // presentation (a call's "(no result)" ends when its result arrives) it never changes, so it
    // outlives the chunks: rows under a call are numbered past it for every line appended there,
    // and a long sub-agent call was parsed again for each chunk that added to it.
    mutable QVector<qint8> m_hasDetail;
    mutable qint64 m_presentationCount = 0;
};

} // namespace cwi
