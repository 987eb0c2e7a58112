#include "elidedlabel.h"

#include "render/htmlwriter.h"

#include <QResizeEvent>

namespace cwi {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText); // messages carry names from the file: never markup
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent)
    : ElidedLabel(parent)
{
    setFullText(text);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    updateGeometry();
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    // A few characters and the ellipsis: the row around it decides the rest.
    const QSize full = QLabel::minimumSizeHint();
    return { std::min(full.width(), fontMetrics().horizontalAdvance(u'x') * 6), full.height() };
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    return { fontMetrics().horizontalAdvance(m_fullText) + m.left() + m.right() + 2 * margin() + 2,
        QLabel::sizeHint().height() };
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().elidedText(m_fullText, Qt::ElideRight, std::max(0, room));
    if (shown != text())
        QLabel::setText(shown);
    setToolTip(shown == m_fullText ? QString() : render::plainToolTip(m_fullText));
}

} // namespace cwi
