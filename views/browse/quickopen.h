#pragma once

// Ctrl+K: type any id (or its prefix) or any name, pick a match, jump to that entity; a table's
// name or title offers the table itself.

#include "appcontext.h"
#include "jobtracker.h"

#include <QDialog>

class QLineEdit;
class QListWidget;
class QTimer;

namespace cwi {

class QuickOpen : public QDialog
{
    Q_OBJECT
public:
    explicit QuickOpen(AppContext *context, QWidget *parent = nullptr);

private:
    void search();
    void addTables(const QString &text);
    void accept() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

    AppContext *m_context;
    QLineEdit *m_input;
    QListWidget *m_results;
    QTimer *m_debounce;
    JobTracker m_jobs;
};

} // namespace cwi
