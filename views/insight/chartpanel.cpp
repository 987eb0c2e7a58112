#include "chartpanel.h"

#include "elidedlabel.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QVBoxLayout>

namespace cwi {

ChartPanel::ChartPanel(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_view(new QChartView(this))
    , m_readout(new ElidedLabel(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(170);
    m_readout->setFullText(tr("Hover for values; click to filter the list below."));
    m_readout->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
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
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    chart->setTitleBrush(palette().color(QPalette::Text));
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

void ChartPanel::setReadout(const QString &text)
{
    m_readout->setFullText(text);
}

QString ChartPanel::readout() const
{
    return m_readout->fullText();
}

} // namespace cwi
