#include "textdiff.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace cwi::textdiff {

using namespace Qt::StringLiterals;

namespace {

void append(QVector<Edit> &edits, Edit::Kind kind, int oldIndex, int newIndex, int count)
{
    if (count <= 0)
        return;
    if (!edits.isEmpty()) {
        Edit &last = edits.last();
        const bool follows = last.kind == kind
            && (kind == Edit::Equal ? last.oldIndex + last.count == oldIndex && last.newIndex + last.count == newIndex
                    : kind == Edit::Delete ? last.oldIndex + last.count == oldIndex
                                           : last.newIndex + last.count == newIndex);
        if (follows) {
            last.count += count;
            return;
        }
    }
    edits.append({ kind, oldIndex, newIndex, count });
}

// Myers' greedy forward search over A[0, n) and B[0, m) (both already offset), keeping the
// frontier of every step for the walk back. Returns false when MAXD steps do not reach the end.
bool myers(const quint32 *a, int n, const quint32 *b, int m, int maxD, int oldBase, int newBase, QVector<Edit> &out)
{
    // frontier[d] holds V[k] for k in [-d - 1, d + 1] as it was before step d.
    std::vector<std::vector<int>> frontier;
    std::vector<int> v(size_t(2 * maxD + 3), 0);
    const int offset = maxD + 1;
    int found = -1;
    for (int d = 0; d <= maxD && found < 0; ++d) {
        frontier.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                   : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return false;

    // Walk back from (n, m), collecting runs in reverse.
    QVector<Edit> reversed;
    int x = n;
    int y = m;
    for (int d = found; d >= 0; --d) {
        const std::vector<int> &f = frontier[size_t(d)];
        const auto at = [&](int k) {
            const int index = k + d + 1;
            return f[size_t(index)];
        };
        const int k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = d == 0 ? 0 : at(prevK);
        const int prevY = d == 0 ? 0 : prevX - prevK;
        const int snake = d == 0 ? x : std::min(x - prevX - (down ? 0 : 1), y - prevY - (down ? 1 : 0));
        if (snake > 0)
            reversed.append({ Edit::Equal, oldBase + x - snake, newBase + y - snake, snake });
        x -= snake;
        y -= snake;
        if (d == 0)
            break;
        if (down) {
            reversed.append({ Edit::Insert, oldBase + x, newBase + y - 1, 1 });
            --y;
        } else {
            reversed.append({ Edit::Delete, oldBase + x - 1, newBase + y, 1 });
            --x;
        }
    }
    for (auto it = reversed.crbegin(); it != reversed.crend(); ++it)
        append(out, it->kind, it->oldIndex, it->newIndex, it->count);
    return true;
}

} // namespace

Result diffSequences(const QVector<quint32> &a, const QVector<quint32> &b, qint64 maxWork)
{
    Result result;
    const int n = int(a.size());
    const int m = int(b.size());
    int prefix = 0;
    while (prefix < n && prefix < m && a.at(prefix) == b.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a.at(n - 1 - suffix) == b.at(m - 1 - suffix))
        ++suffix;
    append(result.edits, Edit::Equal, 0, 0, prefix);
    const int midA = n - prefix - suffix;
    const int midB = m - prefix - suffix;
    if (midA == 0 || midB == 0) {
        append(result.edits, Edit::Delete, prefix, prefix, midA);
        append(result.edits, Edit::Insert, prefix + midA, prefix, midB);
    } else {
        const qint64 total = qint64(midA) + midB;
        const int maxD = int(std::min<qint64>({ total, std::max<qint64>(1, maxWork / total), kMaxEditDistance }));
        if (!myers(a.constData() + prefix, midA, b.constData() + prefix, midB, maxD, prefix, prefix, result.edits)) {
            result.exact = false;
            append(result.edits, Edit::Delete, prefix, prefix, midA);
            append(result.edits, Edit::Insert, prefix + midA, prefix, midB);
        }
    }
    append(result.edits, Edit::Equal, n - suffix, m - suffix, suffix);
    return result;
}

Result diffLines(const QStringList &a, const QStringList &b, qint64 maxWork)
{
    QHash<QString, quint32> ids;
    const auto intern = [&ids](const QStringList &lines) {
        QVector<quint32> out;
        out.reserve(lines.size());
        for (const QString &line : lines)
            out.append(*ids.insert(line, ids.value(line, quint32(ids.size()))));
        return out;
    };
    const QVector<quint32> ia = intern(a);
    const QVector<quint32> ib = intern(b);
    return diffSequences(ia, ib, maxWork);
}

QVector<Span> tokenize(QStringView text)
{
    QVector<Span> tokens;
    const auto isWord = [](QChar c) { return c.isLetterOrNumber() || c == u'_'; };
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text.at(i);
        int j = i + 1;
        if (isWord(c)) {
            while (j < n && isWord(text.at(j)))
                ++j;
        } else if (c.isSpace()) {
            while (j < n && text.at(j).isSpace())
                ++j;
        } else if (c.isHighSurrogate() && j < n && text.at(j).isLowSurrogate()) {
            ++j; // one code point outside the BMP (an emoji) stays one token
        }
        tokens.append({ i, j - i });
        i = j;
    }
    return tokens;
}

