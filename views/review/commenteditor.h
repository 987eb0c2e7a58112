#pragma once

// The body (and, for a new comment, author) editor of a review comment. Nothing is written here:
// the caller plans and applies the write after the dialog closed.

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace cwi {

class CommentEditor : public QDialog
{
    Q_OBJECT
public:
    // CONTEXT: one line naming where the comment goes ("src/app.cpp, line 12 (added)").
    CommentEditor(const QString &title, const QString &context, const QString &body, const QString &author,
        bool editAuthor, QWidget *parent = nullptr);

    QString body() const;
    QString author() const;

private:
    QPlainTextEdit *m_body;
    QLineEdit *m_author;
};

} // namespace cwi
