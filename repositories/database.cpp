#include "database.h"

#include "schemareader.h"
#include "writeaccess.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QtEndian>

#include <atomic>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace cwi {

namespace {

std::atomic<int> g_databaseSerial { 0 };
std::atomic<int> g_threadSerial { 0 };

// Connections opened by the current thread; removed when the thread ends.
struct ThreadConnections
{
    int serial = ++g_threadSerial;
    QStringList names;
    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(names)) {
            if (QSqlDatabase::contains(name))
                QSqlDatabase::removeDatabase(name);
        }
    }
};
thread_local ThreadConnections t_connections;

constexpr QByteArrayView kSqliteMagic("SQLite format 3\0", 16);

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
    if (size < qint64(pageSize)
        || (validFor == changeCounter && pageCount > 0 && size < qint64(pageSize) * pageCount)) {
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
{ }

Database::~Database()
{
    if (m_watchTimer)
        m_watchTimer->stop();
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections)) {
        if (QSqlDatabase::contains(name))
            QSqlDatabase::removeDatabase(name);
    }
}

Database::OpenResult Database::open(const QString &path, const OpenOptions &options)
{
    OpenResult result;
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists()) {
        result.error = OpenError::NotFound;
        result.message = u"No such file: " + (path.isEmpty() ? QStringLiteral("(none given)") : path);
        return result;
    }
    if (info.isDir()) {
        result.error = OpenError::IsDirectory;
        result.message = path + u" is a folder, not a database file.";
        return result;
    }
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
        db.setDatabaseName(m_path);
        QString options = u"QSQLITE_BUSY_TIMEOUT=" + QString::number(m_options.busyTimeoutMs);
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
        if (readWrite) {
            QSqlQuery pragma(db);
            pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        }
    }
    QMutexLocker lock(&m_mutex);
    m_connections.insert(name);
    return name;
}

QString Database::readConnection() const
{
    const QString name = m_prefix + u"-ro-" + QString::number(t_connections.serial);
    if (QSqlDatabase::contains(name))
        return name;
    QString error;
    if (openConnection(name, false, &error).isEmpty()) {
        qWarning("cw-inspector: cannot open a read connection: %s", qPrintable(error));
        return name; // QSqlDatabase::database(name) is then invalid and queries fail cleanly
    }
    t_connections.names.append(name);
    return name;
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
