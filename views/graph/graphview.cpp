#include "graphview.h"
#include "viewnames.h"

#include "appcontext.h"
#include "graph/graphsession.h"
#include "render/htmlwriter.h"
#include "statuscolors.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QShortcut>
#include <QStyleOptionGraphicsItem>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

constexpr int kNodeKind = QGraphicsItem::UserType + 1;
const QColor kEdge(0x8c, 0x95, 0x9f);
const QColor kSelected(0x09, 0x69, 0xda);

class NodeItem : public QGraphicsItem
{
public:
    NodeItem(const GraphNode &node, const QRectF &rect, const QFont &font)
        : m_node(node)
        , m_rect(rect)
        , m_font(font)
    {
        setToolTip(render::plainToolTip(
            // One multi-arg call: chained arg() calls would fill a '%1' in the task's name.
            QCoreApplication::translate("GraphView", "%1\n%2 · %3%4%5%6")
                .arg(node.name, statusLabel(node.table, u"status"_s, node.status), node.id,
                    node.critical ? QCoreApplication::translate("GraphView", "\non the critical path") : QString(),
                    node.inCycle ? QCoreApplication::translate("GraphView", "\npart of a dependency cycle") : QString(),
                    node.outside ? QCoreApplication::translate("GraphView", "\noutside this phase") : QString())));
        setCursor(Qt::PointingHandCursor);
    }
    int type() const override { return kNodeKind; }
    const GraphNode &node() const { return m_node; }
    void setMarked(bool marked)
    {
        m_marked = marked;
        update();
    }
    QRectF boundingRect() const override { return m_rect.adjusted(-4, -4, 4, 4); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        p->setRenderHint(QPainter::Antialiasing);
        QColor fill = statusColor(m_node.table, u"status"_s, m_node.status);
        if (m_node.outside)
            fill = fill.lighter(150);
        QPen pen(fill.darker(150), 1);
        if (m_node.blockedChain)
            pen = QPen(statusColor(u"tasks"_s, u"status"_s, u"blocked"_s), 2);
        if (m_node.critical)
            pen.setWidthF(3.5);
        if (m_node.inCycle)
            pen.setStyle(Qt::DashLine);
        if (m_node.outside)
            pen.setStyle(Qt::DotLine);
        if (m_marked)
            pen = QPen(kSelected, 4);
        p->setPen(pen);
        p->setBrush(fill);
        p->drawRoundedRect(m_rect, 6, 6);
        QFont font = m_font;
        font.setBold(m_node.critical);
        p->setFont(font);
        p->setPen(contrastingTextColor(fill));
        if (m_label.isNull()) // once: fitting takes a few text measurements
            m_label = fitted((m_node.inCycle ? u"⟲ "_s : QString()) + m_node.name, font);
        p->drawText(m_rect.adjusted(8, 2, -8, -2), Qt::AlignCenter | Qt::TextWordWrap, m_label);
    }

private:
    // NAME on at most two lines of the node, elided at the end of the second.
    QString fitted(const QString &name, const QFont &font) const
    {
        const QFontMetricsF fm(font);
        const QRectF room = m_rect.adjusted(8, 2, -8, -2);
        const auto fits = [&](const QString &text) {
            return fm.boundingRect(room, Qt::AlignCenter | Qt::TextWordWrap, text).height() <= room.height() + 0.5;
        };
        if (fits(name))
            return name;
        QString text = fm.elidedText(name, Qt::ElideRight, 2 * room.width());
        while (text.size() > 1 && !fits(text))
            text = fm.elidedText(name, Qt::ElideRight, fm.horizontalAdvance(text) - fm.averageCharWidth());
        return text;
    }

    GraphNode m_node;
    mutable QString m_label; // the name as fitted into the node
    QRectF m_rect;
    QFont m_font;
    bool m_marked = false;
};

QPainterPath edgePath(const QVector<QPointF> &points, bool splines)
{
    QPainterPath path;
    if (points.isEmpty())
        return path;
    path.moveTo(points.first());
    if (splines && points.size() >= 4 && (points.size() - 1) % 3 == 0) {
        for (int i = 1; i + 2 < points.size(); i += 3)
            path.cubicTo(points.at(i), points.at(i + 1), points.at(i + 2));
    } else {
        for (int i = 1; i < points.size(); ++i)
            path.lineTo(points.at(i));
    }
    return path;
}

