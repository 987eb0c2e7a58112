#include "dashboardview.h"
#include "viewnames.h"

#include "dashboardcard.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace cwi {

namespace {

// Everything the page shows, as one string: an unchanged file is not rebuilt (no flicker, the
// hovered link and the scroll position stay). Relative times change every ten minutes.
QString fingerprint(const DashboardSnapshot &d)
{
    QStringList parts;
    for (const auto *counts : { &d.initiativeStatus, &d.phaseStatus, &d.taskStatus }) {
        for (const StatusCount &c : *counts)
            parts << c.status << QString::number(c.count);
    }
    for (const auto *agents : { &d.runningAgents, &d.waitingAgents, &d.crashedAgents }) {
        for (const DashboardAgent &a : *agents)
            parts << a.id << a.name << a.status << a.taskId << a.taskName << a.questions.join(u'\n') << a.rawQuestions
                  << a.updatedAt.toString(Qt::ISODate);
    }
    parts << QString::number(d.agentsTotal) << QString::number(d.pendingConversationCount)
          << QString::number(d.accountsTotal) << QString::number(d.messagesAwaitingResponse)
          << QString::number(d.readAt.toSecsSinceEpoch() / 600);
    for (const DashboardConversation &c : d.pendingConversations)
        parts << c.id << c.question << c.fromAgentName << c.toAgentName;
    for (const DashboardAccount &a : d.exhaustedAccounts)
        parts << a.id << a.email << a.exhaustedUntil.toString(Qt::ISODate);
    for (const DashboardPhaseComments &p : d.unresolvedComments)
        parts << p.phaseId << p.phaseName << p.initiativeName << QString::number(p.unresolved);
    for (const DashboardErrand &e : d.errandsNeedingAttention)
        parts << e.id << e.description << e.branch << e.status;
    parts << d.notes << d.error;
    return parts.join(QChar(0x1f));
}

} // namespace

