#pragma once

// The timeline itself: a lane per agent (or task) and a bar per session from its start to its
// end, coloured by outcome (sessionOutcomeColor); an agent's resumes are joined by a line.
// Painted with QPainter, and only the lanes and sessions in view, so 10,000 sessions on 2,000
// lanes paint as fast as 10. Zoom: Ctrl+wheel, +/-; pan: drag, wheel, arrow keys; Home fits.
// The time axis steps by calendar units (minutes to years) chosen from the width its labels need
// in the font, so labels never overlap.

#include "insight/timelinelayout.h"

#include <QAbstractScrollArea>

namespace cwi {

class TimelineCanvas : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TimelineCanvas(QWidget *parent = nullptr);

    void setLayoutData(TimelineLayout layout);
    const TimelineLayout &layoutData() const { return m_layout; }

    void fit(); // the whole span in view
    void zoom(double factor, int anchorX); // >1 zooms in, keeping the time under ANCHORX
    void pan(int pixels);
    qint64 viewStartMs() const { return m_startMs; }
    double msPerPixel() const { return m_msPerPixel; }
    int laneHeight() const { return kLaneHeight; }
    int labelWidth() const { return m_labelWidth; }
    // Where the bar of session I is drawn (viewport coordinates), for tests.
    QRect barRect(int sessionIndex) const;
    int sessionAt(const QPoint &viewportPos) const;
    QString toolTipFor(int sessionIndex) const;
    int paintedBars() const { return m_paintedBars; } // in the last paint
    // The time axis's labels in the last paint (viewport coordinates) and their texts, for tests.
    const QVector<QRect> &axisLabelRects() const { return m_axisLabelRects; }
    const QStringList &axisLabels() const { return m_axisLabels; }

Q_SIGNALS:
    void sessionActivated(const QString &agentId, qint64 sessionNumber);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    static constexpr int kLaneHeight = 20;
    // The lane names' column: a quarter of a narrow canvas (at 1024 px beside both side panes).
    static constexpr int kMinLabelWidth = 100;
    static constexpr int kMaxLabelWidth = 170;
    static constexpr int kAxisHeight = 22;

    void updateScrollBars();
    int xOf(qint64 ms) const;
    qint64 msAt(int x) const;
    int laneAt(int y) const;
    void paintAxis(QPainter &p, const QRect &rect);

    TimelineLayout m_layout;
    qint64 m_startMs = 0;
    double m_msPerPixel = 1000;
    QPoint m_dragFrom;
    qint64 m_dragStartMs = 0;
    bool m_dragged = false;
    int m_paintedBars = 0;
    int m_labelWidth = kMaxLabelWidth;
    bool m_fitted = true; // the whole span in view: a resize fits again, until a zoom or a pan
    QVector<QRect> m_axisLabelRects;
    QStringList m_axisLabels;
};

} // namespace cwi
