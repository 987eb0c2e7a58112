#include "benchdata.h"

#include "largedbbuilder.h"
#include "migrationrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>

namespace cwi::bench {

namespace {

// Bump when the generator changes what it writes: cached files of another version are rebuilt.
constexpr int kVersion = 2;

QString sidecarPath(const QString &path)
{
    return path + QStringLiteral(".json");
}

qint64 statusFieldKb(QByteArrayView field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QJsonObject readSidecar(const QString &path)
{
    QFile file(sidecarPath(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

QString benchDataDir()
{
    const QString env = qEnvironmentVariable("CWI_BENCH_DATA");
    return env.isEmpty() ? QStringLiteral(CWI_BENCH_DATA_DIR) : env;
}

bool largeDatabaseReady()
{
    const QString path = benchDataDir() + QStringLiteral("/large.db");
    return QFileInfo::exists(path) && readSidecar(path).value(QStringLiteral("version")).toInt() == kVersion;
}

bool buildLargeDatabase(const QString &path, bool force)
{
    if (!force && QFileInfo::exists(path) && readSidecar(path).value(QStringLiteral("version")).toInt() == kVersion)
        return true;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::remove(path);
    QFile::remove(sidecarPath(path));
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    QElapsedTimer timer;
    timer.start();
    qInfo("Building the large benchmark database %s (once; a few minutes)...", qPrintable(path));

    LargeDatabase info;
    const QString connection = QStringLiteral("cwi-bench-build");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(partial);
        if (!db.open()) {
            qWarning("Cannot create %s", qPrintable(partial));
            return false;
        }
        const MigrationRunner::Result migrated = MigrationRunner::applyAll(connection);
        if (!migrated.ok) {
            qWarning("Migrations failed: %s", qPrintable(migrated.error));
            return false;
        }
        QSqlQuery pragma(db);
        for (const char *sql : { "PRAGMA synchronous = OFF", "PRAGMA journal_mode = OFF", "PRAGMA cache_size = -262144",
                 "PRAGMA temp_store = MEMORY" })
            pragma.exec(QString::fromLatin1(sql));
        LargeDatabaseBuilder builder(connection);
        const bool ok = builder.build(&info);
        pragma.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
        pragma.finish();
        db.close();
        if (!ok)
            return false;
    }
    QSqlDatabase::removeDatabase(connection);
    if (!QFile::rename(partial, path)) {
        qWarning("Cannot rename %s", qPrintable(partial));
        return false;
    }
    info.buildSeconds = timer.elapsed() / 1000.0;
    const QJsonObject sidecar { { QStringLiteral("version"), kVersion },
        { QStringLiteral("logChunks"), info.logChunks }, { QStringLiteral("logBytes"), info.logBytes },
        { QStringLiteral("agents"), info.agents }, { QStringLiteral("tasks"), info.tasks },
        { QStringLiteral("initiatives"), info.initiatives },
        { QStringLiteral("bigSessionAgentId"), info.bigSessionAgentId },
        { QStringLiteral("bigSessionNumber"), info.bigSessionNumber },
        { QStringLiteral("bigSessionChunks"), info.bigSessionChunks },
        { QStringLiteral("bigSessionBytes"), info.bigSessionBytes },
        { QStringLiteral("bigSessionLines"), info.bigSessionLines },
        { QStringLiteral("typicalAgentId"), info.typicalAgentId },
        { QStringLiteral("typicalAgentChunks"), info.typicalAgentChunks },
        { QStringLiteral("buildSeconds"), info.buildSeconds } };
    QFile file(sidecarPath(path));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(sidecar).toJson()) < 0) {
        qWarning("Cannot write %s", qPrintable(file.fileName()));
        return false;
    }
    qInfo("Built %s in %.0f s (%.2f GB).", qPrintable(path), info.buildSeconds, QFileInfo(path).size() / 1e9);
    return true;
}

QString largeDatabasePath()
{
    QString path = benchDataDir() + QStringLiteral("/large.db");
    if (!largeDatabaseReady() && !buildLargeDatabase(path))
        qFatal("Could not build the large benchmark database");
    return path;
}

LargeDatabase largeDatabase()
{
    LargeDatabase info;
    info.path = largeDatabasePath();
    const QJsonObject o = readSidecar(info.path);
    info.logChunks = o.value(QStringLiteral("logChunks")).toInteger();
    info.logBytes = o.value(QStringLiteral("logBytes")).toInteger();
    info.agents = o.value(QStringLiteral("agents")).toInt();
    info.tasks = o.value(QStringLiteral("tasks")).toInt();
    info.initiatives = o.value(QStringLiteral("initiatives")).toInt();
    info.bigSessionAgentId = o.value(QStringLiteral("bigSessionAgentId")).toString();
    info.bigSessionNumber = o.value(QStringLiteral("bigSessionNumber")).toInt();
    info.bigSessionChunks = o.value(QStringLiteral("bigSessionChunks")).toInteger();
    info.bigSessionBytes = o.value(QStringLiteral("bigSessionBytes")).toInteger();
    info.bigSessionLines = o.value(QStringLiteral("bigSessionLines")).toInteger();
    info.typicalAgentId = o.value(QStringLiteral("typicalAgentId")).toString();
    info.typicalAgentChunks = o.value(QStringLiteral("typicalAgentChunks")).toInteger();
    info.buildSeconds = o.value(QStringLiteral("buildSeconds")).toDouble();
    return info;
}

qint64 peakRssKb()
{
    return statusFieldKb("VmHWM:");
}

qint64 currentRssKb()
{
    return statusFieldKb("VmRSS:");
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double msSinceProcessStart()
{
    QFile file(QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // Fields after the command name (which may hold spaces): state is field 3, starttime field 22.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(22 - 3).toDouble();
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startTicks / double(sysconf(_SC_CLK_TCK))) * 1000.0;
}

Stats stats(QVector<double> samples)
{
    if (samples.isEmpty())
        return {};
    std::sort(samples.begin(), samples.end());
    const qsizetype n = samples.size();
    const double median = n % 2 ? samples.at(n / 2) : (samples.at(n / 2 - 1) + samples.at(n / 2)) / 2;
    return { samples.first(), median, samples.last() };
}

} // namespace cwi::bench
