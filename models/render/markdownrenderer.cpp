#include "markdownrenderer.h"

#include "htmlwriter.h"
#include "markdownblocks.h"
#include "markdowninline.h"

#include <QLocale>
#include <QStringList>

#include <vector>

using namespace Qt::StringLiterals;

namespace cwi {

using render::escaped;
using namespace render::md;

namespace {

struct Container
{
    enum Type
    {
        Quote,
        List,
        Item
    } type
        = Quote;
    bool ordered = false;
    QChar bullet; // '-', '*', '+' or the ordered delimiter '.' / ')'
    int contentIndent = 0; // Item: columns its continuation lines must be indented by
    bool emitted = false; // its tags were written (false beyond the visible depth)
    bool hasContent = false; // Item: something was written inside already
};

class MarkdownWriter
{
public:
    MarkdownWriter(RenderInfo &info, const RenderLimits &limits)
        : m_info(info)
        , m_limits(limits)
    { }

    void line(QStringView raw, QStringView next)
    {
        QString expanded;
        if (raw.contains(u'\t')) {
            expanded = raw.toString();
            expanded.replace(u'\t', u"    "_s);
            raw = expanded;
        }
        QStringView s = raw;

        // 1. Which open containers does this line continue?
        // `ahead` (leading spaces of s) is kept up to date instead of rescanned, so deep
        // indentation costs linear time per line.
        size_t matched = 0;
        qsizetype ahead = leadingSpaces(s);
        for (; matched < m_stack.size(); ++matched) {
            const Container &c = m_stack[matched];
            if (c.type == Container::Quote) {
                if (ahead > 3 || ahead >= s.size() || s[ahead] != u'>')
                    break;
                s = s.mid(ahead + 1);
                if (s.startsWith(u' '))
                    s = s.mid(1);
                ahead = leadingSpaces(s);
            } else if (c.type == Container::Item) {
                if (ahead == s.size())
                    continue; // blank line
                if (ahead < c.contentIndent)
                    break;
                s = s.mid(c.contentIndent);
                ahead -= c.contentIndent;
            }
        }
        const bool allMatched = matched == m_stack.size();

        // 2. Inside a fenced code block everything is text until the closing fence.
        if (!m_fence.isEmpty()) {
            if (allMatched) {
                if (fenceOf(s) == m_fence && s.trimmed().size() == m_fence.size())
                    closeLeaf();
                else
                    m_code << s.toString();
                return;
            }
            closeLeaf();
        }

        // 3. Lazy continuation of a paragraph (a wrapped line that is not indented).
        if (!allMatched && !m_paragraph.isEmpty() && !isBlank(s) && !startsBlock(s)) {
            m_paragraph << s.trimmed().toString();
            return;
        }

        // 4. New containers: '>' and list markers, possibly several on one line.
        bool closedUnmatched = false;
        auto closeUnmatched = [&] {
            if (!closedUnmatched) {
                closeLeaf();
                closeContainersAbove(matched);
                // A list whose item did not continue ends here too.
                while (!m_stack.empty() && m_stack.back().type == Container::List)
                    closeContainersAbove(m_stack.size() - 1);
                closedUnmatched = true;
            }
        };
        while (true) {
            const qsizetype sp = leadingSpaces(s);
            if (sp > 3 || sp >= s.size())
                break;
            const QStringView rest = s.mid(sp);
            if (rest[0] == u'>') {
                closeUnmatched();
                openQuote();
                s = rest.mid(1);
                if (s.startsWith(u' '))
                    s = s.mid(1);
                continue;
            }
            const ListMarker marker = listMarker(rest);
            if (!marker.ok || isRule(rest))
                break;
            // A list item ends the current item of the same list: reuse the list.
            if (!closedUnmatched && matched < m_stack.size() && m_stack[matched].type == Container::Item && matched > 0
                && m_stack[matched - 1].type == Container::List) {
                const Container &list = m_stack[matched - 1];
                if (list.ordered == marker.ordered && list.bullet == marker.bullet)
                    closedUnmatched = (closeLeaf(), closeContainersAbove(matched), true);
            }
            closeUnmatched();
            if (m_stack.empty() || m_stack.back().type != Container::List || m_stack.back().ordered != marker.ordered
                || m_stack.back().bullet != marker.bullet)
                openList(marker, rest.mid(marker.width));
            openItem(int(sp + marker.width));
            s = rest.mid(marker.width);
        }

        // 5. The leaf block.
        if (isBlank(s)) {
            closeLeaf();
            if (!allMatched)
                closeUnmatched();
            return;
        }
        if (!m_tableHeader.isEmpty() && allMatched && s.contains(u'|') && !closedUnmatched) {
            m_tableRows << tableCells(s);
            return;
        }
        if (!closedUnmatched && allMatched && !m_paragraph.isEmpty() && !startsBlock(s)) {
            m_paragraph << s.trimmed().toString();
            return;
        }
        closeUnmatched();
        closeLeaf();
        if (const int level = headingLevel(s)) {
            QStringView text = s.trimmed().mid(level).trimmed();
            while (text.endsWith(u'#'))
                text.chop(1);
            write("<h"_L1 + QString::number(level) + u'>' + render::markdownInlineToHtml(text.trimmed(), &m_info)
                + "</h"_L1 + QString::number(level) + u'>');
        } else if (isRule(s)) {
            write(u"<hr/>"_s);
        } else if (const QString fence = fenceOf(s); !fence.isEmpty()) {
            m_fence = fence;
            m_fenceLanguage = s.trimmed().mid(fence.size()).trimmed().toString();
        } else if (s.contains(u'|') && isTableDelimiter(next.trimmed())) {
            m_tableHeader = tableCells(s);
            m_skipNext = true; // the delimiter row
        } else {
            m_paragraph << s.trimmed().toString();
        }
    }

