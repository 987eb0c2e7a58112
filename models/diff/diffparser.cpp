#include "diffparser.h"

#include "diffsyntax.h"

#include <cstring>
#include <limits>

namespace cwi {

using namespace diffsyntax;

namespace {

class Parser
{
public:
    Parser(const QByteArray &diff, int maxFiles)
        : m_diff(diff)
        , m_maxFiles(maxFiles)
    { }

    DiffParser::Batch run(qsizetype offset)
    {
        DiffParser::Batch batch;
        const char *data = m_diff.constData();
        const qsizetype size = qMin<qsizetype>(m_diff.size(), std::numeric_limits<quint32>::max());
        qsizetype pos = qBound<qsizetype>(0, offset, size);
        while (pos < size) {
            const char *nl = static_cast<const char *>(std::memchr(data + pos, '\n', size_t(size - pos)));
            const qsizetype eol = nl ? nl - data : size;
            const QByteArrayView line(data + pos, eol - pos);
            if (!handle(line, pos, eol < size ? data + eol + 1 : nullptr, size - eol - 1)) {
                batch.nextOffset = pos; // the next file starts here: leave it for the next batch
                batch.atEnd = false;
                finishFile();
                batch.files = std::move(m_files);
                return batch;
            }
            pos = eol + 1;
        }
        finishFile();
        batch.files = std::move(m_files);
        batch.nextOffset = m_diff.size();
        batch.atEnd = true;
        return batch;
    }

private:
    enum State
    {
        Outside,
        Header,
        InHunk,
        AfterHunk
    };

    // Returns false when LINE starts a file beyond the batch limit.
    bool handle(QByteArrayView line, qsizetype pos, const char *next, qsizetype nextSize)
    {
        if (m_state == InHunk && hunkLine(line, pos))
            return true;
        if (m_state == AfterHunk && !line.isEmpty() && line[0] == '\\') {
            addLine(DiffLine::NoNewline, pos, line);
            return true;
        }
        if (startsWith(line, "diff --git ")) {
            if (!startFile())
                return false;
            m_gitFile = true;
            pathsFromGitLine(line.sliced(11), &m_file.oldPath, &m_file.newPath);
            return true;
        }
        const bool plainStart = startsWith(line, "--- ") && next && nextSize >= 4 && std::memcmp(next, "+++ ", 4) == 0
            && !(m_state == Header && m_gitFile);
        if (plainStart) {
            if (!startFile())
                return false;
            m_gitFile = false;
        }
        if (m_state == Outside)
            return true; // preamble or garbage before the first file
        if (startsWith(line, "@@ ")) {
            DiffHunk hunk;
            if (!parseHunkHeader(line, &hunk))
                return true;
            hunk.firstLine = qint32(m_file.lines.size());
            m_file.hunks.append(hunk);
            m_oldLine = hunk.oldStart;
            m_newLine = hunk.newStart;
            m_oldLeft = hunk.oldCount;
            m_newLeft = hunk.newCount;
            m_state = (m_oldLeft > 0 || m_newLeft > 0) ? InHunk : AfterHunk;
            return true;
        }
        if (m_state != Header)
            return true; // stray text between hunks: skip
        headerLine(line);
        return true;
    }

    bool hunkLine(QByteArrayView line, qsizetype pos)
    {
        const char c = line.isEmpty() ? ' ' : line[0];
        switch (c) {
        case ' ':
            if (m_oldLeft <= 0 || m_newLeft <= 0)
                break;
            addLine(DiffLine::Context, pos, line);
            return true;
        case '+':
            if (m_newLeft <= 0)
                break;
            addLine(DiffLine::Added, pos, line);
            return true;
        case '-':
            if (m_oldLeft <= 0)
                break;
            addLine(DiffLine::Removed, pos, line);
            return true;
        case '\\':
            addLine(DiffLine::NoNewline, pos, line);
            return true;
        default:
            break;
        }
        // Not a line this hunk can hold: the input was cut or mangled. Close it and let the
        // caller read the line as a header.
        m_file.hunks.last().truncated = true;
        m_state = AfterHunk;
        return false;
    }

    void addLine(DiffLine::Kind kind, qsizetype pos, QByteArrayView line)
    {
        DiffLine l;
        l.kind = kind;
        const qsizetype skip = line.isEmpty() ? 0 : 1;
        l.offset = quint32(pos + skip);
        l.length = quint32(line.size() - skip);
        switch (kind) {
        case DiffLine::Context:
            l.oldLine = m_oldLine++;
            l.newLine = m_newLine++;
            --m_oldLeft;
            --m_newLeft;
            break;
        case DiffLine::Added:
            l.newLine = m_newLine++;
            --m_newLeft;
            ++m_file.additions;
            break;
        case DiffLine::Removed:
            l.oldLine = m_oldLine++;
            --m_oldLeft;
            ++m_file.deletions;
            break;
        case DiffLine::NoNewline:
            break;
        }
        m_file.lines.append(l);
        if (!m_file.hunks.isEmpty())
            ++m_file.hunks.last().lineCount;
        if (m_state == InHunk && m_oldLeft <= 0 && m_newLeft <= 0)
            m_state = AfterHunk;
    }

