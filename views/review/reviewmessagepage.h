#pragma once

// What the review shows instead of a diff: no phase yet (with "Choose a phase…", a menu of the
// file's phases read in the background), loading, a failure, no changes, or "needs a folder"
// (with "Choose clone folder…"). Its text follows the ReviewSession's state.

#include "jobtracker.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace cwi {

class AppContext;
class ReviewSession;

class ReviewMessagePage : public QWidget
{
    Q_OBJECT
public:
    ReviewMessagePage(ReviewSession *session, AppContext *ctx, QWidget *parent = nullptr);

    void showState(); // the session's state: its message and the button that helps
    JobTracker *jobs() const { return &m_jobs; } // the phase menu's read

private:
    void chooseFolder();
    void choosePhase();

    ReviewSession *m_session;
    AppContext *m_ctx;
    mutable JobTracker m_jobs;
    QLabel *m_message;
    QPushButton *m_chooseFolder;
    QPushButton *m_choosePhase;
};

} // namespace cwi
