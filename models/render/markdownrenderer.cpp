#include "markdownrenderer.h"

#include "htmlwriter.h"

#include <QLocale>
#include <QStringList>

#include <md4c.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace cwi {

using render::escaped;

namespace {

// md4c reports named entities by syntax only (it has no list). The common ones are decoded;
// any other name is shown as it was written, which is what CommonMark asks for unknown names.
QString decodeEntity(QStringView entity)
{
    const QStringView body = entity.mid(1, entity.size() - 2); // without '&' and ';'
    if (body.startsWith(u'#')) {
        bool ok = false;
        const bool hex = body.size() > 1 && (body[1] == u'x' || body[1] == u'X');
        const uint code = body.mid(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QString(QChar(0xFFFD));
        const char32_t ucs4 = code;
        return QString::fromUcs4(&ucs4, 1);
    }
    static const struct
    {
        QStringView name;
        char16_t value;
    } known[] = { { u"amp", u'&' }, { u"lt", u'<' }, { u"gt", u'>' }, { u"quot", u'"' }, { u"apos", u'\'' },
        { u"nbsp", 0x00A0 }, { u"copy", 0x00A9 }, { u"reg", 0x00AE }, { u"trade", 0x2122 }, { u"hellip", 0x2026 },
        { u"mdash", 0x2014 }, { u"ndash", 0x2013 }, { u"laquo", 0x00AB }, { u"raquo", 0x00BB }, { u"lsquo", 0x2018 },
        { u"rsquo", 0x2019 }, { u"ldquo", 0x201C }, { u"rdquo", 0x201D }, { u"middot", 0x00B7 }, { u"bull", 0x2022 },
        { u"deg", 0x00B0 }, { u"plusmn", 0x00B1 }, { u"times", 0x00D7 }, { u"divide", 0x00F7 }, { u"larr", 0x2190 },
        { u"rarr", 0x2192 }, { u"uarr", 0x2191 }, { u"darr", 0x2193 }, { u"harr", 0x2194 }, { u"euro", 0x20AC },
        { u"pound", 0x00A3 }, { u"yen", 0x00A5 }, { u"cent", 0x00A2 }, { u"sect", 0x00A7 }, { u"para", 0x00B6 },
        { u"shy", 0x00AD }, { u"check", 0x2713 }, { u"ne", 0x2260 }, { u"le", 0x2264 }, { u"ge", 0x2265 } };
    for (const auto &entry : known) {
        if (entry.name == body)
            return QString(QChar(entry.value));
    }
    return entity.toString();
}

// An MD_ATTRIBUTE (href, src, code language) as plain text: entities decoded.
QString attributeText(const MD_ATTRIBUTE &attr)
{
    QString out;
    if (!attr.text)
        return out;
    for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
        const MD_OFFSET from = attr.substr_offsets[i];
        const MD_OFFSET to = attr.substr_offsets[i + 1];
        const QString part = QString::fromUtf8(attr.text + from, qsizetype(to - from));
        switch (attr.substr_types[i]) {
        case MD_TEXT_ENTITY:
            out += decodeEntity(part);
            break;
        case MD_TEXT_NULLCHAR:
            out += QChar(0xFFFD);
            break;
        default:
            out += part;
        }
    }
    return out;
}

// Turns md4c's callbacks into the HTML subset QTextDocument renders, with the look the app's
// other documents have. Containers deeper than the visible cap are not emitted (shown flat).
class MarkdownHtml
{
public:
    MarkdownHtml(RenderInfo &info, const RenderLimits &limits)
        : m_info(info)
        , m_limits(limits)
    { }

