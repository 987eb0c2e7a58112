#pragma once

// The query editor: SQL highlighting, completion of the file's table and column names (in its
// own spelling), an error marked where SQLite says it is, Ctrl+Enter to run, Esc to cancel.

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace cwi {

class SqlHighlighter;

class SqlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);

    void setCompletionWords(const QStringList &words);
    QCompleter *completer() const { return m_completer; }

    // The selection when there is one, else the statement under the cursor. START receives its
    // position in the document (for error offsets).
    QString statementToRun(int *start) const;
    // Marks a red wavy underline from POSITION to the end of the word there; -1 clears.
    void markError(int position);

Q_SIGNALS:
    void runRequested();
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void insertCompletion(const QString &word);
    QString wordUnderCursor() const;
    void showCompletions(bool always);

    SqlHighlighter *m_highlighter;
    QCompleter *m_completer;
    QStringListModel *m_words;
};

} // namespace cwi
