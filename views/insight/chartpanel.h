#pragma once

// One chart of the Activity page: a QChartView with the small amount of glue every chart
// needs (title, theme that follows the palette, a hover readout, a click signal, a day axis
// whose labels fit the width).

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QCategoryAxis;
class QChart;
class QChartView;
class QLabel;

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
    // A legend (beside the chart, or under a narrow one), or none (a chart of one line).
    void setLegendWanted(bool wanted);
    void setReadout(const QString &text); // the hover line under the chart
    QString readout() const;

    // A bottom axis for CHART (to be shown here) over CATEGORIES, one bar or point each at 0 … n-1
    // (days): labels stay horizontal and only every k-th is shown, k chosen again whenever the
    // plot's width changes from the labels' width in the axis font, so they never collide or turn
    // into "…" in a narrow window. The caller attaches its series to it.
    QCategoryAxis *addCategoryAxis(QChart *chart, const QStringList &categories);
    QStringList shownCategories() const; // the labels on that axis now (tests)

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    static constexpr int kLabelPadding = 4; // Qt Charts' padding on each side of an axis label
    static constexpr int kLegendBesideChars = 60; // narrower: the legend goes under the plot
    void relabelCategories();
    void placeLegend();

    QString m_title;
    QChartView *m_view;
    ElidedLabel *m_readout;
    QLabel *m_legend; // under a narrow chart, instead of the chart's own
    bool m_legendWanted = true;
    QPointer<QCategoryAxis> m_categoryAxis; // deleted with its chart
    QPointer<QChart> m_categoryChart;
    QStringList m_categories;
    int m_categoryStride = 0;
};

} // namespace cwi
