#include "transcriptdelegate.h"

#include "render/htmlwriter.h"
#include "render/inertdocument.h"
#include "transcript/eventpresentation.h"
#include "transcript/transcriptmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFontDatabase>
#include <QHeaderView>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

constexpr int kMargin = 4;

bool showsError(const QModelIndex &index)
{
    return index.data(TranscriptModel::IsErrorRole).toBool() || index.data(TranscriptModel::FailedCallRole).toBool();
}

QColor headerColor(const QModelIndex &index)
{
    if (showsError(index))
        return QColor(0xc6, 0x28, 0x28);
    switch (EventKind(index.data(TranscriptModel::KindRole).toInt())) {
    case EventKind::AssistantText:
        return QColor(0x1a, 0x4f, 0x9c);
    case EventKind::UserText:
        return QColor(0x6a, 0x1b, 0x9a);
    case EventKind::ToolCall:
        return QColor(0x00, 0x69, 0x5c);
    case EventKind::ToolResult:
        return QColor(0x45, 0x5a, 0x64);
    case EventKind::Result:
        return QColor(0x2e, 0x7d, 0x32);
    case EventKind::Incomplete:
        return QColor(0xb2, 0x6a, 0x00);
    default:
        return QColor(0x75, 0x75, 0x75);
    }
}

// Diff lines as coloured HTML rows.
QString diffHtml(const QString &diff)
{
    QString html = u"<pre style='margin:0; white-space:pre-wrap'>"_s;
    const QStringList lines = diff.split(u'\n');
    for (const QString &line : lines) {
        QString style;
        if (line.startsWith(u'+'))
            style = u"background:#e6ffec;color:#116329"_s;
        else if (line.startsWith(u'-'))
            style = u"background:#ffebe9;color:#82071e"_s;
        else if (line.startsWith(u"@@"))
            style = u"color:#6e40c9"_s;
        html += u"<span style='"_s + style + u"'>"_s + render::escaped(line) + u"</span>\n"_s;
    }
    return html + u"</pre>"_s;
}

} // namespace

TranscriptDelegate::TranscriptDelegate(QTreeView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{ }

void TranscriptDelegate::setHighlight(const QString &needle)
{
    if (needle == m_highlight)
        return;
    m_highlight = needle;
    m_documents.clear();
    m_view->viewport()->update();
}

void TranscriptDelegate::clearCache()
{
    m_documents.clear();
}

int TranscriptDelegate::availableWidth(const QModelIndex &index) const
{
    int depth = 0;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        ++depth;
    const int width
        = m_view->viewport()->width() - m_view->indentation() * (depth + (m_view->rootIsDecorated() ? 1 : 0));
    return std::max(120, width - 2 * kMargin);
}

QTextDocument *TranscriptDelegate::document(const QModelIndex &index, int width) const
{
    const QString header = index.data(TranscriptModel::HeaderRole).toString();
    const QString body = index.data(TranscriptModel::BodyRole).toString();
    const auto format = BodyFormat(index.data(TranscriptModel::BodyFormatRole).toInt());
    const bool dim = index.data(TranscriptModel::IsDimRole).toBool();
    const QString key = QString::number(index.data(TranscriptModel::LineRole).toInt()) + u'/'
        + (index.data(TranscriptModel::IsDetailRole).toBool() ? u"d"_s : u"l"_s) + u'/' + QString::number(width) + u'/'
        + QString::number(qHash(header)) + u'/' + QString::number(body.size());
    if (QTextDocument *cached = m_documents.object(key))
        return cached;

    auto *doc = new InertTextDocument;
    doc->setDocumentMargin(kMargin);
    QFont font = m_view->font();
    doc->setDefaultFont(font);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    doc->setDefaultStyleSheet(u"pre, code { font-family: '%1'; } pre { margin: 0; }"_s.arg(mono.family()));

    QString html;
    if (!header.isEmpty()) {
        html += u"<div style='color:%1; font-weight:600;%2'>%3</div>"_s.arg(
            headerColor(index).name(), dim ? u" font-style:italic"_s : QString(), render::escaped(header));
    }
    switch (format) {
    case BodyFormat::Markdown: {
        InertTextDocument md; // raw HTML inside the Markdown is text, not markup
        md.setMarkdown(body,
            QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
        html += md.toHtml().section(u"<body"_s, 1).section(u'>', 1).section(u"</body>"_s, 0, 0);
        break;
    }
    case BodyFormat::Monospace:
        if (!body.isEmpty())
            html += u"<pre style='margin:0; white-space:pre-wrap'>"_s + render::escaped(body) + u"</pre>"_s;
        break;
    case BodyFormat::Diff:
        html += diffHtml(body);
        break;
    case BodyFormat::Note:
        if (!body.isEmpty())
            html += u"<div style='color:#616161; font-size:small'>"_s + render::escaped(body) + u"</div>"_s;
        break;
    case BodyFormat::Plain:
        if (!body.isEmpty())
            html += u"<div style='white-space:pre-wrap;%1'>"_s.arg(
                        dim ? u" color:#616161; font-style:italic"_s : QString())
                + render::escaped(body) + u"</div>"_s;
        break;
    }
    doc->setHtml(html);
    // Code blocks from Markdown get the fixed font as well.
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().nonBreakableLines()) {
            QTextCursor c(block);
            c.select(QTextCursor::BlockUnderCursor);
            QTextCharFormat f;
            f.setFont(mono);
            c.mergeCharFormat(f);
        }
    }
    if (!m_highlight.isEmpty()) {
        QTextCharFormat hit;
        hit.setBackground(QColor(0xff, 0xe0, 0x66));
        for (QTextCursor c = doc->find(m_highlight); !c.isNull(); c = doc->find(m_highlight, c))
            c.mergeCharFormat(hit);
    }
    doc->setTextWidth(width);
    m_documents.insert(key, doc);
    return doc;
}

void TranscriptDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    painter->save();
    // Background: selection, sub-agent tint, error tint.
    QColor background;
    if (opt.state & QStyle::State_Selected)
        background = opt.palette.color(QPalette::Highlight).lighter(170);
    else if (showsError(index) && !index.data(TranscriptModel::IsDetailRole).toBool())
        background = QColor(0xff, 0xf0, 0xf0);
    else if (index.data(TranscriptModel::IsDetailRole).toBool())
        background = QColor(0xf6, 0xf8, 0xfa);
    else if (index.data(TranscriptModel::IsSubAgentRole).toBool())
        background = QColor(0xf3, 0xf0, 0xfa);
    if (background.isValid())
        painter->fillRect(opt.rect, background);
    painter->setPen(QColor(0xe0, 0xe0, 0xe0));
    painter->drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight());

    QTextDocument *doc = document(index, availableWidth(index));
    painter->translate(opt.rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), opt.rect.size()));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, opt.palette.color(QPalette::Text));
    doc->documentLayout()->draw(painter, context);
    painter->restore();
}

QSize TranscriptDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(option);
    const int width = availableWidth(index);
    QTextDocument *doc = document(index, width);
    return QSize(width, int(std::ceil(doc->size().height())) + 1);
}

} // namespace cwi
