#pragma once

// The one way to run background work (STYLE.md; the pattern of hotspot's jobtracker.h). An owner
// (a model, a pane, a session) keeps a JobTracker. Each job runs on the global thread pool with
// a CancelToken it may poll, or hand to a reader whose SQLite progress handler reads it
// (sql::CancelGuard). Its result comes back on the tracker's thread through a QFutureWatcher the
// tracker owns (Qt 6.4's QFuture::then(context) asserts when the context dies first; this does
// not), and only while the job is current: a later run() or cancel() on the same channel makes
// it stale, and stale results are dropped here and nowhere else. The tracker says busyChanged()
// while current jobs are pending, its own or those of the trackers it follows. A channel is any
// int the owner picks (a page number, a kind of read); it exists only while it has jobs.

#include <QCoreApplication>
#include <QEvent>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QScopeGuard>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

class QThreadPool;

namespace cwi {

// The pool every job runs on, never QThreadPool::globalInstance(): Qt 6.4's raster engine
// paints large areas with the global pool's threads and waits for them, so one long read there
// (an index pass, a count over a million rows) froze every paint of the window for as long as
// it ran. Its threads never expire (each keeps a read connection that the Database owns);
// app/main.cpp drains it before the database closes.
QThreadPool *jobPool();

// Shared between the tracker and its jobs; copies see the same flag.
class CancelToken
{
public:
    CancelToken()
        : m_flag(std::make_shared<std::atomic_bool>(false))
    { }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }
    // For readers that poll a flag (sql::CancelGuard installs a SQLite progress handler on it).
    const std::atomic_bool *flag() const { return m_flag.get(); }

private:
    friend class JobTracker;
    void cancel() const { m_flag->store(true); }
    std::shared_ptr<std::atomic_bool> m_flag;
};

class JobTracker;

namespace detail {
// What a streaming job posts its parts through: the tracker while it lives, nothing after.
struct Mailbox
{
    QMutex mutex;
    JobTracker *tracker = nullptr;
    std::atomic_int queuedParts = 0; // posted, not yet delivered: a job's end flushes them first
};

// One part of a stream on its way to the tracker's thread. Posted below Qt::LowEventPriority
// (where QWidget::update() posts its UpdateRequest): the frames and calls queued after it go
// first, so a stream that runs ahead of its reader (a 100 MB session, parts of 2 MB) never holds
// back the window's next paint.
class PartEvent : public QEvent
{
public:
    explicit PartEvent(std::function<void()> deliver)
        : QEvent(eventType())
        , deliver(std::move(deliver))
    { }
    static QEvent::Type eventType();
    std::function<void()> deliver;
};
constexpr int kPartPriority = int(Qt::LowEventPriority) - 1;
} // namespace detail

// Handed to a streaming job (JobTracker::stream): report() sends one part to the tracker's
// thread, where it is delivered only while the job is current. False once the job is cancelled
// or stale: the job should stop then.
template<typename Part> class Reporter
{
public:
    bool report(Part part) const;
    bool isCancelled() const { return m_token.isCancelled(); }

private:
    friend class JobTracker;
    Reporter(std::shared_ptr<detail::Mailbox> mailbox, int channel, quint64 job, CancelToken token,
        std::shared_ptr<std::function<void(Part)>> onPart)
        : m_mailbox(std::move(mailbox))
        , m_channel(channel)
        , m_job(job)
        , m_token(std::move(token))
        , m_onPart(std::move(onPart))
    { }
    std::shared_ptr<detail::Mailbox> m_mailbox;
    int m_channel;
    quint64 m_job;
    CancelToken m_token;
    std::shared_ptr<std::function<void(Part)>> m_onPart;
};

class JobTracker : public QObject
{
    Q_OBJECT
public:
    explicit JobTracker(QObject *parent = nullptr);
    ~JobTracker() override; // cancels every job; no result is delivered after this

    // Runs JOB on the thread pool and DONE(result) on this thread afterwards, unless the job went
    // stale meanwhile. JOB takes a `const CancelToken &` or nothing, and captures values only
    // (never a UI object's `this`). run() supersedes the CHANNEL's pending jobs (they are
    // cancelled and their results dropped); add() runs beside them (the pages of one query).
    template<typename Job, typename Done> void run(int channel, Job job, Done done)
    {
        cancel(channel);
        add(channel, std::move(job), std::move(done));
    }
    template<typename Job, typename Done> void run(Job job, Done done) { run(0, std::move(job), std::move(done)); }
    template<typename Job, typename Done> void add(int channel, Job job, Done done);
    template<typename Job, typename Done> void add(Job job, Done done) { add(0, std::move(job), std::move(done)); }

    // Like run(), for a job that hands over its result in parts as it goes (a long session read
    // chunk by chunk): JOB(const CancelToken &, const Reporter<Part> &) calls report(part), and
    // ONPART(part) runs on this thread for each part while the job is current; DONE(result) last.
    template<typename Part, typename Job, typename OnPart, typename Done>
    void stream(int channel, Job job, OnPart onPart, Done done);

