// The cards of DashboardView, one function each (dashboardview.cpp holds loading and layout).

#include "dashboardcard.h"
#include "dashboardview.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace cwi {

namespace {

const QString Status = QStringLiteral("status");

QString elide(const QString &text, int length = 140)
{
    const QString simple = text.simplified();
    return simple.size() <= length ? simple : simple.left(length - 1) + QStringLiteral("…");
}

QString dot(const QColor &color)
{
    return QStringLiteral("<span style=\"color:%1\">●</span>").arg(color.name());
}

QString badge(const QString &table, const QString &value)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>")
        .arg(statusColor(table, Status, value).name(), render::escaped(statusLabel(table, Status, value)));
}

QString numberLink(const QString &href, qint64 n, const QColor &color)
{
    return QStringLiteral("<a href=\"%1\" style=\"color:%2; text-decoration:none; font-weight:600\">%3</a>")
        .arg(href, n == 0 ? QStringLiteral("gray") : color.name(), QLocale().toString(n));
}

QString muted(const QString &html)
{
    return QStringLiteral("<span style=\"color:gray\">%1</span>").arg(html);
}

// "and N more", a link to where all of them are listed when HREF is given.
QString more(qsizetype hidden, const QString &href = {})
{
    const QString text = QObject::tr("and %1 more…").arg(QLocale().toString(qint64(hidden)));
    return QStringLiteral("<br>")
        + (href.isEmpty() ? muted(text) : QStringLiteral("<a href=\"%1\" style=\"color:gray\">%2</a>").arg(href, text));
}

QString when(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return QObject::tr("no end time");
    const qint64 secs = now.secsTo(t);
    const qint64 a = qAbs(secs);
    const QString amount = a < 3600 ? QObject::tr("%1 min").arg(qMax<qint64>(1, a / 60))
        : a < 86400                 ? QObject::tr("%1 h").arg(a / 3600)
                                    : QObject::tr("%1 d").arg(a / 86400);
    return secs >= 0 ? QObject::tr("in %1").arg(amount) : QObject::tr("%1 ago").arg(amount);
}

const QColor Ink(0x2b, 0x30, 0x3a);

} // namespace

QWidget *DashboardView::statusCard(const QString &title, const QString &table, const QVector<StatusCount> &counts)
{
    DashboardCard *c = card(title);
    qint64 total = 0;
    for (const StatusCount &s : counts)
        total += s.count;
    auto *top = new QHBoxLayout;
    top->addWidget(c->metricWidget(QLocale().toString(total), tr("in total"), filterLink(table, {}, {}), Ink));
    top->addStretch(1);
    c->content()->addLayout(top);
    c->content()->addWidget(new StatusBarWidget(table, counts, c));
    QString rows = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">");
    for (const StatusCount &s : counts) {
        const QColor color = statusColor(table, Status, s.status);
        rows += QStringLiteral("<tr><td>%1&nbsp; %2</td><td align=\"right\">%3</td></tr>")
                    .arg(dot(color), render::escaped(statusLabel(table, Status, s.status)),
                        numberLink(filterLink(table, Status, u'=' + s.status), s.count, color));
    }
    c->addText(rows + QStringLiteral("</table>"));
    return c;
}

