#pragma once

// The state every view shares: the open database, navigation requests and reload requests.
// Collaborators receive it through their constructor; it is not a singleton.
//
// Views do not call the Database (repositories/database.h, the SQLite part) themselves: they hand
// database() on to models and readers, and ask the context about the open file (its path, schema
// map, editing and watching).

#include "schemamap.h"

#include <QObject>
#include <QString>

#include <memory>

namespace cwi {

// A row anywhere in the file: "tasks" + id. An empty id means "the table itself".
struct EntityRef
{
    QString table;
    QString id;
    bool operator==(const EntityRef &other) const { return table == other.table && id == other.id; }
    bool isValid() const { return !table.isEmpty(); }
};

class Database;

class AppContext : public QObject
{
    Q_OBJECT
public:
    explicit AppContext(QObject *parent = nullptr);

    std::shared_ptr<Database> database() const { return m_database; }
    void setDatabase(std::shared_ptr<Database> database);
    bool hasDatabase() const { return m_database != nullptr; }

    // The open file (empty path and schema map when none is open).
    QString databasePath() const;
    const SchemaMap &schema() const;
    // Editing: the file's write connection (writableChanged() follows a change).
    bool isWritable() const;
    bool enableWriting(QString *error);
    void disableWriting();
    // Watching the file for other processes' changes (0 stops); databaseExternallyChanged() on one.
    void setWatchInterval(int msec);

    // Ask the window to show a row (it picks the view: detail pane, log dock, review, ...).
    void navigate(const EntityRef &ref) { Q_EMIT navigateRequested(ref); }
    // Something (another process, or one of our own actions) changed the file: reload.
    void notifyDataChanged() { Q_EMIT dataChanged(); }

Q_SIGNALS:
    void databaseChanged();
    // The open database's own signals, forwarded (the connections follow setDatabase()).
    void writableChanged(bool writable);
    void databaseExternallyChanged();
    void navigateRequested(const cwi::EntityRef &ref);
    void dataChanged();

private:
    std::shared_ptr<Database> m_database;
};

} // namespace cwi

Q_DECLARE_METATYPE(cwi::EntityRef)
