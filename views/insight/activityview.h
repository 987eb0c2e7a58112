#pragma once

// Activity page (Ctrl+6): charts over the insight index (Qt Charts): cost or tokens per day
// stacked by initiative or by model, cache hit rate per day, tool calls and failure rate per
// tool, sessions by outcome per day. Hovering a bar or point shows its values; clicking it
// filters the session list below (and the other charts) to that day / initiative / model /
// tool / outcome.

#include "appcontext.h"
#include "insight/insighttypes.h"
#include "jobtracker.h"
#include "pane.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;
class QTreeWidget;

namespace cwi {

class ElidedLabel;
class InsightIndex;
class ChartPanel;

class ActivityView : public QWidget, public Pane
{
    Q_OBJECT
public:
    ActivityView(AppContext *context, InsightIndex *index, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    void reload();
    const ActivityFilter &filter() const { return m_filter; }
    void setFilter(const ActivityFilter &filter);
    QTreeWidget *sessionList() const { return m_sessions; }
    ChartPanel *costChart() const { return m_cost; }
    ChartPanel *toolChart() const { return m_tools; }

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    struct Data;
    void show(const Data &data);
    void updateFilterLabel();

    AppContext *m_context;
    InsightIndex *m_index;
    ActivityFilter m_filter;
    QComboBox *m_stackBy;
    QComboBox *m_measure;
    ElidedLabel *m_filterLabel;
    QToolButton *m_clearFilter;
    ChartPanel *m_cost;
    ChartPanel *m_cache;
    ChartPanel *m_tools;
    ChartPanel *m_outcomes;
    QTreeWidget *m_sessions;
    ElidedLabel *m_sessionsTitle; // one line whatever its length (a path, a message)
    mutable JobTracker m_jobs;
};

} // namespace cwi
