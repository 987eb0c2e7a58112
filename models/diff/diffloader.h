#pragma once

// Parses a diff in a worker thread, batch by batch, and hands each batch of files to the UI
// thread as soon as it is ready: the first files show while the rest of a huge diff is parsed.

#include "difftypes.h"
#include "jobtracker.h"

#include <QByteArray>
#include <QObject>
#include <QVector>

namespace cwi {

class DiffLoader : public QObject
{
    Q_OBJECT
public:
    explicit DiffLoader(QObject *parent = nullptr);
    ~DiffLoader() override;

    // Starts parsing DIFF; a load in progress is abandoned (its results are dropped).
    void load(const QByteArray &diff);
    void cancel();
    bool isRunning() const { return m_running; }
    JobTracker *jobs() const { return &m_jobs; }

Q_SIGNALS:
    void filesReady(const QVector<cwi::DiffFile> &files);
    void finished();

private:
    void startBatch(qsizetype offset, int maxFiles);

    QByteArray m_diff;
    bool m_running = false;
    mutable JobTracker m_jobs;
};

} // namespace cwi