QPolygonF arrowHead(const QPointF &from, const QPointF &tip, double size)
{
    const double angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
    const QPointF left(tip.x() - size * std::cos(angle - 0.45), tip.y() - size * std::sin(angle - 0.45));
    const QPointF right(tip.x() - size * std::cos(angle + 0.45), tip.y() - size * std::sin(angle + 0.45));
    return QPolygonF({ tip, left, right });
}

} // namespace

GraphView::GraphView(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_session(new GraphSession(ctx->database(), this))
    , m_scene(new QGraphicsScene(this))
    , m_canvas(new QGraphicsView(m_scene, this))
    , m_title(new QLabel(this))
    , m_note(new QLabel(this))
    , m_legend(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"graphView"_s);
    m_title->setWordWrap(true);
    // Titles and notes carry phase and task names from the file: never rich text.
    m_title->setTextFormat(Qt::PlainText);
    m_note->setTextFormat(Qt::PlainText);
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setStyleSheet(u"color: #9a6700;"_s);
    m_legend->setWordWrap(true);
    m_legend->setStyleSheet(u"color: #656d76;"_s);
    m_legend->setText(tr("Fill: status · bold outline and name: critical path (longest chain of unfinished work) · "
                         "red outline: blocked or waiting on a blocked task · dashed ⟲: dependency cycle · dotted: "
                         "outside this phase. Click a node to select it; Ctrl+wheel or +/− zoom, 0 fits, drag pans."));
    m_cancel->setToolTip(tr("Stop laying out the graph"));
    m_cancel->setEnabled(false);
    auto *zoomOut = new QPushButton(u"−"_s, this);
    auto *zoomIn = new QPushButton(u"+"_s, this);
    auto *fitButton = new QPushButton(tr("Fit"), this);
    zoomOut->setToolTip(tr("Zoom out (−, Ctrl+wheel)"));
    zoomIn->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    fitButton->setToolTip(tr("Fit the graph into the pane (0)"));
    for (QPushButton *b : { zoomOut, zoomIn })
        b->setFixedWidth(fontMetrics().horizontalAdvance(u"MM"_s) + 12);

    m_canvas->setDragMode(QGraphicsView::ScrollHandDrag);
    m_canvas->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_canvas->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_canvas->setBackgroundBrush(Qt::white);
    m_canvas->viewport()->installEventFilter(this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_cancel);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(fitButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_legend);

    m_session->setNodeSizer([this](const GraphNode &n) { return nodeSize(n.name); });
    connect(m_session, &GraphSession::busyChanged, this, [this](bool busy) {
        m_cancel->setEnabled(busy);
        if (busy)
            m_note->setText(tr("Laying out…"));
        Q_EMIT busyChanged(busy);
    });
    connect(m_session, &GraphSession::ready, this, &GraphView::rebuildScene);
    connect(m_session, &GraphSession::failed, this, [this](const QString &message) {
        m_scene->clear();
        m_title->setText(tr("Graph"));
        m_note->setText(message);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_session->cancel();
        m_note->setText(tr("Layout cancelled."));
    });
    connect(zoomIn, &QPushButton::clicked, this, [this] { zoomBy(1.25); });
    connect(zoomOut, &QPushButton::clicked, this, [this] { zoomBy(0.8); });
    connect(fitButton, &QPushButton::clicked, this, &GraphView::fit);
    // WHAT names the key in Help > Keyboard shortcuts.
    const auto key = [this](const QKeySequence &sequence, const QString &what, auto slot) {
        auto *shortcut = new QShortcut(sequence, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        shortcut->setWhatsThis(what);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    key(QKeySequence(Qt::Key_Plus), tr("Graph: zoom in"), [this] { zoomBy(1.25); });
    key(QKeySequence(Qt::Key_Equal), tr("Graph: zoom in"), [this] { zoomBy(1.25); });
    key(QKeySequence(Qt::Key_Minus), tr("Graph: zoom out"), [this] { zoomBy(0.8); });
    key(QKeySequence(Qt::Key_0), tr("Graph: fit the whole graph"), [this] { fit(); });
    connect(ctx, &AppContext::databaseChanged, this, [this] {
        m_session->setDatabase(m_ctx->database());
        m_scene->clear();
        m_title->clear();
        m_note->clear();
    });
    m_title->setText(tr("Graph: choose a phase or initiative (task tree, or --view graph:ID)"));
}

QSizeF GraphView::nodeSize(const QString &name) const
{
    // Measured bold (the critical path's names are); a longer name wraps onto a second line.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF fm(bold);
    return QSizeF(qBound(90.0, fm.horizontalAdvance(name) + 28, 220.0), fm.height() * 2 + 10);
}

bool GraphView::isBusy() const
{
    return m_session->isBusy();
}

void GraphView::showGraph(const QString &id, const QString &focusId)
{
    if (!focusId.isEmpty())
        m_selected = focusId;
    if (id == m_session->shownId() && !m_session->graph().nodes.isEmpty() && !isBusy()) {
        select({ {}, focusId });
        return;
    }
    m_session->show(id, focusId);
}

void GraphView::select(const EntityRef &ref)
{
    m_selected = ref.id;
    // A big graph shown in part moves to the selected task when it is not drawn now.
    if (m_session->refocus(ref.id))
        return;
    for (QGraphicsItem *item : m_scene->items()) {
        if (item->type() != kNodeKind)
            continue;
        auto *node = static_cast<NodeItem *>(item);
        const bool marked = !ref.id.isEmpty() && node->node().id == ref.id;
        node->setMarked(marked);
        if (marked)
            m_canvas->ensureVisible(node, 40, 40);
    }
}

double GraphView::zoom() const
{
    return m_canvas->transform().m11();
}

void GraphView::zoomBy(double factor)
{
    const double next = qBound(0.05, zoom() * factor, 8.0);
    m_canvas->scale(next / zoom(), next / zoom());
}

void GraphView::fit()
{
    if (m_scene->items().isEmpty())
        return;
    m_canvas->fitInView(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10), Qt::KeepAspectRatio);
    if (zoom() > 1.0) // small graphs stay at their natural size
        m_canvas->setTransform(QTransform());
}

void GraphView::rebuildScene()
{
    m_scene->clear();
    const DependencyGraph &graph = m_session->graph();
    const GraphLayout &layout = m_session->layout();
    m_title->setText(graph.title);
    QStringList notes;
    if (graph.nodes.isEmpty())
        notes << tr("Nothing to draw: no tasks.");
    else if (graph.edges.isEmpty())
        notes << tr("No dependencies: every task can run on its own.");
    if (graph.cycleCount == 1)
        notes << tr("A dependency cycle: these tasks wait on each other and can never start.");
    else if (graph.cycleCount > 1)
        notes << tr("%1 dependency cycles: these tasks wait on each other and can never start.")
                     .arg(QLocale().toString(graph.cycleCount));
    if (m_session->isPartial()) {
        const GraphNode &center = graph.nodes.at(qMax(0, graph.indexOf(m_session->centerId())));
        notes << (center.table == u"phases"
                ? tr("This initiative has %1 phases, more than the %2 drawn at once: showing the %3 nearest to "
                     "“%4”. Select another phase to move there.")
                : tr("This phase has %1 tasks, more than the %2 drawn at once: showing the %3 nearest to “%4”. "
                     "Select another task (task tree, search) to move there."))
                     .arg(QLocale().toString(m_session->wholeNodeCount()), QLocale().toString(GraphSession::kMaxNodes),
                         QLocale().toString(graph.nodes.size()), center.name);
    }
    notes << m_session->layoutNote();
    m_note->setText(notes.join(u"  "_s));
    for (int e = 0; e < graph.edges.size() && e < layout.edges.size(); ++e) {
        const GraphEdge &edge = graph.edges.at(e);
        const QVector<QPointF> &points = layout.edges.at(e);
        if (points.size() < 2)
            continue;
        QColor color = edge.blockedChain ? statusColor(u"tasks"_s, u"status"_s, u"blocked"_s) : kEdge;
        QPen pen(color, edge.critical ? 3.5 : 1.3);
        if (edge.inCycle)
            pen.setStyle(Qt::DashLine);
        auto *path = m_scene->addPath(edgePath(points, layout.splines), pen);
        path->setZValue(0);
        // dot ends the spline short of the node, where its arrow would start: draw the head to the node.
        const QRectF target = layout.nodes.at(edge.to);
        QPointF tip = points.last();
        if (layout.splines) {
            const QPointF towards = target.center() - points.last();
            const double length = std::hypot(towards.x(), towards.y());
            const double gap = std::min(10.0, length);
            if (length > 0)
                tip = points.last() + towards * (gap / length);
        }
        auto *head = m_scene->addPolygon(
            arrowHead(points.at(points.size() - 2), tip, edge.critical ? 12 : 9), QPen(color, 1), QBrush(color));
        head->setZValue(0);
    }
    for (int i = 0; i < graph.nodes.size() && i < layout.nodes.size(); ++i) {
        auto *item = new NodeItem(graph.nodes.at(i), layout.nodes.at(i), font());
        item->setZValue(1);
        m_scene->addItem(item);
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    fit();
    if (!m_selected.isEmpty())
        select({ {}, m_selected });
    Q_EMIT ownerShown({ graph.ownerTable, m_session->shownId() });
    // A part of a big graph is about one task: show it at a readable size (0 fits the whole part).
    if (m_session->isPartial()) {
        const int center = graph.indexOf(m_session->centerId());
        if (center >= 0 && center < layout.nodes.size()) {
            m_canvas->setTransform(QTransform());
            m_canvas->centerOn(layout.nodes.at(center).center());
        }
    }
}

bool GraphView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_canvas->viewport())
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            zoomBy(wheel->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
            return true;
        }
    } else if (event->type() == QEvent::MouseButtonPress) {
        m_pressAt = static_cast<QMouseEvent *>(event)->position().toPoint();
    } else if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint at = mouse->position().toPoint();
        if (mouse->button() == Qt::LeftButton && (at - m_pressAt).manhattanLength() < 5) { // a click, not a drag
            for (QGraphicsItem *item : m_canvas->items(at)) {
                if (item->type() == kNodeKind) {
                    const GraphNode &node = static_cast<NodeItem *>(item)->node();
                    select({ node.table, node.id });
                    m_ctx->navigate({ node.table, node.id });
                    break;
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

Pane::Info GraphView::paneInfo() const
{
    return { QStringLiteral("graphDock"), tr("Graph"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
        Place::BottomDock, {}, {}, viewName(ViewName::Graph) };
}

JobTracker *GraphView::jobs() const
{
    return m_session->jobs();
}

bool GraphView::isOpen() const
{
    return parentWidget() && !parentWidget()->isHidden();
}

Pane::Fit GraphView::canShow(const EntityRef &ref) const
{
    const bool inGraph = ref.table == u"phases" || ref.table == u"initiatives" || ref.table == u"tasks";
    return inGraph && !ref.id.isEmpty() ? Follows : CannotShow;
}

void GraphView::showEntity(const EntityRef &ref)
{
    if (ref.table == u"tasks") {
        if (isOpen())
            select(ref);
        return;
    }
    m_wanted = ref.id;
    if (isOpen())
        showGraph(ref.id);
}

bool GraphView::showView(const QStringList &args, EntityRef *follow, QString *)
{
    if (args.size() != 1)
        return false;
    m_wanted = args.first();
    showGraph(args.first());
    *follow = { QStringLiteral("phases"), args.first() }; // an initiative: see ownerShown
    return true;
}

void GraphView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_session->shownId().isEmpty() && !m_wanted.isEmpty()) // opened by hand
        showGraph(m_wanted);
}

void GraphView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Closed, not just behind another tab: stop dot (the dock is hidden once this returns).
    QTimer::singleShot(0, this, [this] {
        if (!isOpen())
            m_session->cancel();
    });
}

} // namespace cwi
