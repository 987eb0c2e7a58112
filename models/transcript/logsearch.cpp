#include "logsearch.h"

#include "transcriptmodel.h"

namespace cwi {

LogSearch::LogSearch(const TranscriptModel *transcript, QObject *parent)
    : QObject(parent)
    , m_transcript(transcript)
{ }

LogSearch::~LogSearch()
{
    if (m_state)
        m_state->cancel = true;
}

// The running search stops at its next line and its result is dropped.
void LogSearch::stop()
{
    if (m_state)
        m_state->cancel = true;
    m_state.reset();
    m_jobs.cancel();
}

void LogSearch::clear()
{
    stop();
    m_result = {};
    m_finished = false;
    m_hit = -1;
    Q_EMIT changed();
}

void LogSearch::find(const QString &needle)
{
    stop();
    m_result = {};
    m_result.needle = needle;
    m_finished = false;
    m_hit = -1;
    const Transcript *transcript = m_transcript->transcript();
    if (needle.isEmpty() || !transcript) {
        Q_EMIT changed();
        return;
    }
    auto state = std::make_shared<State>();
    m_state = state;
    const LineIndex index = transcript->index();
    // The transcript hides ids, keys and usage fields; only Raw shows them, so only Raw counts them.
    const SearchScope scope = m_raw ? SearchScope::StoredBytes : SearchScope::ShownText;
    m_jobs.run([index, needle, state,
                   scope]() { return searchTranscript(index, needle, &state->cancel, &state->progress, scope); },
        [this](const TranscriptSearchResult &result) {
            m_state.reset();
            onDone(result);
        });
    Q_EMIT changed();
}

void LogSearch::cancel()
{
    if (m_state)
        m_state->cancel = true;
}

void LogSearch::onDone(const TranscriptSearchResult &result)
{
    m_result = result;
    m_finished = true;
    m_hit = -1;
    Q_EMIT changed();
    if (!result.lines.isEmpty() && !result.cancelled)
        findNext();
}

void LogSearch::findNext()
{
    if (m_result.lines.isEmpty())
        return;
    m_hit = (m_hit + 1) % int(m_result.lines.size());
    Q_EMIT lineRequested(m_result.lines.at(m_hit));
    Q_EMIT changed();
}

void LogSearch::findPrevious()
{
    if (m_result.lines.isEmpty())
        return;
    m_hit = (m_hit <= 0 ? int(m_result.lines.size()) : m_hit) - 1;
    Q_EMIT lineRequested(m_result.lines.at(m_hit));
    Q_EMIT changed();
}

void LogSearch::setRawMode(bool raw)
{
    if (m_raw == raw)
        return;
    m_raw = raw;
    if (const QString needle = m_result.needle; !needle.isEmpty()) // what counts as a hit changed
        find(needle); // a copy: find() clears m_result first
}

int LogSearch::progress() const
{
    if (m_state)
        return m_state->progress.load();
    return m_finished && !m_result.cancelled ? 1000 : 0;
}

QString LogSearch::hitText() const
{
    if (m_result.needle.isEmpty())
        return {};
    if (m_state)
        return tr("searching…");
    if (m_result.cancelled)
        return tr("cancelled");
    if (m_result.lines.isEmpty())
        return tr("no hits");
    return tr("%1 / %2 lines (%3 hits)").arg(m_hit + 1).arg(m_result.lines.size()).arg(m_result.hits);
}

} // namespace cwi