    QString run(QStringView input)
    {
        const QByteArray utf8 = input.toUtf8();
        MD_PARSER parser {};
        parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
        parser.enter_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
            return static_cast<MarkdownHtml *>(self)->enterBlock(type, detail);
        };
        parser.leave_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
            return static_cast<MarkdownHtml *>(self)->leaveBlock(type, detail);
        };
        parser.enter_span = [](MD_SPANTYPE type, void *detail, void *self) {
            return static_cast<MarkdownHtml *>(self)->enterSpan(type, detail);
        };
        parser.leave_span = [](MD_SPANTYPE type, void *detail, void *self) {
            return static_cast<MarkdownHtml *>(self)->leaveSpan(type, detail);
        };
        parser.text = [](MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self) {
            return static_cast<MarkdownHtml *>(self)->text(type, text, size);
        };
        if (md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, this) != 0 && m_full)
            m_info.truncated = true;
        // Cut short: close what is still open so the document stays well formed.
        while (!m_open.empty()) {
            m_out += m_open.back().closer;
            m_open.pop_back();
        }
        return m_out;
    }

private:
    // One open block or span: what closes it, and for containers what they hold.
    struct Open
    {
        int kind = 0; // MD_BLOCKTYPE, or SpanBase + MD_SPANTYPE
        QString closer;
        bool emitted = true; // its tags were written (false beyond the visible depth)
        bool hasContent = false; // LI: something was written inside already
        int items = 0; // UL: items seen so far
        qsizetype start = 0; // UL: where its tag starts; A, IMG, CODE: where the content starts
        QString target; // A: href, IMG: src
    };
    static constexpr int SpanBase = 1000;

    bool full()
    {
        if (m_out.size() > m_limits.maxOutputChars)
            m_full = true;
        return m_full;
    }

    Open *innermostContainer()
    {
        for (auto it = m_open.rbegin(); it != m_open.rend(); ++it) {
            if (it->kind == MD_BLOCK_LI || it->kind == MD_BLOCK_QUOTE || it->kind == MD_BLOCK_UL
                || it->kind == MD_BLOCK_OL || it->kind == MD_BLOCK_TD || it->kind == MD_BLOCK_TH)
                return &*it;
        }
        return nullptr;
    }

    // Blocks inside a list item follow each other on new lines, without paragraph spacing.
    void startChildOfItem(MD_BLOCKTYPE type)
    {
        Open *container = innermostContainer();
        if (!container || container->kind != MD_BLOCK_LI)
            return;
        if (container->hasContent && type != MD_BLOCK_UL && type != MD_BLOCK_OL)
            m_out += "<br/>"_L1;
        container->hasContent = true;
    }

    bool canEmitContainer()
    {
        if (m_visibleDepth < m_limits.maxVisibleDepth)
            return true;
        m_info.depthCapped = true;
        return false;
    }

    void open(int kind, const QString &tag, const QString &closer, bool emitted = true)
    {
        if (emitted)
            m_out += tag;
        m_open.push_back({ kind, emitted ? closer : QString(), emitted, false, 0, m_out.size(), {} });
    }

    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        if (full())
            return 1;
        if (type != MD_BLOCK_DOC && type != MD_BLOCK_LI && type != MD_BLOCK_THEAD && type != MD_BLOCK_TBODY
            && type != MD_BLOCK_TR && type != MD_BLOCK_TH && type != MD_BLOCK_TD)
            startChildOfItem(type);
        switch (type) {
        case MD_BLOCK_QUOTE: {
            const bool emitted = canEmitContainer();
            m_visibleDepth += emitted;
            open(type, u"<blockquote style=\"color:#555555;\">"_s, u"</blockquote>"_s, emitted);
            break;
        }
        case MD_BLOCK_UL: {
            const bool emitted = canEmitContainer();
            m_visibleDepth += emitted;
            const qsizetype at = m_out.size();
            open(type, u"<ul>"_s, u"</ul>"_s, emitted);
            m_open.back().start = at;
            break;
        }
        case MD_BLOCK_OL: {
            const bool emitted = canEmitContainer();
            m_visibleDepth += emitted;
            const unsigned start = static_cast<MD_BLOCK_OL_DETAIL *>(detail)->start;
            open(type, start == 1 ? u"<ol>"_s : "<ol start=\""_L1 + QString::number(start) + "\">"_L1, u"</ol>"_s,
                emitted);
            break;
        }
        case MD_BLOCK_LI: {
            const auto *li = static_cast<MD_BLOCK_LI_DETAIL *>(detail);
            Open &list = m_open.back();
            if (li->is_task && list.kind == MD_BLOCK_UL && list.emitted && list.items == 0)
                m_out.replace(list.start, 4, u"<ul style=\"list-style-type:none;\">"_s);
            ++list.items;
            if (list.emitted)
                open(type, u"<li>"_s, u"</li>"_s);
            else
                open(type, u"<br/>\u21b3 "_s, QString());
            if (li->is_task) {
                m_out += li->task_mark == ' ' ? u"\u2610 "_s : u"\u2611 "_s;
            }
            break;
        }
        case MD_BLOCK_HR:
            m_out += "<hr/>"_L1;
            break;
        case MD_BLOCK_H: {
            const QString level = QString::number(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
            open(type, "<h"_L1 + level + u'>', "</h"_L1 + level + u'>');
            break;
        }
        case MD_BLOCK_CODE: {
            const QString language = attributeText(static_cast<MD_BLOCK_CODE_DETAIL *>(detail)->lang);
            if (!language.isEmpty())
                m_out += "<p style=\"color:#6b6b6b; font-size:small; margin-bottom:0;\">"_L1 + escaped(language)
                    + "</p>"_L1;
            open(type, "<pre style=\"font-family:"_L1 + render::monospaceFamily() + "; background-color:#f5f5f5;\">"_L1,
                u"</pre>"_s);
            break;
        }
        case MD_BLOCK_P: {
            const Open *container = innermostContainer();
            if (container && container->kind == MD_BLOCK_LI)
                open(type, QString(), QString()); // items hold their text without paragraph spacing
            else
                open(type, u"<p>"_s, u"</p>"_s);
            break;
        }
        case MD_BLOCK_TABLE:
            open(type, u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-color:#c8c8c8;\">"_s,
                u"</table>"_s);
            break;
        case MD_BLOCK_TR:
            open(type, u"<tr>"_s, u"</tr>"_s);
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD: {
            const QString tag = type == MD_BLOCK_TH ? u"th"_s : u"td"_s;
            static const QString aligns[]
                = { QString(), u" align=\"left\""_s, u" align=\"center\""_s, u" align=\"right\""_s };
            const MD_ALIGN align = static_cast<MD_BLOCK_TD_DETAIL *>(detail)->align;
            open(type, u'<' + tag + aligns[qBound(0, int(align), 3)] + u'>', "</"_L1 + tag + u'>');
            break;
        }
        default: // DOC, THEAD, TBODY, HTML (raw HTML is off, so never)
            open(type, QString(), QString());
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type, void *)
    {
        if (m_open.empty())
            return 0;
        const Open block = m_open.back();
        m_open.pop_back();
        if ((type == MD_BLOCK_QUOTE || type == MD_BLOCK_UL || type == MD_BLOCK_OL) && block.emitted)
            --m_visibleDepth;
        if (type == MD_BLOCK_CODE && m_out.endsWith(u'\n'))
            m_out.chop(1); // the last line's newline would show as an empty line
        m_out += block.closer;
        return full() ? 1 : 0;
    }

    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        if (full())
            return 1;
        const int kind = SpanBase + type;
        if (m_imageDepth > 0) { // an image's text is its description: plain
            if (type == MD_SPAN_IMG)
                ++m_imageDepth;
            return 0;
        }
        switch (type) {
        case MD_SPAN_EM:
            open(kind, u"<i>"_s, u"</i>"_s);
            break;
        case MD_SPAN_STRONG:
            open(kind, u"<b>"_s, u"</b>"_s);
            break;
        case MD_SPAN_DEL:
            open(kind, u"<s>"_s, u"</s>"_s);
            break;
        case MD_SPAN_CODE:
            open(kind,
                "<code style=\"font-family:"_L1 + render::monospaceFamily() + "; background-color:#f0f0f0;\">"_L1,
                u"</code>"_s);
            break;
        case MD_SPAN_A:
            open(kind, QString(), QString());
            m_open.back().target = attributeText(static_cast<MD_SPAN_A_DETAIL *>(detail)->href);
            break;
        case MD_SPAN_IMG:
            ++m_imageDepth;
            open(kind, QString(), QString());
            m_open.back().target = attributeText(static_cast<MD_SPAN_IMG_DETAIL *>(detail)->src);
            break;
        default:
            open(kind, QString(), QString());
        }
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type, void *)
    {
        if (m_imageDepth > 1 || (m_imageDepth == 1 && type != MD_SPAN_IMG)) {
            m_imageDepth -= type == MD_SPAN_IMG;
            return 0;
        }
        if (m_open.empty())
            return 0;
        const Open span = m_open.back();
        m_open.pop_back();
        if (type == MD_SPAN_A) {
            const QString inner = m_out.mid(span.start);
            m_out.truncate(span.start);
            m_out += render::linkHtml(span.target, inner.isEmpty() ? escaped(span.target) : inner, &m_info);
        } else if (type == MD_SPAN_IMG) {
            --m_imageDepth;
            const QString alt = m_out.mid(span.start);
            m_out.truncate(span.start);
            m_out += "<span style=\"color:#6b6b6b;\">[image"_L1 + (alt.isEmpty() ? QString() : ": "_L1 + alt)
                + u" \u2014 "_s + escaped(span.target.left(200)) + "]</span>"_L1;
        } else {
            m_out += span.closer;
        }
        return full() ? 1 : 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        if (full())
            return 1;
        if (Open *container = innermostContainer(); container && container->kind == MD_BLOCK_LI)
            container->hasContent = true;
        const QString chunk = QString::fromUtf8(text, qsizetype(size));
        switch (type) {
        case MD_TEXT_NULLCHAR:
            m_out += QChar(0xFFFD);
            break;
        case MD_TEXT_BR:
            m_out += m_imageDepth > 0 ? u" "_s : u"<br/>"_s;
            break;
        case MD_TEXT_SOFTBR:
            m_out += u' ';
            break;
        case MD_TEXT_ENTITY:
            m_out += escaped(decodeEntity(chunk));
            break;
        default: // NORMAL, CODE, and HTML (never: raw HTML is parsed as text)
            m_out += escaped(chunk);
        }
        return 0;
    }

    RenderInfo &m_info;
    const RenderLimits &m_limits;
    std::vector<Open> m_open;
    QString m_out;
    int m_visibleDepth = 0;
    int m_imageDepth = 0;
    bool m_full = false;
};

} // namespace

