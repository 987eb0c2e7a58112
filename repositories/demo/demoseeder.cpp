#include "demoseeder.h"

#include "democontext.h"
#include "demorepo.h"
#include "migrationrunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace cwi {

namespace {

// Opens a private read-write connection for the seeder and removes it on scope exit.
class SeedConnection
{
public:
    explicit SeedConnection(const QString &path)
        : m_name(QStringLiteral("cwi-demo-seed-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open()) {
            m_error = db.lastError().text();
            return;
        }
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    }
    ~SeedConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QString name() const { return m_name; }
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_error;
};

bool isUsableRepositoryPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return true;
    return info.isDir() && QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

// The orbit-notes project's url in an existing demo file (read-only, never writes).
QString demoRepositoryOf(const QString &database)
{
    const QString name = QStringLiteral("cwi-demo-read-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString url;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(database);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT \"url\" FROM \"projects\" WHERE \"name\" = ?"));
            query.addBindValue(QStringLiteral("orbit-notes"));
            if (query.exec() && query.next())
                url = query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return url;
}

QString seedRows(const QString &connection, quint32 seed, const demo::RepoInfo &repo)
{
    demo::DemoState state(seed, connection);
    state.baseTime = demo::demoBaseTime();
    state.repo = repo;
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (!db.transaction())
        return db.lastError().text();
    demo::seedWork(state);
    demo::seedAgents(state);
    demo::seedKnowledge(state);
    demo::seedReview(state);
    demo::seedLogs(state);
    if (state.writer.failed()) {
        db.rollback();
        return state.writer.error();
    }
    if (!db.commit()) {
        QString error = db.lastError().text();
        db.rollback();
        return error;
    }
    return {};
}

} // namespace

DemoResult createDemoDatabase(const QString &databasePath, const QString &repositoryPath, quint32 seed)
{
    DemoResult result;
    result.databasePath = QFileInfo(databasePath).absoluteFilePath();
    result.repositoryPath = QFileInfo(repositoryPath).absoluteFilePath();
    if (databasePath.isEmpty() || QFileInfo::exists(databasePath)) {
        result.error = QStringLiteral("Refusing to create the demo database: %1 already exists.").arg(databasePath);
        return result;
    }
    if (!isUsableRepositoryPath(repositoryPath)) {
        result.error = QStringLiteral("Refusing to create the demo repository: %1 exists and is not an empty folder.")
                           .arg(repositoryPath);
        return result;
    }
    if (!QDir().mkpath(QFileInfo(result.databasePath).absolutePath())) {
        result.error = QStringLiteral("Cannot create the folder for %1.").arg(databasePath);
        return result;
    }

    // The repository first: the review phase's mergeBase is its real merge-base hash.
    demo::RepoInfo repo;
    repo.path = result.repositoryPath;
    QString warning;
    const QString git = demo::findGit();
    if (git.isEmpty()) {
        warning = QStringLiteral("git is not installed: the demo repository %1 was not created, so the review "
                                 "diff is unavailable.")
                      .arg(result.repositoryPath);
    } else {
        const demo::RepoResult created
            = demo::createDemoRepository(git, result.repositoryPath, demo::demoRepoScript(demo::demoBaseTime()));
        repo.created = created.ok;
        repo.mergeBase = created.mergeBase;
        repo.billingMergeBase = created.billingMergeBase;
        if (!created.ok)
            warning = QStringLiteral("The demo repository could not be created: %1").arg(created.error);
    }

    QString error;
    {
        SeedConnection connection(result.databasePath);
        error = connection.error();
        if (error.isEmpty()) {
            const MigrationRunner::Result migrated = MigrationRunner::applyAll(connection.name());
            error = migrated.ok ? seedRows(connection.name(), seed, repo) : migrated.error;
        }
    }
    if (!error.isEmpty()) {
        QFile::remove(result.databasePath);
        result.error = QStringLiteral("Could not create the demo database: %1").arg(error);
        return result;
    }
    result.ok = true;
    result.error = warning;
    return result;
}

DemoResult ensureDemoDatabase(const QString &folder)
{
    const QDir dir(folder);
    const QString database = dir.absoluteFilePath(QStringLiteral("demo.db"));
    QString repository = dir.absoluteFilePath(QStringLiteral("orbit-notes"));
    if (QFileInfo::exists(database)) {
        DemoResult result;
        result.ok = true;
        result.databasePath = database;
        result.repositoryPath = demoRepositoryOf(database);
        return result;
    }
    for (int n = 2; !isUsableRepositoryPath(repository) && n < 100; ++n)
        repository = dir.absoluteFilePath(QStringLiteral("orbit-notes-%1").arg(n));
    return createDemoDatabase(database, repository);
}

} // namespace cwi
