#include "progressdelegate.h"

#include "statuscolors.h"
#include "tasktree/tasktreemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace cwi {

ProgressDelegate::ProgressDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int total = index.data(TaskTreeModel::ProgressTotalRole).toInt();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection
    if (total <= 0)
        return;

    const int done = index.data(TaskTreeModel::ProgressDoneRole).toInt();
    const QVariantMap counts = index.data(TaskTreeModel::StatusCountsRole).toMap();
    const QString label = QStringLiteral("%1/%2").arg(done).arg(total);
    const QRect cell = option.rect.adjusted(4, 0, -4, 0);
    const Layout places = layout(QFontMetrics(option.font), cell, label);
    const QRect bar = places.bar;
    const int barHeight = bar.height();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (bar.width() > 0) {
        QPainterPath clip;
        clip.addRoundedRect(QRectF(bar), barHeight / 2.0, barHeight / 2.0);
        painter->setClipPath(clip);
        painter->fillRect(bar, option.palette.color(QPalette::Mid).lighter(150));
        qreal x = bar.left();
        QStringList order;
        for (const QString &s : TaskTreeModel::taskStatuses())
            order.append(s);
        order.append(QStringLiteral("other"));
        for (const QString &status : std::as_const(order)) {
            const int n = counts.value(status).toInt();
            if (n <= 0)
                continue;
            const qreal w = qreal(bar.width()) * n / total;
            const QColor color = status == QLatin1StringView("other")
                ? unknownStatusColor()
                : statusColor(QStringLiteral("tasks"), QStringLiteral("status"), status);
            painter->fillRect(QRectF(x, bar.top(), w, bar.height()), color);
            x += w;
        }
        painter->setClipping(false);
    }
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(places.label, Qt::AlignVCenter | Qt::AlignRight, label);
    painter->restore();
}

ProgressDelegate::Layout ProgressDelegate::layout(const QFontMetrics &metrics, const QRect &cell, const QString &label)
{
    const int labelWidth = qMax(metrics.horizontalAdvance(QStringLiteral("0000/0000")),
        metrics.horizontalAdvance(label) + 2); // +2: rounding of fractional advances
    const int barHeight = qMax(6, qMin(10, cell.height() / 2));
    Layout out;
    out.bar = QRect(cell.left(), cell.center().y() - barHeight / 2 + 1, cell.width() - labelWidth - 6, barHeight);
    if (out.bar.width() < 20)
        out.bar.setWidth(0);
    out.label = out.bar.width() > 0
        ? QRect(out.bar.right() + 6, cell.top(), cell.right() - out.bar.right() - 6, cell.height())
        : cell;
    return out;
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString label = QStringLiteral("%1/%2")
                              .arg(index.data(TaskTreeModel::ProgressDoneRole).toInt())
                              .arg(index.data(TaskTreeModel::ProgressTotalRole).toInt());
    // Room for the whole label and a bar of at least 60 px beside it.
    size.setWidth(std::max({ size.width(), 160, QFontMetrics(option.font).horizontalAdvance(label) + 2 + 6 + 60 + 8 }));
    return size;
}

} // namespace cwi