QString markdownToHtml(const QString &text, RenderInfo *infoOut, const RenderLimits &limits)
{
    RenderInfo info;
    if (QStringView(text).trimmed().isEmpty()) {
        if (infoOut)
            *infoOut = info;
        return render::noteHtml(u"No text."_s);
    }
    QStringView input = text;
    if (limits.sourceChars > text.size())
        info.truncated = true;
    if (input.size() > limits.maxInputChars) {
        info.truncated = true;
        input = input.left(limits.maxInputChars);
        const qsizetype lastBreak = input.lastIndexOf(u'\n');
        if (lastBreak > 0)
            input = input.left(lastBreak);
    }

    QString html = MarkdownHtml(info, limits).run(input);

    QStringList notes;
    if (info.truncated)
        notes << u"Only the first part is shown: the text is %1 long."_s.arg(QLocale::c().formattedDataSize(
            qMax<qint64>(text.size(), limits.sourceChars), 1, QLocale::DataSizeTraditionalFormat));
    if (info.depthCapped)
        notes << u"Nesting deeper than %1 levels is shown flattened."_s.arg(limits.maxVisibleDepth);
    info.message = notes.join(u' ');
    if (!notes.isEmpty())
        html = render::noteHtml(info.message) + html
            + (info.truncated ? render::noteHtml(u"\u2026 (truncated)"_s) : QString());
    if (infoOut)
        *infoOut = info;
    return html;
}

} // namespace cwi
