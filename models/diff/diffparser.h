#pragma once

// Parser for `git diff --no-color --no-ext-diff -M` output (with -c core.quotepath=off).
//
// Works on the raw bytes: one memchr per line and a switch on its first byte, no regular
// expressions, no per-line allocation. Anything it does not understand is skipped; truncated
// input yields the files and lines read so far (the last hunk marked truncated). It never
// reads outside the buffer.

#include "difftypes.h"

#include <QByteArray>
#include <QVector>

namespace cwi {

class DiffParser
{
public:
    struct Batch
    {
        QVector<DiffFile> files;
        qsizetype nextOffset = 0; // where the next batch starts; == size at the end
        bool atEnd = true;
    };

    // Whole diff at once.
    static QVector<DiffFile> parse(const QByteArray &diff);

    // Up to MAXFILES files starting at byte OFFSET (0 or a previous Batch::nextOffset), so a
    // worker can hand files to the UI as they are ready.
    static Batch parseBatch(const QByteArray &diff, qsizetype offset, int maxFiles);

    // Git's C-style quoting ("a\tb\303\251") back to text; unquoted input is returned as is.
    static QString unquotePath(QByteArrayView path);
};

} // namespace cwi
