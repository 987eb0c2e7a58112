#pragma once

// Paints a progress cell of the task tree: a bar split by task status (completed, in progress,
// blocked, pending, other, in the app's status colours) and "done/total" beside it.

#include <QStyledItemDelegate>

namespace cwi {

class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace cwi
