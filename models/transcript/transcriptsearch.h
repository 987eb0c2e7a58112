#pragma once

// Whole-session search over the stored bytes, in a worker: case-insensitive for ASCII, the
// needle JSON-escaped the way the CLI writes strings, so a quote or a newline can be found.

#include "lineindex.h"

#include <QString>
#include <QVector>

#include <atomic>

namespace cwi {

struct TranscriptSearchResult
{
    QString needle;
    QVector<int> lines; // lines with at least one hit, ascending
    qint64 hits = 0;
    bool cancelled = false;
};

// PROGRESS receives per-mille done; CANCEL stops early. Both may be null.
TranscriptSearchResult searchTranscript(const LineIndex &index, const QString &needle,
    const std::atomic_bool *cancel = nullptr, std::atomic_int *progress = nullptr);

} // namespace cwi
