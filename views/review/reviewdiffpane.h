#pragma once

// The diff of one file in the review: a bar (Files: the file tree shown or hidden; path, status
// and counts; Side by side, Wrap lines, Whole file, Viewed; Comments: the comment list shown or
// hidden), a hint when side by side does not fit
// and unified is shown, over a list of DiffModel rows painted by DiffDelegate. It lays comment
// cards out again as soon as its width changes; everything it is asked to do goes through its
// signals and the delegate's (the review page decides).

#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QListView;
class QPushButton;
class QToolButton;

namespace cwi {

class DiffDelegate;
class DiffModel;

class ReviewDiffPane : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewDiffPane(DiffModel *diff, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    DiffDelegate *delegate() const { return m_delegate; }
    void setFileHeader(const QString &html);
    void setViewed(bool viewed); // no viewedToggled()
    void setSideBySide(bool on); // no sideBySideToggled()
    void setWrapLines(bool on); // no wrapToggled()
    void setFileTreeShown(bool shown); // no fileTreeToggled()
    void setCommentListShown(bool shown); // no commentListToggled()
    // Why side by side is not shown although chosen; empty hides the hint.
    void setNarrowHint(const QString &text);
    QString narrowHint() const;
    bool sideBySide() const;
    bool wrapLines() const;

Q_SIGNALS:
    void viewedToggled(bool viewed);
    void sideBySideToggled(bool on);
    void wrapToggled(bool on);
    void wholeFileRequested();
    void fileTreeToggled(bool shown);
    void commentListToggled(bool shown);
    void viewportWidthChanged(int width);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void arrangeBar();

    QWidget *m_bar = nullptr;
    QGridLayout *m_barLayout = nullptr;
    bool m_barTwoRows = false;
    QToolButton *m_filesToggle;
    QLabel *m_header;
    QLabel *m_narrowHint;
    QCheckBox *m_sideBySide;
    QCheckBox *m_wrap;
    QPushButton *m_wholeFile;
    QCheckBox *m_viewed;
    QToolButton *m_commentsToggle;
    QListView *m_view;
    DiffDelegate *m_delegate;
};

} // namespace cwi