    bool skipNext()
    {
        const bool skip = m_skipNext;
        m_skipNext = false;
        return skip;
    }

    QString finish()
    {
        closeLeaf();
        closeContainersAbove(0);
        return m_out;
    }

    bool full() const { return m_out.size() > m_limits.maxOutputChars; }

private:
    bool startsBlock(QStringView s) const
    {
        const QStringView t = s.mid(qMin(leadingSpaces(s), s.size()));
        return headingLevel(s) || isRule(s) || !fenceOf(s).isEmpty() || t.startsWith(u'>')
            || (listMarker(t).ok && !isBlank(t.mid(listMarker(t).width)));
    }

    int visibleDepth() const { return m_visibleDepth; }

    void push(const Container &c)
    {
        if (c.emitted && c.type != Container::Item)
            ++m_visibleDepth;
        m_stack.push_back(c);
    }

    void write(const QString &html)
    {
        if (!m_stack.empty() && m_stack.back().type == Container::Item) {
            Container &item = m_stack.back();
            if (item.hasContent && !html.startsWith("<ul"_L1) && !html.startsWith("<ol"_L1))
                m_out += "<br/>"_L1;
            item.hasContent = true;
        }
        m_out += html;
    }

    void openQuote()
    {
        Container c;
        c.type = Container::Quote;
        c.emitted = visibleDepth() < m_limits.maxVisibleDepth;
        if (c.emitted)
            write(u"<blockquote style=\"color:#555555;\">"_s);
        else
            m_info.depthCapped = true;
        push(c);
    }

    void openList(const ListMarker &marker, QStringView firstItem)
    {
        Container c;
        c.type = Container::List;
        c.ordered = marker.ordered;
        c.bullet = marker.bullet;
        c.emitted = visibleDepth() < m_limits.maxVisibleDepth;
        if (!c.emitted) {
            m_info.depthCapped = true;
        } else if (c.ordered) {
            write(marker.start == 1 ? u"<ol>"_s : "<ol start=\""_L1 + QString::number(marker.start) + "\">"_L1);
        } else {
            const QStringView t = firstItem.trimmed();
            const bool task = t.startsWith(u"[ ]") || t.startsWith(u"[x]") || t.startsWith(u"[X]");
            write(task ? u"<ul style=\"list-style-type:none;\">"_s : u"<ul>"_s);
        }
        push(c);
    }

    void openItem(int contentIndent)
    {
        Container c;
        c.type = Container::Item;
        c.contentIndent = contentIndent;
        c.emitted = m_stack.back().emitted;
        m_out += c.emitted ? u"<li>"_s : u"<br/>\u21b3 "_s;
        push(c);
    }

