#pragma once

// Writes the rows of a (filtered, sorted) table query to CSV or JSON, page by page, so that
// memory stays flat on any size. Runs in a worker; reports progress; stops when cancelled
// and then removes the partial file.

#include "tablereader.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cwi {

enum class ExportFormat
{
    Csv,
    Json
};

struct ExportResult
{
    bool ok = false;
    bool cancelled = false;
    qint64 rows = 0;
    QString error;
};

// PROGRESS is called from the worker with the rows written so far.
ExportResult exportTable(const TableReader &reader, const TableQuery &query, ExportFormat format, const QString &path,
    const std::atomic_bool *cancel = nullptr, const std::function<void(qint64)> &progress = {});

// One CSV field: quoted when it holds a separator, quote or line break.
QString csvField(const QVariant &value);

} // namespace cwi
