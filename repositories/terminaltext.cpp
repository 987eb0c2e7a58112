#include "terminaltext.h"

#include <unistd.h>

namespace cwi {

namespace {

bool needsEscape(char16_t c)
{
    if (c == u'\n' || c == u'\t')
        return false;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069); // bidi embeddings, isolates
}

} // namespace

QString terminalSafe(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (needsEscape(c.unicode()))
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QByteArray forStandardOutput(const QByteArray &bytes)
{
    static const bool terminal = ::isatty(STDOUT_FILENO) == 1;
    return terminal ? terminalSafe(QString::fromUtf8(bytes)).toUtf8() : bytes;
}

} // namespace cwi
