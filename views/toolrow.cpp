#include "toolrow.h"

#include <QBoxLayout>
#include <QResizeEvent>

namespace cwi {

ToolRow::ToolRow(QWidget *parent)
    : QWidget(parent)
    , m_box(new QBoxLayout(QBoxLayout::LeftToRight, this))
    , m_leading(new QHBoxLayout)
    , m_trailing(new QHBoxLayout)
{
    setObjectName(QStringLiteral("toolRow"));
    m_box->setContentsMargins(6, 4, 6, 4);
    m_leading->setContentsMargins(0, 0, 0, 0);
    m_trailing->setContentsMargins(0, 0, 0, 0);
    m_leading->addStretch(1); // widgets go in before it: the leading half keeps to the left
    m_trailing->addStretch(); // and the trailing half to the right, also on a line of its own
    m_box->addLayout(m_leading, 1);
    m_box->addLayout(m_trailing);
}

void ToolRow::addLeading(QWidget *widget, int stretch)
{
    m_leading->insertWidget(m_leading->count() - 1, widget, stretch);
}

void ToolRow::addLeadingSpacing(int size)
{
    m_leading->insertSpacing(m_leading->count() - 1, size);
}

void ToolRow::addTrailing(QWidget *widget, int stretch)
{
    m_trailing->addWidget(widget, stretch);
}

bool ToolRow::isWrapped() const
{
    return m_box->direction() == QBoxLayout::TopToBottom;
}

QSize ToolRow::minimumSizeHint() const
{
    // The two-line arrangement: as wide as the wider half (the layout in one line would sum them).
    const QMargins margins = m_box->contentsMargins();
    const QSize leading = m_leading->minimumSize();
    const QSize trailing = m_trailing->minimumSize();
    const int height = isWrapped() ? leading.height() + m_box->spacing() + trailing.height()
                                   : qMax(leading.height(), trailing.height());
    return { qMax(leading.width(), trailing.width()) + margins.left() + margins.right(),
        height + margins.top() + margins.bottom() };
}

bool ToolRow::event(QEvent *event)
{
    // A title or count that grew (a filter's "(filtered)", another table) may no longer fit the
    // width the row already has: no resize comes, the layout asks again.
    if (event->type() == QEvent::LayoutRequest)
        arrange(width());
    return QWidget::event(event);
}

void ToolRow::resizeEvent(QResizeEvent *event)
{
    arrange(event->size().width());
    QWidget::resizeEvent(event);
}

int ToolRow::oneLineWidth() const
{
    const QMargins margins = m_box->contentsMargins();
    return m_leading->sizeHint().width() + m_box->spacing() + m_trailing->minimumSize().width() + margins.left()
        + margins.right();
}

void ToolRow::arrange(int width)
{
    const auto direction = width >= oneLineWidth() ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_box->direction() != direction)
        m_box->setDirection(direction); // the row's height changes; the page lays out again
}

} // namespace cwi
