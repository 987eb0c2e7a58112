#pragma once

// Paints a search hit's snippet (SearchResultModel::SnippetHtmlRole: escaped text with <b>
// around matches) on one line. The document loads no resources.

#include <QStyledItemDelegate>

namespace cwi {

class SnippetDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace cwi
