#pragma once

// Search everything (Ctrl+Shift+F): a full-text query over every agent's log through the
// insight index (FTS5 syntax: words, "a phrase", prefix*, OR, NOT, NEAR), filtered by
// initiative, agent, tool and time. Hits list agent, session, time and the matching snippet;
// Enter (or a double click) opens the transcript at that line in the Agent log pane.

#include "appcontext.h"
#include "jobtracker.h"
#include "pane.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

namespace cwi {

class InsightIndex;
class SearchResultModel;
struct SearchResult;

class SearchView : public QWidget, public Pane
{
    Q_OBJECT
public:
    SearchView(AppContext *context, InsightIndex *index, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;
    void activated() override;

    void focusQuery();
    void setQuery(const QString &text); // and search now
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    QString statusText() const;

    SearchResultModel *resultModel() const { return m_model; }
    QTreeView *resultView() const { return m_results; }
    QLineEdit *queryEdit() const { return m_query; }

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void onResult(const SearchResult &result);
    void refreshFilters();
    void fitColumns();
    void openHit(const QModelIndex &index);

    AppContext *m_context;
    InsightIndex *m_index;
    SearchResultModel *m_model;
    QLineEdit *m_query;
    QComboBox *m_initiative;
    QLineEdit *m_agent;
    QComboBox *m_tool;
    QComboBox *m_when;
    QLabel *m_status;
    QTreeView *m_results;
    QTimer *m_debounce;
    QHash<int, int> m_foldedWidths; // column -> its width before the page folded it away
    mutable JobTracker m_jobs;
    enum Channel
    {
        kFiltersChannel,
        kSearchChannel
    };
};

} // namespace cwi
