#include "diffdelegate.h"

#include "diff/diffmodel.h"
#include "diff/difftypes.h"
#include "diff/reviewcommentmodel.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {
// A light review palette of its own, so diffs read the same under any desktop theme.
const QColor kText(0x1f, 0x23, 0x28);
const QColor kMuted(0x65, 0x6d, 0x76);
const QColor kBorder(0xd0, 0xd7, 0xde);
const QColor kCanvas(0xff, 0xff, 0xff);
const QColor kSubtle(0xf6, 0xf8, 0xfa);
const QColor kAddedBg(0xe6, 0xff, 0xec);
const QColor kAddedGutter(0xcc, 0xff, 0xd8);
const QColor kAddedMark(0x1a, 0x7f, 0x37);
const QColor kRemovedBg(0xff, 0xeb, 0xe9);
const QColor kRemovedGutter(0xff, 0xd7, 0xd5);
const QColor kRemovedMark(0xcf, 0x22, 0x2e);
const QColor kHunkBg(0xdd, 0xf4, 0xff);
const QColor kAccent(0x09, 0x69, 0xda);
const QColor kOutdatedBg(0xff, 0xf8, 0xc5);
const QColor kOutdatedText(0x9a, 0x67, 0x00);
const QColor kCurrent(0xff, 0xf5, 0xb1);

constexpr int kCardMargin = 8;
constexpr int kCardPadding = 10;
constexpr int kHeaderHeight = 26;
} // namespace

DiffDelegate::DiffDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_code(QFontDatabase::systemFont(QFontDatabase::FixedFont))
    , m_ui(view->font())
{ }

int DiffDelegate::lineHeight() const
{
    return QFontMetrics(m_code).height() + 4;
}

int DiffDelegate::gutterWidth() const
{
    const int number = QFontMetrics(m_code).horizontalAdvance(u"99999"_s) + 12;
    return 2 * number + 18;
}

int DiffDelegate::rowWidth() const
{
    return qMax(200, m_view->viewport()->width());
}

DiffDelegate::CardLayout DiffDelegate::cardLayout(const QRect &rowRect, const QModelIndex &index) const
{
    CardLayout l;
    const bool expanded = index.data(DiffModel::ExpandedRole).toBool();
    const int left = rowRect.left() + gutterWidth() + kCardMargin;
    const int width = qMax(120, rowRect.right() - left - kCardMargin * 2);
    const QFontMetrics fm(m_ui);
    if (!expanded) {
        l.card = QRect(left, rowRect.top() + 3, width, fm.height() + 10);
        l.header = l.card;
        return l;
    }
    const QString body = index.data(DiffModel::BodyRole).toString();
    const QRect bodyBounds = fm.boundingRect(QRect(0, 0, width - 2 * kCardPadding - 2, 100000),
        Qt::TextWordWrap | Qt::TextExpandTabs, body.isEmpty() ? u" "_s : body);
    l.card = QRect(left, rowRect.top() + kCardMargin / 2, width,
        kHeaderHeight + bodyBounds.height() + kCardPadding + kCardPadding / 2);
    l.header = QRect(l.card.left(), l.card.top(), l.card.width(), kHeaderHeight);
    l.body = QRect(l.card.left() + kCardPadding, l.header.bottom() + kCardPadding / 2, width - 2 * kCardPadding,
        bodyBounds.height());
    if (m_canEdit) {
        const bool resolved = index.data(DiffModel::ResolvedRole).toBool();
        const QVector<QPair<CommentAction, QString>> names = {
            { resolved ? CommentAction::Unresolve : CommentAction::Resolve, resolved ? u"Unresolve"_s : u"Resolve"_s },
            { CommentAction::Edit, u"Edit"_s },
            { CommentAction::Delete, u"Delete"_s },
        };
        int right = l.header.right() - kCardPadding;
        for (auto it = names.crbegin(); it != names.crend(); ++it) {
            const int w = fm.horizontalAdvance(it->second);
            l.links.prepend({ it->first, QRect(right - w, l.header.top(), w, l.header.height()) });
            right -= w + 14;
        }
    }
    return l;
}

QSize DiffDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(option);
    const auto kind = DiffModel::RowKind(index.data(DiffModel::RowKindRole).toInt());
    switch (kind) {
    case DiffModel::LineRow:
        return { rowWidth(), lineHeight() };
    case DiffModel::HunkRow:
    case DiffModel::NoteRow:
        return { rowWidth(), lineHeight() + 6 };
    case DiffModel::CollapsedRow:
        return { rowWidth(), lineHeight() * 3 };
    case DiffModel::CommentRow: {
        const CardLayout l = cardLayout(QRect(0, 0, rowWidth(), 0), index);
        return { rowWidth(), l.card.height() + kCardMargin };
    }
    }
    return { rowWidth(), lineHeight() };
}

void DiffDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    const QRect r = option.rect;
    const auto kind = DiffModel::RowKind(index.data(DiffModel::RowKindRole).toInt());
    const bool current = option.state & QStyle::State_HasFocus || option.state & QStyle::State_Selected;
    switch (kind) {
    case DiffModel::LineRow:
        paintLine(p, r, index, option.state & QStyle::State_MouseOver, current);
        break;
    case DiffModel::HunkRow:
        p->fillRect(r, kHunkBg);
        p->setFont(m_code);
        p->setPen(kMuted);
        p->drawText(r.adjusted(gutterWidth() + 8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, index.data().toString());
        break;
    case DiffModel::NoteRow: {
        p->fillRect(r, kSubtle);
        QFont f = m_ui;
        f.setItalic(true);
        p->setFont(f);
        p->setPen(kMuted);
        p->drawText(r.adjusted(gutterWidth() + 8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, index.data().toString());
        break;
    }
    case DiffModel::CollapsedRow: {
        p->fillRect(r, kSubtle);
        p->setPen(kBorder);
        p->drawRect(r.adjusted(8, 6, -9, -7));
        p->setFont(m_ui);
        p->setPen(kAccent);
        p->drawText(r, Qt::AlignCenter, index.data().toString());
        break;
    }
    case DiffModel::CommentRow:
        p->fillRect(r, kCanvas);
        paintComment(p, r, index);
        break;
    }
    if (current && kind != DiffModel::LineRow) {
        p->setPen(QPen(kAccent, 1, Qt::DotLine));
        p->drawRect(r.adjusted(0, 0, -1, -1));
    }
    p->restore();
}

void DiffDelegate::paintLine(QPainter *p, const QRect &r, const QModelIndex &index, bool hovered, bool current) const
{
    const auto kind = DiffLine::Kind(index.data(DiffModel::LineKindRole).toInt());
    QColor bg = kCanvas;
    QColor gutter = kSubtle;
    QString mark = u" "_s;
    QColor markColor = kMuted;
    if (kind == DiffLine::Added) {
        bg = kAddedBg;
        gutter = kAddedGutter;
        mark = u"+"_s;
        markColor = kAddedMark;
    } else if (kind == DiffLine::Removed) {
        bg = kRemovedBg;
        gutter = kRemovedGutter;
        mark = u"−"_s;
        markColor = kRemovedMark;
    }
    const QFontMetrics fm(m_code);
    const int numberWidth = fm.horizontalAdvance(u"99999"_s) + 12;
    const QRect oldRect(r.left(), r.top(), numberWidth, r.height());
    const QRect newRect(oldRect.right() + 1, r.top(), numberWidth, r.height());
    const QRect markRect(newRect.right() + 1, r.top(), 18, r.height());
    const QRect codeRect(markRect.right() + 1, r.top(), r.right() - markRect.right(), r.height());
    p->fillRect(codeRect.adjusted(-18, 0, 0, 0), current ? kCurrent : bg);
    p->fillRect(QRect(r.left(), r.top(), 2 * numberWidth, r.height()), gutter);
    p->setFont(m_code);
    if (kind == DiffLine::NoNewline) {
        p->setPen(kMuted);
        p->drawText(codeRect.adjusted(4, 0, 0, 0), Qt::AlignVCenter, index.data().toString());
        return;
    }
    p->setPen(kMuted);
    const int oldLine = index.data(DiffModel::OldLineRole).toInt();
    const int newLine = index.data(DiffModel::NewLineRole).toInt();
    if (oldLine > 0)
        p->drawText(oldRect.adjusted(0, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, QString::number(oldLine));
    if (newLine > 0)
        p->drawText(newRect.adjusted(0, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, QString::number(newLine));
    p->setPen(markColor);
    p->drawText(markRect, Qt::AlignCenter, mark);
    if (hovered && m_canEdit) {
        // "Add a comment" affordance on the gutter, as review tools do.
        const QRect badge(newRect.right() - 8, r.top() + 1, r.height() - 2, r.height() - 2);
        p->setRenderHint(QPainter::Antialiasing);
        p->setBrush(kAccent);
        p->setPen(Qt::NoPen);
        p->drawRoundedRect(badge, 3, 3);
        p->setPen(Qt::white);
        p->drawText(badge, Qt::AlignCenter, u"+"_s);
    }
    QString text = index.data().toString();
    text.replace(u'\t', u"    "_s);
    p->setPen(kText);
    p->drawText(codeRect.adjusted(2, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
        fm.elidedText(text, Qt::ElideRight, codeRect.width() - 6));
}

void DiffDelegate::paintComment(QPainter *p, const QRect &r, const QModelIndex &index) const
{
    const CardLayout l = cardLayout(r, index);
    const bool resolved = index.data(DiffModel::ResolvedRole).toBool();
    const bool outdated = index.data(DiffModel::OutdatedRole).toBool();
    const bool expanded = index.data(DiffModel::ExpandedRole).toBool();
    const QString author = index.data(DiffModel::AuthorRole).toString();
    const QString age
        = ReviewCommentModel::ageText(index.data(DiffModel::CreatedAtRole).toDateTime(), QDateTime::currentDateTime());
    const QFontMetrics fm(m_ui);
    // A thin connector from the gutter to the card keeps the comment visually tied to its line.
    p->fillRect(QRect(r.left(), r.top(), gutterWidth(), r.height()), kSubtle);
    p->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(l.card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    p->fillPath(path, resolved ? kSubtle : kCanvas);
    p->setPen(QPen(resolved ? kBorder : (outdated ? kOutdatedText : kAccent), resolved ? 1 : 1.2));
    p->drawPath(path);
    p->setRenderHint(QPainter::Antialiasing, false);

    QFont bold = m_ui;
    bold.setBold(true);
    int x = l.header.left() + kCardPadding;
    if (!expanded) {
        p->setFont(m_ui);
        p->setPen(kMuted);
        const QString firstLine = index.data(DiffModel::BodyRole).toString().section(u'\n', 0, 0);
        const QString text = u"✓ Resolved · %1 · %2 — %3"_s.arg(author, age, firstLine);
        p->drawText(l.card.adjusted(kCardPadding, 0, -kCardPadding, 0), Qt::AlignVCenter | Qt::AlignLeft,
            fm.elidedText(text + u"   (click to expand)"_s, Qt::ElideMiddle, l.card.width() - 2 * kCardPadding));
        return;
    }
    p->fillRect(QRect(l.header.left() + 1, l.header.bottom(), l.header.width() - 2, 1), kBorder);
    p->setFont(bold);
    p->setPen(resolved ? kMuted : kText);
    p->drawText(QRect(x, l.header.top(), l.header.width(), l.header.height()), Qt::AlignVCenter, author);
    x += QFontMetrics(bold).horizontalAdvance(author) + 8;
    p->setFont(m_ui);
    p->setPen(kMuted);
    QString meta = age;
    if (resolved)
        meta += u" · resolved"_s;
    p->drawText(QRect(x, l.header.top(), l.header.width(), l.header.height()), Qt::AlignVCenter, meta);
    x += fm.horizontalAdvance(meta) + 10;
    if (outdated) {
        const QString tag = u"Outdated · "_s + index.data(DiffModel::AnchorTextRole).toString();
        const QRect tagRect(x, l.header.top() + 4, fm.horizontalAdvance(tag) + 12, l.header.height() - 8);
        p->setRenderHint(QPainter::Antialiasing);
        p->setBrush(kOutdatedBg);
        p->setPen(QPen(kOutdatedText, 0.8));
        p->drawRoundedRect(tagRect, 8, 8);
        p->setRenderHint(QPainter::Antialiasing, false);
        p->drawText(tagRect, Qt::AlignCenter, tag);
    }
    p->setPen(kAccent);
    for (const auto &link : l.links)
        p->drawText(link.second, Qt::AlignVCenter | Qt::AlignLeft,
            link.first == CommentAction::Resolve         ? u"Resolve"_s
                : link.first == CommentAction::Unresolve ? u"Unresolve"_s
                : link.first == CommentAction::Edit      ? u"Edit"_s
                                                         : u"Delete"_s);
    p->setPen(resolved ? kMuted : kText);
    p->drawText(l.body, Qt::TextWordWrap | Qt::TextExpandTabs | Qt::AlignLeft | Qt::AlignTop,
        index.data(DiffModel::BodyRole).toString());
}

bool DiffDelegate::editorEvent(
    QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto *mouse = static_cast<QMouseEvent *>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    const QPoint pos = mouse->position().toPoint();
    const auto kind = DiffModel::RowKind(index.data(DiffModel::RowKindRole).toInt());
    if (kind == DiffModel::LineRow && pos.x() < option.rect.left() + gutterWidth()) {
        Q_EMIT gutterClicked(index);
        return true;
    }
    if (kind == DiffModel::CollapsedRow) {
        Q_EMIT expandRequested();
        return true;
    }
    if (kind != DiffModel::CommentRow)
        return false;
    const CardLayout l = cardLayout(option.rect, index);
    if (!index.data(DiffModel::ExpandedRole).toBool()) {
        if (l.card.contains(pos))
            Q_EMIT commentAction(index, CommentAction::Toggle);
        return true;
    }
    for (const auto &link : l.links) {
        if (link.second.contains(pos)) {
            Q_EMIT commentAction(index, link.first);
            return true;
        }
    }
    if (index.data(DiffModel::ResolvedRole).toBool() && l.header.contains(pos))
        Q_EMIT commentAction(index, CommentAction::Toggle); // fold a resolved comment again
    return false;
}

} // namespace cwi
