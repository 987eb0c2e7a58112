#include "migrationrunner.h"

#include "embedded.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cwi {

namespace {

const QByteArray kBreakpoint = QByteArrayLiteral("--> statement-breakpoint");

QHash<QString, qint64> journalTimes()
{
    QHash<QString, qint64> times;
    QFile file(QStringLiteral(":/migrations/meta/_journal.json"));
    if (!file.open(QIODevice::ReadOnly))
        return times;
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll()).object().value(u"entries").toArray();
    for (const auto &entry : entries) {
        const QJsonObject object = entry.toObject();
        times.insert(object.value(u"tag").toString(), qint64(object.value(u"when").toDouble()));
    }
    return times;
}

bool run(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    *error = query.lastError().text() + u" in: " + sql.left(200);
    return false;
}

} // namespace

QStringList Migration::statements() const
{
    QStringList out;
    for (const QByteArray &part : sql.split('\n')) {
        if (part.trimmed() == kBreakpoint) {
            out.append(QString());
            continue;
        }
        if (out.isEmpty())
            out.append(QString());
        out.last() += QString::fromUtf8(part) + u'\n';
    }
    out.removeIf([](const QString &statement) { return statement.trimmed().isEmpty(); });
    return out;
}

QVector<Migration> MigrationRunner::embedded()
{
    const QHash<QString, qint64> times = journalTimes();
    QVector<Migration> migrations;
    const QStringList files = embeddedMigrationFiles();
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Migration m;
        m.tag = QFileInfo(path).completeBaseName();
        m.sql = file.readAll();
        m.hash = QString::fromLatin1(QCryptographicHash::hash(m.sql, QCryptographicHash::Sha256).toHex());
        m.createdAtMs = times.value(m.tag, 0);
        migrations.append(m);
    }
    return migrations;
}

MigrationRunner::Result MigrationRunner::applyAll(const QString &connection, Transform transform)
{
    Result result;
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (!db.isOpen()) {
        result.error = QStringLiteral("The database connection is not open.");
        return result;
    }
    QSqlQuery query(db);
    if (!run(
            query, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view')"), &result.error))
        return result;
    if (query.next() && query.value(0).toInt() > 0) {
        result.error = QStringLiteral("Refusing to run migrations: the file already has tables.");
        return result;
    }
    query.finish();
    const QVector<Migration> migrations = embedded();
    if (migrations.isEmpty()) {
        result.error = QStringLiteral("No migrations are embedded in this build.");
        return result;
    }
    if (!db.transaction()) {
        result.error = db.lastError().text();
        return result;
    }
    bool ok = run(query,
        QStringLiteral("CREATE TABLE IF NOT EXISTS \"__drizzle_migrations\" "
                       "(id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)"),
        &result.error);
    for (const Migration &migration : migrations) {
        const QStringList statements = migration.statements();
        for (const QString &statement : statements) {
            ok = ok && run(query, transform ? transform(statement) : statement, &result.error);
        }
        if (!ok) {
            result.error = migration.tag + u": " + result.error;
            break;
        }
        query.prepare(QStringLiteral("INSERT INTO \"__drizzle_migrations\" (\"hash\", \"created_at\") VALUES (?, ?)"));
        query.addBindValue(migration.hash);
        query.addBindValue(migration.createdAtMs);
        ok = query.exec();
        if (!ok) {
            result.error = query.lastError().text();
            break;
        }
        ++result.applied;
    }
    query.finish();
    if (!ok) {
        db.rollback();
        result.applied = 0;
        return result;
    }
    if (!db.commit()) {
        result.error = db.lastError().text();
        result.applied = 0;
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace cwi