    void headerLine(QByteArrayView line)
    {
        if (startsWith(line, "--- ")) {
            const QByteArray p = pathBytes(line.sliced(4));
            if (p == "/dev/null")
                m_file.status = DiffFile::Added;
            else if (m_file.status != DiffFile::Renamed && m_file.status != DiffFile::Copied)
                m_file.oldPath = stripPrefix(p);
        } else if (startsWith(line, "+++ ")) {
            const QByteArray p = pathBytes(line.sliced(4));
            if (p == "/dev/null")
                m_file.status = DiffFile::Deleted;
            else if (m_file.status != DiffFile::Renamed && m_file.status != DiffFile::Copied)
                m_file.newPath = stripPrefix(p);
            if (m_file.status == DiffFile::Added && m_file.oldPath.isEmpty())
                m_file.oldPath = m_file.newPath;
            if (m_file.status == DiffFile::Deleted && m_file.newPath.isEmpty())
                m_file.newPath = m_file.oldPath;
        } else if (startsWith(line, "new file mode ")) {
            m_file.status = DiffFile::Added;
            m_file.newMode = QString::fromLatin1(trimEol(line.sliced(14)));
        } else if (startsWith(line, "deleted file mode ")) {
            m_file.status = DiffFile::Deleted;
            m_file.oldMode = QString::fromLatin1(trimEol(line.sliced(18)));
        } else if (startsWith(line, "old mode ")) {
            m_file.oldMode = QString::fromLatin1(trimEol(line.sliced(9)));
        } else if (startsWith(line, "new mode ")) {
            m_file.newMode = QString::fromLatin1(trimEol(line.sliced(9)));
        } else if (startsWith(line, "rename from ")) {
            m_file.status = DiffFile::Renamed;
            m_file.oldPath = QString::fromUtf8(pathBytes(line.sliced(12)));
        } else if (startsWith(line, "rename to ")) {
            m_file.status = DiffFile::Renamed;
            m_file.newPath = QString::fromUtf8(pathBytes(line.sliced(10)));
        } else if (startsWith(line, "copy from ")) {
            m_file.status = DiffFile::Copied;
            m_file.oldPath = QString::fromUtf8(pathBytes(line.sliced(10)));
        } else if (startsWith(line, "copy to ")) {
            m_file.status = DiffFile::Copied;
            m_file.newPath = QString::fromUtf8(pathBytes(line.sliced(8)));
        } else if (startsWith(line, "index ")) {
            // "index 83db48f..bf269f4 100644": which content each side is (the viewed state uses it)
            const QByteArray ids = trimEol(line.sliced(6)).toByteArray().split(' ').value(0);
            const qsizetype dots = ids.indexOf("..");
            if (dots > 0) {
                m_file.oldBlob = QString::fromLatin1(ids.left(dots));
                m_file.newBlob = QString::fromLatin1(ids.sliced(dots + 2));
            }
        } else if (startsWith(line, "similarity index ")) {
            qsizetype p = 17;
            qint32 v = 0;
            if (readNumber(line, &p, &v))
                m_file.similarity = v;
        } else if (startsWith(line, "Binary files ") || startsWith(line, "GIT binary patch")) {
            m_file.binary = true;
        }
    }

    bool startFile()
    {
        if (m_state != Outside) {
            if (m_maxFiles > 0 && m_files.size() + 1 >= m_maxFiles)
                return false;
            finishFile();
        }
        m_file = DiffFile();
        m_file.source = m_diff;
        m_state = Header;
        return true;
    }

    void finishFile()
    {
        if (m_state == Outside)
            return;
        if (m_file.oldPath.isEmpty())
            m_file.oldPath = m_file.newPath;
        if (m_file.newPath.isEmpty())
            m_file.newPath = m_file.oldPath;
        if (!m_file.hunks.isEmpty() && m_state == InHunk)
            m_file.hunks.last().truncated = true;
        if (!m_file.oldPath.isEmpty() || !m_file.hunks.isEmpty())
            m_files.append(std::move(m_file));
        m_file = DiffFile();
        m_state = Outside;
    }

    const QByteArray &m_diff;
    const int m_maxFiles;
    QVector<DiffFile> m_files;
    DiffFile m_file;
    State m_state = Outside;
    bool m_gitFile = false;
    qint32 m_oldLine = 0;
    qint32 m_newLine = 0;
    qint32 m_oldLeft = 0;
    qint32 m_newLeft = 0;
};

} // namespace

QVector<DiffFile> DiffParser::parse(const QByteArray &diff)
{
    return Parser(diff, 0).run(0).files;
}

DiffParser::Batch DiffParser::parseBatch(const QByteArray &diff, qsizetype offset, int maxFiles)
{
    return Parser(diff, maxFiles).run(offset);
}

QString DiffParser::unquotePath(QByteArrayView path)
{
    return QString::fromUtf8(pathBytes(path));
}

} // namespace cwi
