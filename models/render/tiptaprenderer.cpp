#include "tiptaprenderer.h"

#include "htmlwriter.h"
#include "jsontree.h"

#include <QHash>
#include <QLocale>
#include <QStringList>

#include <vector>

using namespace Qt::StringLiterals;

namespace cwi {

using render::escaped;
using render::JsonNode;
using render::JsonTree;

namespace {

enum class Kind
{
    Doc,
    Paragraph,
    Heading,
    Text,
    HardBreak,
    List,
    TaskList,
    ListItem,
    TaskItem,
    CodeBlock,
    Blockquote,
    Rule,
    Table,
    Row,
    Cell,
    HeaderCell,
    Image,
    Unknown
};

Kind kindOf(const QString &type)
{
    static const QHash<QString, Kind> kinds = {
        { u"doc"_s, Kind::Doc },
        { u"paragraph"_s, Kind::Paragraph },
        { u"heading"_s, Kind::Heading },
        { u"text"_s, Kind::Text },
        { u"hardBreak"_s, Kind::HardBreak },
        { u"bulletList"_s, Kind::List },
        { u"orderedList"_s, Kind::List },
        { u"taskList"_s, Kind::TaskList },
        { u"listItem"_s, Kind::ListItem },
        { u"taskItem"_s, Kind::TaskItem },
        { u"codeBlock"_s, Kind::CodeBlock },
        { u"blockquote"_s, Kind::Blockquote },
        { u"horizontalRule"_s, Kind::Rule },
        { u"table"_s, Kind::Table },
        { u"tableRow"_s, Kind::Row },
        { u"tableCell"_s, Kind::Cell },
        { u"tableHeader"_s, Kind::HeaderCell },
        { u"image"_s, Kind::Image },
    };
    return kinds.value(type, Kind::Unknown);
}

// Containers whose paragraphs are written without <p>, because QTextDocument turns a <p>
// inside <li> or <td> into an extra empty line.
bool isCompact(Kind kind)
{
    return kind == Kind::ListItem || kind == Kind::TaskItem || kind == Kind::Cell || kind == Kind::HeaderCell;
}

struct Frame
{
    int node = -1;
    int nextChild = -1;
    Kind kind = Kind::Unknown;
    QString close;
    bool countsDepth = false; // an emitted list or blockquote level
    int childIndex = 0;
};

class TiptapWriter
{
public:
    TiptapWriter(const JsonTree &tree, RenderInfo &info, const RenderLimits &limits)
        : m_tree(tree)
        , m_info(info)
        , m_limits(limits)
    { }

    QString run()
    {
        enter(m_tree.root(), Kind::Doc);
        while (!m_stack.empty()) {
            if (m_out.size() > m_limits.maxOutputChars) {
                m_info.truncated = true;
                while (!m_stack.empty())
                    leave();
                break;
            }
            Frame &top = m_stack.back();
            if (top.nextChild < 0) {
                leave();
                continue;
            }
            const int child = top.nextChild;
            top.nextChild = m_tree.node(child).nextSibling;
            const int index = top.childIndex++;
            if (m_tree.node(child).type != JsonNode::Object)
                continue; // stray value in a content array: nothing to show
            enter(child, top.kind, index);
        }
        return m_out;
    }

private:
    int depth() const { return m_depth; }

