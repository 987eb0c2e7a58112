#pragma once

// The panel under the task tree: for the selected task or phase, what it waits on, what waits
// on it and, for a pending or blocked task, the reason in words. Names are links (tasks,
// phases, the assigned agent); clicking one emits entityActivated.

#include "appcontext.h"

#include <QTextBrowser>
#include <QVector>

namespace cwi {

class TaskTreeModel;

class DependencySection : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DependencySection(QWidget *parent = nullptr);

    // SOURCE_INDEX is an index of MODEL (not of a proxy); invalid shows a hint.
    void showFor(const TaskTreeModel *model, const QModelIndex &sourceIndex);
    // The text shown, without markup (tests, screenshots).
    QString plainSummary() const { return toPlainText(); }

Q_SIGNALS:
    void entityActivated(const cwi::EntityRef &ref);

private:
    QString link(const QString &table, const QString &id, const QString &text);
    QString badge(const QString &table, const QString &value) const;

    QVector<EntityRef> m_links; // href "link:N" -> m_links[N]; ids never go through URLs
};

} // namespace cwi
