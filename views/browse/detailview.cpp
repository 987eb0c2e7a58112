#include "detailview.h"
#include "viewnames.h"

#include "browse/detailhtml.h"
#include "browse/detailloader.h"
#include "insight/insightindex.h"
#include "plainmessagebox.h"
#include "render/inertdocument.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QMessageBox>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace cwi {

DetailView::DetailView(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_browser(new QTextBrowser(this))
{
    m_browser->setDocument(new InertTextDocument(m_browser)); // file content: loads nothing
    connect(&m_jobs, &JobTracker::busyChanged, this, &DetailView::busyChanged);
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    m_browser->setPlaceholderText(tr("Select a row anywhere to see all of its fields here."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    m_browser->viewport()->installEventFilter(this); // names beside or above their values
    connect(m_browser, &QTextBrowser::anchorClicked, this, &DetailView::onLink);
    connect(m_context, &AppContext::dataChanged, this, [this] {
        if (m_ref.isValid())
            load();
    });
    connect(m_context, &AppContext::databaseChanged, this, &DetailView::clear);
}

DetailView::~DetailView() = default;

QString DetailView::html() const
{
    return m_browser->toHtml();
}

void DetailView::clear()
{
    m_jobs.cancelAll(); // a load on its way is for the row left behind
    m_ref = {};
    m_data.reset();
    m_expanded.clear();
    m_browser->clear();
}

void DetailView::setInsightIndex(InsightIndex *index)
{
    m_insight = index;
    // The index moved on (built, caught up with the file, switched on or off): a shown cost is stale.
    connect(index, &InsightIndex::updated, this, [this] {
        if (m_ref.table == u"agents" || m_ref.table == u"tasks" || m_ref.table == u"initiatives")
            load();
    });
}

void DetailView::showRow(const EntityRef &ref)
{
    // The same row again (a view that selects it and then opens its log) is not read twice.
    if (ref == m_ref && (m_data || m_jobs.isBusy()))
        return;
    m_ref = ref;
    m_expanded.clear();
    load();
}

void DetailView::load()
{
    const auto db = m_context->database();
    if (!db || !m_ref.isValid() || m_ref.id.isEmpty()) {
        m_jobs.cancel();
        return;
    }
    const EntityRef ref = m_ref;
    TotalsSource totals;
    totals.indexOn = m_insight && m_insight->isEnabled();
    if (totals.indexOn && m_insight->hasFacts())
        totals.sidecar = m_insight->sidecarPath();
    m_jobs.run([db, ref, totals] { return loadDetail(db, ref, totals); },
        [this](const DetailData &data) {
            m_data = std::make_unique<DetailData>(data);
            render();
        });
}

void DetailView::render()
{
    if (!m_data)
        return;
    const int scroll = m_browser->verticalScrollBar() ? m_browser->verticalScrollBar()->value() : 0;
    const int names = labelWidth();
    m_stacked = names == DetailHtml::kStacked;
    m_browser->setHtml(DetailHtml::build(*m_data, m_expanded, names));
    m_browser->verticalScrollBar()->setValue(scroll);
}

int DetailView::labelWidth() const
{
    // The names column is as wide as the longest name (bold); when that is more than 40 % of the
    // pane (a narrow dock, a 1024 px screen), each name stands above its value instead of being
    // broken inside a word ("pendingQuestio / ns").
    QFont bold = m_browser->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int width = 0;
    for (const QString &label : DetailHtml::labels(*m_data))
        width = qMax(width, metrics.horizontalAdvance(label));
    width += 12;
    return width > qMax(60, m_browser->viewport()->width() * 2 / 5) ? DetailHtml::kStacked : width;
}

bool DetailView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_browser->viewport() && event->type() == QEvent::Resize && m_data
        && (labelWidth() == DetailHtml::kStacked) != m_stacked)
        render();
    return QWidget::eventFilter(watched, event);
}

void DetailView::onLink(const QUrl &url)
{
    if (url.scheme() != u"cwi") {
        const auto answer = plainMessageBox(this, QMessageBox::Question, tr("Open link?"),
            tr("Open this link outside the inspector?\n\n%1").arg(url.toDisplayString()),
            QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Open)
            QDesktopServices::openUrl(url);
        return;
    }
    const QStringList parts = url.path().split(u'/');
    const QString verb = parts.value(0);
    auto part = [&parts](int i) { return QUrl::fromPercentEncoding(parts.value(i).toUtf8()); };
    if (verb == u"open")
        m_context->navigate({ part(1), part(2) });
    else if (verb == u"filter")
        Q_EMIT openFiltered(part(1), part(2), part(3));
    else if (verb == u"log")
        m_context->navigate({ QStringLiteral("agent_log"), part(1) });
    else if (verb == u"review") // PHASE or PHASE/COMMENT
        m_context->navigate({ QStringLiteral("review"), parts.size() > 2 ? part(1) + u'/' + part(2) : part(1) });
    else if (verb == u"expand") {
        m_expanded.insert(part(1));
        render();
    } else if (verb == u"fold") { // a long value back to its first lines, a short one to "{ n keys }"
        if (part(1).startsWith(u'-'))
            m_expanded.insert(part(1));
        else
            m_expanded.remove(part(1));
        render();
    } else if (verb == u"unfold") {
        m_expanded.remove(u'-' + part(1));
        render();
    }
}

Pane::Info DetailView::paneInfo() const
{
    return { QStringLiteral("detailDock"), tr("Detail"), QKeySequence(Qt::ALT | Qt::Key_3), Place::RightDock, {}, {},
        viewName(ViewName::Detail) };
}

// Every row; an agent's log shows its agent; a table alone leaves no row of another table shown.
Pane::Fit DetailView::canShow(const EntityRef &ref) const
{
    if (ref.table == u"agent_log")
        return Follows;
    const auto db = m_context->database();
    if (!db || !m_context->schema().hasTable(ref.table))
        return CannotShow;
    return ref.id.isEmpty() ? Follows : Shows;
}

void DetailView::showEntity(const EntityRef &ref)
{
    if (ref.table == u"agent_log")
        showRow({ QStringLiteral("agents"), ref.id.section(u'/', 0, 0) });
    else if (!ref.id.isEmpty())
        showRow(ref);
    else if (current().table != ref.table)
        clear(); // a row of the table left behind would read as one of this table
}

bool DetailView::showView(const QStringList &args, EntityRef *, QString *)
{
    if (args.size() != 2)
        return false;
    showRow({ args.at(0), args.at(1) });
    return true;
}

} // namespace cwi
