#pragma once

// The log's search field and what goes with it: previous / next hit (Shift+F3 / F3), "2 / 5
// lines (7 hits)", the progress of a search over a long session and its Cancel. Bound to a
// LogSearch, which does the searching.

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;
class QTimer;

namespace cwi {

class LogSearch;

class LogSearchBar : public QWidget
{
    Q_OBJECT
public:
    explicit LogSearchBar(LogSearch *search, QWidget *parent = nullptr);

    void focusSearch(); // Ctrl+F: the field, its text selected

private:
    void showState();

    LogSearch *m_search;
    QLineEdit *m_edit;
    QLabel *m_hits;
    QProgressBar *m_progress;
    QAction *m_cancel;
    QToolButton *m_cancelButton = nullptr;
    QTimer *m_progressTimer;
};

} // namespace cwi
