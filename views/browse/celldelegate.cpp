#include "celldelegate.h"

#include "browse/tablemodel.h"
#include "statuscolors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace cwi {

CellDelegate::CellDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void CellDelegate::paintBadge(
    QPainter *painter, const QRect &cell, const QString &text, const QColor &color, const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.92);
    const QFontMetrics metrics(small);
    const int height = qMin(cell.height() - 4, metrics.height() + 4);
    // +2: horizontalAdvance rounds, and an exact width would elide "Idle" to "I…".
    const int width = qMin(cell.width() - 6, metrics.horizontalAdvance(text) + 16);
    const QRect badge(cell.left() + 4, cell.center().y() - height / 2, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(contrastingTextColor(color));
    painter->setFont(small);
    painter->drawText(
        badge.adjusted(7, 0, -7, 0), Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, badge.width() - 12));
    painter->restore();
}

void CellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant badge = index.data(TableModel::EnumBadgeRole);
    if (!badge.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection as usual, then the badge instead of the text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    QString table = m_table;
    QString logical;
    // A query result's column says which table it comes from ("tasks.status").
    if (const QString origin = index.data(TableModel::BadgeFieldRole).toString(); !origin.isEmpty()) {
        table = origin.section(u'.', 0, 0);
        logical = origin.section(u'.', 1);
    } else {
        logical = index.model()->headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
        const auto *model = qobject_cast<const TableModel *>(index.model());
        if (model && model->tableInfo()) {
            const int i = model->tableInfo()->columnIndex(logical);
            if (i >= 0)
                logical = model->tableInfo()->columns.at(i).logicalName;
        }
    }
    const QString value = badge.toString();
    paintBadge(
        painter, option.rect, statusLabel(table, logical, value), statusColor(table, logical, value), option.font);
}

QSize CellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 8));
    return size;
}

} // namespace cwi
