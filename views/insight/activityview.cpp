#include "activityview.h"
#include "viewnames.h"

#include "chartpanel.h"
#include "elidedlabel.h"
#include "insight/insightindex.h"
#include "insight/outcomecolor.h"
#include "reloadwhenshown.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"
#include "transcript/eventpresentation.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMap>
#include <QScatterSeries>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTimeZone>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

constexpr qint64 kDayMs = 86400000;
constexpr int kMaxSeries = 8; // more stack in "other"
constexpr int kMaxTools = 12;
constexpr int kMaxSessionRows = 2000;

enum SessionRoles
{
    AgentRole = Qt::UserRole + 1,
    NumberRole,
};

QString dayLabel(qint64 dayMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(dayMs, QTimeZone::utc()).date(), u"d MMM"_s);
}

// A palette for series that carry no status meaning (initiatives, models).
QColor seriesColor(int i)
{
    static const QColor colors[] = { QColor(0x3a, 0x7b, 0xd5), QColor(0xc2, 0x6d, 0x2e), QColor(0x2b, 0x9a, 0x8f),
        QColor(0x8e, 0x5c, 0xc8), QColor(0x5a, 0x8f, 0x29), QColor(0xb0, 0x4a, 0x8c), QColor(0xc0, 0x8b, 0x1c),
        QColor(0x6b, 0x6f, 0xd6), QColor(0x90, 0x90, 0x90) };
    return colors[i % std::size(colors)];
}

// A value axis from 0 to a little above MAX with round ticks (never an empty or NaN range), about
// TICKS of them.
QValueAxis *valueAxis(const QString &format, double max, int ticks = 5)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(format);
    axis->setTickCount(ticks); // what applyNiceNumbers() starts from
    axis->setRange(0, max > 0 ? max * 1.05 : 1);
    axis->applyNiceNumbers();
    return axis;
}

// Qt Charts lays out every legend and axis label as rich text (a QTextDocument whose own
// loader opens local files): names from the file go in escaped, or an <img src> in a tool or
// initiative name would be opened (a FIFO blocks the UI thread).
QString chartLabel(const QString &text)
{
    return render::escaped(text);
}

// The tools, each named beside its bar.
QBarCategoryAxis *toolAxis(const QStringList &tools)
{
    auto *axis = new QBarCategoryAxis;
    for (const QString &tool : tools)
        axis->append(chartLabel(tool));
    axis->setTruncateLabels(false); // a narrow chart gives its left axis a few pixels: "…" for every name
    return axis;
}

} // namespace

struct ActivityView::Data
{
    QVector<DayValue> cost;
    QVector<DayValue> cache;
    QVector<DayValue> tools;
    QVector<DayValue> outcomes;
    QVector<SessionRow> sessions;
};

