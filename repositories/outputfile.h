#pragma once

// Files the user names for output (session and table exports, screenshots). One guard for all
// of them: the path is checked before anything is written, and the bytes go through QSaveFile
// (a temporary file in the same folder, renamed into place when complete), so a refused or
// failed write never touches what was there.

#include <QByteArrayView>
#include <QSaveFile>
#include <QString>

namespace cwi {

// Why PATH must not be written while DATABASEPATH is open; empty when it may be. Refused: the
// database itself or its -wal, -shm or -journal (by name and by device + inode, so symlinks and
// hard links are caught), any other existing SQLite database, anything that is not a regular
// file (folder, FIFO, device, socket), a dangling link or a link loop. Never opens a FIFO.
QString refuseOutputPath(const QString &path, const QString &databasePath);

class OutputFile
{
public:
    explicit OutputFile(const QString &path);
    ~OutputFile(); // not committed: the temporary file is removed, PATH is untouched

    // Checks the path (refuseOutputPath) and opens the temporary file.
    bool open(const QString &databasePath, QString *error);
    bool write(const QByteArray &bytes);
    // Renames the complete file into place. On failure (disk full, ...) PATH is untouched and
    // ERROR says why in one line.
    bool commit(QString *error);
    void cancel();

private:
    QString failure() const;

    QString m_path;
    QSaveFile m_file;
    bool m_failed = false;
    int m_errno = 0;
};

// Writes BYTES to PATH through an OutputFile.
bool writeOutputFile(const QString &path, const QString &databasePath, QByteArrayView bytes, QString *error);

} // namespace cwi
