#include "commenteditor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cwi {

using namespace Qt::StringLiterals;

CommentEditor::CommentEditor(const QString &title, const QString &context, const QString &body, const QString &author,
    bool editAuthor, QWidget *parent)
    : QDialog(parent)
    , m_body(new QPlainTextEdit(body, this))
    , m_author(new QLineEdit(author, this))
{
    setWindowTitle(title);
    auto *where = new QLabel(context, this);
    where->setTextFormat(Qt::PlainText); // text from the file, never markup
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setPlaceholderText(tr("Leave a comment"));
    m_body->setTabChangesFocus(true);
    auto *form = new QFormLayout;
    if (editAuthor)
        form->addRow(tr("Author"), m_author);
    else
        m_author->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save comment"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(where);
    layout->addWidget(m_body, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);
    const auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_body->toPlainText().trimmed().isEmpty() && !m_author->text().trimmed().isEmpty());
    };
    connect(m_body, &QPlainTextEdit::textChanged, this, updateOk);
    connect(m_author, &QLineEdit::textChanged, this, updateOk);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
    resize(520, 260);
    m_body->setFocus();
}

QString CommentEditor::body() const
{
    return m_body->toPlainText().trimmed();
}

QString CommentEditor::author() const
{
    return m_author->text().trimmed();
}

} // namespace cwi
