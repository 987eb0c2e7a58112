#pragma once

// The status bar's view of the insight index: while it builds, which pass, a progress bar and
// a cancel button; afterwards how much it holds and where (tooltip), or why it failed.

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

class QAction;
class QSettings;

namespace cwi {

class InsightIndex;

class IndexStatus : public QWidget
{
    Q_OBJECT
public:
    explicit IndexStatus(InsightIndex *index, QWidget *parent = nullptr);
    // View > Index agent logs: switches INDEX on and off, kept in SETTINGS (on by default).
    static QAction *createSwitch(InsightIndex *index, QSettings *settings, QObject *parent);
    QString text() const;

private:
    void update();

    InsightIndex *m_index;
    QLabel *m_label;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
};

} // namespace cwi
