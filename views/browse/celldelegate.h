#pragma once

// Paints enum values (status, priority, mode, ...) as coloured badges, in the colours every
// other view uses (statuscolors.h). Everything else is painted as usual.

#include <QStyledItemDelegate>

namespace cwi {

class CellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // TABLE names the enum's table for the colour lookup; the field comes from the header.
    explicit CellDelegate(QObject *parent = nullptr);
    void setTable(const QString &table) { m_table = table; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Paints one badge; shared with other views that show a status.
    static void paintBadge(
        QPainter *painter, const QRect &cell, const QString &text, const QColor &color, const QFont &font);

private:
    QString m_table;
};

} // namespace cwi
