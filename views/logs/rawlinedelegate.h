#pragma once

// Raw mode rows: monospace, with a rule above each line where a new chunk began and a tint on a
// line that a chunk boundary cut (RawLinesModel's roles).

#include <QStyledItemDelegate>

namespace cwi {

class RawLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace cwi
