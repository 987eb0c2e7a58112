#include "linktext.h"

#include "render/inertdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>

#include <cmath>
#include <utility>

namespace cwi {

LinkText::LinkText(const QString &html, QWidget *parent)
    : QWidget(parent)
    , m_html(html)
    , m_document(new InertTextDocument(this)) // the file's names are in it: loads nothing
{
    m_document->setUndoRedoEnabled(false);
    m_document->setDocumentMargin(0);
    QTextOption option = m_document->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_document->setDefaultTextOption(option);
    m_document->setDefaultFont(font());
    m_document->setHtml(html);
    for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isAnchor() || format.anchorHref().isEmpty())
                continue;
            // One link split into fragments (a bold part inside it) stays one link.
            if (!m_links.isEmpty() && m_links.constLast().href == format.anchorHref()
                && m_links.constLast().position + m_links.constLast().length == fragment.position())
                m_links.last().length += fragment.length();
            else
                m_links.append({ fragment.position(), fragment.length(), format.anchorHref() });
        }
    }
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(!m_links.isEmpty());
    setFocusPolicy(m_links.isEmpty() ? Qt::NoFocus : Qt::StrongFocus);
    setAccessibleName(m_document->toPlainText());
}

QStringList LinkText::links() const
{
    QStringList hrefs;
    for (const Link &link : m_links)
        hrefs.append(link.href);
    return hrefs;
}

QString LinkText::anchorAt(const QPoint &pos) const
{
    const int link = linkAt(pos);
    return link < 0 ? QString() : m_links.at(link).href;
}

void LinkText::layOut(int width) const
{
    if (width == m_laidOutWidth)
        return;
    m_document->setTextWidth(width);
    m_laidOutWidth = width;
}

int LinkText::heightForWidth(int width) const
{
    const auto cached = m_heights.constFind(width);
    if (cached != m_heights.cend())
        return *cached;
    layOut(width);
    const int height = int(std::ceil(m_document->size().height()));
    m_heights.insert(width, height);
    return height;
}

QSize LinkText::sizeHint() const
{
    if (!m_sizeHint.isValid()) {
        // As a wrapped QLabel: at most 80 average characters wide, its text's width below that.
        const int width = qMin(fontMetrics().averageCharWidth() * 80, maximumWidth());
        const int height = heightForWidth(width); // lays out at WIDTH
        m_sizeHint = QSize(qMin(width, int(std::ceil(m_document->idealWidth()))), height);
    }
    return m_sizeHint;
}

QSize LinkText::minimumSizeHint() const
{
    // A long word wraps anywhere, so a few words' width is enough; one line high at least.
    const QSize hint = sizeHint();
    return { qMin(hint.width(), fontMetrics().averageCharWidth() * 12), qMin(hint.height(), fontMetrics().height()) };
}

void LinkText::paintEvent(QPaintEvent *event)
{
    layOut(width());
    QPainter painter(this);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette();
    context.palette.setColor(QPalette::Text, palette().color(foregroundRole()));
    context.clip = event->rect();
    if (m_current >= 0 && hasFocus()) {
        const Link &link = m_links.at(m_current);
        QAbstractTextDocumentLayout::Selection selection;
        selection.cursor = QTextCursor(m_document);
        selection.cursor.setPosition(link.position);
        selection.cursor.setPosition(link.position + link.length, QTextCursor::KeepAnchor);
        selection.format.setBackground(palette().brush(QPalette::Highlight));
        selection.format.setForeground(palette().brush(QPalette::HighlightedText));
        context.selections.append(selection);
    }
    m_document->documentLayout()->draw(&painter, context);
}

void LinkText::restyle()
{
    m_document->setDefaultFont(font());
    m_laidOutWidth = -1;
    m_heights.clear();
    m_sizeHint = QSize();
    updateGeometry();
    update();
}

void LinkText::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        restyle();
    else if (event->type() == QEvent::PaletteChange)
        update();
    QWidget::changeEvent(event);
}

int LinkText::linkAt(const QPoint &pos) const
{
    if (m_links.isEmpty())
        return -1;
    layOut(width());
    const int at = m_document->documentLayout()->hitTest(pos, Qt::ExactHit);
    if (at < 0)
        return -1;
    for (int i = 0; i < m_links.size(); ++i) {
        const Link &link = m_links.at(i);
        if (at >= link.position && at < link.position + link.length)
            return i;
    }
    return -1;
}

void LinkText::mouseMoveEvent(QMouseEvent *event)
{
    if (linkAt(event->position().toPoint()) >= 0)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    QWidget::mouseMoveEvent(event);
}

void LinkText::leaveEvent(QEvent *event)
{
    unsetCursor();
    QWidget::leaveEvent(event);
}

void LinkText::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton ? linkAt(event->position().toPoint()) : -1;
    if (m_pressed < 0)
        QWidget::mousePressEvent(event); // not ours: the card or the page may want it
}

void LinkText::mouseReleaseEvent(QMouseEvent *event)
{
    const int pressed = std::exchange(m_pressed, -1);
    if (pressed < 0 || event->button() != Qt::LeftButton || linkAt(event->position().toPoint()) != pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    // Last: following the link may replace the card this text is in.
    Q_EMIT linkActivated(m_links.at(pressed).href);
}

void LinkText::keyPressEvent(QKeyEvent *event)
{
    const bool follow
        = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space;
    if (!follow || m_current < 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    Q_EMIT linkActivated(m_links.at(m_current).href);
}

void LinkText::focusInEvent(QFocusEvent *event)
{
    if (event->reason() == Qt::TabFocusReason)
        m_current = 0;
    else if (event->reason() == Qt::BacktabFocusReason)
        m_current = int(m_links.size()) - 1;
    else if (event->reason() != Qt::ActiveWindowFocusReason && event->reason() != Qt::PopupFocusReason)
        m_current = -1; // a click: the link under it was followed, none is current
    update();
    QWidget::focusInEvent(event);
}

void LinkText::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

bool LinkText::focusNextPrevChild(bool next)
{
    // Tab steps through this text's links before it leaves for the next widget; from a click
    // (no link current) it starts at the first.
    const int step = m_current < 0 ? (next ? 0 : -1) : m_current + (next ? 1 : -1);
    if (hasFocus() && step >= 0 && step < m_links.size()) {
        m_current = step;
        update();
        return true;
    }
    return QWidget::focusNextPrevChild(next);
}

} // namespace cwi
