#include "database.h"

#include "lockwait.h"
#include "readaccess.h"
#include "schemareader.h"
#include "writeaccess.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QtEndian>

#include <sqlite3.h>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace cwi {

namespace {

std::atomic<int> g_databaseSerial { 0 };
std::atomic<int> g_threadSerial { 0 };

// A number for the calling thread, naming its read connection. Deliberately trivial: a
// thread_local with a destructor that closed connections ran after main() had returned (pooled
// threads end during QCoreApplication's and the statics' teardown) and crashed there. The
// Database that opened a connection closes it, from its own thread (see ~Database).
thread_local int t_threadSerial = 0;

int threadSerial()
{
    if (t_threadSerial == 0)
        t_threadSerial = ++g_threadSerial;
    return t_threadSerial;
}

constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);

// Per file (its absolute path): how it is read, which companions the inspector found, and how
// many Database objects of this process have it open. Kept here, not in the class, so that the
// cleanup runs once, when the last of them closes.
struct FileState
{
    ReadAccess access = ReadAccess::Normal;
    bool hadWal = false;
    bool hadShm = false;
    int users = 0;
};
QMutex g_filesMutex;
QHash<QString, FileState> g_files;

bool isWalFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(20);
    return header.size() == 20 && header.at(18) == 2 && header.at(19) == 2; // write / read version 2: WAL
}

// Registers one more user of PATH; the first one looks at the folder and the companions.
void acquireFile(const QString &path)
{
    QMutexLocker lock(&g_filesMutex);
    FileState &state = g_files[path];
    if (state.users++ > 0)
        return;
    state.hadWal = QFileInfo::exists(path + u"-wal"_s);
    state.hadShm = QFileInfo::exists(path + u"-shm"_s);
    const bool folderWritable = ::access(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), W_OK) == 0;
    if (!folderWritable && isWalFile(path))
        state.access = state.hadShm ? ReadAccess::ReadOnlyShm : ReadAccess::Immutable;
}

ReadAccess accessOf(const QString &path)
{
    QMutexLocker lock(&g_filesMutex);
    return g_files.value(path).access;
}

// Nobody has FILE open through SQLite: no process holds a lock on it. A WAL connection holds a
// shared lock on the -shm's "DMS" byte for as long as it is open (os_unix.c).
bool nobodyLocks(int fd)
{
    struct flock probe
    {
    };
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = 0;
    probe.l_len = 0; // the whole file
    return ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type == F_UNLCK;
}

// The last user of PATH is gone: remove the -wal and -shm this process created, if nobody else
// uses them. The -shm's DMS byte is held exclusively meanwhile, so a server that opens the file
// right now waits (busy) instead of attaching to files about to be unlinked.
void releaseFile(const QString &path)
{
    FileState state;
    {
        QMutexLocker lock(&g_filesMutex);
        auto it = g_files.find(path);
        if (it == g_files.end() || --it->users > 0)
            return;
        state = *it;
        g_files.remove(path);
    }
    const QString wal = path + u"-wal"_s;
    const QString shm = path + u"-shm"_s;
    if (state.hadShm || !QFileInfo::exists(shm)) {
        if (!state.hadWal && QFileInfo::exists(wal) && QFileInfo(wal).size() == 0 && !QFileInfo::exists(shm))
            QFile::remove(wal); // an empty -wal we made, with no shared memory: nobody uses it
        return;
    }
    const int fd = ::open(QFile::encodeName(shm).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return;
    struct flock dms
    {
    };
    dms.l_type = F_WRLCK;
    dms.l_whence = SEEK_SET;
    dms.l_start = 128; // UNIX_SHM_DMS
    dms.l_len = 1;
    if (nobodyLocks(fd) && ::fcntl(fd, F_SETLK, &dms) == 0) {
        if (!state.hadWal && QFileInfo(wal).size() == 0)
            QFile::remove(wal);
        if (state.hadWal || !QFileInfo::exists(wal))
            QFile::remove(shm);
    }
    ::close(fd); // releases the lock
}

// Checks the 100-byte header: is this SQLite at all, and is the file as long as it claims?
OpenError checkHeader(const QString &path, qint64 size, QString *message)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *message = u"Cannot read " + path + u": " + file.errorString();
        return OpenError::Unreadable;
    }
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !QByteArrayView(header).startsWith(kSqliteMagic)) {
        *message = u"Not a SQLite database: " + path
            + u" (a text or other file, an encrypted database, or a truncated one).";
        return OpenError::NotSqlite;
    }
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = qFromBigEndian<quint32>(header.constData() + 28);
    const quint32 changeCounter = qFromBigEndian<quint32>(header.constData() + 24);
    const quint32 validFor = qFromBigEndian<quint32>(header.constData() + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        *message = u"The SQLite header of " + path + u" is damaged (page size " + QString::number(pageSize) + u").";
        return OpenError::Corrupt;
    }
    // The header's page count is only the file's length when no WAL holds newer pages: while a
    // writer checkpoints, the header already counts pages the file is still growing to. With a
    // -wal beside it SQLite's own open decides.
    const bool walBeside = QFileInfo(path + u"-wal"_s).size() > 0;
    if (size < qint64(pageSize)
        || (!walBeside && validFor == changeCounter && pageCount > 0 && size < qint64(pageSize) * pageCount)) {
        *message = u"The file " + path + u" is truncated: " + QString::number(size) + u" bytes, the header says "
            + QString::number(qint64(pageSize) * pageCount) + u'.';
        return OpenError::Corrupt;
    }
    return OpenError::None;
}