    void enter(int node, Kind parent, int indexInParent = 0)
    {
        const QString type = m_tree.memberText(node, u"type");
        const Kind kind = node == m_tree.root() && type.isEmpty() ? Kind::Doc : kindOf(type);
        Frame frame;
        frame.node = node;
        frame.kind = kind;
        const int content = m_tree.member(node, u"content");
        frame.nextChild
            = content >= 0 && m_tree.node(content).type == JsonNode::Array ? m_tree.node(content).firstChild : -1;

        switch (kind) {
        case Kind::Doc:
            break;
        case Kind::Paragraph:
            if (isCompact(parent)) {
                if (indexInParent > 0)
                    m_out += "<br/>"_L1;
            } else {
                m_out += "<p>"_L1;
                frame.close = u"</p>"_s;
            }
            break;
        case Kind::Heading: {
            const int level = qBound(1, m_tree.memberText(m_tree.member(node, u"attrs"), u"level").toInt(), 6);
            m_out += "<h"_L1 + QString::number(level) + u'>';
            frame.close = "</h"_L1 + QString::number(level) + u'>';
            break;
        }
        case Kind::Text:
            m_out += textHtml(node);
            frame.nextChild = -1;
            break;
        case Kind::HardBreak:
            m_out += "<br/>"_L1;
            break;
        case Kind::List:
        case Kind::TaskList:
            if (m_depth >= m_limits.maxVisibleDepth) {
                m_info.depthCapped = true;
                break;
            }
            frame.countsDepth = true;
            if (kind == Kind::TaskList) {
                m_out += "<ul style=\"list-style-type:none;\">"_L1;
                frame.close = u"</ul>"_s;
            } else if (type == "orderedList"_L1) {
                const QString start = m_tree.memberText(m_tree.member(node, u"attrs"), u"start");
                m_out += start.isEmpty() ? u"<ol>"_s : "<ol start=\""_L1 + QString::number(start.toInt()) + "\">"_L1;
                frame.close = u"</ol>"_s;
            } else {
                m_out += "<ul>"_L1;
                frame.close = u"</ul>"_s;
            }
            break;
        case Kind::ListItem:
        case Kind::TaskItem: {
            QString marker;
            if (kind == Kind::TaskItem) {
                const bool checked = m_tree.memberText(m_tree.member(node, u"attrs"), u"checked") == "true"_L1;
                marker = checked ? u"\u2611 "_s : u"\u2610 "_s;
            }
            if (m_stack.back().countsDepth) {
                m_out += "<li>"_L1 + marker;
                frame.close = u"</li>"_s;
            } else {
                // Beyond the visible depth: one line per item, marked as nested.
                m_out += u"<br/>\u21b3 "_s + marker;
            }
            break;
        }
        case Kind::CodeBlock: {
            const QString language = m_tree.memberText(m_tree.member(node, u"attrs"), u"language");
            if (!language.isEmpty())
                m_out += "<p style=\"color:#6b6b6b; font-size:small; margin-bottom:0;\">"_L1 + escaped(language)
                    + "</p>"_L1;
            m_out += "<pre style=\"font-family:"_L1 + render::monospaceFamily() + "; background-color:#f5f5f5;\">"_L1
                + plainText(node) + "</pre>"_L1;
            frame.nextChild = -1;
            break;
        }
        case Kind::Blockquote:
            if (m_depth >= m_limits.maxVisibleDepth) {
                m_info.depthCapped = true;
                break;
            }
            frame.countsDepth = true;
            m_out += "<blockquote style=\"color:#555555;\">"_L1;
            frame.close = u"</blockquote>"_s;
            break;
        case Kind::Rule:
            m_out += "<hr/>"_L1;
            break;
        case Kind::Table:
            m_out += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-color:#c8c8c8;\">"_L1;
            frame.close = u"</table>"_s;
            break;
        case Kind::Row:
            m_out += "<tr>"_L1;
            frame.close = u"</tr>"_s;
            break;
        case Kind::Cell:
        case Kind::HeaderCell: {
            const QString tag = kind == Kind::Cell ? u"td"_s : u"th"_s;
            const int attrs = m_tree.member(node, u"attrs");
            const int colspan = m_tree.memberText(attrs, u"colspan").toInt();
            const int rowspan = m_tree.memberText(attrs, u"rowspan").toInt();
            m_out += u'<' + tag;
            if (colspan > 1)
                m_out += " colspan=\""_L1 + QString::number(qMin(colspan, 100)) + u'"';
            if (rowspan > 1)
                m_out += " rowspan=\""_L1 + QString::number(qMin(rowspan, 1000)) + u'"';
            m_out += u'>';
            frame.close = "</"_L1 + tag + u'>';
            break;
        }
        case Kind::Image: {
            const int attrs = m_tree.member(node, u"attrs");
            const QString alt = m_tree.memberText(attrs, u"alt");
            const QString src = m_tree.memberText(attrs, u"src");
            m_out += "<span style=\"color:#6b6b6b;\">[image"_L1 + (alt.isEmpty() ? QString() : ": "_L1 + escaped(alt))
                + (src.isEmpty() ? QString() : u" \u2014 "_s + escaped(src.left(200))) + "]</span>"_L1;
            frame.nextChild = -1;
            break;
        }
        case Kind::Unknown: {
            ++m_info.unknownNodeTypes;
            const QString title = "Unknown node type: "_L1 + escaped(type.isEmpty() ? u"(none)"_s : type);
            const bool block
                = parent == Kind::Doc || parent == Kind::Blockquote || isCompact(parent) || parent == Kind::Unknown;
            const QString tag = block ? u"div"_s : u"span"_s;
            m_out += u'<' + tag + " title=\""_L1 + title + "\" style=\"background-color:#fff6db;\">"_L1;
            const QString text = m_tree.memberText(node, u"text");
            if (!text.isEmpty())
                m_out += escaped(text);
            frame.close = "</"_L1 + tag + u'>';
            break;
        }
        }
        if (frame.countsDepth)
            ++m_depth;
        m_stack.push_back(std::move(frame));
    }

    void leave()
    {
        Frame &top = m_stack.back();
        m_out += top.close;
        if (top.countsDepth)
            --m_depth;
        m_stack.pop_back();
    }

