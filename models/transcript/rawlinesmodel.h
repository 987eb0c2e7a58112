#pragma once

// Raw mode: the session's JSONL exactly as stored, one row a line, with the places where one
// chunk ended and the next began. Reads the transcript's bytes; parses nothing.

#include <QAbstractListModel>

namespace cwi {

class Transcript;

class RawLinesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        LineRole = Qt::UserRole + 1,
        ChunkStartRole,
        ChunkCutsRole,
        ByteCountRole
    };
    static constexpr int MaxShownChars = 2000;

    explicit RawLinesModel(QObject *parent = nullptr);

    // TRANSCRIPT must outlive the model's use of it; call refresh() after it grows.
    void setTranscript(const Transcript *transcript);
    void refresh();
    void setMarkChunks(bool mark);
    bool marksChunks() const { return m_markChunks; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    const Transcript *m_transcript = nullptr;
    int m_rows = 0;
    bool m_markChunks = true;
};

} // namespace cwi
