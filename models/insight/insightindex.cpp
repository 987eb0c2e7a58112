#include "insightindex.h"

#include "asyncjob.h"
#include "database.h"

#include <QTimer>

namespace cwi {

InsightIndex::InsightIndex(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(200);
    connect(m_progressTimer, &QTimer::timeout, this, [this] { Q_EMIT progressChanged(progressPermille()); });
    connect(context, &AppContext::databaseChanged, this, &InsightIndex::onDatabaseChanged);
    connect(context, &AppContext::dataChanged, this, &InsightIndex::onDataChanged);
    if (context->database())
        onDatabaseChanged();
}

InsightIndex::~InsightIndex()
{
    if (m_job)
        m_job->cancel = true;
}

void InsightIndex::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        cancel();
        ++m_generation;
        m_factsReady = m_textReady = false;
        m_sidecar.clear();
        setRunning(false);
        Q_EMIT updated();
    } else {
        restart();
    }
}

int InsightIndex::progressPermille() const
{
    return m_job ? m_job->permille.load() : 0;
}

void InsightIndex::onDatabaseChanged()
{
    if (m_job)
        m_job->cancel = true;
    ++m_generation; // whatever is running belongs to the previous file
    m_factsReady = m_textReady = false;
    m_sidecar.clear();
    m_error.clear();
    m_again = false;
    setRunning(false);
    Q_EMIT updated();
    restart();
}

void InsightIndex::onDataChanged()
{
    if (m_running)
        m_again = true;
    else
        restart();
}

void InsightIndex::restart()
{
    if (!m_enabled || !m_context->database() || m_running)
        return;
    startPass(InsightWriter::FactsPass);
}

void InsightIndex::cancel()
{
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
    setRunning(true);
    const quint64 generation = m_generation;
    runAsync(
        this, [db, pass, job = m_job] { return runInsightPass(db, pass, &job->cancel, &job->permille); },
        [this, generation, pass](const InsightRunResult &result) { onPassDone(generation, pass, result); });
}

void InsightIndex::onPassDone(quint64 generation, InsightWriter::Pass pass, const InsightRunResult &result)
{
    if (generation != m_generation)
        return; // another file was opened meanwhile
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
    setRunning(false);
    if (ok && m_again) {
        m_again = false;
        restart();
    }
}

void InsightIndex::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    if (running)
        m_progressTimer->start();
    else
        m_progressTimer->stop();
    Q_EMIT busyChanged(running);
}

} // namespace cwi
