#include "jsontree.h"

using namespace Qt::StringLiterals;

namespace cwi::render {

namespace {

enum class Expect
{
    Value,
    ValueOrEnd,
    KeyOrEnd,
    Key,
    Colon,
    CommaOrEnd,
    Done
};

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\n' || c == u'\r' || c == u'\t';
}

// Reads a string starting after its opening quote. Returns false at the end of the text.
bool readString(QStringView s, qsizetype &pos, QString &out, QString &error)
{
    out.clear();
    const qsizetype n = s.size();
    while (pos < n) {
        const QChar c = s[pos];
        if (c == u'"') {
            ++pos;
            return true;
        }
        if (c != u'\\') {
            // Copy a run of plain characters at once.
            qsizetype end = pos + 1;
            while (end < n && s[end] != u'"' && s[end] != u'\\')
                ++end;
            out += s.mid(pos, end - pos);
            pos = end;
            continue;
        }
        if (pos + 1 >= n)
            return false;
        const QChar e = s[pos + 1];
        pos += 2;
        switch (e.unicode()) {
        case u'"':
            out += u'"';
            break;
        case u'\\':
            out += u'\\';
            break;
        case u'/':
            out += u'/';
            break;
        case u'b':
            out += u'\b';
            break;
        case u'f':
            out += u'\f';
            break;
        case u'n':
            out += u'\n';
            break;
        case u'r':
            out += u'\r';
            break;
        case u't':
            out += u'\t';
            break;
        case u'u': {
            if (pos + 4 > n) {
                pos = n;
                return false;
            }
            bool ok = false;
            const ushort code = s.mid(pos, 4).toUShort(&ok, 16);
            if (!ok) {
                error = u"bad \\u escape"_s;
                return true;
            }
            out += QChar(code);
            pos += 4;
            break;
        }
        default:
            error = u"bad escape \\%1"_s.arg(e);
            return true;
        }
    }
    return false;
}

} // namespace

int JsonTree::add(JsonNode::Type type, std::vector<int> &stack, QString &pendingKey)
{
    const int index = int(m_nodes.size());
    m_nodes.emplace_back();
    m_nodes.back().type = type;
    if (!stack.empty()) {
        JsonNode &parent = m_nodes[size_t(stack.back())];
        if (parent.type == JsonNode::Object)
            m_nodes.back().key = std::move(pendingKey);
        if (parent.lastChild >= 0)
            m_nodes[size_t(parent.lastChild)].nextSibling = index;
        else
            parent.firstChild = index;
        parent.lastChild = index;
    }
    return index;
}

JsonTree JsonTree::parse(QStringView s, bool inputWasCut)
{
    JsonTree tree;
    std::vector<int> stack;
    QString pendingKey;
    QString buffer;
    Expect expect = Expect::Value;
    qsizetype pos = 0;
    const qsizetype n = s.size();
    auto afterValue = [&] { expect = stack.empty() ? Expect::Done : Expect::CommaOrEnd; };
    auto fail = [&](const QString &message) {
        tree.m_error = message;
        tree.m_errorOffset = pos;
    };

    while (tree.m_error.isEmpty()) {
        while (pos < n && isSpace(s[pos]))
            ++pos;
        if (pos >= n)
            break;
        const QChar c = s[pos];
        switch (expect) {
        case Expect::Done:
            fail(u"unexpected text after the end of the document"_s);
            continue;
        case Expect::ValueOrEnd:
            if (c == u']') {
                stack.pop_back();
                ++pos;
                afterValue();
                continue;
            }
            [[fallthrough]];
        case Expect::Value:
            if (c == u'{' || c == u'[') {
                stack.push_back(tree.add(c == u'{' ? JsonNode::Object : JsonNode::Array, stack, pendingKey));
                ++pos;
                expect = c == u'{' ? Expect::KeyOrEnd : Expect::ValueOrEnd;
            } else if (c == u'"') {
                ++pos;
                if (!readString(s, pos, buffer, tree.m_error)) {
                    pos = n;
                    continue;
                }
                tree.m_nodes[size_t(tree.add(JsonNode::String, stack, pendingKey))].text = buffer;
                afterValue();
            } else if (c == u'-' || c.isDigit()) {
                qsizetype end = pos + 1;
                while (end < n
                    && (s[end].isDigit() || s[end] == u'.' || s[end] == u'e' || s[end] == u'E' || s[end] == u'+'
                        || s[end] == u'-'))
                    ++end;
                tree.m_nodes[size_t(tree.add(JsonNode::Number, stack, pendingKey))].text
                    = s.mid(pos, end - pos).toString();
                pos = end;
                afterValue();
            } else {
                static const QLatin1StringView literals[] = { "true"_L1, "false"_L1, "null"_L1 };
                bool matched = false;
                for (const auto literal : literals) {
                    if (s.mid(pos).startsWith(literal)) {
                        const int node
                            = tree.add(literal == "null"_L1 ? JsonNode::Null : JsonNode::Bool, stack, pendingKey);
                        tree.m_nodes[size_t(node)].text = QString(literal);
                        pos += literal.size();
                        matched = true;
                        break;
                    }
                }
                if (!matched) {
                    if (n - pos < 5 && QStringView(u"truefalsenull").contains(s.mid(pos)))
                        pos = n; // a literal cut by the end of the text
                    else
                        fail(u"unexpected character '%1'"_s.arg(c));
                    continue;
                }
                afterValue();
            }
            continue;
        case Expect::KeyOrEnd:
            if (c == u'}') {
                stack.pop_back();
                ++pos;
                afterValue();
                continue;
            }
            [[fallthrough]];
        case Expect::Key:
            if (c != u'"') {
                fail(u"expected a member name"_s);
                continue;
            }
            ++pos;
            if (!readString(s, pos, pendingKey, tree.m_error)) {
                pos = n;
                continue;
            }
            expect = Expect::Colon;
            continue;
        case Expect::Colon:
            if (c != u':') {
                fail(u"expected ':'"_s);
                continue;
            }
            ++pos;
            expect = Expect::Value;
            continue;
        case Expect::CommaOrEnd: {
            const bool inObject = tree.m_nodes[size_t(stack.back())].type == JsonNode::Object;
            if (c == u',') {
                ++pos;
                expect = inObject ? Expect::Key : Expect::Value;
            } else if ((inObject && c == u'}') || (!inObject && c == u']')) {
                ++pos;
                stack.pop_back();
                afterValue();
            } else {
                fail(inObject ? u"expected ',' or '}'"_s : u"expected ',' or ']'"_s);
            }
            continue;
        }
        }
    }

    if (tree.m_error.isEmpty() && expect != Expect::Done) {
        if (inputWasCut && !tree.m_nodes.empty()) {
            tree.m_endedEarly = true;
        } else {
            tree.m_error = tree.m_nodes.empty() && n == 0 ? u"the text is empty"_s : u"unexpected end of the text"_s;
            tree.m_errorOffset = n;
        }
    }
    return tree;
}

int JsonTree::member(int object, QStringView key) const
{
    if (object < 0 || m_nodes[size_t(object)].type != JsonNode::Object)
        return -1;
    for (int child = m_nodes[size_t(object)].firstChild; child >= 0; child = m_nodes[size_t(child)].nextSibling) {
        if (m_nodes[size_t(child)].key == key)
            return child;
    }
    return -1;
}

QString JsonTree::memberText(int object, QStringView key) const
{
    const int child = member(object, key);
    return child >= 0 ? m_nodes[size_t(child)].text : QString();
}

} // namespace cwi::render
