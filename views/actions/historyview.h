#pragma once

// The History dock: the action journal of the open file, newest first, with the fields each action
// changed (before → after) and its outcome. "Undo" reverts the selected action if the row is still
// as the action left it. Double-click shows the row.

#include "appcontext.h"
#include "pane.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace cwi {

class ActionService;
class HistoryModel;

class HistoryView : public QWidget, public Pane
{
    Q_OBJECT
public:
    HistoryView(AppContext *context, ActionService *actions, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    JobTracker *jobs() const override { return nullptr; } // reads the journal at once

    void reload();

    HistoryModel *model() const { return m_model; }

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void showSelected();
    void undoSelected();

    AppContext *m_context;
    ActionService *m_actions;
    HistoryModel *m_model;
    QLabel *m_heading;
    QTreeView *m_list;
    QTreeWidget *m_details;
    QPushButton *m_undo;
};

} // namespace cwi
