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
    const auto middle = [this] { return m_labelWidth + (viewport()->width() - m_labelWidth) / 2; };
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
    if (first || m_startMs == 0 || m_fitted) // a new selection or new sessions: the whole span again
        fit();
    updateScrollBars();
    viewport()->update();
}

void TimelineCanvas::fit()
{
    const int width = std::max(1, viewport()->width() - m_labelWidth - 8);
    const qint64 span = std::max<qint64>(60000, m_layout.lastMs() - m_layout.firstMs());
    m_msPerPixel = double(span) / width;
    m_startMs = m_layout.firstMs();
    m_fitted = true;
    viewport()->update();
}

void TimelineCanvas::zoom(double factor, int anchorX)
{
    const qint64 anchor = msAt(anchorX);
    m_msPerPixel = std::clamp(m_msPerPixel / factor, 1.0, 1e9);
    m_startMs = anchor - qint64((anchorX - m_labelWidth) * m_msPerPixel);
    m_fitted = false;
    viewport()->update();
}

void TimelineCanvas::pan(int pixels)
{
    m_startMs += qint64(pixels * m_msPerPixel);
    m_fitted = false;
    viewport()->update();
}

int TimelineCanvas::xOf(qint64 ms) const
{
    const double x = m_labelWidth + double(ms - m_startMs) / m_msPerPixel;
    return int(std::clamp(x, -1e6, 1e6));
}

qint64 TimelineCanvas::msAt(int x) const
{
    return m_startMs + qint64((x - m_labelWidth) * m_msPerPixel);
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
    if (pos.x() < m_labelWidth)
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
    m_labelWidth = std::clamp(viewport()->width() / 4, kMinLabelWidth, kMaxLabelWidth);
    updateScrollBars();
    // Laid out while its page was hidden (a width of a few pixels) or the window resized: the
    // whole span still fills the width, unless the user zoomed or panned.
    if (m_fitted)
        fit();
}

