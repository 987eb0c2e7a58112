#pragma once

// What the five knowledge views share: the app context, background loading (a JobTracker
// channel per kind of read, so a newer read of the same kind drops the older one), a busy state,
// and reloading in place when the file changes.

#include "appcontext.h"
#include "jobtracker.h"
#include "pane.h"

#include <QWidget>

class QHeaderView;
class QSplitter;

namespace cwi {

class KnowledgeViewBase : public QWidget, public Pane
{
    Q_OBJECT
public:
    explicit KnowledgeViewBase(AppContext *ctx, QWidget *parent = nullptr);

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }

public Q_SLOTS:
    // Reads everything shown again (also called on AppContext::dataChanged()).
    virtual void reload() = 0;

Q_SIGNALS:
    void busyChanged(bool busy);
    // Emitted after each load applied its result (tests and screenshots wait for it).
    void loaded();

protected:
    AppContext *context() const { return m_ctx; }
    void resizeEvent(QResizeEvent *event) override;
    // List beside the document when the view is wide, above it when narrow (a side dock).
    void setAdaptiveSplitter(QSplitter *splitter) { m_adaptive = splitter; }
    // COLUMN of HEADER takes the spare width when the view is wide; when narrow it keeps
    // NARROWWIDTH and the table scrolls sideways, so the main text never shrinks to "…".
    void setAdaptiveColumn(QHeaderView *header, int column, int narrowWidth);

    // Runs WORK(database) on a worker thread and DONE(result) on this thread, unless a newer
    // load on the same CHANNEL started meanwhile. WORK must only use values and the database.
    template<typename T, typename Work, typename Done> void load(int channel, Work work, Done done)
    {
        const std::shared_ptr<Database> db = m_ctx->database();
        if (!db) {
            m_jobs.cancel(channel);
            return;
        }
        m_jobs.run(
            channel, [db, work]() -> T { return work(db); },
            [this, done](const T &result) {
                done(result);
                Q_EMIT loaded();
            });
    }

private:
    AppContext *m_ctx;
    mutable JobTracker m_jobs;
    QSplitter *m_adaptive = nullptr;
    QHeaderView *m_adaptiveHeader = nullptr;
    int m_adaptiveColumn = -1;
    int m_narrowWidth = 0;
    bool m_narrow = false;
};

} // namespace cwi
