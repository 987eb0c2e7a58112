#pragma once

// The task tree dock: initiatives > phases > tasks > sub-tasks with progress bars, a filter
// bar (status, text), and the dependency section below. Loads in a worker; reloads in place on
// AppContext::dataChanged, keeping expansion and selection. Selecting a row navigates to it
// (ctx->navigate); agent links navigate to the agent.

#include "appcontext.h"
#include "jobtracker.h"
#include "pane.h"
#include "tasktree/tasktreemodel.h"

#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeView;
class QModelIndex;
class QResizeEvent;
class QTimer;

namespace cwi {

class DependencySection;
class TaskTreeFilterModel;

class TaskTreeView : public QWidget, public Pane
{
    Q_OBJECT
public:
    explicit TaskTreeView(cwi::AppContext *ctx, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    ~TaskTreeView() override;

    // Shows and selects that task (expanding its parents, clearing a filter that hides it)
    // without navigating. Before the first load completes it is remembered and applied then.
    void selectTask(const QString &id);
    // Same for a phase or an initiative (table "phases" / "initiatives").
    void selectEntity(const QString &table, const QString &id);

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    void reload();

    // For tests and the screenshot mode.
    TaskTreeModel *model() const { return m_model; }
    TaskTreeFilterModel *filterModel() const { return m_filter; }
    QTreeView *treeView() const { return m_tree; }
    DependencySection *dependencySection() const { return m_section; }
    QLineEdit *textFilterEdit() const { return m_textFilter; }
    QComboBox *statusFilterCombo() const { return m_statusFilter; }
    // The entity of the current row, invalid when none.
    EntityRef currentEntity() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    void busyChanged(bool busy);
    // A load finished and the tree shows it (also after an in-place reload).
    void loaded();

private:
    void onLoaded(TaskTreeModel::Prepared prepared);
    void onCurrentChanged(const QModelIndex &current);
    void applyFilters();
    void saveState();
    void restoreState();
    void expandDefault();
    void updateSummary();
    void fitColumnsToWidth();
    bool selectSource(const QModelIndex &sourceIndex);

    AppContext *m_ctx;
    int m_widestProgress = 0; // px of the widest "done/total" (a top-level row has the largest)
    TaskTreeModel *m_model;
    TaskTreeFilterModel *m_filter;
    QTreeView *m_tree;
    DependencySection *m_section;
    QLineEdit *m_textFilter;
    QTimer *m_textFilterPause; // the text filter applies once typing pauses
    QComboBox *m_statusFilter;
    QLabel *m_summary;
    QLabel *m_message;
    mutable JobTracker m_jobs;
    bool m_everLoaded = false;
    bool m_navigating = true; // false while selecting programmatically
    EntityRef m_pendingSelection;
    // Expansion and selection kept across resets, by entity.
    QSet<QString> m_expanded; // "table/id"
    QSet<QString> m_expandedBeforeFilter;
    EntityRef m_selected;
};

} // namespace cwi
