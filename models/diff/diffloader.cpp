#include "diffloader.h"

#include "diffparser.h"

namespace cwi {

namespace {
// Small first batch so the file list fills at once; then larger ones to keep signal traffic low.
constexpr int kFirstBatchFiles = 40;
constexpr int kBatchFiles = 400;
} // namespace

DiffLoader::DiffLoader(QObject *parent)
    : QObject(parent)
{ }

DiffLoader::~DiffLoader() = default;

void DiffLoader::load(const QByteArray &diff)
{
    m_jobs.cancel();
    m_diff = diff;
    m_running = true;
    startBatch(0, kFirstBatchFiles);
}

void DiffLoader::cancel()
{
    m_jobs.cancel();
    m_diff.clear();
    m_running = false;
}

void DiffLoader::startBatch(qsizetype offset, int maxFiles)
{
    const QByteArray diff = m_diff;
    m_jobs.add([diff, offset, maxFiles] { return DiffParser::parseBatch(diff, offset, maxFiles); },
        [this](const DiffParser::Batch &batch) {
            if (!batch.files.isEmpty())
                Q_EMIT filesReady(batch.files);
            if (!m_running || m_jobs.isBusy())
                return; // a slot cancelled, or started another load
            if (batch.atEnd) {
                m_running = false;
                m_diff.clear();
                Q_EMIT finished();
                return;
            }
            startBatch(batch.nextOffset, kBatchFiles);
        });
}

} // namespace cwi