QWidget *DashboardView::agentsCard()
{
    const DashboardSnapshot &d = m_snapshot;
    DashboardCard *c = card(tr("Agents"));
    const QString agents = QStringLiteral("agents");
    auto *metrics = new QHBoxLayout;
    metrics->setSpacing(18);
    auto metric = [&](qint64 n, const QString &caption, const QString &status) {
        metrics->addWidget(c->metricWidget(QLocale().toString(n), caption, filterLink(agents, Status, u'=' + status),
            n == 0 ? QColor(Qt::gray) : statusColor(agents, Status, status)));
    };
    metric(d.runningAgents.size(), tr("running"), QStringLiteral("running"));
    metric(d.waitingAgents.size(), tr("waiting for input"), QStringLiteral("waiting_for_input"));
    metric(d.crashedAgents.size(), tr("crashed (24 h)"), QStringLiteral("crashed"));
    metrics->addWidget(
        c->metricWidget(QLocale().toString(d.agentsTotal), tr("agents in all"), filterLink(agents, {}, {}), Ink));
    metrics->addStretch(1);
    c->content()->addLayout(metrics);

    auto task = [this](const DashboardAgent &a) {
        return a.taskId.isEmpty() ? QString()
                                  : QStringLiteral(" · ")
                + rowLink(QStringLiteral("tasks"), a.taskId, a.taskName.isEmpty() ? a.taskId : a.taskName);
    };
    if (d.waitingAgents.isEmpty()) {
        c->addText(muted(tr("No agent is waiting for an answer.")));
    } else {
        QString html = QStringLiteral("<b>%1</b>").arg(tr("Waiting for you"));
        for (const DashboardAgent &a : d.waitingAgents.mid(0, kListed)) {
            html += QStringLiteral("<br>%1 %2%3")
                        .arg(dot(statusColor(agents, Status, a.status)), rowLink(agents, a.id, a.name), task(a));
            for (const QString &q : a.questions)
                html += QStringLiteral("<br>&nbsp;&nbsp;&nbsp;&nbsp;<i>“%1”</i>").arg(render::escaped(elide(q, 200)));
            if (!a.rawQuestions.isEmpty())
                html += QStringLiteral("<br>&nbsp;&nbsp;&nbsp;&nbsp;%1 <tt>%2</tt>")
                            .arg(muted(tr("questions (not valid JSON):")), render::escaped(elide(a.rawQuestions, 120)));
        }
        if (d.waitingAgents.size() > kListed)
            html += more(
                d.waitingAgents.size() - kListed, filterLink(agents, Status, QStringLiteral("=waiting_for_input")));
        c->addText(html);
    }
    auto list = [&](const QString &heading, const QVector<DashboardAgent> &rows, const QString &status, bool showTime) {
        if (rows.isEmpty())
            return;
        QString html = QStringLiteral("<b>%1</b>").arg(heading);
        const int shown = qMin<int>(rows.size(), 6);
        for (int i = 0; i < shown; ++i) {
            const DashboardAgent &a = rows[i];
            html += QStringLiteral("<br>%1 %2%3")
                        .arg(dot(statusColor(agents, Status, a.status)), rowLink(agents, a.id, a.name), task(a));
            if (showTime)
                html += QStringLiteral(" ") + muted(when(a.updatedAt, d.readAt));
        }
        if (rows.size() > shown)
            html += more(rows.size() - shown, filterLink(agents, Status, u'=' + status));
        c->addText(html);
    };
    list(tr("Running"), d.runningAgents, QStringLiteral("running"), false);
    list(tr("Crashed in the last day"), d.crashedAgents, QStringLiteral("crashed"), true);
    return c;
}

QWidget *DashboardView::conversationsCard()
{
    const DashboardSnapshot &d = m_snapshot;
    DashboardCard *c = card(tr("Conversations & messages"));
    auto *metrics = new QHBoxLayout;
    metrics->addWidget(c->metricWidget(QLocale().toString(d.pendingConversationCount), tr("agent questions"),
        filterLink(QStringLiteral("conversations"), Status, QStringLiteral("=pending")),
        statusColor(QStringLiteral("conversations"), Status, QStringLiteral("pending"))));
    metrics->addWidget(c->metricWidget(QLocale().toString(d.messagesAwaitingResponse), tr("messages to answer"),
        filterLink(QStringLiteral("messages"), QStringLiteral("requiresResponse"), QStringLiteral("=1")),
        d.messagesAwaitingResponse ? statusColor({}, Status, QStringLiteral("pending_review")) : QColor(Qt::gray)));
    metrics->addStretch(1);
    c->content()->addLayout(metrics);
    if (d.pendingConversations.isEmpty()) {
        c->addText(muted(tr("No agent is waiting for another.")));
        return c;
    }
    QString html;
    const int shown = qMin<int>(d.pendingConversations.size(), 5);
    for (int i = 0; i < shown; ++i) {
        const DashboardConversation &conv = d.pendingConversations[i];
        html += QStringLiteral("%1%2 → %3: %4")
                    .arg(i ? QStringLiteral("<br>") : QString(), render::escaped(conv.fromAgentName),
                        render::escaped(conv.toAgentName),
                        rowLink(QStringLiteral("conversations"), conv.id,
                            QStringLiteral("“") + elide(conv.question, 90) + QStringLiteral("”")));
    }
    c->addText(html);
    return c;
}

