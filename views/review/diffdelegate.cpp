#include "diffdelegate.h"

#include "diff/diffmodel.h"
#include "diff/difftypes.h"
#include "diff/outdatedcode.h"
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
const QColor kAddedWord(0xab, 0xf2, 0xbc);
const QColor kRemovedWord(0xff, 0xc1, 0xc0);

constexpr int kCardMargin = 8;
constexpr int kCardPadding = 10;
constexpr int kHeaderHeight = 26;

// Tabs are drawn as four spaces: SPANS (offsets into TEXT) move with them.
QString expandTabs(const QString &text, QVector<textdiff::Span> &spans)
{
    if (!text.contains(u'\t'))
        return text;
    QVector<int> at(text.size() + 1);
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        at[i] = int(out.size());
        out += text.at(i) == u'\t' ? u"    "_s : QString(text.at(i));
    }
    at[text.size()] = int(out.size());
    for (textdiff::Span &span : spans) {
        const int start = at.value(span.start, int(out.size()));
        span.length = at.value(span.start + span.length, int(out.size())) - start;
        span.start = start;
    }
    return out;
}
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

int DiffDelegate::numberWidth() const
{
    return QFontMetrics(m_code).horizontalAdvance(u"99999"_s) + 12;
}

int DiffDelegate::gutterWidth() const
{
    return 2 * numberWidth() + 18;
}

bool DiffDelegate::sideBySide(const QModelIndex &index) const
{
    const auto *model = qobject_cast<const DiffModel *>(index.model());
    return model && model->isSideBySide();
}

int DiffDelegate::sideBySideWidth(int columns) const
{
    return 2 * (numberWidth() + 18 + 6 + columns * QFontMetrics(m_code).horizontalAdvance(u'0'));
}

// Room for the code of one side of a line row.
int DiffDelegate::codeWidth(const QModelIndex &index) const
{
    if (sideBySide(index))
        return rowWidth() / 2 - numberWidth() - 18 - 6;
    return rowWidth() - gutterWidth() - 6;
}

// How many rows of WIDTH pixels TEXT (tabs expanded) takes when wrapped.
int DiffDelegate::visualLines(const QString &text, int width) const
{
    const QFontMetrics fm(m_code);
    if (!m_wrap || width < 20 || fm.horizontalAdvance(text) <= width)
        return 1;
    int lines = 1;
    int x = 0;
    for (const QChar c : text) {
        const int w = fm.horizontalAdvance(c);
        if (x + w > width && x > 0) {
            ++lines;
            x = 0;
        }
        x += w;
    }
    return lines;
}

DiffDelegate::Side DiffDelegate::side(const QModelIndex &index, bool right) const
{
    Side s;
    if (right) {
        s.kind = index.data(DiffModel::RightLineKindRole).toInt();
        s.newLine = index.data(DiffModel::NewLineRole).toInt();
        s.spans = index.data(DiffModel::RightChangedSpansRole).value<QVector<textdiff::Span>>();
        s.text = expandTabs(index.data(DiffModel::RightTextRole).toString(), s.spans);
        return s;
    }
    const QVariant kind = index.data(DiffModel::LineKindRole);
    s.kind = kind.isValid() ? kind.toInt() : -1;
    s.oldLine = index.data(DiffModel::OldLineRole).toInt();
    if (!sideBySide(index))
        s.newLine = index.data(DiffModel::NewLineRole).toInt();
    s.spans = index.data(DiffModel::ChangedSpansRole).value<QVector<textdiff::Span>>();
    s.text = expandTabs(index.data().toString(), s.spans);
    return s;
}

int DiffDelegate::rowWidth() const
{
    return qMax(200, m_view->viewport()->width());
}

