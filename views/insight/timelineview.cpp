#include "timelineview.h"
#include "viewnames.h"

#include "elidedlabel.h"
#include "insight/insightindex.h"
#include "insight/outcomecolor.h"
#include "reloadwhenshown.h"
#include "statuscolors.h"
#include "timelinecanvas.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

TimelineView::TimelineView(AppContext *context, InsightIndex *index, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_index(index)
    , m_initiative(new QComboBox(this))
    , m_laneBy(new QComboBox(this))
    , m_summary(new ElidedLabel(this))
    , m_canvas(new TimelineCanvas(this))
{
    setObjectName(QStringLiteral("timelineView"));
    connect(&m_jobs, &JobTracker::busyChanged, this, &TimelineView::busyChanged);
    m_initiative->addItem(tr("Every initiative"), QString());
    m_initiative->setToolTip(tr("Sessions of the agents of this initiative"));
    m_initiative->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_initiative->setMinimumContentsLength(12); // a longer name shows whole in the list
    m_laneBy->addItem(tr("A lane per agent"), int(TimelineLayout::ByAgent));
    m_laneBy->addItem(tr("A lane per task"), int(TimelineLayout::ByTask));
    m_laneBy->setToolTip(tr("What one row of the timeline is"));
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show the whole span (Home)"));
    auto *zoomIn = new QToolButton(this);
    zoomIn->setText(u"+"_s);
    zoomIn->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    auto *zoomOut = new QToolButton(this);
    zoomOut->setText(u"−"_s);
    zoomOut->setToolTip(tr("Zoom out (-, Ctrl+wheel)"));
    QString legend;
    for (const QString &outcome : { u"success"_s, u"failed"_s, u"running"_s, u"no result"_s }) {
        legend += u"<span style='color:%1'>■</span> %2 &nbsp; "_s.arg(sessionOutcomeColor(outcome).name(), outcome);
    }
    auto *legendLabel = new QLabel(legend, this);
    legendLabel->setTextFormat(Qt::RichText);

    // Two rows, so the page fits beside both side panes at 1024 px: what is shown and the zoom;
    // then what it shows (the summary gives way, elided) and what the colours mean.
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_initiative, 1);
    bar->addWidget(m_laneBy);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(fit);
    bar->addStretch();
    auto *info = new QHBoxLayout;
    info->addWidget(m_summary, 1);
    info->addWidget(legendLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(info);
    layout->addWidget(m_canvas, 1);

    const auto center
        = [this] { return m_canvas->labelWidth() + (m_canvas->viewport()->width() - m_canvas->labelWidth()) / 2; };
    connect(fit, &QToolButton::clicked, m_canvas, &TimelineCanvas::fit);
    connect(zoomIn, &QToolButton::clicked, this, [this, center] { m_canvas->zoom(1.5, center()); });
    connect(zoomOut, &QToolButton::clicked, this, [this, center] { m_canvas->zoom(1 / 1.5, center()); });
    connect(m_initiative, &QComboBox::activated, this, &TimelineView::reload);
    connect(m_laneBy, &QComboBox::activated, this, &TimelineView::reload);
    connect(m_canvas, &TimelineCanvas::sessionActivated, this, [this](const QString &agentId, qint64 session) {
        m_context->navigate({ u"agent_log"_s, u"%1/%2"_s.arg(agentId).arg(session) });
    });
    auto *refresh = new ReloadWhenShown(this, [this] {
        refreshInitiatives();
        reload();
    });
    connect(m_index, &InsightIndex::updated, refresh, &ReloadWhenShown::request);
    refresh->request();
}

void TimelineView::refreshInitiatives()
{
    const InsightReader reader = m_index->reader();
    m_jobs.run(
        kInitiativesChannel, [reader] { return reader.initiatives(); },
        [this](const QVector<QPair<QString, QString>> &initiatives) {
            const QString current = m_initiative->currentData().toString();
            m_initiative->clear();
            m_initiative->addItem(tr("Every initiative"), QString());
            for (const auto &[id, name] : initiatives)
                m_initiative->addItem(name, id);
            m_initiative->setCurrentIndex(qMax(0, m_initiative->findData(current)));
        });
}

void TimelineView::reload()
{
    const InsightReader reader = m_index->reader();
    ActivityFilter filter;
    filter.initiativeId = m_initiative->currentData().toString();
    const auto by = TimelineLayout::LaneBy(m_laneBy->currentData().toInt());
    m_jobs.run(
        kLayoutChannel,
        [reader, filter, by] {
            TimelineLayout layout;
            layout.setSessions(reader.sessions(filter), by);
            return layout;
        },
        [this](const TimelineLayout &layout) {
            m_summary->setFullText(layout.sessions().isEmpty()
                    ? (m_index->hasFacts() ? tr("No sessions.") : m_index->notReadyText())
                    : tr("%1 sessions on %2 lanes. Hover a bar for its cost and turns; click it to open the session.")
                          .arg(layout.sessions().size())
                          .arg(layout.lanes().size()));
            m_canvas->setLayoutData(layout);
        });
}

Pane::Info TimelineView::paneInfo() const
{
    return { QStringLiteral("timelinePage"), tr("Timeline"), QKeySequence(Qt::CTRL | Qt::Key_7), Place::Page,
        tr("Every session on a time axis, a lane per agent (Ctrl+7)"), tr("T&imeline"), viewName(ViewName::Timeline) };
}

} // namespace cwi
