#include "outputfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);
constexpr const char16_t *kCompanions[] = { u"", u"-wal", u"-shm", u"-journal" };

bool sameFile(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// The path with its folder resolved (the file itself need not exist).
QString resolvedName(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
}

bool startsLikeSqlite(const QByteArray &path)
{
    // Only called on regular files: O_NONBLOCK keeps even a race with a FIFO from blocking.
    const int fd = ::open(path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    char header[16];
    const ssize_t n = ::read(fd, header, sizeof header);
    ::close(fd);
    return n == 16 && QByteArrayView(header, 16) == kSqliteMagic;
}

} // namespace

QString refuseOutputPath(const QString &path, const QString &databasePath)
{
    if (path.isEmpty())
        return u"no output file given"_s;
    const QByteArray native = QFile::encodeName(path);
    struct stat link
    {
    };
    const bool linkExists = ::lstat(native.constData(), &link) == 0;
    struct stat target
    {
    };
    const bool exists = ::stat(native.constData(), &target) == 0;
    if (!exists && linkExists) {
        const int why = errno;
        return why == ELOOP
            ? u"%1 is a symbolic link loop"_s.arg(path)
            : u"%1 is a symbolic link to nothing (%2)"_s.arg(path, QString::fromLocal8Bit(strerror(why)));
    }
    if (!databasePath.isEmpty()) {
        const QString resolved = resolvedName(path);
        const QString database = resolvedName(QFileInfo(databasePath).canonicalFilePath().isEmpty()
                ? databasePath
                : QFileInfo(databasePath).canonicalFilePath());
        for (const char16_t *suffix : kCompanions) {
            const QString companion = database + QStringView(suffix);
            struct stat other
            {
            };
            const bool same = resolved == companion
                || (exists && ::stat(QFile::encodeName(companion).constData(), &other) == 0 && sameFile(target, other));
            if (same)
                return *suffix ? u"%1 is the open database's %2 file: it would be destroyed"_s.arg(
                           path, QStringView(suffix).mid(1))
                               : u"%1 is the open database: it would be destroyed"_s.arg(path);
        }
    }
    if (!exists)
        return {};
    if (S_ISDIR(target.st_mode))
        return u"%1 is a folder"_s.arg(path);
    if (S_ISFIFO(target.st_mode))
        return u"%1 is a FIFO (named pipe), not a file"_s.arg(path);
    if (S_ISCHR(target.st_mode) || S_ISBLK(target.st_mode))
        return u"%1 is a device, not a file"_s.arg(path);
    if (!S_ISREG(target.st_mode))
        return u"%1 is not a regular file"_s.arg(path);
    if (startsLikeSqlite(native))
        return u"%1 is a SQLite database: it would be destroyed"_s.arg(path);
    return {};
}

OutputFile::OutputFile(const QString &path)
    : m_path(path)
    , m_file(path)
{ }

OutputFile::~OutputFile()
{
    if (m_file.isOpen())
        m_file.cancelWriting();
}

bool OutputFile::open(const QString &databasePath, QString *error)
{
    const QString refusal = refuseOutputPath(m_path, databasePath);
    if (!refusal.isEmpty()) {
        if (error)
            *error = u"refused: "_s + refusal + u"; nothing was written"_s;
        return false;
    }
    errno = 0;
    if (!m_file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

bool OutputFile::write(const QByteArray &bytes)
{
    if (m_failed)
        return false;
    errno = 0;
    if (m_file.write(bytes) != bytes.size()) {
        m_failed = true;
        m_errno = errno;
        m_file.cancelWriting();
    }
    return !m_failed;
}

bool OutputFile::commit(QString *error)
{
    if (!m_failed) {
        errno = 0;
        // Flushed here, and checked: QSaveFile::commit() flushes what is still buffered itself but
        // does not look at the result (Qt 6.4), so a disk that fills on that last write got the
        // short temporary file renamed over the output, and commit() said yes.
        if (m_file.flush() && m_file.commit())
            return true;
        m_failed = true;
        m_errno = errno;
    }
    if (m_file.isOpen())
        m_file.cancelWriting();
    if (error)
        *error = failure();
    return false;
}

void OutputFile::cancel()
{
    if (m_file.isOpen())
        m_file.cancelWriting();
}

QString OutputFile::failure() const
{
    const bool full = m_errno == ENOSPC || m_errno == EDQUOT || m_file.error() == QFileDevice::ResourceError;
    const QString why = full ? u"disk full"_s : m_file.errorString();
    return u"cannot write %1: %2; %3"_s.arg(
        m_path, why, QFileInfo::exists(m_path) ? u"the existing file was left as it was"_s : u"nothing was written"_s);
}

bool writeOutputFile(const QString &path, const QString &databasePath, QByteArrayView bytes, QString *error)
{
    OutputFile file(path);
    if (!file.open(databasePath, error))
        return false;
    file.write(bytes.toByteArray());
    return file.commit(error); // says why a write failed
}

} // namespace cwi