ActivityView::ActivityView(AppContext *context, InsightIndex *index, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_index(index)
    , m_stackBy(new QComboBox(this))
    , m_measure(new QComboBox(this))
    , m_filterLabel(new ElidedLabel(this))
    , m_clearFilter(new QToolButton(this))
    , m_cost(new ChartPanel(tr("Cost per day"), this))
    , m_cache(new ChartPanel(tr("Cache hit rate per day"), this))
    , m_tools(new ChartPanel(tr("Tool calls and failures"), this))
    , m_outcomes(new ChartPanel(tr("Sessions by outcome per day"), this))
    , m_sessions(new QTreeWidget(this))
    , m_sessionsTitle(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("activityView"));
    connect(&m_jobs, &JobTracker::busyChanged, this, &ActivityView::busyChanged);
    m_stackBy->addItem(tr("Stacked by initiative"), int(DaySeries::Initiative));
    m_stackBy->addItem(tr("Stacked by model"), int(DaySeries::Model));
    m_stackBy->setToolTip(tr("What the cost and token bars are split by"));
    m_measure->addItem(tr("Cost"));
    m_measure->addItem(tr("Tokens"));
    m_measure->setToolTip(tr("Cost (USD) or tokens (input, output, cache write and read) per day"));
    m_clearFilter->setText(tr("Clear filter"));
    m_clearFilter->setToolTip(tr("Show everything again"));

    m_sessions->setHeaderLabels({ tr("Start"), tr("Agent"), tr("Session"), tr("Initiative"), tr("Model"), tr("Minutes"),
        tr("Cost"), tr("Tokens"), tr("Turns"), tr("Tool calls"), tr("Outcome") });
    m_sessions->setRootIsDecorated(false);
    m_sessions->setUniformRowHeights(true);
    m_sessions->setAlternatingRowColors(true);
    m_sessions->setSortingEnabled(true);
    m_sessions->setToolTip(tr("Enter or double click: open the session"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_stackBy);
    bar->addWidget(m_measure);
    bar->addWidget(m_filterLabel, 1);
    bar->addWidget(m_clearFilter);
    auto *charts = new QWidget(this);
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_cost, 0, 0);
    grid->addWidget(m_cache, 0, 1);
    grid->addWidget(m_tools, 1, 0);
    grid->addWidget(m_outcomes, 1, 1);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_sessionsTitle);
    lowerLayout->addWidget(m_sessions, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(charts);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    m_cache->setLegendWanted(false); // one line
    connect(m_stackBy, &QComboBox::activated, this, &ActivityView::reload);
    connect(m_measure, &QComboBox::activated, this, &ActivityView::reload);
    connect(m_clearFilter, &QToolButton::clicked, this, [this] { setFilter({}); });
    connect(m_sessions, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        m_context->navigate({ u"agent_log"_s,
            u"%1/%2"_s.arg(item->data(0, AgentRole).toString()).arg(item->data(0, NumberRole).toLongLong()) });
    });
    auto *refresh = new ReloadWhenShown(this, [this] { reload(); });
    connect(m_index, &InsightIndex::updated, refresh, &ReloadWhenShown::request);
    updateFilterLabel();
    refresh->request();
}

void ActivityView::setFilter(const ActivityFilter &filter)
{
    m_filter = filter;
    updateFilterLabel();
    reload();
}

void ActivityView::updateFilterLabel()
{
    QStringList parts;
    if (m_filter.fromMs > 0)
        parts << dayLabel(m_filter.fromMs);
    if (!m_filter.initiativeId.isEmpty())
        parts << tr("initiative %1").arg(m_filter.initiativeId);
    if (!m_filter.model.isEmpty())
        parts << m_filter.model;
    if (!m_filter.tool.isEmpty())
        parts << tr("sessions that called %1").arg(m_filter.tool);
    if (!m_filter.outcome.isEmpty())
        parts << m_filter.outcome;
    m_filterLabel->setFullText(parts.isEmpty() ? tr("Everything") : tr("Filter: %1").arg(parts.join(u" · "_s)));
    m_clearFilter->setEnabled(!parts.isEmpty());
}

void ActivityView::reload()
{
    const InsightReader reader = m_index->reader();
    const ActivityFilter filter = m_filter;
    const auto series = DaySeries(m_stackBy->currentData().toInt());
    m_jobs.run(
        [reader, filter, series] {
            Data d;
            d.cost = reader.costPerDay(series, filter);
            d.cache = reader.cacheHitPerDay(filter);
            d.tools = reader.toolUsage(filter);
            d.outcomes = reader.outcomesPerDay(filter);
            d.sessions = reader.sessions(filter);
            return d;
        },
        [this](const Data &d) { show(d); });
}

