#pragma once

// Files page (Ctrl+5): the files agents read and edited most (Read / Edit / Write / MultiEdit
// calls in the insight index), per initiative. Selecting a file lists every edit of it across
// sessions; Enter or a double click on one opens its diff in the transcript.

#include "appcontext.h"
#include "insight/insighttypes.h"
#include "jobtracker.h"
#include "pane.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace cwi {

class ElidedLabel;

class InsightIndex;

class FilesView : public QWidget, public Pane
{
    Q_OBJECT
public:
    FilesView(AppContext *context, InsightIndex *index, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    QTreeWidget *fileList() const { return m_files; }
    QTreeWidget *editList() const { return m_edits; }
    void reload();

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void showEdits(const QString &path);
    void openEdit(QTreeWidgetItem *item);
    void refreshInitiatives();

    AppContext *m_context;
    InsightIndex *m_index;
    QComboBox *m_initiative;
    QTreeWidget *m_files;
    ElidedLabel *m_editsTitle; // one line whatever its length (a path, a message)
    QTreeWidget *m_edits;
    mutable JobTracker m_jobs;
    enum Channel
    {
        kInitiativesChannel,
        kFilesChannel,
        kEditsChannel
    };
};

} // namespace cwi
