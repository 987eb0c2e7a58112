#pragma once

// One chart of the Activity page: a QChartView with the small amount of glue every chart
// needs (title, theme that follows the palette, a hover readout, a click signal).

#include <QWidget>

class QChart;
class QChartView;

namespace cwi {

class ElidedLabel;

class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(const QString &title, QWidget *parent = nullptr);

    QChart *chart() const;
    QChartView *chartView() const { return m_view; }
    // Replaces the chart (the old one is deleted).
    void setChart(QChart *chart);
    void setReadout(const QString &text); // the hover line under the chart
    QString readout() const;

private:
    QString m_title;
    QChartView *m_view;
    ElidedLabel *m_readout;
};

} // namespace cwi
