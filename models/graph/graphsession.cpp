#include "graphsession.h"

#include "database.h"
#include "tasktreereader.h"

#include <QLocale>

#include <algorithm>
#include <utility>

namespace cwi {

using namespace Qt::StringLiterals;

GraphSession::GraphSession(std::shared_ptr<Database> database, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
{
    connect(&m_jobs, &JobTracker::busyChanged, this, &GraphSession::busyChanged);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &GraphSession::onDeadline);
}

GraphSession::~GraphSession() = default; // the tracker cancels: a running dot is killed

void GraphSession::setDatabase(std::shared_ptr<Database> database)
{
    m_database = std::move(database);
    m_jobs.cancel();
    m_deadline.stop();
    m_id.clear();
    m_whole = DependencyGraph();
    m_graph = DependencyGraph();
    m_layout = GraphLayout();
    m_wholeNodeCount = 0;
    m_centerId.clear();
}

void GraphSession::cancel()
{
    m_jobs.cancel(); // the layout's cancel token is set: dotLayout kills dot at its next poll
    m_deadline.stop();
}

void GraphSession::show(const QString &id, const QString &focusId)
{
    m_id = id;
    m_focus = focusId;
    reload();
}

void GraphSession::reload()
{
    if (!m_database || m_id.isEmpty())
        return;
    const std::shared_ptr<Database> db = m_database;
    const QString id = m_id;
    // Reading the tree, then laying it out, are one chain on one channel: a newer show() or a
    // cancel() drops whichever step is running.
    m_deadline.stop();
    m_jobs.run(
        [db, id] {
            const TaskTreeSnapshot snapshot = readTaskTree(*db);
            if (!snapshot.error.isEmpty()) {
                DependencyGraph failed;
                failed.error = snapshot.error;
                return failed;
            }
            const bool isPhase = std::any_of(
                snapshot.phases.cbegin(), snapshot.phases.cend(), [&id](const TreePhase &p) { return p.id == id; });
            return isPhase ? DependencyGraph::forPhase(snapshot, id) : DependencyGraph::forInitiative(snapshot, id);
        },
        [this](const DependencyGraph &graph) {
            m_whole = graph;
            if (!graph.error.isEmpty()) {
                m_graph = graph;
                m_layout = GraphLayout();
                m_wholeNodeCount = 0;
                Q_EMIT failed(graph.error);
                return;
            }
            layOut();
        });
}

bool GraphSession::refocus(const QString &focusId)
{
    if (!isPartial() || focusId.isEmpty() || m_graph.indexOf(focusId) >= 0 || m_whole.indexOf(focusId) < 0)
        return false;
    m_focus = focusId;
    m_jobs.cancel(); // a layout still running around the old focus is dropped
    m_deadline.stop();
    layOut();
    return true;
}

void GraphSession::layOut()
{
    m_clock.start();
    // Too big to lay out and read whole: the kMaxNodes nodes nearest to the focused one.
    DependencyGraph graph = m_whole;
    QString centerId;
    if (graph.nodes.size() > kMaxNodes) {
        const int center = qMax(0, m_whole.indexOf(m_focus));
        centerId = m_whole.nodes.at(center).id;
        graph = m_whole.nearest(center, kMaxNodes);
    }
    QVector<QSizeF> sizes;
    sizes.reserve(graph.nodes.size());
    for (const GraphNode &n : std::as_const(graph.nodes))
        sizes.append(m_sizer ? m_sizer(n) : QSizeF(140, 36));
    const QString dot = m_dot.isNull() ? findDot() : m_dot;
    const int dotBudget = qMax(1, m_budgetMs - kFallbackReserveMs);
    m_pending = { graph, sizes, centerId, int(m_whole.nodes.size()) };
    m_firstMs = -1;
    if (!dot.isEmpty() && graph.nodes.size() <= kDrawAtOnceNodes) {
        // A small phase is drawn at once by the layered layout (a millisecond, on this thread,
        // whatever the machine is doing); dot's picture replaces it when it comes in time.
        setLayout(graph, layeredLayout(graph, sizes), centerId, m_pending.wholeCount);
        m_firstMs = m_layoutMs;
    }
    m_deadline.start(dotBudget);
    m_jobs.add(
        [graph, sizes, dot, dotBudget](const CancelToken &cancel) {
            // dot past its budget is killed and the layered layout drawn instead.
            return std::make_pair(graph, layOutGraph(graph, sizes, dot, cancel.flag(), dotBudget));
        },
        [this, centerId, wholeCount = m_pending.wholeCount](const std::pair<DependencyGraph, GraphLayout> &result) {
            m_deadline.stop();
            m_pending = {};
            setLayout(result.first, result.second, centerId, wholeCount);
        });
}

void GraphSession::onDeadline()
{
    if (!m_jobs.isBusy(0))
        return; // the result is in (and its delivery queued)
    m_jobs.cancel(); // dot is killed; whatever it still answers is dropped
    const Pending pending = std::exchange(m_pending, {});
    const QString why = tr("dot took longer than %1 s to answer (the machine is busy).")
                            .arg(QLocale().toString(m_clock.elapsed() / 1000.0, 'f', 2));
    if (m_firstMs >= 0) { // the picture drawn at once stays; only the note changes
        m_layout.error = why;
        Q_EMIT ready();
        return;
    }
    GraphLayout layout = layeredLayout(pending.graph, pending.sizes);
    layout.error = why;
    setLayout(pending.graph, layout, pending.centerId, pending.wholeCount);
}

void GraphSession::setLayout(
    const DependencyGraph &graph, const GraphLayout &layout, const QString &centerId, int wholeCount)
{
    m_graph = graph;
    m_layout = layout;
    m_wholeNodeCount = wholeCount;
    m_centerId = centerId;
    m_layoutMs = m_clock.elapsed();
    Q_EMIT ready();
}

QString GraphSession::layoutNote() const
{
    switch (m_layout.engine) {
    case GraphLayout::Dot:
        if (m_firstMs >= 0)
            return tr("Laid out by Graphviz dot in %1 s (a simple layout was drawn at once, in %2 s).")
                .arg(QLocale().toString(m_layoutMs / 1000.0, 'f', 2), QLocale().toString(m_firstMs / 1000.0, 'f', 2));
        return tr("Laid out by Graphviz dot in %1 s.").arg(QLocale().toString(m_layoutMs / 1000.0, 'f', 2));
    case GraphLayout::Layered:
        if (m_firstMs >= 0 && m_jobs.isBusy(0))
            return tr("Simple layered layout in %1 s; Graphviz dot is laying it out…")
                .arg(QLocale().toString(m_firstMs / 1000.0, 'f', 2));
        if (m_dot.isNull() ? findDot().isEmpty() : m_layout.error.contains(u"not installed"_s))
            return tr("Graphviz is not installed: a simple layout is shown. For a better one install it "
                      "(Debian/Ubuntu: sudo apt install graphviz) and reopen the graph.");
        return tr("Simple layered layout in %1 s: %2")
            .arg(QLocale().toString(m_layoutMs / 1000.0, 'f', 2), m_layout.error);
    case GraphLayout::None:
        break;
    }
    return {};
}

} // namespace cwi