namespace {

// One step of the axis: so many minutes, hours, days, months or years, on calendar boundaries
// of local time (midnight, the 1st of a month, the 1st of January).
enum class Unit
{
    Minute,
    Hour,
    Day,
    Month,
    Year
};

struct AxisStep
{
    Unit unit;
    int count;
};

constexpr qint64 kMinuteMs = 60000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr AxisStep kAxisSteps[] = { { Unit::Minute, 1 }, { Unit::Minute, 2 }, { Unit::Minute, 5 }, { Unit::Minute, 10 },
    { Unit::Minute, 15 }, { Unit::Minute, 30 }, { Unit::Hour, 1 }, { Unit::Hour, 2 }, { Unit::Hour, 3 },
    { Unit::Hour, 6 }, { Unit::Hour, 12 }, { Unit::Day, 1 }, { Unit::Day, 2 }, { Unit::Day, 3 }, { Unit::Day, 7 },
    { Unit::Day, 14 }, { Unit::Month, 1 }, { Unit::Month, 2 }, { Unit::Month, 3 }, { Unit::Month, 6 },
    { Unit::Year, 1 }, { Unit::Year, 2 }, { Unit::Year, 5 }, { Unit::Year, 10 }, { Unit::Year, 25 }, { Unit::Year, 50 },
    { Unit::Year, 100 } };
constexpr int kLabelGap = 12; // between one label's end and the next label's start

// The shortest a step can be (a day of a DST change, February, a common year).
qint64 shortestMs(AxisStep step)
{
    switch (step.unit) {
    case Unit::Minute:
        return step.count * kMinuteMs;
    case Unit::Hour:
        return step.count * kHourMs;
    case Unit::Day:
        return step.count * (kDayMs - kHourMs);
    case Unit::Month:
        return qint64(step.count) * 28 * kDayMs;
    case Unit::Year:
        return qint64(step.count) * 365 * kDayMs;
    }
    return kDayMs;
}

QString dayFormat()
{
    return u"d MMM"_s;
}

QString formatFor(Unit unit)
{
    switch (unit) {
    case Unit::Minute:
    case Unit::Hour:
        return u"HH:mm"_s;
    case Unit::Day:
        return dayFormat();
    case Unit::Month:
        return u"MMM"_s; // January says the year instead
    case Unit::Year:
        return u"yyyy"_s;
    }
    return dayFormat();
}

// The widest label a step can have in this font (month names differ in width); a time step
// labels midnight with the date.
int widestLabel(Unit unit, const QFontMetrics &fm, const QLocale &locale)
{
    int widest = 0;
    const auto widestDate = [&](const QString &format) {
        for (int month = 1; month <= 12; ++month)
            widest = std::max(widest, fm.horizontalAdvance(locale.toString(QDate(2028, month, 28), format)));
    };
    switch (unit) {
    case Unit::Minute:
    case Unit::Hour:
        widest = fm.horizontalAdvance(locale.toString(QTime(23, 58), formatFor(unit)));
        widestDate(dayFormat());
        break;
    case Unit::Day:
    case Unit::Month:
        widestDate(formatFor(unit));
        widest = std::max(widest, fm.horizontalAdvance(locale.toString(QDate(2888, 1, 1), u"yyyy"_s)));
        break;
    case Unit::Year:
        widest = fm.horizontalAdvance(locale.toString(QDate(2888, 8, 8), formatFor(unit)));
        break;
    }
    return widest;
}

qint64 localMs(const QDate &date, const QTime &time = QTime(0, 0))
{
    return QDateTime(date, time).toMSecsSinceEpoch();
}

// The ticks of STEP from FROM to TO (ms since the epoch), on its calendar boundaries.
QVector<qint64> ticks(AxisStep step, qint64 from, qint64 to)
{
    QVector<qint64> out;
    const QDate first = QDateTime::fromMSecsSinceEpoch(from).date();
    const auto keep = [&](qint64 t) {
        if (t >= from && t < to)
            out.append(t);
        return t < to && out.size() < 1000;
    };
    switch (step.unit) {
    case Unit::Minute:
    case Unit::Hour: {
        const qint64 every = step.unit == Unit::Minute ? step.count * kMinuteMs : step.count * kHourMs;
        for (QDate day = first; keep(localMs(day)); day = day.addDays(1)) {
            const qint64 midnight = localMs(day);
            const qint64 next = localMs(day.addDays(1));
            for (qint64 t = midnight + every; t < next && keep(t); t += every) { }
        }
        break;
    }
    case Unit::Day: {
        // Julian day 0 was a Monday: 7 and 14 day steps start on Mondays.
        QDate day = first.addDays(-(first.toJulianDay() % step.count));
        for (; keep(localMs(day)); day = day.addDays(step.count)) { }
        break;
    }
    case Unit::Month: {
        QDate month(first.year(), first.month() - (first.month() - 1) % step.count, 1);
        for (; keep(localMs(month)); month = month.addMonths(step.count)) { }
        break;
    }
    case Unit::Year: {
        QDate year(first.year() - first.year() % step.count, 1, 1);
        for (; keep(localMs(year)); year = year.addYears(step.count)) { }
        break;
    }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

void TimelineCanvas::paintAxis(QPainter &p, const QRect &rect)
{
    p.fillRect(rect, palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(rect.bottomLeft(), rect.bottomRight());
    m_axisLabelRects.clear();
    m_axisLabels.clear();
    // The shortest calendar step whose ticks leave room for their widest label in this font: labels
    // never meet, at any width and zoom. A span too long for even a century step gets no labels.
    const QFontMetrics fm(font());
    const QLocale locale;
    const AxisStep *step = nullptr;
    for (const AxisStep &s : kAxisSteps) {
        if (double(shortestMs(s)) / m_msPerPixel >= widestLabel(s.unit, fm, locale) + kLabelGap + 3) {
            step = &s;
            break;
        }
    }
    if (!step)
        return;
    const qint64 from = msAt(m_labelWidth);
    const qint64 to = msAt(rect.right());
    const QVector<qint64> at = ticks(*step, from, to);
    const bool timeOfDay = step->unit == Unit::Minute || step->unit == Unit::Hour;
    p.setPen(palette().color(QPalette::WindowText));
    int lastRight = m_labelWidth - kLabelGap;
    for (qsizetype i = 0; i < at.size(); ++i) {
        const int x = xOf(at.at(i));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(at.at(i));
        const bool midnight = when.time() == QTime(0, 0);
        const bool january = step->unit == Unit::Month && when.date().month() == 1;
        QString label = timeOfDay && midnight ? locale.toString(when.date(), dayFormat())
            : january                         ? locale.toString(when, u"yyyy"_s)
                                              : locale.toString(when, formatFor(step->unit));
        // The first label says which day (of a time of day) or year (of a month), when there is
        // room before the next.
        QString context;
        if (timeOfDay && !midnight)
            context = locale.toString(when, dayFormat() + u" HH:mm"_s);
        else if (step->unit == Unit::Month && !january)
            context = locale.toString(when, u"MMM yyyy"_s);
        if (lastRight < m_labelWidth && !context.isEmpty()) {
            const int next = i + 1 < at.size() ? xOf(at.at(i + 1)) : rect.right();
            if (x + 3 + fm.horizontalAdvance(context) + kLabelGap <= next)
                label = context;
        }
        const QRect box(x + 3, rect.top(), fm.horizontalAdvance(label) + 1, rect.height() - 4);
        if (box.left() < lastRight + kLabelGap || box.right() > rect.right())
            continue; // never over another label, never cut at the edge
        p.drawLine(x, rect.bottom() - 4, x, rect.bottom());
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, label);
        m_axisLabelRects.append(box);
        m_axisLabels.append(label);
        lastRight = box.right();
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
    const qint64 fromMs = msAt(m_labelWidth);
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
        p.setClipRect(QRect(m_labelWidth, kAxisHeight, all.width() - m_labelWidth, all.height() - kAxisHeight));
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
        p.fillRect(QRect(0, y, m_labelWidth - 4, kLaneHeight), lane % 2 ? alternate : palette().color(QPalette::Base));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(6, y, m_labelWidth - 12, kLaneHeight), Qt::AlignVCenter | Qt::AlignLeft,
            fm.elidedText(lanes.at(lane).label, Qt::ElideRight, m_labelWidth - 12));
    }
    p.restore();
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(m_labelWidth - 3, kAxisHeight, m_labelWidth - 3, all.bottom());
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
            m_fitted = false;
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
