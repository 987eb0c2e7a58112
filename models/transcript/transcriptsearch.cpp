#include "transcriptsearch.h"

#include "eventpresentation.h"

#include <algorithm>
#include <cstring>

namespace cwi {

namespace {

QByteArray jsonEscaped(const QString &needle)
{
    QByteArray out;
    const QByteArray utf8 = needle.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += c;
        }
    }
    return out;
}

inline char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

} // namespace

// Hits of NEEDLE in what the transcript shows for LINE (0 when they were all in hidden fields).
qint64 shownHits(const LineIndex &index, int line, const QString &needle)
{
    const EventPresentation shown = presentEvent(parseEvent(index.line(line)), nullptr, line);
    qint64 hits = 0;
    for (const QString *text : { &shown.header, &shown.body, &shown.detail }) {
        for (qsizetype at = text->indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
             at = text->indexOf(needle, at + 1, Qt::CaseInsensitive))
            ++hits;
    }
    return hits;
}

TranscriptSearchResult searchTranscript(const LineIndex &index, const QString &needle, const std::atomic_bool *cancel,
    std::atomic_int *progress, SearchScope scope)
{
    TranscriptSearchResult result;
    result.needle = needle;
    QByteArray pattern = jsonEscaped(needle);
    std::transform(pattern.begin(), pattern.end(), pattern.begin(), lower);
    const QByteArray &bytes = index.bytes();
    const qsizetype total = bytes.size();
    if (pattern.isEmpty() || total == 0)
        return result;

    constexpr qsizetype kBlock = 4 << 20;
    const qsizetype overlap = pattern.size() - 1;
    QByteArray buffer(kBlock + overlap, Qt::Uninitialized);
    int lastLine = -1;
    for (qsizetype start = 0; start < total; start += kBlock) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            result.cancelled = true;
            return result;
        }
        const qsizetype len = std::min(total - start, kBlock + overlap);
        const char *src = bytes.constData() + start;
        char *dst = buffer.data();
        for (qsizetype i = 0; i < len; ++i)
            dst[i] = lower(src[i]);
        qsizetype from = 0;
        while (from + pattern.size() <= len) {
            const void *hit = ::memmem(dst + from, size_t(len - from), pattern.constData(), size_t(pattern.size()));
            if (!hit)
                break;
            const qsizetype at = static_cast<const char *>(hit) - dst;
            if (at >= kBlock)
                break; // the next block finds it
            ++result.hits;
            const int line = int(index.lineAt(start + at));
            if (line != lastLine) {
                result.lines.append(line);
                lastLine = line;
            }
            from = at + 1;
        }
        if (progress)
            progress->store(int(std::min<qint64>(1000, (start + len) * 1000 / total)), std::memory_order_relaxed);
    }
    if (scope == SearchScope::ShownText) {
        QVector<int> shownLines;
        result.hits = 0;
        for (int line : std::as_const(result.lines)) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                result.cancelled = true;
                return result;
            }
            const qint64 hits = shownHits(index, line, needle);
            if (hits > 0) {
                shownLines.append(line);
                result.hits += hits;
            }
        }
        result.lines = shownLines;
    }
    return result;
}

} // namespace cwi
