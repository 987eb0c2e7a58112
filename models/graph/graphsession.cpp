#include "graphsession.h"

#include "database.h"
#include "tasktreereader.h"

#include <algorithm>

namespace cwi {

using namespace Qt::StringLiterals;

GraphSession::GraphSession(std::shared_ptr<Database> database, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
{
    connect(&m_jobs, &JobTracker::busyChanged, this, &GraphSession::busyChanged);
}

GraphSession::~GraphSession() = default; // the tracker cancels: a running dot is killed

void GraphSession::setDatabase(std::shared_ptr<Database> database)
{
    m_database = std::move(database);
    m_jobs.cancel();
    m_id.clear();
    m_graph = DependencyGraph();
    m_layout = GraphLayout();
}

void GraphSession::cancel()
{
    m_jobs.cancel(); // the layout's cancel token is set: dotLayout kills dot at its next poll
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
            if (!graph.error.isEmpty()) {
                m_graph = graph;
                m_layout = GraphLayout();
                Q_EMIT failed(graph.error);
                return;
            }
            layOut(graph);
        });
}

void GraphSession::layOut(DependencyGraph graph)
{
    // Too big to lay out and read whole: the neighbourhood of the focused node, as wide as fits.
    if (graph.nodes.size() > kMaxNodes) {
        const int center = qMax(0, graph.indexOf(m_focus));
        DependencyGraph part;
        for (int radius = 4; radius >= 1; --radius) {
            part = graph.neighbourhood(center, radius);
            if (part.nodes.size() <= kMaxNodes)
                break;
        }
        if (part.nodes.size() > kMaxNodes) { // a hub: keep its first neighbours only
            part.nodes.resize(kMaxNodes);
            part.edges.erase(std::remove_if(part.edges.begin(), part.edges.end(),
                                 [](const GraphEdge &e) { return e.from >= kMaxNodes || e.to >= kMaxNodes; }),
                part.edges.end());
        }
        graph = part;
    }
    QVector<QSizeF> sizes;
    sizes.reserve(graph.nodes.size());
    for (const GraphNode &n : std::as_const(graph.nodes))
        sizes.append(m_sizer ? m_sizer(n) : QSizeF(140, 36));
    const QString dot = m_dot.isNull() ? findDot() : m_dot;
    m_jobs.add(
        [graph, sizes, dot](const CancelToken &cancel) {
            GraphLayout layout = dotLayout(graph, sizes, dot, cancel.flag());
            if (layout.engine == GraphLayout::None && !cancel.isCancelled()) {
                const QString why = layout.error;
                layout = layeredLayout(graph, sizes);
                layout.error = why;
            }
            return std::make_pair(graph, layout);
        },
        [this](const std::pair<DependencyGraph, GraphLayout> &result) {
            m_graph = result.first;
            m_layout = result.second;
            Q_EMIT ready();
        });
}

QString GraphSession::layoutNote() const
{
    switch (m_layout.engine) {
    case GraphLayout::Dot:
        return tr("Laid out by Graphviz dot.");
    case GraphLayout::Layered:
        if (m_dot.isNull() ? findDot().isEmpty() : m_layout.error.contains(u"not installed"_s))
            return tr("Graphviz is not installed: a simple layout is shown. For a better one install it "
                      "(Debian/Ubuntu: sudo apt install graphviz) and reopen the graph.");
        return tr("Simple layout (%1)").arg(m_layout.error);
    case GraphLayout::None:
        break;
    }
    return {};
}

} // namespace cwi