    void closeContainersAbove(size_t keep)
    {
        while (m_stack.size() > keep) {
            const Container &c = m_stack.back();
            if (c.emitted) {
                m_out += c.type == Container::Quote ? u"</blockquote>"_s
                    : c.type == Container::Item     ? u"</li>"_s
                    : c.ordered                     ? u"</ol>"_s
                                                    : u"</ul>"_s;
            }
            if (c.emitted && c.type != Container::Item)
                --m_visibleDepth;
            m_stack.pop_back();
        }
    }

    void closeLeaf()
    {
        if (!m_paragraph.isEmpty()) {
            QString text = m_paragraph.join(u'\n');
            QString prefix;
            const bool inItem = !m_stack.empty() && m_stack.back().type == Container::Item;
            if (inItem && !m_stack.back().hasContent) {
                if (text.startsWith("[ ] "_L1) || text == "[ ]"_L1) {
                    prefix = u"\u2610 "_s;
                    text = text.mid(4);
                } else if (text.startsWith("[x] "_L1, Qt::CaseInsensitive)
                    || text.compare("[x]"_L1, Qt::CaseInsensitive) == 0) {
                    prefix = u"\u2611 "_s;
                    text = text.mid(4);
                }
            }
            const QString inner = prefix + render::markdownInlineToHtml(text, &m_info);
            write(inItem ? inner : "<p>"_L1 + inner + "</p>"_L1);
            m_paragraph.clear();
        }
        if (!m_fence.isEmpty()) {
            QString html;
            if (!m_fenceLanguage.isEmpty())
                html += "<p style=\"color:#6b6b6b; font-size:small; margin-bottom:0;\">"_L1 + escaped(m_fenceLanguage)
                    + "</p>"_L1;
            html += "<pre style=\"font-family:"_L1 + render::monospaceFamily() + "; background-color:#f5f5f5;\">"_L1
                + escaped(m_code.join(u'\n')) + "</pre>"_L1;
            write(html);
            m_fence.clear();
            m_fenceLanguage.clear();
            m_code.clear();
        }
        if (!m_tableHeader.isEmpty()) {
            QString html
                = u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-color:#c8c8c8;\"><tr>"_s;
            for (const QString &cell : std::as_const(m_tableHeader))
                html += "<th>"_L1 + render::markdownInlineToHtml(cell, &m_info) + "</th>"_L1;
            html += "</tr>"_L1;
            for (const QStringList &row : std::as_const(m_tableRows)) {
                html += "<tr>"_L1;
                for (qsizetype i = 0; i < m_tableHeader.size(); ++i)
                    html += "<td>"_L1 + render::markdownInlineToHtml(row.value(i), &m_info) + "</td>"_L1;
                html += "</tr>"_L1;
            }
            write(html + "</table>"_L1);
            m_tableHeader.clear();
            m_tableRows.clear();
        }
    }

    RenderInfo &m_info;
    const RenderLimits &m_limits;
    std::vector<Container> m_stack;
    int m_visibleDepth = 0;
    QString m_out;
    QStringList m_paragraph;
    QString m_fence;
    QString m_fenceLanguage;
    QStringList m_code;
    QStringList m_tableHeader;
    QList<QStringList> m_tableRows;
    bool m_skipNext = false;
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

    MarkdownWriter writer(info, limits);
    qsizetype pos = 0;
    while (pos <= input.size()) {
        qsizetype end = input.indexOf(u'\n', pos);
        if (end < 0)
            end = input.size();
        QStringView line = input.mid(pos, end - pos);
        if (line.endsWith(u'\r'))
            line.chop(1);
        pos = end + 1;
        qsizetype nextEnd = pos < input.size() ? input.indexOf(u'\n', pos) : -1;
        if (nextEnd < 0)
            nextEnd = input.size();
        const QStringView next = pos < input.size() ? input.mid(pos, nextEnd - pos) : QStringView();
        writer.line(line, next);
        if (writer.skipNext())
            pos = nextEnd + 1;
        if (writer.full()) {
            info.truncated = true;
            break;
        }
    }
    QString html = writer.finish();

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
