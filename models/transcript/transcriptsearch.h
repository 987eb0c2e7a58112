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

enum class SearchScope
{
    StoredBytes, // what Raw shows: keys, ids and every field of the JSON
    ShownText, // what the transcript shows (header, body, expandable detail): hits only there count
};

// PROGRESS receives per-mille done; CANCEL stops early. Both may be null. With ShownText the
// bytes are searched first and only the lines that hit are parsed and checked.
TranscriptSearchResult searchTranscript(const LineIndex &index, const QString &needle,
    const std::atomic_bool *cancel = nullptr, std::atomic_int *progress = nullptr,
    SearchScope scope = SearchScope::StoredBytes);

} // namespace cwi
