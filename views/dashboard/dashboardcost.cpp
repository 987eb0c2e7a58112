// DashboardView: the cost card. With the insight index on (the default) it reads the index's
// per-session totals, which are kept up to date in the background: instant and live. With the
// index off, adding up every agent session reads every log chunk (a gigabyte on a large file),
// so it runs on request, in a worker, and says when it was done.

#include "browse/detailloader.h"
#include "dashboard/dashboardloader.h"
#include "dashboardcard.h"
#include "dashboardview.h"
#include "insight/insightindex.h"
#include "insight/insightreader.h"
#include "transcript/logloader.h"

#include <algorithm>

#include <QGridLayout>
#include <QLocale>
#include <QTime>

namespace cwi {

namespace {
const QString kComputeCost = QStringLiteral("cost:compute");

QString money(double usd)
{
    return u'$' + QString::number(usd, 'f', 2);
}
} // namespace

void DashboardView::setInsightIndex(InsightIndex *index)
{
    m_insight = index;
    connect(index, &InsightIndex::updated, this, &DashboardView::loadIndexedCosts);
    loadIndexedCosts();
}

bool DashboardView::costsFromIndex() const
{
    return m_insight && m_insight->isEnabled();
}

void DashboardView::loadIndexedCosts()
{
    m_jobs.cancel(kIndexedCostChannel); // the index moved on: a read still running is stale
    if (!costsFromIndex() || !m_insight->hasFacts()) {
        m_costs.clear();
        m_costsAt = QTime();
        updateCostCard();
        return;
    }
    m_jobs.run(
        kIndexedCostChannel, [reader = m_insight->reader()] { return reader.initiativeTotals(); },
        [this](const QVector<InitiativeTotals> &totals) {
            m_costs.clear();
            for (const InitiativeTotals &t : totals)
                m_costs.append({ t.initiativeId, t.initiativeName, logTotalsFromIndex(t) });
            m_costsAt = QTime::currentTime();
            updateCostCard();
        });
}

bool DashboardView::activateCostLink(const QString &href)
{
    if (href != kComputeCost)
        return false;
    const auto db = m_ctx->database();
    if (!db || m_costLoading)
        return true;
    m_costLoading = true;
    updateCostCard();
    m_jobs.add(
        kCostChannel, [db] { return addUpInitiativeCosts(db); },
        [this](const QVector<InitiativeCost> &costs) {
            m_costs = costs;
            m_costsAt = QTime::currentTime();
            m_costLoading = false;
            updateCostCard();
        });
    return true;
}

QWidget *DashboardView::costCard()
{
    m_costLinksFrom = m_links.size();
    m_costHtml = costHtml();
    DashboardCard *c = card(tr("Agent cost by initiative"));
    c->addText(m_costHtml);
    m_costCard = c;
    return c;
}

void DashboardView::updateCostCard()
{
    // Only the cost card changes (the index moved on, or the sum asked for came in): the rest of
    // the page is not built and laid out again, its links, scroll position and hovered link stay.
    // The cost card is the last card with links, so its links are the tail of m_links.
    if (!m_costCard)
        return; // the page shows no cost card (loading, an error): the next rebuild builds it
    m_links.resize(m_costLinksFrom);
    const QString html = costHtml();
    if (html == m_costHtml)
        return;
    m_costHtml = html;
    DashboardCard *fresh = card(tr("Agent cost by initiative"));
    fresh->addText(html);
    for (auto &[widget, span] : m_cards) {
        if (widget == m_costCard)
            widget = fresh;
    }
    QWidget *old = m_costCard;
    m_costCard = fresh;
    delete m_grid->replaceWidget(old, fresh);
    // Not deleted at once: a click on its "Add up now" link is what got us here.
    old->hide();
    old->setParent(nullptr);
    old->deleteLater();
}

QString DashboardView::costHtml()
{
    if (costsFromIndex() && !m_costsAt.isValid())
        return tr("<i>Indexing every agent log… the totals appear here when it is done (progress in the status "
                  "bar).</i>");
    if (m_costLoading)
        return tr("<i>Adding up every agent session…</i>");
    if (!m_costsAt.isValid())
        return tr("Cost, tokens and turns of every agent session, per initiative (reads every log; "
                  "may take a while on a large file).<br><a href=\"%1\">Add up now</a>")
            .arg(kComputeCost);
    const QLocale locale;
    QString html;
    double total = 0;
    for (const InitiativeCost &cost : std::as_const(m_costs))
        total += cost.totals.costUsd;
    QVector<InitiativeCost> costliest = m_costs;
    std::stable_sort(costliest.begin(), costliest.end(),
        [](const InitiativeCost &a, const InitiativeCost &b) { return a.totals.costUsd > b.totals.costUsd; });
    for (const InitiativeCost &cost : costliest.mid(0, kListed)) {
        const LogTotals &t = cost.totals;
        html += QStringLiteral(
            "<b>%1</b> %2<br><span style=\"color:#656d76;\">%3 sessions · %4 turns · %5 tokens%6</span><br>")
                    .arg(money(t.costUsd), rowLink(QStringLiteral("initiatives"), cost.id, cost.name),
                        QString::number(t.sessions), QString::number(t.turns), locale.toString(t.usage.total()),
                        t.failedSessions ? tr(" · %1 failed").arg(t.failedSessions) : QString());
    }
    if (m_costs.isEmpty())
        html = tr("No agent of an initiative has a log.<br>");
    else if (m_costs.size() > kListed)
        html += QStringLiteral("<span style=\"color:#656d76;\">%1</span><br>")
                    .arg(tr("and %1 more initiatives (the Activity page, Ctrl+6, charts them all)")
                             .arg(m_costs.size() - kListed));
    if (costsFromIndex())
        html += tr("<span style=\"color:#656d76;\">total %1 · from the log index, kept up to date</span>")
                    .arg(money(total));
    else
        html += tr("<span style=\"color:#656d76;\">total %1 · as of %2 · </span><a href=\"%3\">update</a>")
                    .arg(money(total), m_costsAt.toString(QStringLiteral("HH:mm")), kComputeCost);
    return html;
}

} // namespace cwi