DashboardView::DashboardView(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_scroll(new QScrollArea(this))
    , m_title(new QLabel(tr("Headquarters"), this))
    , m_subtitle(new QLabel(this))
{
    m_subtitle->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(QStringLiteral("dashboardView"));
    connect(&m_jobs, &JobTracker::busyChanged, this, &DashboardView::busyChanged);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(8);
    layout->addWidget(m_scroll, 1);

    connect(m_ctx, &AppContext::dataChanged, this, &DashboardView::reload);
    connect(m_ctx, &AppContext::databaseChanged, this, &DashboardView::reload);
    reload();
}

void DashboardView::reload()
{
    const std::shared_ptr<Database> database = m_ctx->database();
    if (!database) {
        m_jobs.cancel();
        m_fingerprint.clear();
        m_reading.clear();
        m_snapshot = {};
        m_snapshot.error = tr("No file is open.");
        rebuild();
        return;
    }
    if (!m_fingerprint.startsWith(m_ctx->databasePath())) {
        // A file not shown yet: the first frame says it is being read, not "no file".
        m_reading = QFileInfo(m_ctx->databasePath()).fileName();
        m_snapshot = {};
        rebuild();
    }
    m_jobs.run([database] { return loadDashboard(*database); },
        [this, path = m_ctx->databasePath()](DashboardSnapshot snapshot) {
            const QString print = path + fingerprint(snapshot);
            m_snapshot = std::move(snapshot);
            m_reading.clear();
            if (print != m_fingerprint)
                rebuild();
            else
                updateSubtitle();
            m_fingerprint = print;
            Q_EMIT loaded();
        });
}

QString DashboardView::filterLink(const QString &table, const QString &field, const QString &value)
{
    m_links.append(Link { EntityRef { table, {} }, field, value });
    return QStringLiteral("link:%1").arg(m_links.size() - 1);
}

QString DashboardView::rowLink(const QString &table, const QString &id, const QString &text)
{
    m_links.append(Link { EntityRef { table, id }, {}, {} });
    return QStringLiteral("<a href=\"link:%1\">%2</a>").arg(m_links.size() - 1).arg(render::escaped(text));
}

void DashboardView::activateLink(const QString &href)
{
    if (activateCostLink(href))
        return;
    bool ok = false;
    const int n = QStringView(href).mid(5).toInt(&ok);
    if (!href.startsWith(QLatin1StringView("link:")) || !ok || n < 0 || n >= m_links.size())
        return;
    const Link link = m_links.at(n);
    m_ctx->navigate(link.ref);
    if (!link.field.isEmpty())
        Q_EMIT openFilteredTable(link.ref.table, link.field, link.value);
}

QStringList DashboardView::linkTargets() const
{
    QStringList out;
    for (const Link &l : m_links)
        out.append(l.field.isEmpty() && !l.ref.id.isEmpty() ? QString(l.ref.table + u'#' + l.ref.id)
                                                            : QString(l.ref.table + u'|' + l.field + u'|' + l.value));
    return out;
}

DashboardCard *DashboardView::card(const QString &title)
{
    auto *c = new DashboardCard(title);
    connect(c, &DashboardCard::linkActivated, this, &DashboardView::activateLink);
    return c;
}

void DashboardView::updateSubtitle()
{
    const std::shared_ptr<Database> database = m_ctx->database();
    const QLocale locale;
    m_subtitle->setText(database
            ? tr("%1 · read at %2")
                  .arg(QFileInfo(m_ctx->databasePath()).fileName(),
                      locale.toString(m_snapshot.readAt.toLocalTime().time(), QLocale::ShortFormat))
            : QString());
}

void DashboardView::rebuild()
{
    const int scroll = m_scroll->verticalScrollBar()->value();
    m_links.clear();
    const std::shared_ptr<Database> database = m_ctx->database();
    const QLocale locale;
    m_subtitle->setText(database
            ? tr("%1 · read at %2")
                  .arg(QFileInfo(m_ctx->databasePath()).fileName(),
                      locale.toString(m_snapshot.readAt.toLocalTime().time(), QLocale::ShortFormat))
            : QString());

    auto *page = new QWidget;
    m_costCard = nullptr;
    m_grid = new QGridLayout(page);
    m_grid->setContentsMargins(0, 0, 0, 16);
    m_grid->setSpacing(14);
    m_cards.clear();
    if (!m_reading.isEmpty()) {
        DashboardCard *c = card(tr("Loading"));
        c->addText(tr("Reading %1…").arg(m_reading).toHtmlEscaped());
        m_cards.append({ c, 3 });
    } else if (!m_snapshot.error.isEmpty()) {
        DashboardCard *c = card(database ? tr("The dashboard could not be read") : tr("Nothing to show"));
        c->addText(render::escaped(m_snapshot.error));
        m_cards.append({ c, 3 });
    } else {
        m_cards.append(
            { statusCard(tr("Initiatives"), QStringLiteral("initiatives"), m_snapshot.initiativeStatus), 1 });
        m_cards.append({ statusCard(tr("Phases"), QStringLiteral("phases"), m_snapshot.phaseStatus), 1 });
        m_cards.append({ statusCard(tr("Tasks"), QStringLiteral("tasks"), m_snapshot.taskStatus), 1 });
        m_cards.append({ agentsCard(), 2 });
        m_cards.append({ accountsCard(), 1 });
        m_cards.append({ conversationsCard(), 1 });
        m_cards.append({ reviewCard(), 1 });
        m_cards.append({ errandsCard(), 1 });
        m_cards.append({ costCard(), 2 });
        if (!m_snapshot.notes.isEmpty()) {
            auto *notes = new QLabel(
                tr("This file has an older schema; not shown: %1").arg(m_snapshot.notes.join(QStringLiteral("; "))));
            notes->setWordWrap(true);
            notes->setForegroundRole(QPalette::PlaceholderText);
            m_cards.append({ notes, 3 });
        }
    }
    m_columns = 0;
    placeCards();
    m_scroll->setWidget(page);
    QTimer::singleShot(0, this, [this, scroll] { m_scroll->verticalScrollBar()->setValue(scroll); });
}

int DashboardView::columnsForWidth(int width)
{
    return width >= 1000 ? 3 : width >= 620 ? 2 : 1;
}

void DashboardView::placeCards()
{
    // Reflow the cards to the width: three columns on a wide page, one in a narrow dock.
    const int columns = columnsForWidth(m_scroll->viewport()->width());
    if (!m_grid || columns == m_columns)
        return;
    m_columns = columns;
    for (const auto &[widget, span] : std::as_const(m_cards))
        m_grid->removeWidget(widget);
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, 0);
    for (int c = 0; c < 3; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    int row = 0, column = 0;
    for (const auto &[widget, span] : std::as_const(m_cards)) {
        // Full-width rows stay full width; on a narrower page every card takes one column.
        const int width = span >= 3 ? columns : columns < 3 ? 1 : span;
        if (column + width > columns) {
            ++row;
            column = 0;
        }
        m_grid->addWidget(widget, row, column, 1, width);
        column += width;
    }
    m_grid->setRowStretch(row + 1, 1);
    // Lay out now and let the scroll area re-measure at once, not on the next event loop turn:
    // a screenshot taken right after a resize must not show the old layout's scroll bars.
    m_grid->activate();
    m_scroll->setWidgetResizable(true);
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeCards();
}

Pane::Info DashboardView::paneInfo() const
{
    return { QStringLiteral("dashboardPage"), tr("Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_1), Place::Page,
        tr("Headquarters: what needs attention (Ctrl+1)"), tr("&Dashboard"), viewName(ViewName::Dashboard) };
}

} // namespace cwi
