#pragma once

// Every table of the open file, the known ones grouped by meaning (work, agents, review,
// knowledge, accounts & projects), the rest under "Other", with row counts filled in by a
// worker. Clicking a table opens it in the table browser.

#include "appcontext.h"
#include "jobtracker.h"
#include "pane.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace cwi {

class NavigatorView : public QWidget, public Pane
{
    Q_OBJECT
public:
    explicit NavigatorView(AppContext *context, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    void refreshCounts();

Q_SIGNALS:
    void tableActivated(const QString &table);
    void busyChanged(bool busy);

private:
    void rebuild();
    void applyCounts(const QHash<QString, qint64> &counts, const QSet<QString> &estimated);

    AppContext *m_context;
    QTreeWidget *m_tree;
    mutable JobTracker m_jobs;
};

} // namespace cwi
