#pragma once

// The Graph pane: the dependency graph of a phase's tasks (or an initiative's phases) drawn
// natively in a QGraphicsView from GraphSession's layout. Nodes are filled with their status
// colour (statuscolors), blocked chains drawn in the "blocked" colour, cycles marked with a
// dashed outline, the critical path bold. Clicking a node selects it everywhere (through the
// window's navigation); Ctrl+wheel or +/- zoom, 0 fits, dragging pans.

#include "appcontext.h" // EntityRef, a signal's argument
#include "pane.h"

#include <QWidget>

class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QPushButton;

namespace cwi {

class GraphSession;

class GraphView : public QWidget, public Pane
{
    Q_OBJECT
public:
    explicit GraphView(AppContext *ctx, QWidget *parent = nullptr);

    // Pane: an open graph follows the phase or initiative visited and marks a task; one opened
    // by hand shows the phase or initiative visited last.
    Info paneInfo() const override;
    JobTracker *jobs() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;

    // A phase id (its tasks) or an initiative id (its phases); FOCUS stays in view on big graphs.
    void showGraph(const QString &id, const QString &focusId = {});
    // Marks the node of REF, when it is in the graph.
    void select(const EntityRef &ref);
    bool isBusy() const;
    GraphSession *session() const { return m_session; }
    QGraphicsScene *scene() const { return m_scene; }
    QGraphicsView *canvas() const { return m_canvas; }
    double zoom() const;
    void zoomBy(double factor);
    void fit();

Q_SIGNALS:
    void busyChanged(bool busy);
    // The graph of this phase or initiative is drawn (it was asked for by id alone).
    void ownerShown(const cwi::EntityRef &owner);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void rebuildScene();
    bool isOpen() const; // its dock is open, maybe behind another tab
    QSizeF nodeSize(const QString &name) const;

    AppContext *m_ctx;
    GraphSession *m_session;
    QGraphicsScene *m_scene;
    QGraphicsView *m_canvas;
    QLabel *m_title;
    QLabel *m_note;
    QLabel *m_legend;
    QPushButton *m_cancel;
    QString m_selected;
    QString m_wanted; // the phase or initiative visited last
    QPoint m_pressAt;
};

} // namespace cwi
