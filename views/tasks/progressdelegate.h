#pragma once

// Paints a progress cell of the task tree: a bar split by task status (completed, in progress,
// blocked, pending, other, in the app's status colours) and "done/total" beside it.

#include <QRect>
#include <QStyledItemDelegate>

class QFontMetrics;

namespace cwi {

class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the bar and the "done/total" label go in CELL. The label always gets its full width
    // ("5015/20036" must not read "015/20036"); the bar takes what is left, or nothing.
    struct Layout
    {
        QRect bar;
        QRect label;
    };
    static Layout layout(const QFontMetrics &metrics, const QRect &cell, const QString &label);
};

} // namespace cwi
