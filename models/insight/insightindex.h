#pragma once

// The insight index of the open file, kept up to date in the background: after a file is
// opened, and whenever the change detector (AppContext::dataChanged, fed by
// Database::externallyChanged) reports a commit, it indexes the chunks it has not seen: first
// the facts pass (sessions, usage, tool calls; the pages need it), then the text pass (search).
// One job at a time; a change during a run asks for one more run. Each pass runs on its own
// JobTracker: another file opened meanwhile cancels them, and the stale result is dropped there.
// The window waits for the facts pass only (factsJobs()): the pages need nothing else. Says
// busyChanged() and progressChanged() for the status bar; cancel() stops the run until the next
// change or restart().

#include "appcontext.h"
#include "insightindexer.h"
#include "insightreader.h"
#include "jobtracker.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QTimer;

namespace cwi {

class InsightIndex : public QObject
{
    Q_OBJECT
public:
    explicit InsightIndex(AppContext *context, QObject *parent = nullptr);
    ~InsightIndex() override;

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    bool isBusy() const { return m_factsJobs.isBusy() || m_textJobs.isBusy(); }
    JobTracker *factsJobs() const { return &m_factsJobs; }
    // The sidecar of the open file once a run has opened it (empty before, or when disabled).
    QString sidecarPath() const { return m_sidecar; }
    // The pages' reads of that sidecar, for their jobs.
    InsightReader reader() const { return InsightReader(m_sidecar); }
    // True once the facts pass has caught up at least once for this file (pages can read).
    bool hasFacts() const { return m_factsReady; }
    bool hasText() const { return m_textReady; }
    // What a page over the facts says while it cannot show them yet (the first pass over a file
    // runs, or indexing is off); empty once hasFacts().
    QString notReadyText() const;
    int progressPermille() const;
    bool isTextPass() const { return m_pass == InsightPasses::TextPass; }
    QString lastError() const { return m_error; }
    const InsightRunResult &lastRun() const { return m_lastRun; }

    void restart(); // index what is new now
    void cancel();
    // The first pass over a newly opened file starts once PANES is idle (the window's first
    // reads), at the latest kStartWaitMs after the file opened: on a 1.5 GB file the pass and its
    // prefetch thread otherwise took the two cores from the reads the user waits for. Meanwhile
    // factsJobs() is held busy, so whoever waits for the facts waits for this too.
    void startAfter(JobTracker *panes);
    static constexpr int kStartWaitMs = 3000;

Q_SIGNALS:
    void busyChanged(bool busy);
    void progressChanged(int permille);
    // New facts (after the facts pass) or new text (after the text pass) are in the sidecar.
    void updated();

private:
    struct Job
    {
        std::atomic_bool cancel { false };
        std::atomic_int permille { 0 };
    };

    void onDatabaseChanged();
    void onDataChanged();
    void startWhenPanesIdle(bool force);
    void startPass(InsightPasses::Pass pass);
    void onPassDone(InsightPasses::Pass pass, const InsightRunResult &result);

    AppContext *m_context;
    bool m_enabled = true;
    bool m_again = false;
    bool m_factsReady = false;
    bool m_textReady = false;
    mutable JobTracker m_factsJobs;
    mutable JobTracker m_textJobs;
    InsightPasses::Pass m_pass = InsightPasses::FactsPass;
    std::shared_ptr<Job> m_job;
    QString m_sidecar;
    QString m_error;
    InsightRunResult m_lastRun;
    QTimer *m_progressTimer;
    QPointer<JobTracker> m_panes; // startAfter()
    QTimer *m_startTimer;
    bool m_startPending = false;
};

} // namespace cwi
