#pragma once

// Message boxes whose text carries names, paths, URLs or messages from the file. QMessageBox's
// static functions guess rich text from the first tag they see, so "<img src=...>" in a task
// name would be laid out as HTML (and a local image opened); these show the text as it is.

#include <QMessageBox>

namespace cwi {

// For a box built by hand: its text and informative text (set before this call) read as plain text.
void showPlainText(QMessageBox *box);

QMessageBox::StandardButton plainMessageBox(QWidget *parent, QMessageBox::Icon icon, const QString &title,
    const QString &text, QMessageBox::StandardButtons buttons = QMessageBox::Ok,
    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);

} // namespace cwi
