#include "rawlinedelegate.h"

#include "transcript/rawlinesmodel.h"

#include <QPainter>

namespace cwi {

void RawLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    if (index.data(RawLinesModel::ChunkCutsRole).toInt() > 0)
        opt.backgroundBrush = QColor(0xff, 0xf8, 0xe1);
    QStyledItemDelegate::paint(painter, opt, index);
    if (index.data(RawLinesModel::ChunkStartRole).toBool()) {
        painter->save();
        painter->setPen(QPen(QColor(0xff, 0x8f, 0x00), 1, Qt::DashLine));
        painter->drawLine(option.rect.topLeft(), option.rect.topRight());
        painter->restore();
    }
}

} // namespace cwi
