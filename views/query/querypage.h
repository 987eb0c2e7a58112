#pragma once

// The Query page (Ctrl+4): an SQL editor over the open file, read-only by construction (see
// queryrunner.h), result tabs, cancel, the query plan, history per file, saved queries and
// shipped examples. Editing mode does not change that: writes go through the manual actions.

#include "appcontext.h"
#include "jobtracker.h"
#include "pane.h"

#include <QWidget>

#include <memory>

class QLineEdit;
class QListWidget;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace cwi {

class QueryLibrary;
class QueryResultView;
class SqlEditor;

class QueryPage : public QWidget, public Pane
{
    Q_OBJECT
public:
    // DATAFOLDER holds the history and saved queries (the app passes AppDataLocation).
    QueryPage(AppContext *context, const QString &dataFolder, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    ~QueryPage() override;

    SqlEditor *editor() const { return m_editor; }
    QTabWidget *resultTabs() const { return m_results; }
    QueryResultView *currentResult() const;
    QueryLibrary *library() const { return m_library.get(); }
    bool isBusy() const;
    JobTracker *jobs() const override { return &m_jobs; }

    void runStatement(); // the selection, or the statement under the cursor (Ctrl+Enter)
    void explainStatement(); // its query plan (Ctrl+Shift+Enter)
    void cancel(); // Esc
    QueryResultView *addResultTab();
    void exportResult(); // the current tab's statement, to CSV or JSON, in the background
    void saveQuery();
    void setSql(const QString &sql); // replaces the editor's text (undoable)

Q_SIGNALS:
    void busyChanged(bool busy);
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onDatabaseChanged();
    void onFinished(QueryResultView *view, const QString &sql, qint64 rows, qint64 ms, bool failed, int errorOffset);
    void refreshHistory();
    void refreshSaved();
    void updateActions();
    QWidget *createLibraryPanel();

    AppContext *m_context;
    QString m_dataFolder;
    std::unique_ptr<QueryLibrary> m_library;
    SqlEditor *m_editor;
    QTabWidget *m_results;
    QSplitter *m_split;
    QToolButton *m_run;
    QToolButton *m_cancel;
    QToolButton *m_explain;
    QToolButton *m_raw;
    QToolButton *m_export;
    QLineEdit *m_historySearch = nullptr;
    QListWidget *m_history = nullptr;
    QListWidget *m_saved = nullptr;
    QListWidget *m_examples = nullptr;
    // Channel kExportChannel: exports; follows every result tab's tracker (their runs and plans).
    mutable JobTracker m_jobs;
    static constexpr int kExportChannel = 1;
    QHash<QueryResultView *, int> m_runStart; // where in the editor the tab's statement began
    int m_tabSerial = 0;
    QWidget *m_libraryPanel = nullptr;
    QToolButton *m_libraryToggle = nullptr;
    bool m_libraryChosen = false; // by the user, or at the first show from the page's width
};

} // namespace cwi
