#pragma once

// The review-comment pane (dockable): every comment of the phase with file, line, type, author,
// first line, age and state; filter by state and file; several can be resolved at once.
// Selecting a comment asks the review to scroll the diff to it.

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace cwi {

class ReviewCommentModel;
class ReviewCommentFilterModel;

class ReviewCommentPane : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewCommentPane(ReviewCommentModel *model, QWidget *parent = nullptr);

    void setCanEdit(bool canEdit, const QString &whyNot);
    void selectComment(const QString &id);
    QStringList selectedIds() const;
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void commentActivated(const QString &id);
    void resolveRequested(const QStringList &ids, bool resolve);

private:
    void refresh();
    void updateButtons();

    ReviewCommentModel *m_model;
    ReviewCommentFilterModel *m_filter;
    QComboBox *m_state;
    QComboBox *m_file;
    QTreeView *m_view;
    QLabel *m_summary;
    QPushButton *m_resolve;
    QPushButton *m_unresolve;
    bool m_canEdit = false;
    QString m_whyNot;
};

} // namespace cwi
