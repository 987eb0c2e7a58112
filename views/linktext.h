#pragma once

// Wrapped rich text with links, laid out once per width. A word-wrapped rich-text QLabel lays
// its document out again for every size it is asked (its hints at 80 characters, at no width
// and at any width, then each heightForWidth) and again for the next paint after any of them:
// a dashboard card (an HTML table of statuses, a list of agents with their questions) was laid
// out six to eight times before its first frame, half of the window's start-up on a large file.
// LinkText keeps one layout per width it was asked for and paints the last one.
//
// Links: the pointing hand over one, a click on it says linkActivated(href); Tab and Shift+Tab
// step through the links (the current one is highlighted), Enter or Space follows it. A word
// longer than the width wraps anywhere rather than overflow.

#include <QHash>
#include <QTextDocument>
#include <QVector>
#include <QWidget>

namespace cwi {

class LinkText : public QWidget
{
    Q_OBJECT
public:
    explicit LinkText(const QString &html, QWidget *parent = nullptr);

    QString text() const { return m_html; } // as given
    QString plainText() const { return m_document->toPlainText(); }
    QStringList links() const; // the hrefs, in document order
    QString anchorAt(const QPoint &pos) const; // the href of the link at POS, empty if none

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void linkActivated(const QString &href);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    struct Link
    {
        int position;
        int length;
        QString href;
    };
    void layOut(int width) const; // the document at WIDTH, unless it is laid out at it already
    void restyle(); // font or palette changed: every cached size is stale
    int linkAt(const QPoint &pos) const;

    QString m_html;
    QTextDocument *m_document; // a child
    mutable int m_laidOutWidth = -1;
    mutable QHash<int, int> m_heights; // width -> height
    mutable QSize m_sizeHint;
    QVector<Link> m_links;
    int m_current = -1; // the link Tab reached, -1 for none
    int m_pressed = -1;
};

} // namespace cwi
