#pragma once

// A parsed `git diff` as plain values. Line text is not copied: every file keeps a shared
// reference to the raw diff bytes and its lines are offsets into them, so a 200k-line diff
// costs a few megabytes of offsets, and text is decoded only for the rows on screen.

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace cwi {

struct DiffLine
{
    enum Kind : quint8
    {
        Context,
        Added,
        Removed,
        NoNewline
    };

    quint32 offset = 0; // into DiffFile::source, without the leading +/-/space
    quint32 length = 0; // without the line break
    qint32 oldLine = 0; // 0 when the line has no old side (added, no-newline marker)
    qint32 newLine = 0; // 0 when the line has no new side (removed, no-newline marker)
    Kind kind = Context;
};

struct DiffHunk
{
    qint32 oldStart = 0;
    qint32 oldCount = 0;
    qint32 newStart = 0;
    qint32 newCount = 0;
    QString section; // text after the closing @@ (function context), may be empty
    qint32 firstLine = 0; // index into DiffFile::lines
    qint32 lineCount = 0;
    bool truncated = false; // the input ended before the hunk's announced line count
};

struct DiffFile
{
    enum Status : quint8
    {
        Modified,
        Added,
        Deleted,
        Renamed,
        Copied
    };

    QString oldPath; // without the a/ prefix; equals newPath unless renamed or copied
    QString newPath;
    Status status = Modified;
    bool binary = false;
    QString oldMode; // e.g. 100644; set on mode changes, new and deleted files
    QString newMode;
    int similarity = -1; // rename/copy similarity in percent, -1 when not given
    QString oldBlob; // abbreviated blob ids from the "index" line, empty when git gave none
    QString newBlob;
    int additions = 0;
    int deletions = 0;
    QVector<DiffHunk> hunks;
    QVector<DiffLine> lines;
    QByteArray source; // the whole diff text, shared between files

    // The path comments are anchored to: the new path, or the old one for a deleted file.
    QString path() const { return status == Deleted ? oldPath : newPath; }
    // "old → new" for renames and copies, the path otherwise.
    QString displayPath() const;
    bool modeChanged() const { return !oldMode.isEmpty() && !newMode.isEmpty() && oldMode != newMode; }
    QString lineText(int index) const;
    QByteArray lineBytes(int index) const;
};

QString diffStatusName(DiffFile::Status status);

} // namespace cwi

Q_DECLARE_METATYPE(cwi::DiffFile)
