#include "timelinecanvas.h"

#include "insight/outcomecolor.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"
#include "transcript/eventpresentation.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QShortcut>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cwi {

TimelineCanvas::TimelineCanvas(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setSingleStep(kLaneHeight);
    setToolTip(tr("Zoom: Ctrl+wheel or +/-; pan: drag, wheel or arrow keys; Home: whole span; click a bar to open the "
                  "session"));
    // Keys while the timeline has the focus; WHAT names them in Help > Keyboard shortcuts.
    const auto key = [this](const QKeySequence &keys, const QString &what, auto slot) {
        auto *shortcut = new QShortcut(keys, this, nullptr, nullptr, Qt::WidgetShortcut);
        shortcut->setWhatsThis(what);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    const auto middle = [this] { return kLabelWidth + (viewport()->width() - kLabelWidth) / 2; };
    const auto page = [this] { return std::max(40, viewport()->width() / 4); };
    key(QKeySequence(Qt::Key_Plus), tr("Timeline: zoom in"), [this, middle] { zoom(1.5, middle()); });
    key(QKeySequence(Qt::Key_Equal), tr("Timeline: zoom in"), [this, middle] { zoom(1.5, middle()); });
    key(QKeySequence(Qt::Key_Minus), tr("Timeline: zoom out"), [this, middle] { zoom(1 / 1.5, middle()); });
    key(QKeySequence(Qt::Key_Left), tr("Timeline: earlier"), [this, page] { pan(-page()); });
    key(QKeySequence(Qt::Key_Right), tr("Timeline: later"), [this, page] { pan(page()); });
    key(QKeySequence(Qt::Key_Home), tr("Timeline: the whole span"), [this] { fit(); });
}

void TimelineCanvas::setLayoutData(TimelineLayout layout)
{
    const bool first = m_layout.sessions().isEmpty();
    m_layout = std::move(layout);
    if (first || m_startMs == 0)
        fit();
    updateScrollBars();
    viewport()->update();
}

void TimelineCanvas::fit()
{
    const int width = std::max(1, viewport()->width() - kLabelWidth - 8);
    const qint64 span = std::max<qint64>(60000, m_layout.lastMs() - m_layout.firstMs());
    m_msPerPixel = double(span) / width;
    m_startMs = m_layout.firstMs();
    viewport()->update();
}

void TimelineCanvas::zoom(double factor, int anchorX)
{
    const qint64 anchor = msAt(anchorX);
    m_msPerPixel = std::clamp(m_msPerPixel / factor, 1.0, 1e9);
    m_startMs = anchor - qint64((anchorX - kLabelWidth) * m_msPerPixel);
    viewport()->update();
}

void TimelineCanvas::pan(int pixels)
{
    m_startMs += qint64(pixels * m_msPerPixel);
    viewport()->update();
}

int TimelineCanvas::xOf(qint64 ms) const
{
    const double x = kLabelWidth + double(ms - m_startMs) / m_msPerPixel;
    return int(std::clamp(x, -1e6, 1e6));
}

qint64 TimelineCanvas::msAt(int x) const
{
    return m_startMs + qint64((x - kLabelWidth) * m_msPerPixel);
}

int TimelineCanvas::laneAt(int y) const
{
    if (y < kAxisHeight)
        return -1;
    const int lane = (y - kAxisHeight + verticalScrollBar()->value()) / kLaneHeight;
    return lane < m_layout.lanes().size() ? lane : -1;
}

QRect TimelineCanvas::barRect(int sessionIndex) const
{
    const SessionRow &s = m_layout.sessions().at(sessionIndex);
    const QVector<TimelineLane> &lanes = m_layout.lanes();
    for (int lane = 0; lane < lanes.size(); ++lane) {
        if (!lanes.at(lane).sessions.contains(sessionIndex))
            continue;
        const int y = kAxisHeight + lane * kLaneHeight - verticalScrollBar()->value();
        const int x0 = xOf(s.startMs);
        return QRect(x0, y + 3, std::max(3, xOf(s.endMs) - x0), kLaneHeight - 6);
    }
    return {};
}

int TimelineCanvas::sessionAt(const QPoint &pos) const
{
    if (pos.x() < kLabelWidth)
        return -1;
    return m_layout.sessionAt(laneAt(pos.y()), msAt(pos.x()), qint64(3 * m_msPerPixel));
}

QString TimelineCanvas::toolTipFor(int i) const
{
    const SessionRow &s = m_layout.sessions().at(i);
    const QLocale locale;
    const qint64 seconds = (s.endMs - s.startMs) / 1000;
    return tr("%1 · session %2\n%3 – %4 (%5 min)\n%6 · %7 turns · %8 tokens\n%9 tool calls, %10 failed\n%11%12")
        .arg(s.agentName)
        .arg(s.sessionNumber)
        .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(s.startMs), QLocale::ShortFormat),
            locale.toString(QDateTime::fromMSecsSinceEpoch(s.endMs).time(), QLocale::ShortFormat))
        .arg(double(seconds) / 60, 0, 'f', 1)
        .arg(formatCost(s.costUsd))
        .arg(s.turns)
        .arg(formatTokens(s.tokens.total()))
        .arg(s.toolCalls)
        .arg(s.toolErrors)
        .arg(s.outcome, s.taskName.isEmpty() ? QString() : tr(" · task %1").arg(s.taskName));
}

