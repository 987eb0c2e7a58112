#pragma once

// The "headquarters" page shown when a file opens: counts by status for initiatives, phases
// and tasks; agents running, waiting for input (with their questions) and crashed in the last
// day; pending conversations and messages; exhausted accounts; unresolved review comments per
// phase; errands in review or conflict. Every number is a link: it navigates to the table
// (ctx->navigate(EntityRef{table, ""})) and then emits openFilteredTable with the filter;
// names link to their row. Loads in a worker and rebuilds in place on dataChanged.

#include "appcontext.h"
#include "dashboard/dashboardloader.h"
#include "jobtracker.h"
#include "pane.h"
#include "transcript/logloader.h"

#include <QTime>
#include <QWidget>

class QGridLayout;
class QResizeEvent;
class QLabel;
class QScrollArea;

namespace cwi {

class DashboardCard;
class InsightIndex;

class DashboardView : public QWidget, public Pane
{
    Q_OBJECT
public:
    // A card lists this many rows, then "and N more" (a large file has hundreds of phases with
    // comments: one label holding them all took seconds to lay out on the UI thread).
    static constexpr int kListed = 8;
    explicit DashboardView(cwi::AppContext *ctx, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    // With the insight index on, the cost card reads from it (live, no "Add up now").
    void setInsightIndex(InsightIndex *index);

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    void reload();
    const DashboardSnapshot &snapshot() const { return m_snapshot; }
    // Follows a link of the page ("link:N"), as a click would (tests use it).
    void activateLink(const QString &href);
    // Every link currently on the page, in order, as "table|field|value" or "table#id" (tests).
    QStringList linkTargets() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    void busyChanged(bool busy);
    void loaded();
    // Show TABLE filtered on FIELD. VALUE is in the table browser's filter syntax: "=blocked"
    // (exact match), so "pending" never also matches "pending_review".
    void openFilteredTable(const QString &table, const QString &field, const QString &value);

private:
    struct Link
    {
        EntityRef ref;
        QString field; // empty: just navigate to ref
        QString value;
    };
    void rebuild();
    void updateSubtitle();
    static int columnsForWidth(int width);
    void placeCards();
    QString filterLink(const QString &table, const QString &field, const QString &value);
    QString rowLink(const QString &table, const QString &id, const QString &text);
    DashboardCard *card(const QString &title);
    QWidget *statusCard(const QString &title, const QString &table, const QVector<StatusCount> &counts);
    QWidget *agentsCard();
    QWidget *conversationsCard();
    QWidget *accountsCard();
    QWidget *reviewCard();
    QWidget *errandsCard();
    QWidget *costCard();
    QString costHtml(); // the cost card's text; its links are appended to m_links
    void updateCostCard();
    bool activateCostLink(const QString &href);
    void loadIndexedCosts();
    bool costsFromIndex() const;

    AppContext *m_ctx;
    QScrollArea *m_scroll;
    QLabel *m_title;
    QLabel *m_subtitle;
    DashboardSnapshot m_snapshot;
    QVector<Link> m_links;
    QString m_fingerprint; // of what the page shows now
    QGridLayout *m_grid = nullptr;
    QVector<std::pair<QWidget *, int>> m_cards; // card, columns it spans on a wide page
    int m_columns = 0;
    QString m_reading; // the file whose first read is under way: the page says so
    // Channel 0 the snapshot, kCostChannel the cost added up on request, kIndexedCostChannel the
    // cost read from the insight index.
    mutable JobTracker m_jobs;
    static constexpr int kCostChannel = 1;
    static constexpr int kIndexedCostChannel = 2;
    QVector<InitiativeCost> m_costs; // added up on request (dashboardcost.cpp)
    QTime m_costsAt;
    bool m_costLoading = false;
    InsightIndex *m_insight = nullptr;
    QWidget *m_costCard = nullptr; // on the page now, or null
    QString m_costHtml; // what it shows
    qsizetype m_costLinksFrom = 0; // its links: m_links from here on
};

} // namespace cwi
