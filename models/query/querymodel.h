#pragma once

// The rows of one query run as a table model. The first page shows at once; further pages are
// read when the view scrolls to them, each by a run of its own (queryrunner.h: no read
// transaction outlives a run). At most kMaxPages pages are held, so memory stays bounded on a
// result of any size. The row count comes from counting on after the first page for a bounded
// time; when that is not enough the model grows as the view reaches its end (fetchMore).
//
// Cells answer the same roles as TableModel (values, NULL, badges, timestamps through
// CellFormat), so the table browser's delegate paints them alike.

#include "catalog.h"
#include "jobtracker.h"
#include "query/queryresult.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <atomic>
#include <memory>

namespace cwi {

class Database;

class ReferenceLabels;

class QueryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPageRows = 200;
    static constexpr int kMaxPages = 12; // rows held <= kPageRows * kMaxPages
    static constexpr int kCountBudgetMs = 3000; // the count run beside the first page (count(*) where it can)
    static constexpr int kStepBudgetMs = 1000; // when that was not enough: counting on at the end, per run
    static constexpr int kMaxCellChars = 4000; // longer values are cut in the grid (export is whole)

    enum class State
    {
        Idle,
        Running,
        Done,
        Failed,
        Cancelled
    };

    explicit QueryModel(std::shared_ptr<Database> database, QObject *parent = nullptr);
    ~QueryModel() override;

    // Starts SQL (one statement); cancels whatever this model was running.
    void run(const QString &sql);
    void cancel();
    QString sql() const { return m_sql; }

    State state() const { return m_state; }
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const { return &m_jobs; }
    const QueryOutcome &failure() const { return m_failure; } // when state() == Failed
    bool countKnown() const { return m_countKnown; }
    qint64 rowsKnown() const { return m_rows; } // the count when countKnown()
    qint64 firstPageMs() const { return m_firstPageMs; }
    qint64 elapsedMs() const { return m_state == State::Running ? m_clock.elapsed() : m_elapsedMs; }
    int rowsHeld() const; // rows in memory now (<= kPageRows * kMaxPages)
    const QVector<QueryColumn> &columns() const { return m_columns; }

    void setRawMode(bool raw);
    bool rawMode() const { return m_raw; }

    // Ask for rows FIRST..LAST (what the view shows).
    void prefetch(int first, int last);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void busyChanged(bool busy);
    void stateChanged();

private:
    struct Page
    {
        QVector<QVariantList> rows;
        quint64 lastUse = 0;
    };

    static constexpr int kCountJob = -1; // the count run's channel of m_jobs (a page's is its number)
    void requestPage(int page, bool counting) const;
    void requestCount();
    void applyPage(int page, const QueryRows &result);
    void evictPages(int keep);
    void setRowCount(qint64 rows);
    const QVariantList *rowAt(int row) const;

    std::shared_ptr<Database> m_database;
    ReferenceLabels *m_labels; // foreign-key names of the cells views paint
    QString m_sql;
    QVector<QueryColumn> m_columns;
    QVector<const FieldSpec *> m_fields;
    QStringList m_fieldTables;
    mutable QHash<int, Page> m_pages;
    mutable JobTracker m_jobs;
    mutable quint64 m_useClock = 0;
    mutable bool m_counting = false;
    qint64 m_rows = 0;
    bool m_countKnown = false;
    State m_state = State::Idle;
    QueryOutcome m_failure;
    QElapsedTimer m_clock;
    qint64 m_firstPageMs = -1;
    qint64 m_elapsedMs = 0;
    bool m_raw = false;
};

} // namespace cwi
