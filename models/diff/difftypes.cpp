#include "difftypes.h"

namespace cwi {

using namespace Qt::StringLiterals;

QString DiffFile::displayPath() const
{
    if ((status == Renamed || status == Copied) && oldPath != newPath)
        return oldPath + u" → "_s + newPath;
    return path();
}

QByteArray DiffFile::lineBytes(int index) const
{
    if (index < 0 || index >= lines.size())
        return {};
    const DiffLine &line = lines.at(index);
    qsizetype length = line.length;
    if (length > 0 && source.at(line.offset + length - 1) == '\r')
        --length; // CRLF files: show the text, not a stray control character
    return source.mid(line.offset, length);
}

QString DiffFile::lineText(int index) const
{
    return QString::fromUtf8(lineBytes(index));
}

QString diffStatusName(DiffFile::Status status)
{
    switch (status) {
    case DiffFile::Modified:
        return u"modified"_s;
    case DiffFile::Added:
        return u"added"_s;
    case DiffFile::Deleted:
        return u"deleted"_s;
    case DiffFile::Renamed:
        return u"renamed"_s;
    case DiffFile::Copied:
        return u"copied"_s;
    }
    return u"modified"_s;
}

} // namespace cwi
