#include "insightindex.h"

#include "backgroundthread.h"
#include "database.h"
#include "insight/insightwriter.h"

#include <QTimer>

#include <utility>

namespace cwi {

InsightIndex::InsightIndex(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_progressTimer(new QTimer(this))
    , m_startTimer(new QTimer(this))
{
    m_startTimer->setSingleShot(true);
    m_startTimer->setInterval(kStartWaitMs);
    connect(m_startTimer, &QTimer::timeout, this, [this] { startWhenPanesIdle(true); });
    m_progressTimer->setInterval(200);
    connect(m_progressTimer, &QTimer::timeout, this, [this] { Q_EMIT progressChanged(progressPermille()); });
    connect(context, &AppContext::databaseChanged, this, &InsightIndex::onDatabaseChanged);
    connect(context, &AppContext::dataChanged, this, &InsightIndex::onDataChanged);
    for (JobTracker *tracker : { &m_factsJobs, &m_textJobs })
        connect(tracker, &JobTracker::busyChanged, this, [this] { Q_EMIT busyChanged(isBusy()); });
    if (context->database())
        onDatabaseChanged();
}

InsightIndex::~InsightIndex()
{
    // A pass reads its own flag, not the trackers' token: set it, or the application waits at
    // exit (its pools are drained) for a pass over the whole log to finish.
    cancel();
}

void InsightIndex::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        m_startPending = false;
        m_startTimer->stop();
        cancel();
        m_factsJobs.cancelAll(); // a pass still running is stale
        m_textJobs.cancelAll();
        m_factsReady = m_textReady = false;
        m_sidecar.clear();
        m_progressTimer->stop();
        Q_EMIT updated();
    } else {
        restart();
    }
}

int InsightIndex::progressPermille() const
{
    return m_job ? m_job->permille.load() : 0;
}

QString InsightIndex::notReadyText() const
{
    if (m_factsReady)
        return {};
    if (!m_enabled)
        return tr("Indexing is off (View > Index agent logs).");
    if (!m_error.isEmpty())
        return tr("The logs could not be indexed: %1").arg(m_error);
    return tr("The logs are being indexed (progress in the status bar); this fills in when the first pass "
              "ends. The index is kept for the next launch.");
}

void InsightIndex::onDatabaseChanged()
{
    m_factsJobs.cancelAll(); // whatever is running belongs to the previous file
    m_textJobs.cancelAll();
    m_factsReady = m_textReady = false;
    m_sidecar.clear();
    m_error.clear();
    m_again = false;
    m_startPending = false;
    m_progressTimer->stop();
    Q_EMIT updated();
    if (!m_panes || !m_enabled || !m_context->database()) {
        restart();
        return;
    }
    m_startPending = true;
    m_factsJobs.hold();
    m_startTimer->start();
    // Asked once the other receivers of databaseChanged (the panes) have started their reads.
    QMetaObject::invokeMethod(
        this, [this] { startWhenPanesIdle(false); }, Qt::QueuedConnection);
}

void InsightIndex::startAfter(JobTracker *panes)
{
    m_panes = panes;
    // Asked after the event loop turns: a pane's run() ends its previous job and starts the next.
    connect(
        panes, &JobTracker::jobEnded, this, [this] { startWhenPanesIdle(false); }, Qt::QueuedConnection);
}

void InsightIndex::startWhenPanesIdle(bool force)
{
    if (!m_startPending || (!force && m_panes && m_panes->isBusy()))
        return;
    m_startPending = false;
    m_startTimer->stop();
    m_factsJobs.cancel(); // ends the hold
    restart();
}

void InsightIndex::onDataChanged()
{
    if (isBusy())
        m_again = true;
    else
        restart();
}

void InsightIndex::restart()
{
    if (!m_enabled || !m_context->database() || isBusy())
        return;
    startPass(InsightWriter::FactsPass);
}

void InsightIndex::cancel()
{
    // Stops the run, which still reports (cancelled) and ends the busy state.
    if (std::exchange(m_startPending, false)) {
        m_startTimer->stop();
        m_factsJobs.cancel(); // the hold: nothing runs yet
    }
    if (m_job)
        m_job->cancel = true;
    m_again = false;
}

void InsightIndex::startPass(InsightWriter::Pass pass)
{
    const std::shared_ptr<Database> db = m_context->database();
    if (!db)
        return;
    m_pass = pass;
    m_job = std::make_shared<Job>();
    m_progressTimer->start();
    JobTracker &jobs = pass == InsightWriter::FactsPass ? m_factsJobs : m_textJobs;
    // At a low CPU priority (with its prefetch thread): the window and the reads the user
    // waits for get the cores first; the first pass on a 1.5 GB file runs for a minute.
    jobs.run(
        [db, pass, job = m_job] {
            return runAtBackgroundPriority([&] { return runInsightPass(db, pass, &job->cancel, &job->permille); });
        },
        [this, pass](const InsightRunResult &result) { onPassDone(pass, result); });
}

void InsightIndex::onPassDone(InsightWriter::Pass pass, const InsightRunResult &result)
{
    m_lastRun = result;
    m_error = result.error;
    if (!result.sidecar.isEmpty())
        m_sidecar = result.sidecar;
    const bool ok = result.error.isEmpty() && !result.cancelled;
    if (ok) {
        if (pass == InsightWriter::FactsPass)
            m_factsReady = true;
        else
            m_textReady = true;
    }
    if (result.changed() || ok)
        Q_EMIT updated();
    if (ok && pass == InsightWriter::FactsPass) {
        startPass(InsightWriter::TextPass);
        return;
    }
    m_progressTimer->stop();
    if (ok && m_again) {
        m_again = false;
        restart(); // this pass's job is no longer pending: the tracker dropped it before calling here
    }
}

} // namespace cwi
