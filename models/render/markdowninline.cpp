#include "markdowninline.h"

#include "htmlwriter.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace cwi::render {

namespace {

bool isPunct(QChar c)
{
    return c.isPunct() || c.isSymbol();
}

// Index of the ']' closing the '[' at open, or -1. Brackets nest; code spans are skipped.
qsizetype closingBracket(QStringView s, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'\\') {
            ++i;
        } else if (c == u'[') {
            ++depth;
        } else if (c == u']') {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

// Parses "(url "title")" at pos; returns the index after ')' or -1.
qsizetype linkDestination(QStringView s, qsizetype pos, QString &url)
{
    if (pos >= s.size() || s[pos] != u'(')
        return -1;
    qsizetype i = pos + 1;
    while (i < s.size() && s[i] == u' ')
        ++i;
    const qsizetype start = i;
    int parens = 0;
    if (i < s.size() && s[i] == u'<') {
        const qsizetype end = s.indexOf(u'>', i);
        if (end < 0)
            return -1;
        url = s.mid(i + 1, end - i - 1).toString();
        i = end + 1;
    } else {
        while (i < s.size() && !s[i].isSpace()) {
            if (s[i] == u'(')
                ++parens;
            else if (s[i] == u')' && parens-- == 0)
                break;
            ++i;
        }
        url = s.mid(start, i - start).toString();
    }
    const qsizetype close = s.indexOf(u')', i);
    if (close < 0)
        return -1;
    // Anything between the url and ')' must be an optional title.
    const QStringView between = s.mid(i, close - i).trimmed();
    if (!between.isEmpty() && !(between.startsWith(u'"') && between.endsWith(u'"')))
        return -1;
    return close + 1;
}

struct Opener
{
    size_t token;
    QString delimiter;
};

class InlineWriter
{
public:
    InlineWriter(QStringView text, RenderInfo *info, int depth)
        : s(text)
        , m_info(info)
        , m_depth(depth)
    { }

    QString run()
    {
        qsizetype i = 0;
        while (i < s.size()) {
            const QChar c = s[i];
            if (c == u'\\' && i + 1 < s.size() && isPunct(s[i + 1])) {
                literal(s.mid(i + 1, 1));
                i += 2;
            } else if (c == u'\\' && i + 1 < s.size() && s[i + 1] == u'\n') {
                m_tokens.push_back(u"<br/>"_s);
                i += 2;
            } else if (c == u'`') {
                i = codeSpan(i);
            } else if ((c == u'[' || (c == u'!' && i + 1 < s.size() && s[i + 1] == u'[')) && m_depth < 3) {
                i = link(i);
            } else if (c == u'<') {
                i = autolink(i);
            } else if (c == u'h' && (s.mid(i).startsWith(u"http://") || s.mid(i).startsWith(u"https://"))
                && (i == 0 || !s[i - 1].isLetterOrNumber())) {
                i = bareUrl(i);
            } else if (c == u'*' || c == u'_' || (c == u'~' && i + 1 < s.size() && s[i + 1] == u'~')) {
                i = delimiter(i);
            } else if (c == u'\n') {
                const bool hard = i >= 2 && s[i - 1] == u' ' && s[i - 2] == u' ';
                m_tokens.push_back(hard ? u"<br/>"_s : u" "_s);
                ++i;
            } else {
                qsizetype end = i + 1;
                while (end < s.size() && !QStringView(u"\\`[!<h*_~\n").contains(s[end]))
                    ++end;
                literal(s.mid(i, end - i));
                i = end;
            }
        }
        QString out;
        for (const QString &token : m_tokens)
            out += token;
        return out;
    }

private:
    void literal(QStringView text) { m_tokens.push_back(escaped(text)); }

    qsizetype codeSpan(qsizetype i)
    {
        qsizetype run = 0;
        while (i + run < s.size() && s[i + run] == u'`')
            ++run;
        const QString fence(run, u'`');
        qsizetype search = i + run;
        while (true) {
            const qsizetype close = s.indexOf(fence, search);
            if (close < 0) {
                literal(fence);
                return i + run;
            }
            qsizetype closeRun = 0;
            while (close + closeRun < s.size() && s[close + closeRun] == u'`')
                ++closeRun;
            if (closeRun != run) {
                search = close + closeRun;
                continue;
            }
            QString code = s.mid(i + run, close - i - run).toString();
            code.replace(u'\n', u' ');
            m_tokens.push_back("<code style=\"font-family:"_L1 + monospaceFamily() + "; background-color:#f0f0f0;\">"_L1
                + escaped(code) + "</code>"_L1);
            return close + run;
        }
    }

    qsizetype link(qsizetype i)
    {
        const bool image = s[i] == u'!';
        const qsizetype open = image ? i + 1 : i;
        const qsizetype close = closingBracket(s, open);
        QString url;
        const qsizetype end = close < 0 ? -1 : linkDestination(s, close + 1, url);
        if (end < 0) {
            literal(s.mid(i, open - i + 1));
            return open + 1;
        }
        const QStringView label = s.mid(open + 1, close - open - 1);
        if (image) {
            m_tokens.push_back("<span style=\"color:#6b6b6b;\">[image"_L1
                + (label.isEmpty() ? QString() : ": "_L1 + escaped(label)) + u" \u2014 "_s + escaped(url.left(200))
                + "]</span>"_L1);
        } else {
            const QString inner = InlineWriter(label, m_info, m_depth + 1).run();
            m_tokens.push_back(linkHtml(url, inner.isEmpty() ? escaped(url) : inner, m_info));
        }
        return end;
    }

    qsizetype autolink(qsizetype i)
    {
        const qsizetype close = s.indexOf(u'>', i);
        if (close > i) {
            const QStringView inside = s.mid(i + 1, close - i - 1);
            const qsizetype colon = inside.indexOf(u':');
            if (colon > 1 && !inside.contains(u' ') && !inside.contains(u'<')
                && inside.left(colon).toString().isLower()) {
                m_tokens.push_back(linkHtml(inside.toString(), escaped(inside), m_info));
                return close + 1;
            }
        }
        literal(u"<");
        return i + 1;
    }

    qsizetype bareUrl(qsizetype i)
    {
        qsizetype end = i;
        while (end < s.size() && !s[end].isSpace() && s[end] != u'<')
            ++end;
        while (end > i && QStringView(u".,;:!?)'\"*_").contains(s[end - 1]))
            --end;
        const QStringView url = s.mid(i, end - i);
        m_tokens.push_back(linkHtml(url.toString(), escaped(url), m_info));
        return end;
    }

    qsizetype delimiter(qsizetype i)
    {
        const QChar c = s[i];
        qsizetype run = 0;
        while (i + run < s.size() && s[i + run] == c)
            ++run;
        const QChar before = i > 0 ? s[i - 1] : QChar(u' ');
        const QChar after = i + run < s.size() ? s[i + run] : QChar(u' ');
        bool canOpen = !after.isSpace();
        bool canClose = !before.isSpace();
        if (c == u'_') { // no intraword emphasis with underscores (snake_case stays as it is)
            canOpen = canOpen && !before.isLetterOrNumber();
            canClose = canClose && !after.isLetterOrNumber();
        }
        qsizetype used = 0;
        while (used < run) {
            const qsizetype take = c == u'~' ? 2 : (run - used >= 2 ? 2 : 1);
            if (c == u'~' && run - used < 2) {
                literal(s.mid(i + used, run - used));
                break;
            }
            const QString delim(take, c);
            if (canClose && closeMatching(delim)) {
                used += take;
                continue;
            }
            if (canOpen)
                m_openers.push_back({ m_tokens.size(), delim });
            m_tokens.push_back(escaped(delim));
            used += take;
        }
        return i + run;
    }

    bool closeMatching(const QString &delim)
    {
        for (size_t k = m_openers.size(); k-- > 0;) {
            if (m_openers[k].delimiter.size() != delim.size() || m_openers[k].delimiter[0] != delim[0])
                continue;
            if (m_openers[k].token + 1 == m_tokens.size())
                return false; // nothing between: keep it literal
            QString open, close;
            if (delim[0] == u'~') {
                open = u"<s>"_s;
                close = u"</s>"_s;
            } else if (delim.size() == 2) {
                open = u"<b>"_s;
                close = u"</b>"_s;
            } else {
                open = u"<i>"_s;
                close = u"</i>"_s;
            }
            m_tokens[m_openers[k].token] = open;
            m_tokens.push_back(close);
            m_openers.resize(k); // openers inside stay literal
            return true;
        }
        return false;
    }

    QStringView s;
    RenderInfo *m_info;
    int m_depth;
    std::vector<QString> m_tokens;
    std::vector<Opener> m_openers;
};

} // namespace

QString markdownInlineToHtml(QStringView text, RenderInfo *info)
{
    return InlineWriter(text, info, 0).run();
}

} // namespace cwi::render