OpenError classifySqliteError(const QString &text)
{
    if (text.contains(QStringLiteral("locked"), Qt::CaseInsensitive)
        || text.contains(QStringLiteral("busy"), Qt::CaseInsensitive))
        return OpenError::Locked;
    return OpenError::Corrupt;
}

} // namespace

QString openErrorName(OpenError error)
{
    switch (error) {
    case OpenError::None:
        return QStringLiteral("ok");
    case OpenError::NotFound:
        return QStringLiteral("not-found");
    case OpenError::IsDirectory:
        return QStringLiteral("is-directory");
    case OpenError::Unreadable:
        return QStringLiteral("unreadable");
    case OpenError::EmptyFile:
        return QStringLiteral("empty-file");
    case OpenError::NotSqlite:
        return QStringLiteral("not-sqlite");
    case OpenError::Corrupt:
        return QStringLiteral("corrupt");
    case OpenError::Locked:
        return QStringLiteral("locked");
    case OpenError::NotCodewalkers:
        return QStringLiteral("not-codewalkers");
    }
    return QStringLiteral("unknown");
}

Database::Database(const QString &path, const OpenOptions &options)
    : m_path(path)
    , m_options(options)
    , m_prefix(u"cwi-" + QString::number(++g_databaseSerial))
{
    acquireFile(m_path); // before the first connection: which companions were there
}

Database::~Database()
{
    if (m_watchTimer)
        m_watchTimer->stop();
    {
        QMutexLocker lock(&m_mutex);
        for (const QString &name : std::as_const(m_connections)) {
            if (QSqlDatabase::contains(name))
                QSqlDatabase::removeDatabase(name);
        }
    }
    releaseFile(m_path); // every connection is closed: remove the companions we created
}

QString readAccessName(const Database &database)
{
    switch (accessOf(database.path())) {
    case ReadAccess::Normal:
        break;
    case ReadAccess::ReadOnlyShm:
        return u"read-only WAL"_s;
    case ReadAccess::Immutable:
        return u"immutable"_s;
    }
    return {};
}

QString readAccessDescription(const Database &database)
{
    switch (accessOf(database.path())) {
    case ReadAccess::Normal:
        break;
    case ReadAccess::ReadOnlyShm:
        return u"read-only WAL (folder not writable; the server's shared memory is read, never written)"_s;
    case ReadAccess::Immutable:
        return u"immutable (WAL file in a folder that cannot be written and no -shm: no writer exists; "
               u"a leftover -wal is not read)"_s;
    }
    return {};
}

