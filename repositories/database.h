#pragma once

// One open Codewalkers file. Owns its connections: a read-only one per thread that asks for
// it (QSqlDatabase connections belong to the thread that opened them), an optional read-write
// one for editing, and a change detector that polls PRAGMA data_version.
//
// The header is SQL-free: callers get connection *names* and hand them to repositories.

#include "schemamap.h"

#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

class QTimer;

namespace cwi {

struct OpenOptions
{
    int busyTimeoutMs = 2000;
    bool requireCodewalkers = true; // refuse a SQLite file of some other application
};

enum class OpenError
{
    None,
    NotFound,
    IsDirectory,
    Unreadable,
    EmptyFile,
    NotSqlite, // text, truncated header, encrypted
    Corrupt,
    Locked,
    NotCodewalkers,
};

class Database : public QObject
{
    Q_OBJECT
public:
    struct OpenResult
    {
        std::shared_ptr<Database> database;
        OpenError error = OpenError::None;
        QString message; // one line, for the user
    };

    // Opens the file read-only and reads its schema map. Never writes to the file.
    static OpenResult open(const QString &path, const OpenOptions &options = {});
    ~Database() override;

    QString path() const { return m_path; }
    const SchemaMap &schema() const { return m_schema; }
    int busyTimeoutMs() const { return m_options.busyTimeoutMs; }

    // Read-only connection of the calling thread, opened on first use (busy_timeout set).
    QString readConnection() const;

    // Editing: a separate read-write connection with foreign_keys = ON. Main thread only.
    bool isWritable() const { return !m_writeConnection.isEmpty(); }
    bool enableWriting(QString *error);
    void disableWriting();
    QString writeConnection() const { return m_writeConnection; }

    // Change detector: polls PRAGMA data_version on a connection of this thread and emits
    // externallyChanged() when another connection (another process) has committed.
    void setWatchInterval(int msec); // 0 stops watching
    int watchInterval() const;
    bool pollForChanges(); // one poll now; returns true (and emits) on a change

Q_SIGNALS:
    void externallyChanged();
    void writableChanged(bool writable);

private:
    Database(const QString &path, const OpenOptions &options);
    QString openConnection(const QString &name, bool readWrite, QString *error) const;

    QString m_path;
    OpenOptions m_options;
    SchemaMap m_schema;
    QString m_prefix;
    QString m_writeConnection;
    QString m_watchConnection;
    qint64 m_dataVersion = -1;
    QTimer *m_watchTimer = nullptr;
    mutable QMutex m_mutex;
    mutable QSet<QString> m_connections;
};

QString openErrorName(OpenError error);

} // namespace cwi