    QString textHtml(int node)
    {
        QString html = escaped(m_tree.memberText(node, u"text"));
        const int marks = m_tree.member(node, u"marks");
        if (marks < 0 || m_tree.node(marks).type != JsonNode::Array)
            return html;
        std::vector<int> list;
        for (int mark = m_tree.node(marks).firstChild; mark >= 0; mark = m_tree.node(mark).nextSibling)
            list.push_back(mark);
        // The first mark ends up outermost.
        for (auto it = list.rbegin(); it != list.rend(); ++it) {
            const QString type = m_tree.memberText(*it, u"type");
            if (type == "bold"_L1)
                html = "<b>"_L1 + html + "</b>"_L1;
            else if (type == "italic"_L1)
                html = "<i>"_L1 + html + "</i>"_L1;
            else if (type == "strike"_L1)
                html = "<s>"_L1 + html + "</s>"_L1;
            else if (type == "underline"_L1)
                html = "<u>"_L1 + html + "</u>"_L1;
            else if (type == "code"_L1)
                html = "<code style=\"font-family:"_L1 + render::monospaceFamily() + "; background-color:#f0f0f0;\">"_L1
                    + html + "</code>"_L1;
            else if (type == "highlight"_L1)
                html = "<span style=\"background-color:#fff3a0;\">"_L1 + html + "</span>"_L1;
            else if (type == "subscript"_L1)
                html = "<sub>"_L1 + html + "</sub>"_L1;
            else if (type == "superscript"_L1)
                html = "<sup>"_L1 + html + "</sup>"_L1;
            else if (type == "link"_L1)
                html = render::linkHtml(m_tree.memberText(m_tree.member(*it, u"attrs"), u"href"), html, &m_info);
            else
                ++m_info.unknownNodeTypes;
        }
        return html;
    }

    // Escaped text of every descendant text node, in order (code blocks: no marks).
    QString plainText(int node) const
    {
        QString text;
        std::vector<int> pending { node };
        while (!pending.empty()) {
            const int current = pending.back();
            pending.pop_back();
            if (m_tree.memberText(current, u"type") == "text"_L1)
                text += m_tree.memberText(current, u"text");
            else if (m_tree.memberText(current, u"type") == "hardBreak"_L1)
                text += u'\n';
            const int content = m_tree.member(current, u"content");
            if (content < 0)
                continue;
            std::vector<int> children;
            for (int c = m_tree.node(content).firstChild; c >= 0; c = m_tree.node(c).nextSibling)
                children.push_back(c);
            pending.insert(pending.end(), children.rbegin(), children.rend());
        }
        return escaped(text);
    }

    const JsonTree &m_tree;
    RenderInfo &m_info;
    const RenderLimits &m_limits;
    std::vector<Frame> m_stack;
    QString m_out;
    int m_depth = 0;
};

QString sizeText(qsizetype chars)
{
    return QLocale::c().formattedDataSize(chars, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

QString tiptapToHtml(const QString &json, RenderInfo *infoOut, const RenderLimits &limits)
{
    RenderInfo info;
    QString html;
    const QStringView trimmed = QStringView(json).trimmed();
    if (trimmed.isEmpty() || trimmed == u"null") {
        html = render::noteHtml(u"This document is empty."_s);
        if (infoOut)
            *infoOut = info;
        return html;
    }

    const bool cut = trimmed.size() > limits.maxInputChars || limits.sourceChars > json.size();
    const JsonTree tree = JsonTree::parse(trimmed.left(limits.maxInputChars), cut);
    const int root = tree.root();
    if (!tree.isValid() || tree.node(root).type != JsonNode::Object) {
        info.parseError = true;
        info.truncated = cut;
        info.message = tree.isValid()
            ? u"The content is JSON but not a Tiptap document."_s
            : u"The content is not valid JSON (%1 at character %2)."_s.arg(tree.error()).arg(tree.errorOffset());
        html = render::noteHtml(info.message + " The raw text follows."_L1)
            + render::rawTextHtml(trimmed, qMin<qsizetype>(limits.maxInputChars, 256 * 1024));
        if (infoOut)
            *infoOut = info;
        return html;
    }

    if (cut)
        info.truncated = true;
    TiptapWriter writer(tree, info, limits);
    QString body = writer.run();
    if (body.trimmed().isEmpty())
        body = render::noteHtml(u"This document has no content."_s);

    QStringList notes;
    if (info.truncated)
        notes << u"Only the first part is shown: the document is %1 long."_s.arg(
            sizeText(qMax<qint64>(json.size(), limits.sourceChars)));
    if (info.depthCapped)
        notes << u"Nesting deeper than %1 levels is shown flattened."_s.arg(limits.maxVisibleDepth);
    if (info.unknownNodeTypes > 0)
        notes << u"%1 unknown element(s) shown as plain text (tinted)."_s.arg(info.unknownNodeTypes);
    info.message = notes.join(u' ');
    html = body;
    if (info.truncated || info.depthCapped)
        html = render::noteHtml(info.message) + body
            + (info.truncated ? render::noteHtml(u"\u2026 (truncated)"_s) : QString());
    if (infoOut)
        *infoOut = info;
    return html;
}

QString tiptapToPlainText(const QString &json)
{
    const JsonTree tree = JsonTree::parse(json);
    if (!tree.isValid() || tree.node(tree.root()).type != JsonNode::Object)
        return json;
    QString text;
    // Nodes are stored in document order, so one pass over them reads the text in order.
    for (int i = 0; i < tree.nodeCount(); ++i) {
        const JsonNode &node = tree.node(i);
        if (node.type == JsonNode::String && node.key == "text"_L1)
            text += node.text;
        else if (node.type == JsonNode::Object && !text.isEmpty() && !text.endsWith(u'\n'))
            text += u'\n';
    }
    return text;
}

} // namespace cwi