WordChanges diffWords(QStringView oldLine, QStringView newLine)
{
    const QVector<Span> oldTokens = tokenize(oldLine);
    const QVector<Span> newTokens = tokenize(newLine);
    QHash<QStringView, quint32> ids;
    const auto intern = [&ids](QStringView line, const QVector<Span> &tokens) {
        QVector<quint32> out;
        out.reserve(tokens.size());
        for (const Span &t : tokens) {
            const QStringView token = line.mid(t.start, t.length);
            out.append(*ids.insert(token, ids.value(token, quint32(ids.size()))));
        }
        return out;
    };
    const Result diff = diffSequences(intern(oldLine, oldTokens), intern(newLine, newTokens));

    WordChanges changes;
    bool sharesWords = false;
    const auto addSpan = [](QVector<Span> &spans, const QVector<Span> &tokens, int first, int count) {
        const int start = tokens.at(first).start;
        const int end = tokens.at(first + count - 1).start + tokens.at(first + count - 1).length;
        if (!spans.isEmpty() && spans.last().start + spans.last().length == start)
            spans.last().length += end - start;
        else
            spans.append({ start, end - start });
    };
    for (const Edit &e : diff.edits) {
        switch (e.kind) {
        case Edit::Equal:
            for (int i = 0; i < e.count && !sharesWords; ++i)
                sharesWords = !oldLine.mid(oldTokens.at(e.oldIndex + i).start, 1).at(0).isSpace();
            break;
        case Edit::Delete:
            addSpan(changes.oldSpans, oldTokens, e.oldIndex, e.count);
            break;
        case Edit::Insert:
            addSpan(changes.newSpans, newTokens, e.newIndex, e.count);
            break;
        }
    }
    if (!sharesWords)
        return {};
    return changes;
}

QString unifiedDiff(const QString &oldText, const QString &newText, int context)
{
    const QStringList a = oldText.split(u'\n');
    const QStringList b = newText.split(u'\n');
    const QVector<Edit> edits = diffLines(a, b).edits;
    QString out;
    for (int i = 0; i < edits.size(); ++i) {
        const Edit &e = edits.at(i);
        if (e.kind == Edit::Delete) {
            for (int k = 0; k < e.count; ++k)
                out += u'-' + a.at(e.oldIndex + k) + u'\n';
            continue;
        }
        if (e.kind == Edit::Insert) {
            for (int k = 0; k < e.count; ++k)
                out += u'+' + b.at(e.newIndex + k) + u'\n';
            continue;
        }
        // Unchanged lines: CONTEXT after the previous change, CONTEXT before the next one.
        const bool hasBefore = i > 0;
        const bool hasAfter = i + 1 < edits.size();
        const int head = hasBefore ? std::min(context, e.count) : 0;
        const int tail = hasAfter ? std::min(context, e.count - head) : 0;
        for (int k = 0; k < head; ++k)
            out += u' ' + a.at(e.oldIndex + k) + u'\n';
        if (hasBefore && hasAfter && e.count > head + tail)
            out += u"@@ … @@\n"_s;
        for (int k = e.count - tail; k < e.count; ++k)
            out += u' ' + a.at(e.oldIndex + k) + u'\n';
    }
    return out;
}

} // namespace cwi::textdiff