Database::OpenResult Database::open(const QString &path, const OpenOptions &options)
{
    OpenResult result;
    if (path.isEmpty()) {
        result.error = OpenError::NotFound;
        result.message = u"No such file: (none given)"_s;
        return result;
    }
    // stat() first, so a FIFO is never opened (open() on it blocks until a writer comes) and a
    // device, a link loop or a dangling link is named as what it is.
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {
    };
    if (::stat(native.constData(), &st) != 0) {
        const int why = errno;
        struct stat link
        {
        };
        const bool isLink = ::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode);
        result.error = why == EACCES ? OpenError::Unreadable : OpenError::NotFound;
        if (why == ELOOP)
            result.message = path + u" is a symbolic link loop (it points back at itself).";
        else if (isLink)
            result.message = path + u" is a symbolic link to a file that does not exist.";
        else if (why == EACCES)
            result.message = u"You have no permission to reach "_s + path + u'.';
        else
            result.message = u"No such file: "_s + path;
        return result;
    }
    if (S_ISDIR(st.st_mode)) {
        result.error = OpenError::IsDirectory;
        result.message = path + u" is a folder, not a database file.";
        return result;
    }
    if (!S_ISREG(st.st_mode)) {
        result.error = OpenError::NotSqlite;
        QString what = u" is not a regular file."_s;
        if (S_ISFIFO(st.st_mode))
            what = u" is a FIFO (named pipe), not a database file; it was not read."_s;
        else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
            what = u" is a device, not a database file; it was not read."_s;
        else if (S_ISSOCK(st.st_mode))
            what = u" is a socket, not a database file."_s;
        result.message = path + what;
        return result;
    }
    const QFileInfo info(path);
    if (!info.isReadable()) {
        result.error = OpenError::Unreadable;
        result.message = u"You have no permission to read " + path + u'.';
        return result;
    }
    if (info.size() == 0) {
        result.error = OpenError::EmptyFile;
        result.message = u"The file " + path + u" is empty (0 bytes): not a Codewalkers database.";
        return result;
    }
    result.error = checkHeader(path, info.size(), &result.message);
    if (result.error != OpenError::None)
        return result;

    // Deleted from the thread that owns it, whichever thread drops the last reference.
    std::shared_ptr<Database> db(new Database(info.absoluteFilePath(), options), [](Database *d) {
        if (QThread::currentThread() == d->thread())
            delete d;
        else
            d->deleteLater();
    });
    QString error;
    const QString connection = db->openConnection(db->m_prefix + u"-schema", false, &error);
    if (connection.isEmpty() || !SchemaReader::read(connection, &db->m_schema, &error)) {
        result.error = classifySqliteError(error);
        const QFileInfo journal(path + u"-journal"_s);
        if (journal.exists() && journal.size() > 0 && result.error != OpenError::Locked) {
            // A hot journal: SQLite must roll back an interrupted write before anyone reads,
            // which a read-only connection cannot ("attempt to write a readonly database").
            result.error = OpenError::Unreadable;
            result.message = path + u" has a hot rollback journal (" + journal.fileName()
                + u"): a write was interrupted and must be rolled back by a program that may write the file "
                  u"(the server, or the sqlite3 shell). The inspector opens read-only and changed nothing.";
            return result;
        }
        result.message = result.error == OpenError::Locked
            ? QString(u"The database " + path + u" is locked by another process (waited "
                + QString::number(options.busyTimeoutMs) + u" ms): " + error)
            : QString(u"Cannot read " + path + u": " + error);
        return result;
    }
    {
        QMutexLocker lock(&db->m_mutex);
        db->m_connections.remove(connection);
    }
    QSqlDatabase::removeDatabase(connection);
    if (options.requireCodewalkers && !db->m_schema.isCodewalkers()) {
        result.error = OpenError::NotCodewalkers;
        result.message = db->m_schema.problem() + u" Not a Codewalkers database: " + path;
        return result;
    }
    result.database = std::move(db);
    return result;
}

QString Database::openConnection(const QString &name, bool readWrite, QString *error) const
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString options = u"QSQLITE_BUSY_TIMEOUT=" + QString::number(m_options.busyTimeoutMs);
        const ReadAccess access = readWrite ? ReadAccess::Normal : accessOf(m_path);
        if (access == ReadAccess::Normal) {
            db.setDatabaseName(m_path);
        } else { // SQLite's documented read-only WAL access, through a URI
            db.setDatabaseName(u"file:"_s + QString::fromUtf8(QUrl::toPercentEncoding(m_path, "/"))
                + (access == ReadAccess::ReadOnlyShm ? u"?mode=ro&readonly_shm=1"_s : u"?mode=ro&immutable=1"_s));
            options += QStringLiteral(";QSQLITE_OPEN_URI");
        }
        if (!readWrite)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return {};
        }
        // Replaces the busy timeout QSQLITE set: the same wait, and the window learns of it.
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            installBusyWait(*static_cast<sqlite3 *const *>(handle.data()), m_options.busyTimeoutMs);
        QSqlQuery pragma(db);
        if (readWrite)
            pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        else // a sort or a GROUP BY of our reads never spills into etilqs_* files on disk
            pragma.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    }
    QMutexLocker lock(&m_mutex);
    m_connections.insert(name);
    return name;
}