DiffDelegate::CardLayout DiffDelegate::cardLayout(const QRect &rowRect, const QModelIndex &index) const
{
    CardLayout l;
    const bool expanded = index.data(DiffModel::ExpandedRole).toBool();
    // Side by side, cards sit in the right column, beside the new code.
    const int left = (sideBySide(index) ? rowRect.left() + rowRect.width() / 2 + numberWidth() + 18
                                        : rowRect.left() + gutterWidth())
        + kCardMargin;
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
    // An outdated comment: the code it was written on (a caption and its lines), or why git
    // cannot give it.
    const QVariant codeData = index.data(DiffModel::OutdatedCodeRole);
    int codeHeight = 0;
    if (codeData.isValid()) {
        const OutdatedCode code = codeData.value<OutdatedCode>();
        const int textWidth = width - 2 * kCardPadding - 12;
        codeHeight = code.found()
            ? int(code.lines.size() + 1) * lineHeight() + 4
            : fm.boundingRect(QRect(0, 0, textWidth, 100000), Qt::TextWordWrap, code.unavailable).height() + 8;
        codeHeight += kCardPadding;
    }
    l.card = QRect(left, rowRect.top() + kCardMargin / 2, width,
        kHeaderHeight + codeHeight + bodyBounds.height() + kCardPadding + kCardPadding / 2);
    l.header = QRect(l.card.left(), l.card.top(), l.card.width(), kHeaderHeight);
    if (codeHeight > 0)
        l.code = QRect(l.card.left() + kCardPadding, l.header.bottom() + kCardPadding / 2, width - 2 * kCardPadding,
            codeHeight - kCardPadding / 2);
    l.body = QRect(l.card.left() + kCardPadding, l.header.bottom() + codeHeight + kCardPadding / 2,
        width - 2 * kCardPadding, bodyBounds.height());
    if (m_canEdit) {
        const bool resolved = index.data(DiffModel::ResolvedRole).toBool();
        const QVector<QPair<CommentAction, QString>> names = {
            { resolved ? CommentAction::Unresolve : CommentAction::Resolve,
                resolved ? tr("Unresolve") : tr("Resolve") },
            { CommentAction::Edit, tr("Edit") },
            { CommentAction::Delete, tr("Delete") },
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
    case DiffModel::ContextRow:
    case DiffModel::LineRow: {
        if (!m_wrap)
            return { rowWidth(), lineHeight() };
        // Only the text matters for the height (no word diff for every row laid out).
        const auto text = [&](int role) { return index.data(role).toString().replace(u'\t', u"    "_s); };
        int lines = visualLines(text(Qt::DisplayRole), codeWidth(index));
        if (sideBySide(index))
            lines = qMax(lines, visualLines(text(DiffModel::RightTextRole), codeWidth(index)));
        return { rowWidth(), lineHeight() * lines };
    }
    case DiffModel::HunkRow:
    case DiffModel::NoteRow:
    case DiffModel::ExpandRow:
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
    case DiffModel::ContextRow:
        paintLine(p, r, index, false, current);
        break;
    case DiffModel::ExpandRow:
        p->fillRect(r, kHunkBg);
        p->setFont(m_ui);
        p->setPen(kAccent);
        p->drawText(r.adjusted(gutterWidth() + 8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, index.data().toString());
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
    if (current && kind != DiffModel::LineRow && kind != DiffModel::ContextRow) {
        p->setPen(QPen(kAccent, 1, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawRect(r.adjusted(0, 0, -1, -1));
    }
    p->restore();
}

void DiffDelegate::paintLine(QPainter *p, const QRect &r, const QModelIndex &index, bool hovered, bool current) const
{
    const bool split = sideBySide(index);
    const QRect left = split ? QRect(r.left(), r.top(), r.width() / 2, r.height()) : r;
    paintSide(p, left, side(index, false), split ? 1 : 2, current);
    QRect gutter(left.left() + numberWidth(), r.top(), numberWidth(), lineHeight()); // of the new number
    if (split) {
        const QRect right(left.right() + 1, r.top(), r.right() - left.right(), r.height());
        paintSide(p, right, side(index, true), -1, current);
        p->fillRect(QRect(right.left(), r.top(), 1, r.height()), kBorder);
        gutter = QRect(right.left(), r.top(), numberWidth(), lineHeight());
    }
    if (hovered && m_canEdit) {
        // "Add a comment" affordance on the gutter, as review tools do.
        const QRect badge(gutter.right() - 8, r.top() + 1, lineHeight() - 2, lineHeight() - 2);
        p->setRenderHint(QPainter::Antialiasing);
        p->setBrush(kAccent);
        p->setPen(Qt::NoPen);
        p->drawRoundedRect(badge, 3, 3);
        p->setPen(Qt::white);
        p->setFont(m_code);
        p->drawText(badge, Qt::AlignCenter, u"+"_s);
        p->setRenderHint(QPainter::Antialiasing, false);
    }
}

// One side of a line row. NUMBERS: 2 gutters (old and new, unified), 1 (old, left side),
// -1 (new, right side).
void DiffDelegate::paintSide(QPainter *p, const QRect &r, const Side &s, int numbers, bool current) const
{
    const auto kind = DiffLine::Kind(s.kind);
    const int gutters = numbers == 2 ? 2 : 1;
    const QRect numbersRect(r.left(), r.top(), gutters * numberWidth(), r.height());
    const QRect markRect(numbersRect.right() + 1, r.top(), 18, r.height());
    const QRect codeRect(markRect.right() + 1, r.top(), r.right() - markRect.right(), r.height());
    if (s.kind < 0) { // nothing on this side of a side-by-side row
        p->fillRect(r, kSubtle);
        return;
    }
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
    const int line = lineHeight();
    p->fillRect(codeRect.adjusted(-18, 0, 0, 0), current ? kCurrent : bg);
    p->fillRect(numbersRect, gutter);
    p->setFont(m_code);
    p->setPen(kMuted);
    if (kind == DiffLine::NoNewline) {
        p->drawText(codeRect.adjusted(4, 0, 0, 0), Qt::AlignVCenter, s.text);
        return;
    }
    const QRect firstNumber(r.left(), r.top(), numberWidth(), line);
    const int leftNumber = numbers == -1 ? s.newLine : s.oldLine;
    if (leftNumber > 0)
        p->drawText(firstNumber.adjusted(0, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, QString::number(leftNumber));
    if (numbers == 2 && s.newLine > 0)
        p->drawText(firstNumber.translated(numberWidth(), 0).adjusted(0, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight,
            QString::number(s.newLine));
    p->setPen(markColor);
    p->drawText(QRect(markRect.left(), r.top(), markRect.width(), line), Qt::AlignCenter, mark);

    // The text, cut at the edge or wrapped into visual lines; changed words drawn darker.
    const QRect textRect = codeRect.adjusted(2, 0, -4, 0);
    QVector<int> starts { 0 };
    if (m_wrap && fm.horizontalAdvance(s.text) > textRect.width()) {
        int x = 0;
        for (int i = 0; i < s.text.size(); ++i) {
            const int w = fm.horizontalAdvance(s.text.at(i));
            if (x + w > textRect.width() && x > 0) {
                starts.append(i);
                x = 0;
            }
            x += w;
        }
    }
    starts.append(int(s.text.size()));
    for (int v = 0; v + 1 < starts.size(); ++v) {
        const int from = starts.at(v);
        const int to = starts.at(v + 1);
        const QRect visual(textRect.left(), r.top() + v * line, textRect.width(), line);
        for (const textdiff::Span &span : s.spans) {
            const int a = qMax(from, span.start);
            const int b = qMin(to, span.start + span.length);
            if (a >= b)
                continue;
            const int x = visual.left() + fm.horizontalAdvance(s.text.mid(from, a - from));
            const QRect word = QRect(x, visual.top() + 1, fm.horizontalAdvance(s.text.mid(a, b - a)), line - 2);
            p->fillRect(word.intersected(visual), kind == DiffLine::Added ? kAddedWord : kRemovedWord);
        }
        const QString piece = s.text.mid(from, to - from);
        p->setPen(kText);
        p->drawText(visual, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
            m_wrap ? piece : fm.elidedText(piece, Qt::ElideRight, visual.width()));
    }
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
        const QString text = tr("✓ Resolved · %1 · %2 — %3   (click to expand)").arg(author, age, firstLine);
        p->drawText(l.card.adjusted(kCardPadding, 0, -kCardPadding, 0), Qt::AlignVCenter | Qt::AlignLeft,
            fm.elidedText(text, Qt::ElideMiddle, l.card.width() - 2 * kCardPadding));
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
        meta += tr(" · resolved");
    p->drawText(QRect(x, l.header.top(), l.header.width(), l.header.height()), Qt::AlignVCenter, meta);
    x += fm.horizontalAdvance(meta) + 10;
    if (outdated) {
        const QString tag = tr("Outdated · %1").arg(index.data(DiffModel::AnchorTextRole).toString());
        const QRect tagRect(x, l.header.top() + 4, fm.horizontalAdvance(tag) + 12, l.header.height() - 8);
        p->setRenderHint(QPainter::Antialiasing);
        p->setBrush(kOutdatedBg);
        p->setPen(QPen(kOutdatedText, 0.8));
        p->drawRoundedRect(tagRect, 8, 8);
        p->setBrush(Qt::NoBrush); // else every rectangle drawn after it is filled yellow
        p->setRenderHint(QPainter::Antialiasing, false);
        p->drawText(tagRect, Qt::AlignCenter, tag);
    }
    p->setPen(kAccent);
    for (const auto &link : l.links)
        p->drawText(link.second, Qt::AlignVCenter | Qt::AlignLeft,
            link.first == CommentAction::Resolve         ? tr("Resolve")
                : link.first == CommentAction::Unresolve ? tr("Unresolve")
                : link.first == CommentAction::Edit      ? tr("Edit")
                                                         : tr("Delete"));
    if (!l.code.isEmpty())
        paintOutdatedCode(p, l.code, index);
    p->setPen(resolved ? kMuted : kText);
    p->drawText(l.body, Qt::TextWordWrap | Qt::TextExpandTabs | Qt::AlignLeft | Qt::AlignTop,
        index.data(DiffModel::BodyRole).toString());
}

// The code an outdated comment was written on, as review tools show it: a caption, then the diff
// lines around the commented line (which is marked); or, framed the same, why it is not known.
// Everything here is file content drawn as plain text.
void DiffDelegate::paintOutdatedCode(QPainter *p, const QRect &r, const QModelIndex &index) const
{
    const OutdatedCode code = index.data(DiffModel::OutdatedCodeRole).value<OutdatedCode>();
    p->fillRect(r, kSubtle);
    p->setPen(kBorder);
    p->drawRect(r.adjusted(0, 0, -1, -1));
    const QRect inner = r.adjusted(6, 2, -6, -2);
    if (!code.found()) {
        QFont italic = m_ui;
        italic.setItalic(true);
        p->setFont(italic);
        p->setPen(kMuted);
        p->drawText(inner.adjusted(0, 2, 0, 0), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, code.unavailable);
        p->setFont(m_ui);
        return;
    }
    const int line = lineHeight();
    const QFontMetrics ui(m_ui);
    p->setFont(m_ui);
    p->setPen(kMuted);
    p->drawText(QRect(inner.left(), inner.top(), inner.width(), line), Qt::AlignVCenter | Qt::AlignLeft,
        ui.elidedText(
            tr("The code it was written on, at %1").arg(code.commit.left(10)), Qt::ElideRight, inner.width()));
    const QFontMetrics fm(m_code);
    const int numbers = fm.horizontalAdvance(u"99999"_s) + 8;
    p->setFont(m_code);
    for (int i = 0; i < code.lines.size(); ++i) {
        const OutdatedCode::Line &l = code.lines.at(i);
        const QRect row(r.left() + 1, inner.top() + (i + 1) * line, r.width() - 2, line);
        QColor bg = kCanvas;
        QString mark = u" "_s;
        if (l.kind == DiffLine::Added) {
            bg = kAddedBg;
            mark = u"+"_s;
        } else if (l.kind == DiffLine::Removed) {
            bg = kRemovedBg;
            mark = u"−"_s;
        }
        p->fillRect(row, l.commented ? kCurrent : bg);
        if (l.commented)
            p->fillRect(QRect(row.left(), row.top(), 3, row.height()), kOutdatedText);
        const int number = l.kind == DiffLine::Removed ? l.oldLine : l.newLine;
        p->setPen(kMuted);
        p->drawText(QRect(row.left() + 4, row.top(), numbers - 6, line), Qt::AlignVCenter | Qt::AlignRight,
            QString::number(number));
        p->setPen(l.kind == DiffLine::Added ? kAddedMark : l.kind == DiffLine::Removed ? kRemovedMark : kMuted);
        p->drawText(QRect(row.left() + numbers + 2, row.top(), 14, line), Qt::AlignCenter, mark);
        const QRect text(row.left() + numbers + 18, row.top(), row.right() - row.left() - numbers - 22, line);
        p->setPen(kText);
        p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
            fm.elidedText(QString(l.text).replace(u'\t', u"    "_s), Qt::ElideRight, text.width()));
    }
    p->setFont(m_ui);
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
    const bool onGutter = sideBySide(index) ? (pos.x() < option.rect.left() + numberWidth()
                              || (pos.x() >= option.rect.left() + option.rect.width() / 2
                                  && pos.x() < option.rect.left() + option.rect.width() / 2 + numberWidth()))
                                            : pos.x() < option.rect.left() + gutterWidth();
    if (kind == DiffModel::LineRow && onGutter) {
        Q_EMIT gutterClicked(index);
        return true;
    }
    if (kind == DiffModel::CollapsedRow) {
        Q_EMIT expandRequested();
        return true;
    }
    if (kind == DiffModel::ExpandRow) {
        Q_EMIT expandContextRequested(index);
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
