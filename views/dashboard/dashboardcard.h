#pragma once

// Building blocks of the dashboard page: a titled card, a big clickable number, a stacked
// status bar, and rich-text lines whose links the page resolves.

#include <QFrame>
#include <QVector>

class QVBoxLayout;

namespace cwi {

class LinkText;

struct StatusCount;

// A rounded panel with a small upper-case title and a vertical content layout.
class DashboardCard : public QFrame
{
    Q_OBJECT
public:
    explicit DashboardCard(const QString &title, QWidget *parent = nullptr);
    QVBoxLayout *content() const { return m_content; }
    // Wrapped rich text (links emit linkActivated on the card), added to the content.
    LinkText *addText(const QString &html);
    // A big number with a caption under it; HREF empty makes it plain text.
    QWidget *metricWidget(const QString &number, const QString &caption, const QString &href, const QColor &color);

Q_SIGNALS:
    void linkActivated(const QString &href);

private:
    QVBoxLayout *m_content;
};

// The counts of one table as a horizontal bar split by status, in the app's status colours.
class StatusBarWidget : public QWidget
{
    Q_OBJECT
public:
    StatusBarWidget(const QString &table, const QVector<StatusCount> &counts, QWidget *parent = nullptr);
    QSize sizeHint() const override { return { 200, 12 }; }
    QSize minimumSizeHint() const override { return { 60, 12 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_table;
    QVector<std::pair<QColor, qint64>> m_segments;
};

} // namespace cwi
