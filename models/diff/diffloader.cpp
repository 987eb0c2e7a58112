#include "diffloader.h"

#include "diffparser.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace cwi {

namespace {
// Small first batch so the file list fills at once; then larger ones to keep signal traffic low.
constexpr int kFirstBatchFiles = 40;
constexpr int kBatchFiles = 400;
} // namespace

DiffLoader::DiffLoader(QObject *parent)
    : QObject(parent)
{ }

DiffLoader::~DiffLoader()
{
    ++m_generation;
}

void DiffLoader::load(const QByteArray &diff)
{
    ++m_generation;
    m_diff = diff;
    m_running = true;
    startBatch(0, kFirstBatchFiles);
}

void DiffLoader::cancel()
{
    ++m_generation;
    m_diff.clear();
    m_running = false;
}

void DiffLoader::startBatch(qsizetype offset, int maxFiles)
{
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<DiffParser::Batch>(this);
    connect(watcher, &QFutureWatcher<DiffParser::Batch>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer load (or cancel) superseded this one
        const DiffParser::Batch batch = watcher->result();
        if (!batch.files.isEmpty())
            Q_EMIT filesReady(batch.files);
        if (generation != m_generation)
            return; // a slot started another load
        if (batch.atEnd) {
            m_running = false;
            m_diff.clear();
            Q_EMIT finished();
            return;
        }
        startBatch(batch.nextOffset, kBatchFiles);
    });
    const QByteArray diff = m_diff;
    watcher->setFuture(
        QtConcurrent::run([diff, offset, maxFiles] { return DiffParser::parseBatch(diff, offset, maxFiles); }));
}

} // namespace cwi
