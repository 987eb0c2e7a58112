#pragma once

// SQL colours in the query editor: keywords, strings, numbers, quoted identifiers, comments.
// Strings and block comments that span lines carry over through the block state.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace cwi {

class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_identifier;
    QTextCharFormat m_comment;
};

} // namespace cwi
