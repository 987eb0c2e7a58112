#pragma once

// Applies the embedded Drizzle-style migrations (migrations/*.sql) to an empty file, exactly as
// Drizzle's migrate() records them: __drizzle_migrations(id SERIAL PRIMARY KEY, hash text,
// created_at numeric), hash = sha256 hex of the file, created_at = the journal's "when" (ms),
// id NULL. Used for the demo database and every test fixture; never touches a file with tables.

#include <QString>
#include <QVector>

namespace cwi {

struct Migration
{
    QString tag; // "0000_initial_schema"
    QByteArray sql; // file bytes
    QString hash; // sha256 hex of the bytes
    qint64 createdAtMs = 0;
    QStringList statements() const; // split on "--> statement-breakpoint"
};

class MigrationRunner
{
public:
    struct Result
    {
        bool ok = false;
        QString error;
        int applied = 0;
    };

    static QVector<Migration> embedded();
    // Rewrites one statement before it runs (tests build camelCase files this way).
    using Transform = QString (*)(const QString &statement);

    // CONNECTION: name of an open read-write QSqlDatabase on an EMPTY file. One transaction.
    static Result applyAll(const QString &connection, Transform transform = nullptr);
};

} // namespace cwi
