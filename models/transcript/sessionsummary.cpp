#include "sessionsummary.h"

#include "lineindex.h"

#include <QSet>

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
        const TranscriptEvent event = parseEvent(index.line(line), index.isPartial(line));
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
    if (progress)
        progress->store(s.lineCount, std::memory_order_relaxed);
    s.messageCount = int(messages.size());
    s.usage = s.hasResult && !s.result.usage.isEmpty() ? s.result.usage : summed;
    return s;
}

} // namespace cwi
