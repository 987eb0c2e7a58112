#include "sqltext.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace cwi::sqltext {

namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_' || c.unicode() > 127;
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() > 127;
}

// Position after a run that ends with CLOSE, where a doubled CLOSE is an escaped one.
int endOfQuoted(const QString &text, int from, QChar close, bool *open)
{
    for (int i = from; i < text.size(); ++i) {
        if (text.at(i) != close)
            continue;
        if (close != u']' && i + 1 < text.size() && text.at(i + 1) == close) {
            ++i;
            continue;
        }
        *open = false;
        return i + 1;
    }
    *open = true;
    return int(text.size());
}

} // namespace

const QStringList &keywords()
{
    static const QStringList words = {
        u"ABORT"_s,
        u"ALL"_s,
        u"ALTER"_s,
        u"ANALYZE"_s,
        u"AND"_s,
        u"AS"_s,
        u"ASC"_s,
        u"ATTACH"_s,
        u"BEGIN"_s,
        u"BETWEEN"_s,
        u"BY"_s,
        u"CASE"_s,
        u"CAST"_s,
        u"COLLATE"_s,
        u"COMMIT"_s,
        u"CREATE"_s,
        u"CROSS"_s,
        u"CURRENT_DATE"_s,
        u"CURRENT_TIME"_s,
        u"CURRENT_TIMESTAMP"_s,
        u"DELETE"_s,
        u"DESC"_s,
        u"DETACH"_s,
        u"DISTINCT"_s,
        u"DROP"_s,
        u"ELSE"_s,
        u"END"_s,
        u"ESCAPE"_s,
        u"EXCEPT"_s,
        u"EXISTS"_s,
        u"EXPLAIN"_s,
        u"FALSE"_s,
        u"FILTER"_s,
        u"FROM"_s,
        u"FULL"_s,
        u"GLOB"_s,
        u"GROUP"_s,
        u"HAVING"_s,
        u"IN"_s,
        u"INDEX"_s,
        u"INNER"_s,
        u"INSERT"_s,
        u"INTERSECT"_s,
        u"INTO"_s,
        u"IS"_s,
        u"ISNULL"_s,
        u"JOIN"_s,
        u"LEFT"_s,
        u"LIKE"_s,
        u"LIMIT"_s,
        u"MATCH"_s,
        u"NATURAL"_s,
        u"NOT"_s,
        u"NOTNULL"_s,
        u"NULL"_s,
        u"NULLS"_s,
        u"OFFSET"_s,
        u"ON"_s,
        u"OR"_s,
        u"ORDER"_s,
        u"OUTER"_s,
        u"OVER"_s,
        u"PARTITION"_s,
        u"PLAN"_s,
        u"PRAGMA"_s,
        u"QUERY"_s,
        u"RECURSIVE"_s,
        u"REGEXP"_s,
        u"REPLACE"_s,
        u"RIGHT"_s,
        u"ROLLBACK"_s,
        u"ROW"_s,
        u"ROWS"_s,
        u"SELECT"_s,
        u"SET"_s,
        u"TABLE"_s,
        u"THEN"_s,
        u"TRUE"_s,
        u"UNION"_s,
        u"UPDATE"_s,
        u"USING"_s,
        u"VACUUM"_s,
        u"VALUES"_s,
        u"VIEW"_s,
        u"WHEN"_s,
        u"WHERE"_s,
        u"WINDOW"_s,
        u"WITH"_s,
    };
    return words;
}

bool isKeyword(QStringView word)
{
    static const QSet<QString> set(keywords().cbegin(), keywords().cend());
    return set.contains(word.toString().toUpper());
}

QVector<Token> tokenize(const QString &text)
{
    QVector<Token> tokens;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        Token token { TokenKind::Punctuation, i, 1 };
        if (c.isSpace()) {
            int j = i;
            while (j < n && text.at(j).isSpace())
                ++j;
            token = { TokenKind::Space, i, j - i };
        } else if (c == u'-' && next == u'-') {
            int j = int(text.indexOf(u'\n', i));
            j = j < 0 ? n : j;
            token = { TokenKind::Comment, i, j - i };
        } else if (c == u'/' && next == u'*') {
            const int close = int(text.indexOf(QStringLiteral("*/"), i + 2));
            token = { TokenKind::Comment, i, (close < 0 ? n : close + 2) - i, close < 0 };
        } else if (c == u'\'') {
            bool open = false;
            const int end = endOfQuoted(text, i + 1, u'\'', &open);
            token = { TokenKind::String, i, end - i, open };
        } else if (c == u'"' || c == u'`' || c == u'[') {
            bool open = false;
            const int end = endOfQuoted(text, i + 1, c == u'[' ? QChar(u']') : c, &open);
            token = { TokenKind::QuotedIdentifier, i, end - i, open };
        } else if (c.isDigit() || (c == u'.' && next.isDigit())) {
            int j = i;
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j) == u'.'))
                ++j;
            token = { TokenKind::Number, i, j - i };
        } else if (isIdentifierStart(c)) {
            int j = i;
            while (j < n && isIdentifierPart(text.at(j)))
                ++j;
            token = { TokenKind::Word, i, j - i };
        }
        tokens.append(token);
        i += token.length;
    }
    return tokens;
}

QVector<Range> statements(const QString &text)
{
    QVector<Range> ranges;
    Range current { 0, 0 };
    bool hasCode = false;
    int codeEnd = 0;
    const auto close = [&](int next) {
        if (hasCode)
            ranges.append({ current.start, codeEnd });
        current = { next, next };
        hasCode = false;
    };
    for (const Token &token : tokenize(text)) {
        if (token.kind == TokenKind::Punctuation && text.at(token.start) == u';') {
            close(token.start + 1);
            continue;
        }
        if (token.kind == TokenKind::Space || token.kind == TokenKind::Comment) {
            if (!hasCode)
                current.start = token.start + token.length;
            continue;
        }
        if (!hasCode)
            current.start = token.start;
        hasCode = true;
        codeEnd = token.start + token.length;
    }
    close(int(text.size()));
    return ranges;
}

Range statementAt(const QString &text, int position)
{
    const QVector<Range> all = statements(text);
    // The statement the cursor is in, else the last one that ends before it on the way back.
    for (const Range &range : all) {
        if (position >= range.start && position <= range.end)
            return range;
    }
    Range before;
    for (const Range &range : all) {
        if (range.end <= position)
            before = range;
    }
    if (!before.isEmpty())
        return before;
    return all.isEmpty() ? Range {} : all.first();
}

} // namespace cwi::sqltext
