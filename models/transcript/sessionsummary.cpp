#include "sessionsummary.h"

#include "lineindex.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace cwi {

QString sessionOutcomeName(SessionOutcome outcome)
{
    switch (outcome) {
    case SessionOutcome::Running:
        return u"running"_s;
    case SessionOutcome::Succeeded:
        return u"success"_s;
    case SessionOutcome::Failed:
        return u"failed"_s;
    case SessionOutcome::NoResult:
        return u"no result"_s;
    }
    return {};
}

SessionOutcome SessionSummary::outcome(bool agentRunning) const
{
    if (hasResult)
        return result.succeeded() ? SessionOutcome::Succeeded : SessionOutcome::Failed;
    return agentRunning ? SessionOutcome::Running : SessionOutcome::NoResult;
}

namespace {

// Adds one parsed line to S (MESSAGES and SUMMED: usage once per message.id).
void addEvent(SessionSummary &s, int line, const TranscriptEvent &event, QSet<QString> &messages, TokenUsage &summed)
{
    s.kinds[line] = quint8(event.kind) | (event.isError() ? SessionSummary::ErrorBit : 0);
    ++s.counts[int(event.kind)];
    if (event.isSubAgent())
        ++s.subAgentLines;
    if (s.firstErrorLine < 0 && event.isError())
        s.firstErrorLine = line;
    if (event.kind == EventKind::Init && s.model.isEmpty())
        s.model = event.init.model;
    if (event.type == u"assistant" && !event.isSubAgent()) {
        // Usage repeats on every line of one API message: count it once.
        const QString key = event.messageId.isEmpty() ? u"#line%1"_s.arg(line) : event.messageId;
        if (!messages.contains(key)) {
            messages.insert(key);
            summed += event.usage;
        }
    }
    if (event.kind == EventKind::Result) {
        s.hasResult = true;
        s.result = event.result;
    }
}

void finishSummary(SessionSummary &s, const QSet<QString> &messages, const TokenUsage &summed)
{
    s.messageCount = int(messages.size());
    s.usage = s.hasResult && !s.result.usage.isEmpty() ? s.result.usage : summed;
}

} // namespace

SessionSummary summarizeSession(const LineIndex &index, const std::atomic_bool *cancel, std::atomic_int *progress)
{
    SessionSummary s;
    s.lineCount = int(index.lineCount());
    s.kinds.resize(s.lineCount);
    QSet<QString> messages;
    TokenUsage summed;
    for (int line = 0; line < s.lineCount; ++line) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
        if (progress && line % 256 == 0)
            progress->store(line, std::memory_order_relaxed);
        addEvent(s, line, parseEvent(index.line(line), index.isPartial(line)), messages, summed);
    }
    if (progress)
        progress->store(s.lineCount, std::memory_order_relaxed);
    finishSummary(s, messages, summed);
    return s;
}

void SessionSummarizer::addLine(QByteArrayView line, bool partial)
{
    // As LineIndex::line() gives it: a complete line without its '\r'.
    if (!partial && line.endsWith('\r'))
        line.chop(1);
    const int number = m_summary.lineCount++;
    m_summary.kinds.append(0);
    addEvent(m_summary, number, parseEvent(line, partial), m_messages, m_summed);
}

void SessionSummarizer::append(QByteArrayView chunk)
{
    m_bytes += chunk.size();
    const char *p = chunk.data();
    const char *end = p + chunk.size();
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!nl) {
            m_tail.append(p, end - p);
            return;
        }
        if (m_tail.isEmpty()) {
            addLine(QByteArrayView(p, nl - p), false);
        } else {
            m_tail.append(p, nl - p);
            addLine(m_tail, false);
            m_tail.clear();
            m_tail.squeeze(); // a long line's buffer is not kept for the short ones after it
        }
        p = nl + 1;
    }
}

SessionSummary SessionSummarizer::finish()
{
    if (!m_tail.isEmpty())
        addLine(m_tail, true);
    m_tail = {};
    finishSummary(m_summary, m_messages, m_summed);
    m_summary.kinds.squeeze();
    return std::move(m_summary);
}

} // namespace cwi
