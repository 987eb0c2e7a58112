#pragma once

// Paints DiffModel rows like a code review tool: monospace code with old/new line-number gutters,
// soft green/red backgrounds with the changed words darker, hunk headers, and review comments as
// cards under their line (in the right column when side by side; outdated ones with the code
// they were written on). Long lines are cut, or wrapped when setWrapLines(true).
// Clicks are reported, not handled: the gutter ("add a comment here"), the links on a card
// (resolve, edit, delete), a collapsed resolved comment, the "show large diff" row.

#include "diff/textdiff.h"

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
    void setWrapLines(bool wrap) { m_wrap = wrap; }
    int gutterWidth() const;
    // The row width side by side needs for COLUMNS characters of code on each side.
    int sideBySideWidth(int columns) const;
    QFont codeFont() const { return m_code; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

Q_SIGNALS:
    void gutterClicked(const QModelIndex &index);
    void commentAction(const QModelIndex &index, cwi::DiffDelegate::CommentAction action);
    void expandRequested();
    void expandContextRequested(const QModelIndex &index); // an ExpandRow was clicked

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    struct CardLayout
    {
        QRect card;
        QRect header;
        QRect code; // outdated comment: the code it was written on
        QRect body;
        QVector<QPair<CommentAction, QRect>> links;
    };
    CardLayout cardLayout(const QRect &rowRect, const QModelIndex &index) const;
    struct Side
    {
        int kind = -1; // DiffLine::Kind, -1 for an empty side
        int oldLine = 0;
        int newLine = 0;
        QString text;
        QVector<textdiff::Span> spans; // changed words
    };
    int lineHeight() const;
    int numberWidth() const;
    int rowWidth() const;
    bool sideBySide(const QModelIndex &index) const;
    int codeWidth(const QModelIndex &index) const;
    int visualLines(const QString &text, int width) const;
    Side side(const QModelIndex &index, bool right) const;
    void paintSide(QPainter *p, const QRect &r, const Side &side, int numbers, bool current) const;
    void paintLine(QPainter *p, const QRect &r, const QModelIndex &index, bool hovered, bool current) const;
    void paintComment(QPainter *p, const QRect &r, const QModelIndex &index) const;
    void paintOutdatedCode(QPainter *p, const QRect &r, const QModelIndex &index) const;

    QAbstractItemView *m_view;
    QFont m_code;
    QFont m_ui;
    bool m_canEdit = false;
    bool m_wrap = false;
};

} // namespace cwi