void ActivityView::show(const Data &d)
{
    const bool tokens = m_measure->currentIndex() == 1;

    // Cost (or tokens) per day, stacked; the biggest series first, the rest as "other".
    {
        QMap<qint64, int> dayIndex;
        QMap<QString, double> seriesTotal;
        QHash<QString, QString> seriesId;
        for (const DayValue &v : d.cost) {
            dayIndex.insert(v.dayMs, 0);
            seriesTotal[v.series] += tokens ? v.second : v.value;
            seriesId.insert(v.series, v.seriesId);
        }
        QStringList names = seriesTotal.keys();
        std::sort(names.begin(), names.end(),
            [&](const QString &a, const QString &b) { return seriesTotal[a] > seriesTotal[b]; });
        const QString other = tr("other");
        if (names.size() > kMaxSeries)
            names = names.mid(0, kMaxSeries - 1) << other;
        QStringList days;
        int i = 0;
        for (auto it = dayIndex.begin(); it != dayIndex.end(); ++it, ++i) {
            it.value() = i;
            days << dayLabel(it.key());
        }
        QHash<QString, QBarSet *> sets;
        QHash<const QBarSet *, QString> nameOf; // the label is escaped for the chart
        auto *barSeries = new QStackedBarSeries;
        for (int s = 0; s < names.size(); ++s) {
            auto *set = new QBarSet(chartLabel(names.at(s)));
            nameOf.insert(set, names.at(s));
            set->setColor(seriesColor(s));
            set->setBorderColor(seriesColor(s));
            for (int k = 0; k < days.size(); ++k)
                set->append(0);
            sets.insert(names.at(s), set);
            barSeries->append(set);
        }
        for (const DayValue &v : d.cost) {
            QBarSet *set = sets.value(v.series, sets.value(other));
            if (set)
                set->replace(dayIndex.value(v.dayMs), set->at(dayIndex.value(v.dayMs)) + (tokens ? v.second : v.value));
        }
        double top = 0;
        for (int k = 0; k < days.size(); ++k) {
            double sum = 0;
            for (QBarSet *set : std::as_const(sets))
                sum += set->at(k);
            top = std::max(top, sum);
        }
        auto *chart = new QChart;
        chart->addSeries(barSeries);
        barSeries->attachAxis(m_cost->addCategoryAxis(chart, days));
        // Whole dollars from $10 on: "$400.00" took the width a narrow chart needs for its days.
        QValueAxis *y = valueAxis(tokens ? u"%.3g"_s : top >= 10 ? u"$%.0f"_s : u"$%.2f"_s, top);
        chart->addAxis(y, Qt::AlignLeft);
        barSeries->attachAxis(y);
        m_cost->setChart(chart);
        m_cost->chart()->setTitle(tokens ? tr("Tokens per day") : tr("Cost per day"));
        const QList<qint64> dayKeys = dayIndex.keys();
        connect(barSeries, &QStackedBarSeries::hovered, this,
            [this, dayKeys, tokens, nameOf](bool on, int index, QBarSet *set) {
                if (!on || index < 0 || index >= dayKeys.size())
                    return;
                const double value = set->at(index);
                m_cost->setReadout(u"%1 · %2: %3"_s.arg(dayLabel(dayKeys.at(index)), nameOf.value(set),
                    tokens ? formatTokens(qint64(value)) + tr(" tokens") : formatCost(value)));
            });
        const bool byInitiative = m_stackBy->currentData().toInt() == int(DaySeries::Initiative);
        connect(barSeries, &QStackedBarSeries::clicked, this,
            [this, dayKeys, seriesId, byInitiative, other, nameOf](int index, QBarSet *set) {
                if (index < 0 || index >= dayKeys.size())
                    return;
                ActivityFilter f = m_filter;
                f.fromMs = dayKeys.at(index);
                f.toMs = dayKeys.at(index) + kDayMs;
                const QString name = nameOf.value(set);
                if (name != other) {
                    if (byInitiative)
                        f.initiativeId = seriesId.value(name);
                    else
                        f.model = seriesId.value(name);
                }
                setFilter(f);
            });
    }

    // Cache hit rate per day: a line with points to hover and click.
    {
        auto *line = new QLineSeries;
        auto *points = new QScatterSeries;
        points->setMarkerSize(7);
        line->setName(tr("cache reads / input"));
        points->setName(tr("day"));
        QList<qint64> dayKeys;
        QStringList days;
        for (const DayValue &v : d.cache) {
            line->append(double(dayKeys.size()), v.value * 100);
            points->append(double(dayKeys.size()), v.value * 100);
            dayKeys.append(v.dayMs);
            days.append(dayLabel(v.dayMs));
        }
        auto *chart = new QChart;
        chart->addSeries(line);
        chart->addSeries(points);
        QValueAxis *x = m_cache->addCategoryAxis(chart, days);
        auto *y = new QValueAxis;
        y->setRange(0, 100);
        y->setLabelFormat(u"%d%%"_s);
        chart->addAxis(y, Qt::AlignLeft);
        for (auto *s : { static_cast<QXYSeries *>(line), static_cast<QXYSeries *>(points) }) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        m_cache->setChart(chart);
        const QVector<DayValue> cache = d.cache;
        connect(points, &QScatterSeries::hovered, this, [this, cache](const QPointF &p, bool on) {
            const int i = qRound(p.x());
            if (on && i >= 0 && i < cache.size())
                m_cache->setReadout(tr("%1: %2% of input tokens read from cache (%3 tokens)")
                                        .arg(dayLabel(cache.at(i).dayMs))
                                        .arg(cache.at(i).value * 100, 0, 'f', 1)
                                        .arg(formatTokens(qint64(cache.at(i).second))));
        });
        connect(points, &QScatterSeries::clicked, this, [this, dayKeys](const QPointF &p) {
            const int i = qRound(p.x());
            if (i < 0 || i >= dayKeys.size())
                return;
            ActivityFilter f = m_filter;
            f.fromMs = dayKeys.at(i);
            f.toMs = dayKeys.at(i) + kDayMs;
            setFilter(f);
        });
    }

    // Tool calls and failures per tool.
    {
        auto *calls = new QBarSet(tr("calls"));
        auto *failed = new QBarSet(tr("failed"));
        calls->setColor(sessionOutcomeColor(u"running"_s));
        failed->setColor(sessionOutcomeColor(u"failed"_s));
        // A bar per tool across, the most called on top: the names stay level and whole under
        // each other (upright under narrow bars, Qt Charts cut them to "⋮").
        QStringList tools;
        QVector<DayValue> shown = d.tools.mid(0, kMaxTools);
        std::reverse(shown.begin(), shown.end()); // the first category is drawn at the bottom
        double top = 0;
        for (const DayValue &v : std::as_const(shown))
            top = std::max(top, v.value);
        // Counts in the hundred thousands ("500000") are cut to "50…" under a narrow chart: the
        // axis counts in thousands or millions then ("500k"); the readout keeps the exact count.
        const auto [scale, unit] = top >= 1e7 ? std::pair(1e6, u"M"_s)
            : top >= 1e4                      ? std::pair(1e3, u"k"_s)
                                              : std::pair(1.0, QString());
        for (const DayValue &v : std::as_const(shown)) {
            tools << v.series;
            calls->append((v.value - v.second) / scale);
            failed->append(v.second / scale);
        }
        auto *series = new QHorizontalStackedBarSeries;
        series->append(calls);
        series->append(failed);
        auto *chart = new QChart;
        chart->addSeries(series);
        QBarCategoryAxis *names = toolAxis(tools);
        chart->addAxis(names, Qt::AlignLeft);
        series->attachAxis(names);
        // Three ticks across: "0k 50k 100k 150k 200k" met under a narrow chart.
        QValueAxis *x = valueAxis(unit.isEmpty() ? u"%d"_s : u"%g"_s + unit, top / scale, 3);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        m_tools->setChart(chart);
        connect(series, &QHorizontalStackedBarSeries::hovered, this, [this, shown](bool on, int index, QBarSet *) {
            if (!on || index < 0 || index >= shown.size())
                return;
            const DayValue &v = shown.at(index);
            m_tools->setReadout(tr("%1: %2 calls, %3 failed (%4%)")
                                    .arg(v.series)
                                    .arg(qint64(v.value))
                                    .arg(qint64(v.second))
                                    .arg(v.value > 0 ? 100 * v.second / v.value : 0, 0, 'f', 1));
        });
        connect(series, &QHorizontalStackedBarSeries::clicked, this, [this, shown](int index, QBarSet *) {
            if (index < 0 || index >= shown.size())
                return;
            ActivityFilter f = m_filter;
            f.tool = shown.at(index).series;
            setFilter(f);
        });
    }

    // Sessions by outcome per day, in the outcome colours.
    {
        QMap<qint64, int> dayIndex;
        for (const DayValue &v : d.outcomes)
            dayIndex.insert(v.dayMs, 0);
        QStringList days;
        int i = 0;
        for (auto it = dayIndex.begin(); it != dayIndex.end(); ++it, ++i) {
            it.value() = i;
            days << dayLabel(it.key());
        }
        auto *series = new QStackedBarSeries;
        QHash<QString, QBarSet *> sets;
        for (const QString &outcome : { u"success"_s, u"failed"_s, u"no result"_s, u"running"_s }) {
            auto *set = new QBarSet(outcome);
            set->setColor(sessionOutcomeColor(outcome));
            set->setBorderColor(sessionOutcomeColor(outcome));
            for (int k = 0; k < days.size(); ++k)
                set->append(0);
            sets.insert(outcome, set);
            series->append(set);
        }
        for (const DayValue &v : d.outcomes) {
            if (QBarSet *set = sets.value(v.series))
                set->replace(dayIndex.value(v.dayMs), v.value);
        }
        auto *chart = new QChart;
        chart->addSeries(series);
        double top = 0;
        for (int k = 0; k < days.size(); ++k) {
            double sum = 0;
            for (QBarSet *set : std::as_const(sets))
                sum += set->at(k);
            top = std::max(top, sum);
        }
        series->attachAxis(m_outcomes->addCategoryAxis(chart, days));
        QValueAxis *y = valueAxis(u"%d"_s, std::max(top, 4.0));
        y->setTickCount(5);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        m_outcomes->setChart(chart);
        const QList<qint64> dayKeys = dayIndex.keys();
        connect(series, &QStackedBarSeries::hovered, this, [this, dayKeys](bool on, int index, QBarSet *set) {
            if (on && index >= 0 && index < dayKeys.size())
                m_outcomes->setReadout(
                    tr("%1: %2 sessions %3").arg(dayLabel(dayKeys.at(index))).arg(set->at(index)).arg(set->label()));
        });
        connect(series, &QStackedBarSeries::clicked, this, [this, dayKeys](int index, QBarSet *set) {
            if (index < 0 || index >= dayKeys.size())
                return;
            ActivityFilter f = m_filter;
            f.fromMs = dayKeys.at(index);
            f.toMs = dayKeys.at(index) + kDayMs;
            f.outcome = set->label();
            setFilter(f);
        });
    }

    // The sessions the filter leaves, newest first.
    m_sessions->setSortingEnabled(false);
    m_sessions->clear();
    QList<QTreeWidgetItem *> items;
    double cost = 0;
    for (qsizetype i = d.sessions.size() - 1; i >= 0; --i) {
        const SessionRow &s = d.sessions.at(i);
        cost += s.costUsd;
        if (items.size() >= kMaxSessionRows)
            continue;
        auto *item = new QTreeWidgetItem;
        item->setData(0, Qt::DisplayRole, QDateTime::fromMSecsSinceEpoch(s.startMs)); // sorts as a time
        item->setText(1, s.agentName);
        item->setData(2, Qt::DisplayRole, s.sessionNumber);
        item->setText(3, s.initiativeName);
        item->setText(4, s.model);
        item->setData(5, Qt::DisplayRole, qRound(double(s.endMs - s.startMs) / 6000.0) / 10.0);
        item->setText(6, formatCost(s.costUsd));
        item->setText(7, formatTokens(s.tokens.total()));
        item->setData(8, Qt::DisplayRole, s.turns);
        item->setText(9, u"%1 (%2 failed)"_s.arg(s.toolCalls).arg(s.toolErrors));
        item->setText(10, s.outcome);
        item->setForeground(10, sessionOutcomeColor(s.outcome));
        item->setData(0, AgentRole, s.agentId);
        item->setData(0, NumberRole, s.sessionNumber);
        items.append(item);
    }
    m_sessions->addTopLevelItems(items);
    m_sessions->setSortingEnabled(true);
    m_sessions->sortByColumn(0, Qt::DescendingOrder);
    for (int c = 0; c < m_sessions->columnCount() - 1; ++c)
        m_sessions->resizeColumnToContents(c);
    if (d.sessions.isEmpty() && !m_index->hasFacts()) {
        m_sessionsTitle->setFullText(m_index->notReadyText()); // not "0 sessions, $0.000"
        return;
    }
    m_sessionsTitle->setFullText(d.sessions.size() > kMaxSessionRows
            ? tr("%1 sessions, %2 (the newest %3 listed)")
                  .arg(d.sessions.size())
                  .arg(formatCost(cost))
                  .arg(kMaxSessionRows)
            : tr("%1 sessions, %2").arg(d.sessions.size()).arg(formatCost(cost)));
}

Pane::Info ActivityView::paneInfo() const
{
    return { QStringLiteral("activityPage"), tr("Activity"), QKeySequence(Qt::CTRL | Qt::Key_6), Place::Page,
        tr("Cost, tokens, cache hits, tools and outcomes per day (Ctrl+6)"), tr("&Activity"),
        viewName(ViewName::Activity) };
}

} // namespace cwi
