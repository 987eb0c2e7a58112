#include "diffsyntax.h"

#include <cstring>
#include <limits>

namespace cwi {

using namespace Qt::StringLiterals;

namespace diffsyntax {

bool startsWith(QByteArrayView line, const char *prefix)
{
    const size_t n = std::strlen(prefix);
    return size_t(line.size()) >= n && std::memcmp(line.data(), prefix, n) == 0;
}

// Reads a C-style quoted string starting at text[0] == '"'. Returns the decoded bytes and sets
// *consumed to the length including both quotes (or the whole input when unterminated).
QByteArray readQuoted(QByteArrayView text, qsizetype *consumed)
{
    QByteArray out;
    out.reserve(text.size());
    qsizetype i = 1;
    const qsizetype n = text.size();
    while (i < n) {
        const char c = text[i];
        if (c == '"') {
            *consumed = i + 1;
            return out;
        }
        if (c != '\\' || i + 1 >= n) {
            out.append(c);
            ++i;
            continue;
        }
        const char e = text[i + 1];
        i += 2;
        switch (e) {
        case 'a':
            out.append('\a');
            break;
        case 'b':
            out.append('\b');
            break;
        case 't':
            out.append('\t');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'v':
            out.append('\v');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'r':
            out.append('\r');
            break;
        case '0':
        case '1':
        case '2':
        case '3': {
            int value = e - '0';
            for (int k = 0; k < 2 && i < n && text[i] >= '0' && text[i] <= '7'; ++k, ++i)
                value = value * 8 + (text[i] - '0');
            out.append(char(value));
            break;
        }
        default:
            out.append(e);
            break; // \" \\ and anything unexpected: the character itself
        }
    }
    *consumed = n;
    return out;
}

QByteArrayView trimEol(QByteArrayView line)
{
    if (!line.isEmpty() && line.back() == '\r')
        line.chop(1);
    return line;
}

// A path as it appears after "--- ", "rename from " etc.: quoted or not; an unquoted one ends at
// a tab (git appends one when the name holds a space; plain diff puts a timestamp after it).
QByteArray pathBytes(QByteArrayView text)
{
    text = trimEol(text);
    if (text.startsWith('"')) {
        qsizetype used = 0;
        return readQuoted(text, &used);
    }
    const qsizetype tab = text.indexOf('\t');
    if (tab >= 0)
        text = text.first(tab);
    return text.toByteArray();
}

QString stripPrefix(const QByteArray &path)
{
    if (path.size() > 2 && (path.startsWith("a/") || path.startsWith("b/")))
        return QString::fromUtf8(path.constData() + 2, path.size() - 2);
    return QString::fromUtf8(path);
}

// "a/x b/y" after "diff --git ": a fallback when no ---/+++/rename lines follow (binary files,
// mode-only changes, empty new files).
void pathsFromGitLine(QByteArrayView rest, QString *oldPath, QString *newPath)
{
    rest = trimEol(rest);
    QByteArray first;
    QByteArray second;
    if (rest.startsWith('"')) {
        qsizetype used = 0;
        first = readQuoted(rest, &used);
        QByteArrayView tail = rest.sliced(qMin(used + 1, rest.size()));
        second = pathBytes(tail);
    } else if (rest.endsWith('"') && rest.indexOf(" \"") >= 0) {
        const qsizetype split = rest.indexOf(" \"");
        first = rest.first(split).toByteArray();
        qsizetype used = 0;
        second = readQuoted(rest.sliced(split + 1), &used);
    } else {
        // Unquoted: git only omits rename headers when both names are equal, so split in the middle.
        const qsizetype n = rest.size();
        const qsizetype half = (n - 1) / 2;
        if (n >= 5 && (n - 1) % 2 == 0 && rest[half] == ' '
            && rest.sliced(2, half - 2) == rest.sliced(half + 3, n - half - 3)) {
            first = rest.first(half).toByteArray();
            second = rest.sliced(half + 1).toByteArray();
        } else {
            const qsizetype split = rest.indexOf(" b/");
            if (split < 0)
                return;
            first = rest.first(split).toByteArray();
            second = rest.sliced(split + 1).toByteArray();
        }
    }
    *oldPath = stripPrefix(first);
    *newPath = stripPrefix(second);
}

// Parses a decimal at text[*pos]; caps at a large value instead of overflowing.
bool readNumber(QByteArrayView text, qsizetype *pos, qint32 *value)
{
    qint64 v = 0;
    const qsizetype start = *pos;
    while (*pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9') {
        v = qMin<qint64>(v * 10 + (text[*pos] - '0'), std::numeric_limits<qint32>::max());
        ++*pos;
    }
    *value = qint32(v);
    return *pos > start;
}

// "@@ -a,b +c,d @@ section"
bool parseHunkHeader(QByteArrayView line, DiffHunk *hunk)
{
    qsizetype pos = 3;
    if (pos >= line.size() || line[pos] != '-')
        return false;
    ++pos;
    if (!readNumber(line, &pos, &hunk->oldStart))
        return false;
    hunk->oldCount = 1;
    if (pos < line.size() && line[pos] == ',') {
        ++pos;
        if (!readNumber(line, &pos, &hunk->oldCount))
            return false;
    }
    if (pos + 1 >= line.size() || line[pos] != ' ' || line[pos + 1] != '+')
        return false;
    pos += 2;
    if (!readNumber(line, &pos, &hunk->newStart))
        return false;
    hunk->newCount = 1;
    if (pos < line.size() && line[pos] == ',') {
        ++pos;
        if (!readNumber(line, &pos, &hunk->newCount))
            return false;
    }
    if (pos + 2 >= line.size() || line[pos] != ' ' || line[pos + 1] != '@' || line[pos + 2] != '@')
        return false;
    pos += 3;
    if (pos < line.size() && line[pos] == ' ')
        ++pos;
    hunk->section = QString::fromUtf8(trimEol(line.sliced(pos)));
    return true;
}

} // namespace diffsyntax
} // namespace cwi
