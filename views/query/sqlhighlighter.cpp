#include "sqlhighlighter.h"

#include "query/sqltext.h"

#include <QGuiApplication>
#include <QPalette>

namespace cwi {

namespace {
// Block states: what the previous line left open.
enum State
{
    Plain = -1,
    InString = 1,
    InComment = 2,
    InIdentifier = 3
};

// Closes a construct left open by the previous line; returns where plain text starts again.
int closeCarriedOver(const QString &text, int state)
{
    if (state == InComment) {
        const int end = int(text.indexOf(QStringLiteral("*/")));
        return end < 0 ? -1 : end + 2;
    }
    const QChar quote = state == InString ? QChar(u'\'') : QChar(u'"');
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) != quote)
            continue;
        if (i + 1 < text.size() && text.at(i + 1) == quote) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return -1;
}
} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_keyword.setForeground(dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x1f, 0x4e, 0xb4));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xc3, 0xe8, 0x8d) : QColor(0x1a, 0x7f, 0x37));
    m_number.setForeground(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xa6, 0x4b, 0x00));
    m_identifier.setForeground(dark ? QColor(0xff, 0xcb, 0x6b) : QColor(0x80, 0x3c, 0x9a));
    m_comment.setForeground(dark ? QColor(0x8a, 0x94, 0xa6) : QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    int start = 0;
    const int carried = previousBlockState();
    setCurrentBlockState(Plain);
    if (carried == InString || carried == InComment || carried == InIdentifier) {
        const int end = closeCarriedOver(text, carried);
        const QTextCharFormat &format
            = carried == InComment ? m_comment : (carried == InString ? m_string : m_identifier);
        if (end < 0) {
            setFormat(0, int(text.size()), format);
            setCurrentBlockState(carried);
            return;
        }
        setFormat(0, end, format);
        start = end;
    }
    const QString rest = text.mid(start);
    for (const sqltext::Token &token : sqltext::tokenize(rest)) {
        const int at = start + token.start;
        switch (token.kind) {
        case sqltext::TokenKind::Word:
            if (sqltext::isKeyword(QStringView(rest).mid(token.start, token.length)))
                setFormat(at, token.length, m_keyword);
            break;
        case sqltext::TokenKind::Number:
            setFormat(at, token.length, m_number);
            break;
        case sqltext::TokenKind::String:
            setFormat(at, token.length, m_string);
            if (token.open)
                setCurrentBlockState(InString);
            break;
        case sqltext::TokenKind::QuotedIdentifier:
            setFormat(at, token.length, m_identifier);
            if (token.open && rest.at(token.start) == u'"')
                setCurrentBlockState(InIdentifier);
            break;
        case sqltext::TokenKind::Comment:
            setFormat(at, token.length, m_comment);
            if (token.open)
                setCurrentBlockState(InComment);
            break;
        default:
            break;
        }
    }
}

} // namespace cwi
