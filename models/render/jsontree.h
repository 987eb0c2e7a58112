#pragma once

// A small JSON reader for the renderers. Unlike QJsonDocument (which refuses nesting deeper
// than 1024 and needs the whole text) it is iterative, so any depth is fine, and it accepts a
// cut prefix: when the caller says the text was cut, an unexpected end closes every open
// container instead of failing, so the first part of a huge document can still be shown.

#include <QString>
#include <QStringView>

#include <vector>

namespace cwi::render {

struct JsonNode
{
    enum Type
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object
    };
    Type type = Null;
    QString text; // string value, number text, "true" / "false"
    QString key; // member name when the parent is an object
    int firstChild = -1;
    int lastChild = -1;
    int nextSibling = -1;
};

class JsonTree
{
public:
    // Parses text. When inputWasCut, an end inside a value is a truncation, not an error.
    static JsonTree parse(QStringView text, bool inputWasCut = false);

    bool isValid() const { return m_error.isEmpty() && !m_nodes.empty(); }
    bool endedEarly() const { return m_endedEarly; }
    QString error() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }

    int root() const { return m_nodes.empty() ? -1 : 0; }
    int nodeCount() const { return int(m_nodes.size()); }
    const JsonNode &node(int index) const { return m_nodes[size_t(index)]; }
    // Direct member of an object node, or -1.
    int member(int object, QStringView key) const;
    // Text of a string/number/bool member, or an empty string.
    QString memberText(int object, QStringView key) const;

private:
    int add(JsonNode::Type type, std::vector<int> &stack, QString &pendingKey);

    std::vector<JsonNode> m_nodes;
    QString m_error;
    qsizetype m_errorOffset = -1;
    bool m_endedEarly = false;
};

} // namespace cwi::render
