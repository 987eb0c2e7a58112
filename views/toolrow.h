#pragma once

// A page's tool row: what the page shows on the left (a title, a count), what acts on it on the
// right (search, buttons). In one line where both fit, in two where they do not (a 1024 px screen
// beside both side panes), so a long title or a "(filtered)" count never makes the window wider
// than the screen. Its minimum width is the wider of the two halves, never their sum.

#include <QWidget>

class QBoxLayout;
class QHBoxLayout;

namespace cwi {

class ToolRow : public QWidget
{
    Q_OBJECT
public:
    explicit ToolRow(QWidget *parent = nullptr);

    void addLeading(QWidget *widget, int stretch = 0);
    void addLeadingSpacing(int size);
    void addTrailing(QWidget *widget, int stretch = 0);

    bool isWrapped() const;
    // The width the row needs to be one line (its halves side by side, the trailing one at its
    // minimum).
    int oneLineWidth() const;

    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void arrange(int width);

    QBoxLayout *m_box;
    QHBoxLayout *m_leading;
    QHBoxLayout *m_trailing;
};

} // namespace cwi
