#pragma once

// The diff of one file in the review: a bar (path, status and counts; Side by side, Wrap lines,
// Whole file, Viewed) over a list of DiffModel rows painted by DiffDelegate. It lays comment
// cards out again as soon as its width changes; everything it is asked to do goes through its
// signals and the delegate's (the review page decides).

#include <QWidget>

class QCheckBox;
class QLabel;
class QListView;
class QPushButton;

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
    bool sideBySide() const;
    bool wrapLines() const;

Q_SIGNALS:
    void viewedToggled(bool viewed);
    void sideBySideToggled(bool on);
    void wrapToggled(bool on);
    void wholeFileRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_header;
    QCheckBox *m_sideBySide;
    QCheckBox *m_wrap;
    QPushButton *m_wholeFile;
    QCheckBox *m_viewed;
    QListView *m_view;
    DiffDelegate *m_delegate;
};

} // namespace cwi
