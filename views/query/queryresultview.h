#pragma once

// One result tab of the Query page: the rows of a run in the table browser's grid (same cell
// delegate and value formatting), or the EXPLAIN QUERY PLAN tree with its hints, and a status
// line with the row count, the time to the first rows and the elapsed time, or the error.

#include "appcontext.h"
#include "jobtracker.h"
#include "query/queryplan.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QTimer;
class QTreeView;

namespace cwi {

class CellDelegate;
class QueryModel;

class QueryResultView : public QWidget
{
    Q_OBJECT
public:
    explicit QueryResultView(AppContext *context, QWidget *parent = nullptr);
    ~QueryResultView() override;

    void run(const QString &sql);
    void explain(const QString &sql);
    void cancel();
    bool isBusy() const;
    JobTracker *jobs() const { return &m_jobs; }
    QString sql() const { return m_sql; }
    QString statusText() const;
    bool showsPlan() const;
    QueryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTreeView *planView() const { return m_planView; }
    void setRawMode(bool raw);

Q_SIGNALS:
    void busyChanged(bool busy);
    // A run ended: ROWS is -1 when unknown, ERROROFFSET -1 when there is no position.
    void finished(const QString &sql, qint64 rows, qint64 ms, bool failed, int errorOffset);

private:
    void updateStatus();
    void onStateChanged();
    void prefetchVisible();
    void showPlan(const QueryPlan &plan);

    AppContext *m_context;
    QueryModel *m_model;
    QTableView *m_view;
    CellDelegate *m_delegate;
    QTreeView *m_planView;
    QStandardItemModel *m_plan;
    QStackedWidget *m_stack;
    QLabel *m_status;
    QTimer *m_ticker;
    QString m_sql;
    mutable JobTracker m_jobs; // the plan; follows the model's tracker
    bool m_reported = false;
};

} // namespace cwi