    // CHANNEL is busy with no job yet: work that waits for its turn (the index's first pass waits
    // for the panes' first reads) keeps the owner busy meanwhile. The next run() or cancel() on
    // the channel ends the hold.
    void hold(int channel = 0);

    // Cancels the pending jobs of CHANNEL (or of all channels) and drops their results.
    void cancel(int channel = 0);
    void cancelAll();

    // Pending current jobs, here or in a followed tracker. busyChanged() follows from the event
    // loop, so a cancel() right before a run() never reads as a moment of idleness.
    bool isBusy() const;
    bool isBusy(int channel) const { return m_channels.contains(channel); }
    QList<int> busyChannels() const { return m_channels.keys(); }
    // This tracker is busy while OTHER is (a pane follows its model's tracker).
    void follow(JobTracker *other);

protected:
    bool event(QEvent *event) override; // delivers a stream's parts (detail::PartEvent)

Q_SIGNALS:
    void busyChanged(bool busy);
    // A job here or in a followed tracker ended (delivered, dropped or cancelled). Unlike
    // busyChanged() it is not held back to the event loop, so a job that ends before the loop
    // turns says it too: whoever asked isBusy() and saw true learns when to ask again.
    void jobEnded();

private:
    struct Channel
    {
        CancelToken token;
        QSet<quint64> pending; // ids of the current jobs; a job not in here is stale
    };

    template<typename Job> static auto invoke(const Job &job, const CancelToken &token)
    {
        if constexpr (std::is_invocable_v<const Job &, const CancelToken &>)
            return job(token);
        else
            return job();
    }
    bool finishCurrent(int channel, quint64 job);
    bool isCurrent(int channel, quint64 job) const
    {
        const auto it = m_channels.constFind(channel);
        return it != m_channels.cend() && it->pending.contains(job);
    }
    template<typename Part> friend class Reporter;
    void updateBusy(); // queues a signal if the busy state may have changed
    void signalBusy();

    QHash<int, Channel> m_channels; // only channels with current jobs
    quint64 m_lastJob = 0; // job ids are never reused, so a dropped channel's old jobs stay stale
    std::shared_ptr<detail::Mailbox> m_mailbox = std::make_shared<detail::Mailbox>();
    QList<QPointer<JobTracker>> m_followed;
    bool m_busy = false; // as last signalled
    bool m_busyCheckQueued = false;
};

template<typename Job, typename Done> void JobTracker::add(int channel, Job job, Done done)
{
    Channel &state = m_channels[channel];
    const quint64 id = ++m_lastJob;
    const CancelToken token = state.token;
    using Result = decltype(invoke(job, token));
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(
        watcher, &QFutureWatcherBase::finished, this, [this, watcher, channel, id, done = std::move(done)]() mutable {
            watcher->deleteLater();
            const auto ended = qScopeGuard([this] { Q_EMIT jobEnded(); });
            // A stream's parts still queued (they wait behind other events) come before its end.
            // Only when there are any: the flush walks the thread's whole queue of posted events.
            if (m_mailbox->queuedParts.load() > 0)
                QCoreApplication::sendPostedEvents(this, detail::PartEvent::eventType());
            if (!finishCurrent(channel, id))
                return; // stale: superseded or cancelled after it started
            if constexpr (std::is_void_v<Result>)
                done();
            else if (watcher->future().resultCount() > 0)
                done(watcher->future().result());
            updateBusy(); // after DONE, so a follow-up job it starts keeps the tracker busy
        });
    state.pending.insert(id);
    watcher->setFuture(QtConcurrent::run(jobPool(), [job = std::move(job), token] { return invoke(job, token); }));
    updateBusy();
}

template<typename Part, typename Job, typename OnPart, typename Done>
void JobTracker::stream(int channel, Job job, OnPart onPart, Done done)
{
    cancel(channel);
    const CancelToken token = m_channels[channel].token;
    const Reporter<Part> reporter(
        m_mailbox, channel, m_lastJob + 1, token, std::make_shared<std::function<void(Part)>>(std::move(onPart)));
    add(
        channel, [job = std::move(job), reporter](const CancelToken &cancel) { return job(cancel, reporter); },
        std::move(done));
}

template<typename Part> bool Reporter<Part>::report(Part part) const
{
    if (m_token.isCancelled())
        return false;
    const QMutexLocker lock(&m_mailbox->mutex);
    JobTracker *tracker = m_mailbox->tracker;
    if (!tracker)
        return false;
    // Posted to the tracker: a tracker destroyed before it runs takes the posted event with it.
    ++m_mailbox->queuedParts;
    QCoreApplication::postEvent(tracker,
        new detail::PartEvent(
            [tracker, channel = m_channel, job = m_job, onPart = m_onPart, part = std::move(part)]() mutable {
                if (tracker->isCurrent(channel, job))
                    (*onPart)(std::move(part));
            }),
        detail::kPartPriority);
    return true;
}

} // namespace cwi
