#pragma once

// The top of the review page: which phase (title and its initiative, branch, clone), which
// project, base and head refs (editable, remembered per phase by the session), the summary line
// and whether comments can be written. It shows the session's state and asks it for changes.

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace cwi {

class ReviewSession;

class ReviewHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewHeader(ReviewSession *session, QWidget *parent = nullptr);

    void setSession(ReviewSession *session);
    void refresh(); // from the session's target, projects and state
    void setEditing(bool canEdit, const QString &whyReadOnly);

private:
    void applyRefs();

    ReviewSession *m_session;
    QLabel *m_title;
    QLabel *m_subtitle;
    QComboBox *m_project;
    QComboBox *m_base;
    QComboBox *m_head;
    QLabel *m_baseOrigin;
    QPushButton *m_compare;
    QPushButton *m_defaults;
    QLabel *m_summary;
    QLabel *m_readOnly;
};

} // namespace cwi
