#pragma once

// Paints one transcript row: a coloured header (who or what), then the body as formatted text
// (Markdown for prose, monospace for commands and output, coloured lines for diffs). Search
// hits are highlighted. Laid-out documents are cached per row and width.

#include <QCache>
#include <QStyledItemDelegate>
#include <QTextDocument>

class QTreeView;

namespace cwi {

class TranscriptDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TranscriptDelegate(QTreeView *view);

    void setHighlight(const QString &needle);
    QString highlight() const { return m_highlight; }
    void clearCache();

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QTextDocument *document(const QModelIndex &index, int width) const;
    int availableWidth(const QModelIndex &index) const;

    QTreeView *m_view;
    QString m_highlight;
    mutable QCache<QString, QTextDocument> m_documents { 400 };
};

} // namespace cwi