QString Database::readConnection() const
{
    QString name = m_prefix + u"-ro-" + QString::number(threadSerial());
    if (QSqlDatabase::contains(name))
        return name;
    QString error;
    if (openConnection(name, false, &error).isEmpty()) {
        qWarning("cw-inspector: cannot open a read connection: %s", qPrintable(error));
        return name; // QSqlDatabase::database(name) is then invalid and queries fail cleanly
    }
    return name; // in m_connections: closed by ~Database, not by the thread
}

namespace {

// access() says yes to root for any file; a file whose write bits are off was marked read-only
// on purpose, so the bits decide for the owner and for root.
bool markedWritable(const QFileInfo &info)
{
    if (!info.isWritable())
        return false;
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions p = info.permissions();
    if (info.ownerId() == ::geteuid())
        return p & QFileDevice::WriteOwner;
    if (::geteuid() == 0)
        return p & (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther);
#endif
    return true;
}

} // namespace

QString writeProblem(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists())
        return u"No such file: " + path + u'.';
    if (!markedWritable(file))
        return u"The file " + path + u" is read-only (no write permission).";
    const QFileInfo folder(file.absolutePath());
    if (!markedWritable(folder))
        return u"The folder " + folder.absoluteFilePath() + u" is read-only; SQLite needs to create its journal there.";
    return {};
}

bool Database::enableWriting(QString *error)
{
    if (isWritable())
        return true;
    QString problem = writeProblem(m_path);
    if (problem.isEmpty()) {
        const QString name = openConnection(m_prefix + u"-rw", true, &problem);
        if (!name.isEmpty())
            m_writeConnection = name;
    }
    if (!isWritable()) {
        if (error)
            *error = problem + u" Editing stays off.";
        return false;
    }
    Q_EMIT writableChanged(true);
    return true;
}

void Database::disableWriting()
{
    if (!isWritable())
        return;
    const QString name = std::exchange(m_writeConnection, QString());
    {
        QMutexLocker lock(&m_mutex);
        m_connections.remove(name);
    }
    QSqlDatabase::removeDatabase(name);
    Q_EMIT writableChanged(false);
}

void Database::setWatchInterval(int msec)
{
    if (msec <= 0) {
        if (m_watchTimer)
            m_watchTimer->stop();
        return;
    }
    if (!m_watchTimer) {
        m_watchTimer = new QTimer(this);
        m_watchTimer->setTimerType(Qt::CoarseTimer);
        connect(m_watchTimer, &QTimer::timeout, this, &Database::pollForChanges);
    }
    if (m_watchConnection.isEmpty())
        pollForChanges(); // establishes the baseline
    m_watchTimer->start(msec);
}

int Database::watchInterval() const
{
    return m_watchTimer && m_watchTimer->isActive() ? m_watchTimer->interval() : 0;
}

bool Database::pollForChanges()
{
    if (m_watchConnection.isEmpty()) {
        QString error;
        m_watchConnection = openConnection(m_prefix + u"-watch", false, &error);
        if (m_watchConnection.isEmpty())
            return false;
        // It runs on the UI thread: a lock held by the server is never waited for here (the
        // window would freeze for the busy timeout on every tick); this tick is skipped, the lock
        // is noted (the status bar says so), the next tick asks again.
        const QVariant handle = QSqlDatabase::database(m_watchConnection, false).driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            installBusyWait(*static_cast<sqlite3 *const *>(handle.data()), 0);
    }
    QSqlQuery query(QSqlDatabase::database(m_watchConnection, false));
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return false;
    const qint64 version = query.value(0).toLongLong();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    if (changed)
        Q_EMIT externallyChanged();
    return changed;
}

} // namespace cwi
