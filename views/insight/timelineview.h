#pragma once

// Timeline page (Ctrl+7): the sessions of one initiative (or all) on a time axis, a lane per
// agent or per task. Reads the insight index in a worker; reloads when the index grows.

#include "appcontext.h"
#include "jobtracker.h"
#include "pane.h"

#include <QWidget>

class QComboBox;

namespace cwi {

class ElidedLabel;
class InsightIndex;
class TimelineCanvas;

class TimelineView : public QWidget, public Pane
{
    Q_OBJECT
public:
    TimelineView(AppContext *context, InsightIndex *index, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    TimelineCanvas *canvas() const { return m_canvas; }
    void reload();

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void refreshInitiatives();

    AppContext *m_context;
    InsightIndex *m_index;
    QComboBox *m_initiative;
    QComboBox *m_laneBy;
    ElidedLabel *m_summary;
    TimelineCanvas *m_canvas;
    mutable JobTracker m_jobs;
    enum Channel
    {
        kInitiativesChannel,
        kLayoutChannel
    };
};

} // namespace cwi
