#pragma once

// The detail pane: the selected row as a form. Every field; JSON pretty-printed and foldable;
// Tiptap JSON rendered as rich text; foreign keys as links that open the referenced row;
// reverse relations with counts, each a link to the filtered list.

#include "appcontext.h"
#include "jobtracker.h"
#include "pane.h"

#include <QSet>
#include <QWidget>

class QTextBrowser;
class QUrl;

namespace cwi {

struct DetailData;
class InsightIndex;

class DetailView : public QWidget, public Pane
{
    Q_OBJECT
public:
    explicit DetailView(AppContext *context, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;
    ~DetailView() override;

    void showRow(const EntityRef &ref);
    // Cost and tokens of agents, tasks and initiatives come from the log index when it is on.
    void setInsightIndex(InsightIndex *index);
    void clear(); // back to "Select a row"
    EntityRef current() const { return m_ref; }
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    QString html() const; // what is shown (tests)
    QTextBrowser *browser() const { return m_browser; }

Q_SIGNALS:
    void openFiltered(const QString &table, const QString &field, const QString &value);
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load();
    void render();
    int labelWidth() const; // of the names column, or DetailHtml::kStacked
    void onLink(const QUrl &url);

    AppContext *m_context;
    InsightIndex *m_insight = nullptr;
    QTextBrowser *m_browser;
    EntityRef m_ref;
    std::unique_ptr<DetailData> m_data;
    QSet<QString> m_expanded; // JSON fields shown in full
    bool m_stacked = false; // as last rendered
    mutable JobTracker m_jobs;
};

} // namespace cwi
