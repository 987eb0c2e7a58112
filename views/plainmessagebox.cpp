#include "plainmessagebox.h"

#include <QLabel>

namespace cwi {

void showPlainText(QMessageBox *box)
{
    box->setTextFormat(Qt::PlainText);
    // The informative text has a label of its own that setTextFormat() does not reach.
    if (auto *informative = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_informativelabel")))
        informative->setTextFormat(Qt::PlainText);
}

QMessageBox::StandardButton plainMessageBox(QWidget *parent, QMessageBox::Icon icon, const QString &title,
    const QString &text, QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    QMessageBox box(icon, title, text, buttons, parent);
    showPlainText(&box);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace cwi
