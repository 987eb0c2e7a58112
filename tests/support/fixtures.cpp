#include "fixtures.h"

#include "catalog.h"
#include "migrationrunner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cwi::test {

namespace {

int g_connectionSerial = 0;

QStringList columnNames(const QSqlDatabase &db, const QString &table)
{
    QStringList names;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?)"));
    query.addBindValue(table);
    query.exec();
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QString nanoid()
{
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
    QString id;
    for (int i = 0; i < 21; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(64)]));
    return id;
}

} // namespace

// Drizzle without named columns: every backtick-quoted column is its camelCase key. Table names
// (and index names, which do not matter) keep their spelling.
QString toCamelStatement(const QString &statement)
{
    static const QRegularExpression identifier(QStringLiteral("`([A-Za-z0-9_]+)`"));
    QString out;
    qsizetype last = 0;
    auto it = identifier.globalMatch(statement);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        out += QStringView(statement).mid(last, match.capturedStart() - last);
        const bool isTable = Catalog::table(name) || name.startsWith(u"__");
        out += u'`' + (isTable ? name : Catalog::toCamelCase(name)) + u'`';
        last = match.capturedEnd();
    }
    out += QStringView(statement).mid(last);
    return out;
}

bool createFixture(const QString &path, NameStyle style)
{
    const QString connection = openRaw(path);
    const MigrationRunner::Result result
        = MigrationRunner::applyAll(connection, style == NameStyle::CamelCase ? &toCamelStatement : nullptr);
    if (!result.ok)
        qWarning("createFixture: %s", qPrintable(result.error));
    closeRaw(connection);
    return result.ok;
}

QString openRaw(const QString &path)
{
    QString name = u"cwi-fixture-" + QString::number(++g_connectionSerial);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        qWarning("openRaw(%s): %s", qPrintable(path), qPrintable(db.lastError().text()));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = OFF")); // fixtures need no durability
    return name;
}

void closeRaw(const QString &connection)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

QString insertRow(const QString &connection, const QString &table, QVariantMap values)
{
    const QSqlDatabase db = QSqlDatabase::database(connection, false);
    static QHash<QString, QStringList> cache; // "connection/table" -> columns; schemas do not change mid-test
    const QString cacheKey = connection + u'/' + table + u'/' + db.databaseName();
    if (!cache.contains(cacheKey))
        cache.insert(cacheKey, columnNames(db, table));
    const QStringList columns = cache.value(cacheKey);
    auto realName = [&columns](const QString &logical) {
        const QString snake = Catalog::toSnakeCase(logical);
        for (const QString &c : columns) {
            if (c == logical || c == snake)
                return c;
        }
        return QString();
    };
    if (!values.contains(QStringLiteral("id")) && !realName(QStringLiteral("id")).isEmpty())
        values.insert(QStringLiteral("id"), nanoid());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const QString &stamp : { QStringLiteral("createdAt"), QStringLiteral("updatedAt") }) {
        if (!values.contains(stamp) && !realName(stamp).isEmpty())
            values.insert(stamp, now);
    }
    QStringList names;
    QStringList marks;
    QVariantList binds;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString real = realName(it.key());
        if (real.isEmpty()) {
            qWarning("insertRow: %s has no column for %s", qPrintable(table), qPrintable(it.key()));
            return {};
        }
        names.append(u'"' + real + u'"');
        marks.append(QStringLiteral("?"));
        binds.append(it.value());
    }
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO \"" + table + u"\" (" + names.join(u", ") + u") VALUES (" + marks.join(u", ") + u')');
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qWarning("insertRow(%s): %s", qPrintable(table), qPrintable(query.lastError().text()));
        return {};
    }
    return values.value(QStringLiteral("id")).toString();
}

bool exec(const QString &connection, const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    if (query.exec(sql))
        return true;
    qWarning("exec: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace cwi::test
