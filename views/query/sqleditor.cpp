#include "sqleditor.h"

#include "query/sqltext.h"
#include "sqlhighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

#include <algorithm>

namespace cwi {

namespace {
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}
} // namespace

SqlEditor::SqlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new SqlHighlighter(document()))
    , m_completer(new QCompleter(this))
    , m_words(new QStringListModel(this))
{
    setObjectName(QStringLiteral("queryEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("SELECT … — Ctrl+Enter runs the statement under the cursor (or the selection); "
                          "Ctrl+Space completes table and column names"));
    m_completer->setModel(m_words);
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &SqlEditor::insertCompletion);
}

void SqlEditor::setCompletionWords(const QStringList &words)
{
    QStringList sorted = words;
    sorted.removeDuplicates();
    std::sort(sorted.begin(), sorted.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    m_words->setStringList(sorted);
}

QString SqlEditor::statementToRun(int *start) const
{
    const QTextCursor cursor = textCursor();
    const QString text = toPlainText();
    if (cursor.hasSelection()) {
        // QTextCursor uses U+2029 between paragraphs; the document text has \n there.
        *start = cursor.selectionStart();
        return text.mid(cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart());
    }
    const sqltext::Range range = sqltext::statementAt(text, cursor.position());
    *start = range.start;
    return text.mid(range.start, range.end - range.start);
}

void SqlEditor::markError(int position)
{
    QList<QTextEdit::ExtraSelection> selections;
    if (position >= 0) {
        const QString text = toPlainText();
        position = qMin(position, int(text.size()));
        int end = position;
        while (end < text.size() && isWordChar(text.at(end)))
            ++end;
        if (end == position)
            end = qMin(int(text.size()), position + 1);
        int begin = position;
        if (begin == end && begin > 0)
            --begin; // the error is at the very end: mark the last character
        QTextEdit::ExtraSelection selection;
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(QColor(0xd0, 0x30, 0x30));
        selection.format.setBackground(QColor(0xd0, 0x30, 0x30, 40));
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(begin);
        selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

QString SqlEditor::wordUnderCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int at = cursor.positionInBlock();
    int begin = at;
    while (begin > 0 && isWordChar(line.at(begin - 1)))
        --begin;
    return line.mid(begin, at - begin);
}

void SqlEditor::insertCompletion(const QString &word)
{
    QTextCursor cursor = textCursor();
    const int typed = int(wordUnderCursor().size());
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, typed);
    // Names that are not plain identifiers (or are keywords) go in double quotes.
    const bool plain = !word.isEmpty() && !word.at(0).isDigit() && std::all_of(word.cbegin(), word.cend(), isWordChar)
        && !sqltext::isKeyword(word);
    cursor.insertText(plain ? word : QString(u'"' + QString(word).replace(u'"', QStringLiteral("\"\"")) + u'"'));
    setTextCursor(cursor);
}

void SqlEditor::showCompletions(bool always)
{
    const QString prefix = wordUnderCursor();
    if (!always && prefix.size() < 2) {
        m_completer->popup()->hide();
        return;
    }
    if (prefix != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(prefix);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == prefix)) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(
        m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void SqlEditor::keyPressEvent(QKeyEvent *event)
{
    const bool popup = m_completer->popup()->isVisible();
    const int key = event->key();
    if (popup
        && (key == Qt::Key_Enter || key == Qt::Key_Return || key == Qt::Key_Tab || key == Qt::Key_Escape
            || key == Qt::Key_Backtab)
        && !(event->modifiers() & Qt::ControlModifier)) {
        event->ignore(); // the completer takes these
        return;
    }
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && (event->modifiers() & Qt::ControlModifier)) {
        m_completer->popup()->hide();
        Q_EMIT runRequested();
        return;
    }
    if (key == Qt::Key_Escape) {
        Q_EMIT cancelRequested();
        return;
    }
    const bool complete = key == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier);
    if (!complete)
        QPlainTextEdit::keyPressEvent(event);
    const bool typedWord = !event->text().isEmpty() && isWordChar(event->text().back());
    if (complete || (popup && (typedWord || key == Qt::Key_Backspace)) || typedWord)
        showCompletions(complete);
    else if (popup)
        m_completer->popup()->hide();
}

} // namespace cwi