QWidget *DashboardView::accountsCard()
{
    const DashboardSnapshot &d = m_snapshot;
    DashboardCard *c = card(tr("Accounts"));
    const qint64 n = d.exhaustedAccounts.size();
    auto *metrics = new QHBoxLayout;
    metrics->addWidget(c->metricWidget(QLocale().toString(n), tr("exhausted of %1").arg(d.accountsTotal),
        filterLink(QStringLiteral("accounts"), QStringLiteral("isExhausted"), QStringLiteral("=1")),
        n ? statusColor({}, Status, QStringLiteral("blocked")) : QColor(Qt::gray)));
    metrics->addStretch(1);
    c->content()->addLayout(metrics);
    if (n == 0) {
        c->addText(muted(tr("Every account has quota left.")));
        return c;
    }
    QString html;
    const QLocale locale;
    for (const DashboardAccount &a : d.exhaustedAccounts) {
        const QString until = a.exhaustedUntil.isValid()
            ? tr("until %1 (%2)")
                  .arg(locale.toString(a.exhaustedUntil.toLocalTime(), QLocale::ShortFormat),
                      when(a.exhaustedUntil, d.readAt))
            : tr("no end time");
        html += (html.isEmpty() ? QString() : QStringLiteral("<br>"))
            + QStringLiteral("%1 %2<br>&nbsp;&nbsp;&nbsp;&nbsp;%3")
                  .arg(dot(statusColor({}, Status, QStringLiteral("blocked"))),
                      rowLink(QStringLiteral("accounts"), a.id, a.email), muted(render::escaped(until)));
    }
    c->addText(html);
    return c;
}

QWidget *DashboardView::reviewCard()
{
    const DashboardSnapshot &d = m_snapshot;
    DashboardCard *c = card(tr("Review comments"));
    qint64 total = 0;
    for (const DashboardPhaseComments &p : d.unresolvedComments)
        total += p.unresolved;
    auto *metrics = new QHBoxLayout;
    metrics->addWidget(c->metricWidget(QLocale().toString(total), tr("unresolved"),
        filterLink(QStringLiteral("review_comments"), QStringLiteral("resolved"), QStringLiteral("=0")),
        total ? statusColor({}, Status, QStringLiteral("pending_review")) : QColor(Qt::gray)));
    metrics->addStretch(1);
    c->content()->addLayout(metrics);
    if (d.unresolvedComments.isEmpty()) {
        c->addText(muted(tr("Nothing left to answer.")));
        return c;
    }
    QString rows = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">");
    for (const DashboardPhaseComments &p : d.unresolvedComments.mid(0, kListed)) {
        const QString name = p.phaseName.isEmpty() ? p.phaseId : p.phaseName;
        rows += QStringLiteral("<tr><td>%1 %2</td><td align=\"right\">%3</td></tr>")
                    .arg(rowLink(QStringLiteral("phases"), p.phaseId, name),
                        p.initiativeName.isEmpty() ? QString() : muted(u"· " + render::escaped(p.initiativeName)),
                        numberLink(
                            filterLink(QStringLiteral("review_comments"), QStringLiteral("phaseId"), u'=' + p.phaseId),
                            p.unresolved, statusColor({}, Status, QStringLiteral("pending_review"))));
    }
    rows += QStringLiteral("</table>");
    if (d.unresolvedComments.size() > kListed)
        rows += more(d.unresolvedComments.size() - kListed,
            filterLink(QStringLiteral("review_comments"), QStringLiteral("resolved"), QStringLiteral("=0")));
    c->addText(rows);
    return c;
}

QWidget *DashboardView::errandsCard()
{
    const DashboardSnapshot &d = m_snapshot;
    DashboardCard *c = card(tr("Errands"));
    const QString errands = QStringLiteral("errands");
    qint64 review = 0, conflict = 0;
    for (const DashboardErrand &e : d.errandsNeedingAttention)
        (e.status == QLatin1StringView("conflict") ? conflict : review) += 1;
    auto *metrics = new QHBoxLayout;
    metrics->addWidget(c->metricWidget(QLocale().toString(review), tr("to review"),
        filterLink(errands, Status, QStringLiteral("=pending_review")),
        review ? statusColor(errands, Status, QStringLiteral("pending_review")) : QColor(Qt::gray)));
    metrics->addWidget(c->metricWidget(QLocale().toString(conflict), tr("in conflict"),
        filterLink(errands, Status, QStringLiteral("=conflict")),
        conflict ? statusColor(errands, Status, QStringLiteral("conflict")) : QColor(Qt::gray)));
    metrics->addStretch(1);
    c->content()->addLayout(metrics);
    if (d.errandsNeedingAttention.isEmpty()) {
        c->addText(muted(tr("No errand needs a human.")));
        return c;
    }
    QString html;
    for (const DashboardErrand &e : d.errandsNeedingAttention.mid(0, kListed)) {
        html += (html.isEmpty() ? QString() : QStringLiteral("<br>"))
            + QStringLiteral("%1 %2 %3")
                  .arg(badge(errands, e.status), rowLink(errands, e.id, elide(e.description, 70)),
                      muted(QStringLiteral("<tt>%1</tt>").arg(render::escaped(e.branch))));
    }
    if (d.errandsNeedingAttention.size() > kListed)
        html += more(d.errandsNeedingAttention.size() - kListed, filterLink(errands, {}, {}));
    c->addText(html);
    return c;
}

} // namespace cwi
