#pragma once

// The timeline itself: a lane per agent (or task) and a bar per session from its start to its
// end, coloured by outcome (sessionOutcomeColor); an agent's resumes are joined by a line.
// Painted with QPainter, and only the lanes and sessions in view, so 10,000 sessions on 2,000
// lanes paint as fast as 10. Zoom: Ctrl+wheel, +/-; pan: drag, wheel, arrow keys; Home fits.

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
    int labelWidth() const { return kLabelWidth; }
    // Where the bar of session I is drawn (viewport coordinates), for tests.
    QRect barRect(int sessionIndex) const;
    int sessionAt(const QPoint &viewportPos) const;
    QString toolTipFor(int sessionIndex) const;
    int paintedBars() const { return m_paintedBars; } // in the last paint

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
    static constexpr int kLabelWidth = 170;
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
};

} // namespace cwi
