#pragma once

// Is the file sound enough to read it all, or to write into it? PRAGMA quick_check over the
// whole file when it is small, else over the tables in question (SQLite >= 3.33), so a write to
// `tasks` of a 1.5 GB file does not read every log page first.

#include <QString>
#include <QStringList>

namespace cwi {

// Files up to this size are checked whole.
constexpr qint64 kWholeFileCheckBytes = qint64(64) * 1024 * 1024;

// What quick_check reports on CONNECTION (at most a few lines); empty when the file is sound.
// TABLES: the real names to check when the file is larger than kWholeFileCheckBytes.
QStringList integrityProblems(const QString &connection, const QStringList &tables, qint64 fileSize);

} // namespace cwi
