#pragma once

// Paints DiffModel rows like a code review tool: monospace code with old/new line-number gutters,
// soft green/red backgrounds, hunk headers, and review comments as cards under their line.
// Clicks are reported, not handled: the gutter ("add a comment here"), the links on a card
// (resolve, edit, delete), a collapsed resolved comment, the "show large diff" row.

#include <QFont>
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace cwi {

class DiffDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class CommentAction
    {
        None,
        Resolve,
        Unresolve,
        Edit,
        Delete,
        Toggle
    };

    explicit DiffDelegate(QAbstractItemView *view);

    void setCanEdit(bool canEdit) { m_canEdit = canEdit; }
    int gutterWidth() const;
    QFont codeFont() const { return m_code; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

Q_SIGNALS:
    void gutterClicked(const QModelIndex &index);
    void commentAction(const QModelIndex &index, cwi::DiffDelegate::CommentAction action);
    void expandRequested();

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    struct CardLayout
    {
        QRect card;
        QRect header;
        QRect body;
        QVector<QPair<CommentAction, QRect>> links;
    };
    CardLayout cardLayout(const QRect &rowRect, const QModelIndex &index) const;
    int lineHeight() const;
    int rowWidth() const;
    void paintLine(QPainter *p, const QRect &r, const QModelIndex &index, bool hovered, bool current) const;
    void paintComment(QPainter *p, const QRect &r, const QModelIndex &index) const;

    QAbstractItemView *m_view;
    QFont m_code;
    QFont m_ui;
    bool m_canEdit = false;
};

} // namespace cwi
