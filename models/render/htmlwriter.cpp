#include "htmlwriter.h"

#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace cwi::render {

QString escaped(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += "&amp;"_L1;
            break;
        case u'<':
            out += "&lt;"_L1;
            break;
        case u'>':
            out += "&gt;"_L1;
            break;
        case u'"':
            out += "&quot;"_L1;
            break;
        case u'\'':
            out += "&#39;"_L1;
            break;
        case 0:
            out += QChar(0xFFFD);
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString plainToolTip(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    return u"<p style=\"white-space:pre-wrap\">"_s + escaped(text) + u"</p>"_s;
}

bool isWebLink(const QString &href)
{
    const QString h = href.trimmed();
    return h.startsWith("http://"_L1, Qt::CaseInsensitive) || h.startsWith("https://"_L1, Qt::CaseInsensitive)
        || h.startsWith("mailto:"_L1, Qt::CaseInsensitive);
}

QString linkHtml(const QString &href, const QString &innerHtml, RenderInfo *info)
{
    const QString shownHref = escaped(href.trimmed());
    if (isWebLink(href))
        return "<a href=\""_L1 + shownHref + "\" title=\""_L1 + shownHref + "\">"_L1 + innerHtml + "</a>"_L1;
    if (info)
        ++info->unsafeLinks;
    // Not a web link: keep the target visible, colour it as a warning, and let the view decide.
    return "<a href=\""_L1 + shownHref + "\" title=\"Not a web link: "_L1 + shownHref
        + "\" style=\"color:#b3261e;\">"_L1 + innerHtml + "</a><span style=\"color:#b3261e;\"> ["_L1
        + (shownHref.isEmpty() ? u"empty link"_s : shownHref.left(80)) + "]</span>"_L1;
}

QString noteHtml(const QString &text)
{
    return "<p style=\"color:#6b6b6b; font-style:italic;\">"_L1 + escaped(text) + "</p>"_L1;
}

QString rawTextHtml(QStringView text, qsizetype maxChars)
{
    const bool cut = text.size() > maxChars;
    QString html = "<pre style=\"font-family:"_L1 + monospaceFamily() + "; background-color:#f5f5f5;\">"_L1
        + escaped(text.left(maxChars)) + "</pre>"_L1;
    if (cut)
        html += noteHtml(u"Raw text cut after %1 of %2 characters."_s.arg(maxChars).arg(text.size()));
    return html;
}

QString monospaceFamily()
{
    return u"'DejaVu Sans Mono', 'Liberation Mono', monospace"_s;
}

} // namespace cwi::render
