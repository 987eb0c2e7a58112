#pragma once

// Names of the rows foreign keys point at (taskId -> the task's name), for the grids of the
// table browser and the Query page. Asked for by the cells views paint, read in one background
// batch per event-loop turn (RowReader::labels, 500 ids a query), kept up to kMaxLabels per
// referenced table (what scrolled away is asked again). Names do not depend on a query's filter
// or sort: a batch on its way stays good when the query changes.

#include "catalog.h"
#include "jobtracker.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace cwi {

class Database;

class ReferenceLabels : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxLabels = 20000;

    explicit ReferenceLabels(std::shared_ptr<Database> database, QObject *parent = nullptr);

    // FIELD is a foreign key and VALUE not NULL.
    static bool isReference(const FieldSpec *field, const QVariant &value);
    // The name of the row VALUE points at; empty while it is read (arrived() follows) or when
    // that row is gone.
    QString label(const FieldSpec *field, const QVariant &value) const;
    // A foreign-key cell's tool tip: the table, the id and, once known, the name.
    QString toolTip(const FieldSpec *field, const QVariant &value) const;
    JobTracker *jobs() const { return &m_jobs; }

Q_SIGNALS:
    void arrived(); // new names: repaint the reference cells

private:
    void start();

    std::shared_ptr<Database> m_database;
    mutable JobTracker m_jobs;
    QHash<QString, QHash<QString, QString>> m_labels; // table -> id -> label ("" when not found)
    mutable QHash<QString, QSet<QString>> m_wanted;
    mutable bool m_scheduled = false;
};

} // namespace cwi
