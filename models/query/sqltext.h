#pragma once

// SQL as text, without SQLite: where statements begin and end (for "run the statement under
// the cursor") and what kind of token each stretch is (for highlighting). Quotes, identifiers
// in "", `` or [], and -- / /* */ comments hide their semicolons.

#include <QString>
#include <QVector>

namespace cwi::sqltext {

enum class TokenKind
{
    Word, // a keyword or a bare identifier: isKeyword() tells
    Number,
    String, // '...'
    QuotedIdentifier, // "...", `...`, [...]
    Comment,
    Punctuation,
    Space,
};

struct Token
{
    TokenKind kind;
    int start;
    int length;
    bool open = false; // a string or /* comment */ that does not end in the text
};

// Tokens of TEXT, in order. A string or block comment left open runs to the end.
QVector<Token> tokenize(const QString &text);

bool isKeyword(QStringView word);
const QStringList &keywords();

struct Range
{
    int start = 0;
    int end = 0; // exclusive
    bool isEmpty() const { return end <= start; }
};

// Statements of TEXT, each without its terminating semicolon, blank ones left out.
QVector<Range> statements(const QString &text);
// The statement that contains POSITION (or ends just before it); empty when there is none.
Range statementAt(const QString &text, int position);

} // namespace cwi::sqltext
