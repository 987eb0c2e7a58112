#pragma once

// The confirmation of one manual action: what will change, field by field (old → new), any
// warning, and for actions that need one the text or status to write. The plan is re-made from
// the database as the user types, so what is shown is what Apply will write (if nobody changes the
// row meanwhile; the write path checks that).

#include "writes/actioncatalogue.h"
#include "writes/writeplan.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace cwi {

class ActionDialog : public QDialog
{
    Q_OBJECT
public:
    // PLANNER makes the plan for an argument (text or status; ignored by actions without one).
    // CONTEXT: what the user answers (the question, the message), shown above the editor.
    ActionDialog(const ActionInfo &info, std::function<ActionPlan(const QString &argument)> planner,
        const QString &context, const QString &initialArgument, const QStringList &choices, QWidget *parent = nullptr);

    ActionPlan plan() const { return m_plan; }
    QString argument() const;

private:
    void replan();

    ActionInfo m_info;
    std::function<ActionPlan(const QString &)> m_planner;
    ActionPlan m_plan;
    QLabel *m_title = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_problem = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_choices = nullptr;
    QTreeWidget *m_changes = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace cwi
