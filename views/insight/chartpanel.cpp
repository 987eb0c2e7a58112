#include "chartpanel.h"

#include "elidedlabel.h"
#include "render/htmlwriter.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace cwi {

ChartPanel::ChartPanel(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_view(new QChartView(this))
    , m_readout(new ElidedLabel(this))
    , m_legend(new QLabel(this))
{
    m_legend->setObjectName(QStringLiteral("chartLegend"));
    m_legend->setTextFormat(Qt::RichText); // built from the legend's labels, escaped when made
    m_legend->setWordWrap(true);
    m_legend->hide();
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(170);
    m_readout->setFullText(tr("Hover for values; click to filter the list below."));
    m_readout->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_readout);
    setChart(new QChart);
}

QChart *ChartPanel::chart() const
{
    return m_view->chart();
}

void ChartPanel::setChart(QChart *chart)
{
    chart->setTitle(m_title);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    chart->setTitleBrush(palette().color(QPalette::Text));
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    placeLegend();
}

void ChartPanel::setLegendWanted(bool wanted)
{
    m_legendWanted = wanted;
    placeLegend();
}

void ChartPanel::setReadout(const QString &text)
{
    m_readout->setFullText(text);
}

QString ChartPanel::readout() const
{
    return m_readout->fullText();
}

void ChartPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeLegend();
}

void ChartPanel::placeLegend()
{
    // Beside a narrow chart the legend would leave the plot a strip, and under it Qt Charts cuts
    // its names to "ru…": a narrow chart gets a legend of its own under it instead, which wraps.
    const bool narrow = width() < fontMetrics().averageCharWidth() * kLegendBesideChars;
    QLegend *legend = chart()->legend();
    legend->setAlignment(Qt::AlignRight);
    legend->setVisible(m_legendWanted && !narrow);
    QString entries;
    if (m_legendWanted && narrow) {
        for (QLegendMarker *marker : legend->markers()) {
            // The marker's label is the series' or bar set's name, escaped when it was made.
            entries += u"<span style='color:%1'>■</span>&nbsp;%2 &nbsp; "_s.arg(
                marker->brush().color().name(), marker->label());
        }
    }
    m_legend->setText(entries);
    m_legend->setVisible(!entries.isEmpty());
}

QCategoryAxis *ChartPanel::addCategoryAxis(QChart *chart, const QStringList &categories)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(-0.5, std::max<qsizetype>(1, categories.size()) - 0.5);
    chart->addAxis(axis, Qt::AlignBottom);
    m_categoryAxis = axis;
    m_categoryChart = chart;
    m_categories = categories;
    m_categoryStride = 0;
    connect(chart, &QChart::plotAreaChanged, this, &ChartPanel::relabelCategories);
    relabelCategories();
    return axis;
}

QStringList ChartPanel::shownCategories() const
{
    return m_categoryAxis ? m_categoryAxis->categoriesLabels() : QStringList();
}

void ChartPanel::relabelCategories()
{
    if (!m_categoryAxis || !m_categoryChart || m_categories.isEmpty())
        return;
    // Before the first layout the plot has no width yet: guess it from the view's.
    const qreal plot
        = m_categoryChart->plotArea().width() > 0 ? m_categoryChart->plotArea().width() : m_view->width() * 0.6;
    // Qt Charts gives each label of a category axis the plot's width divided by the number of
    // its boundaries (the labels and the start), less some padding, and cuts a longer one to
    // "…": show as many days as get their whole width and a gap.
    const QFontMetrics fm(m_categoryAxis->labelsFont());
    int widest = 0;
    for (const QString &label : std::as_const(m_categories))
        widest = std::max(widest, fm.horizontalAdvance(label));
    const int perLabel = widest + 2 * kLabelPadding + 2; // 2: rounding
    const int fitting = std::max(1, int(plot / perLabel) - 1);
    const int stride = int((m_categories.size() + fitting - 1) / fitting);
    if (stride == m_categoryStride)
        return;
    m_categoryStride = stride;
    for (const QString &label : m_categoryAxis->categoriesLabels())
        m_categoryAxis->remove(label);
    // Chart labels are rich text: a name from the file goes in escaped.
    for (qsizetype i = 0; i < m_categories.size(); i += stride)
        m_categoryAxis->append(render::escaped(m_categories.at(i)), qreal(i));
    m_categoryAxis->setRange(-0.5, m_categories.size() - 0.5);
}

} // namespace cwi
