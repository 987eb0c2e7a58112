#pragma once

// The state every view shares: the open database, navigation requests and reload requests.
// Collaborators receive it through their constructor; it is not a singleton.

#include "database.h"

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

class AppContext : public QObject
{
    Q_OBJECT
public:
    explicit AppContext(QObject *parent = nullptr);

    std::shared_ptr<Database> database() const { return m_database; }
    void setDatabase(std::shared_ptr<Database> database);

    // Ask the window to show a row (it picks the view: detail pane, log dock, review, ...).
    void navigate(const EntityRef &ref) { Q_EMIT navigateRequested(ref); }
    // Something (another process, or one of our own actions) changed the file: reload.
    void notifyDataChanged() { Q_EMIT dataChanged(); }

Q_SIGNALS:
    void databaseChanged();
    void navigateRequested(const cwi::EntityRef &ref);
    void dataChanged();

private:
    std::shared_ptr<Database> m_database;
};

} // namespace cwi

Q_DECLARE_METATYPE(cwi::EntityRef)