void TimelineCanvas::updateScrollBars()
{
    const int content = int(m_layout.lanes().size()) * kLaneHeight;
    verticalScrollBar()->setRange(0, std::max(0, content - (viewport()->height() - kAxisHeight)));
    verticalScrollBar()->setPageStep(viewport()->height() - kAxisHeight);
}

void TimelineCanvas::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void TimelineCanvas::paintAxis(QPainter &p, const QRect &rect)
{
    p.fillRect(rect, palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(rect.bottomLeft(), rect.bottomRight());
    // A tick step from a fixed ladder that leaves >= 90 px between ticks.
    static const qint64 steps[] = { 60000, 300000, 900000, 3600000, 3 * 3600000, 6 * 3600000, 12 * 3600000, 86400000,
        7 * 86400000LL, 30 * 86400000LL };
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 s : steps) {
        if (s / m_msPerPixel >= 90) {
            step = s;
            break;
        }
    }
    const qint64 from = msAt(kLabelWidth);
    const qint64 to = msAt(rect.right());
    const QLocale locale;
    p.setPen(palette().color(QPalette::WindowText));
    for (qint64 t = (from / step + 1) * step; t < to; t += step) {
        const int x = xOf(t);
        p.drawLine(x, rect.bottom() - 4, x, rect.bottom());
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(t);
        const QString label = step >= 86400000 ? locale.toString(when.date(), QLocale::ShortFormat)
                                               : locale.toString(when, u"d MMM HH:mm"_s);
        p.drawText(QRect(x + 3, rect.top(), 120, rect.height() - 4), Qt::AlignLeft | Qt::AlignVCenter, label);
    }
}

void TimelineCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QRect all = viewport()->rect();
    p.fillRect(all, palette().color(QPalette::Base));
    m_paintedBars = 0;
    const QVector<TimelineLane> &lanes = m_layout.lanes();
    if (lanes.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(all, Qt::AlignCenter, tr("No sessions indexed for this selection."));
        return;
    }
    const int scroll = verticalScrollBar()->value();
    const int firstLane = scroll / kLaneHeight;
    const int lastLane = std::min<int>(int(lanes.size()) - 1, (scroll + all.height()) / kLaneHeight);
    const qint64 fromMs = msAt(kLabelWidth);
    const qint64 toMs = msAt(all.right());
    const QColor alternate = palette().color(QPalette::AlternateBase);
    const QColor joint = palette().color(QPalette::Mid);
    const QFontMetrics fm(font());

    p.save();
    p.setClipRect(QRect(0, kAxisHeight, all.width(), all.height() - kAxisHeight));
    for (int lane = firstLane; lane <= lastLane; ++lane) {
        const int y = kAxisHeight + lane * kLaneHeight - scroll;
        if (lane % 2)
            p.fillRect(QRect(0, y, all.width(), kLaneHeight), alternate);
        const auto [first, last] = m_layout.visibleRange(lane, fromMs, toMs);
        const QVector<int> &sessions = lanes.at(lane).sessions;
        p.setClipRect(QRect(kLabelWidth, kAxisHeight, all.width() - kLabelWidth, all.height() - kAxisHeight));
        int previousEnd = INT_MIN;
        if (first > 0 && m_layout.laneBy() == TimelineLayout::ByAgent)
            previousEnd = xOf(m_layout.sessions().at(sessions.at(first - 1)).endMs);
        for (int pos = first; pos < last; ++pos) {
            const SessionRow &s = m_layout.sessions().at(sessions.at(pos));
            const int x0 = xOf(s.startMs);
            const int x1 = std::max(x0 + 3, xOf(s.endMs));
            // Resumes of one agent: a line from the end of one session to the start of the next.
            if (previousEnd != INT_MIN && m_layout.laneBy() == TimelineLayout::ByAgent && x0 > previousEnd) {
                p.setPen(QPen(joint, 1, Qt::DotLine));
                p.drawLine(previousEnd, y + kLaneHeight / 2, x0, y + kLaneHeight / 2);
            }
            const QColor color = sessionOutcomeColor(s.outcome);
            p.fillRect(QRect(x0, y + 3, x1 - x0, kLaneHeight - 6), color);
            if (x1 - x0 > 30) {
                p.setPen(contrastingTextColor(color));
                p.drawText(QRect(x0 + 3, y + 3, x1 - x0 - 6, kLaneHeight - 6), Qt::AlignVCenter | Qt::AlignLeft,
                    fm.elidedText(
                        u"#%1 %2"_s.arg(s.sessionNumber).arg(formatCost(s.costUsd)), Qt::ElideRight, x1 - x0 - 6));
            }
            previousEnd = x1;
            ++m_paintedBars;
        }
        p.setClipRect(QRect(0, kAxisHeight, all.width(), all.height() - kAxisHeight));
        p.fillRect(QRect(0, y, kLabelWidth - 4, kLaneHeight), lane % 2 ? alternate : palette().color(QPalette::Base));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(6, y, kLabelWidth - 12, kLaneHeight), Qt::AlignVCenter | Qt::AlignLeft,
            fm.elidedText(lanes.at(lane).label, Qt::ElideRight, kLabelWidth - 12));
    }
    p.restore();
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(kLabelWidth - 3, kAxisHeight, kLabelWidth - 3, all.bottom());
    paintAxis(p, QRect(0, 0, all.width(), kAxisHeight));
}

void TimelineCanvas::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        zoom(std::pow(1.2, delta.y() / 120.0), int(event->position().x()));
    } else if (event->modifiers() & Qt::ShiftModifier || delta.x() != 0) {
        pan(-(delta.x() != 0 ? delta.x() : delta.y()) / 2);
    } else {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    event->accept();
}

void TimelineCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->pos();
        m_dragStartMs = m_startMs;
        m_dragged = false;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void TimelineCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        const int dx = event->pos().x() - m_dragFrom.x();
        if (std::abs(dx) > 3)
            m_dragged = true;
        if (m_dragged) {
            m_startMs = m_dragStartMs - qint64(dx * m_msPerPixel);
            viewport()->update();
        }
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void TimelineCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_dragged) {
        const int i = sessionAt(event->pos());
        if (i >= 0) {
            const SessionRow &s = m_layout.sessions().at(i);
            Q_EMIT sessionActivated(s.agentId, s.sessionNumber);
        }
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

bool TimelineCanvas::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = sessionAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), render::plainToolTip(toolTipFor(i)), viewport(), barRect(i));
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace cwi
