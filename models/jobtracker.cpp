#include "jobtracker.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace cwi {

QThreadPool *jobPool()
{
    static QThreadPool *const pool = [] {
        static QThreadPool instance;
        instance.setExpiryTimeout(-1);
        // Room for the long reads (index passes, counts, a big session) beside the short ones
        // (the page under the viewport), so a page never queues behind a long read.
        instance.setMaxThreadCount(qMax(8, QThread::idealThreadCount()));
        return &instance;
    }();
    return pool;
}

QEvent::Type detail::PartEvent::eventType()
{
    static const auto type = QEvent::Type(QEvent::registerEventType());
    return type;
}

bool JobTracker::event(QEvent *event)
{
    if (event->type() != detail::PartEvent::eventType())
        return QObject::event(event);
    --m_mailbox->queuedParts;
    static_cast<detail::PartEvent *>(event)->deliver();
    return true;
}

JobTracker::JobTracker(QObject *parent)
    : QObject(parent)
{
    m_mailbox->tracker = this;
}

JobTracker::~JobTracker()
{
    {
        const QMutexLocker lock(&m_mailbox->mutex);
        m_mailbox->tracker = nullptr; // streaming jobs post nothing from now on
    }
    for (const Channel &channel : std::as_const(m_channels))
        channel.token.cancel();
}

void JobTracker::cancel(int channel)
{
    const auto it = m_channels.constFind(channel);
    if (it == m_channels.cend())
        return;
    it->token.cancel();
    m_channels.erase(it); // its jobs' ids are gone with it: their results are stale
    updateBusy();
    Q_EMIT jobEnded();
}

void JobTracker::hold(int channel)
{
    m_channels[channel]; // a channel without pending jobs: busy, and no result is current
    updateBusy();
}

void JobTracker::cancelAll()
{
    const QList<int> channels = m_channels.keys();
    for (int channel : channels)
        cancel(channel);
}

void JobTracker::follow(JobTracker *other)
{
    m_followed.removeIf([](const QPointer<JobTracker> &followed) { return followed.isNull(); });
    m_followed.append(other);
    connect(other, &JobTracker::busyChanged, this, &JobTracker::updateBusy);
    connect(other, &JobTracker::jobEnded, this, &JobTracker::jobEnded);
    connect(other, &QObject::destroyed, this, [this] { updateBusy(); });
    updateBusy();
}

bool JobTracker::finishCurrent(int channel, quint64 job)
{
    const auto it = m_channels.find(channel);
    if (it == m_channels.end() || !it->pending.remove(job))
        return false;
    if (it->pending.isEmpty())
        m_channels.remove(channel);
    return true;
}

bool JobTracker::isBusy() const
{
    if (!m_channels.isEmpty())
        return true;
    return std::any_of(
        m_followed.cbegin(), m_followed.cend(), [](const auto &other) { return other && other->isBusy(); });
}

void JobTracker::updateBusy()
{
    if (m_busyCheckQueued || isBusy() == m_busy)
        return;
    m_busyCheckQueued = true;
    QMetaObject::invokeMethod(this, &JobTracker::signalBusy, Qt::QueuedConnection);
}

void JobTracker::signalBusy()
{
    m_busyCheckQueued = false;
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace cwi
