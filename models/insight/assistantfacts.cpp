#include "assistantfacts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

constexpr int kMaxDepth = 256;

// A pull reader over one JSON text. Every call either consumes one well-formed piece or sets
// `ok` to false; once false, nothing reads further.
class Reader
{
public:
    explicit Reader(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    { }

    bool ok = true;

    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool peek(char c)
    {
        ws();
        return m_p < m_end && *m_p == c;
    }
    bool eat(char c)
    {
        if (!peek(c))
            return false;
        ++m_p;
        return true;
    }
    void expect(char c)
    {
        if (!eat(c))
            ok = false;
    }
    bool atEnd()
    {
        ws();
        return m_p == m_end;
    }

    // A string's raw bytes between its quotes; ESCAPED tells whether it holds a backslash.
    bool string(QByteArrayView *raw, bool *escaped)
    {
        if (!eat('"'))
            return ok = false;
        const char *start = m_p;
        bool sawEscape = false;
        while (true) {
            const void *q = std::memchr(m_p, '"', size_t(m_end - m_p));
            if (!q)
                return ok = false;
            const char *quote = static_cast<const char *>(q);
            const char *b = quote;
            while (b > start && b[-1] == '\\')
                --b;
            if (b != quote)
                sawEscape = true;
            m_p = quote + 1;
            if ((quote - b) % 2 == 0)
                break; // not escaped: the end of the string
        }
        if (!sawEscape)
            sawEscape = std::memchr(start, '\\', size_t(m_p - 1 - start)) != nullptr;
        *raw = QByteArrayView(start, m_p - 1 - start);
        *escaped = sawEscape;
        return true;
    }

    // The next value as a string (QJsonValue::toString: anything else reads as empty).
    QString stringValue()
    {
        if (!peek('"')) {
            skipValue();
            return {};
        }
        QByteArrayView raw;
        bool escaped = false;
        if (!string(&raw, &escaped))
            return {};
        if (escaped && !validEscapes(raw)) {
            ok = false;
            return {};
        }
        return escaped ? unescape(raw) : QString::fromUtf8(raw);
    }

    // Is the next value the string LITERAL (compared raw: LITERAL has no escapes)?
    bool stringEquals(const char *literal)
    {
        if (!peek('"')) {
            skipValue();
            return false;
        }
        QByteArrayView raw;
        bool escaped = false;
        if (!string(&raw, &escaped))
            return false;
        if (escaped && !validEscapes(raw))
            return ok = false;
        if (escaped)
            return unescape(raw) == QLatin1StringView(literal);
        return raw == QByteArrayView(literal);
    }

    // The next value as an integer (QJsonValue::toInteger: an integral number, else 0).
    qint64 integerValue()
    {
        ws();
        const char *start = m_p;
        if (m_p < m_end && (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))) {
            skipNumber();
            if (!ok)
                return 0;
            bool plain = true;
            for (const char *c = start; c < m_p; ++c)
                plain = plain && (*c == '-' || (*c >= '0' && *c <= '9'));
            if (plain && m_p - start <= 18)
                return QByteArrayView(start, m_p - start).toLongLong();
            const double d = QByteArrayView(start, m_p - start).toDouble();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18)
                return qint64(d);
            return 0;
        }
        skipValue();
        return 0;
    }

    // The next value's bytes, skipped (for the rare value only a full JSON parser reads right).
    QByteArrayView rawValue(int depth = 0)
    {
        ws();
        const char *start = m_p;
        skipValue(depth);
        return QByteArrayView(start, m_p - start);
    }

    bool isBoolTrue()
    {
        ws();
        if (m_end - m_p >= 4 && std::memcmp(m_p, "true", 4) == 0) {
            m_p += 4;
            return true;
        }
        skipValue(); // QJsonValue::toBool: anything else reads as false
        return false;
    }

    void skipValue(int depth = 0)
    {
        if (depth > kMaxDepth) {
            ok = false;
            return;
        }
        ws();
        if (m_p >= m_end) {
            ok = false;
            return;
        }
        switch (*m_p) {
        case '"': {
            QByteArrayView raw;
            bool escaped = false;
            string(&raw, &escaped);
            if (ok && escaped)
                ok = validEscapes(raw);
            return;
        }
        case '{':
            ++m_p;
            if (eat('}'))
                return;
            do {
                QByteArrayView key;
                bool escaped = false;
                if (!string(&key, &escaped))
                    return;
                expect(':');
                skipValue(depth + 1);
            } while (ok && eat(','));
            expect('}');
            return;
        case '[':
            ++m_p;
            if (eat(']'))
                return;
            do
                skipValue(depth + 1);
            while (ok && eat(','));
            expect(']');
            return;
        case 't':
            literal("true");
            return;
        case 'f':
            literal("false");
            return;
        case 'n':
            literal("null");
            return;
        default:
            skipNumber();
            return;
        }
    }

    // Calls MEMBER(key, escaped) for each member of the object that comes next; MEMBER must
    // read the value (or skip it).
    template<typename Member> void object(Member member)
    {
        if (!eat('{')) {
            ok = false;
            return;
        }
        if (eat('}'))
            return;
        do {
            QByteArrayView key;
            bool escaped = false;
            if (!string(&key, &escaped))
                return;
            expect(':');
            if (!ok)
                return;
            if (!escaped) {
                member(key);
            } else if (validEscapes(key)) {
                const QByteArray decoded = unescape(key).toUtf8(); // rare: "ty\u0070e" is "type"
                member(QByteArrayView(decoded));
            } else {
                ok = false;
            }
        } while (ok && eat(','));
        expect('}');
    }

    template<typename Item> void array(Item item)
    {
        if (!eat('[')) {
            ok = false;
            return;
        }
        if (eat(']'))
            return;
        do
            item();
        while (ok && eat(','));
        expect(']');
    }

    static QString unescape(QByteArrayView raw)
    {
        QString out;
        out.reserve(raw.size());
        const char *p = raw.data();
        const char *end = p + raw.size();
        while (p < end) {
            const char *slash = static_cast<const char *>(std::memchr(p, '\\', size_t(end - p)));
            if (!slash) {
                out.append(QString::fromUtf8(p, end - p));
                break;
            }
            out.append(QString::fromUtf8(p, slash - p));
            p = slash + 1;
            if (p >= end)
                break;
            const char c = *p++;
            switch (c) {
            case 'n':
                out.append(QChar(u'\n'));
                break;
            case 't':
                out.append(QChar(u'\t'));
                break;
            case 'r':
                out.append(QChar(u'\r'));
                break;
            case 'b':
                out.append(QChar(u'\b'));
                break;
            case 'f':
                out.append(QChar(u'\f'));
                break;
            case 'u':
                if (end - p >= 4) {
                    out.append(QChar(char16_t(QByteArrayView(p, 4).toUShort(nullptr, 16))));
                    p += 4;
                }
                break;
            default: // \" \\ \/
                out.append(QLatin1Char(c));
                break;
            }
        }
        return out;
    }

private:
    static bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

    static bool validEscapes(QByteArrayView raw)
    {
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\')
                continue;
            if (++i >= raw.size())
                return false;
            switch (raw[i]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                break;
            case 'u':
                for (int k = 1; k <= 4; ++k) {
                    if (i + k >= raw.size() || !isHex(raw[i + k]))
                        return false;
                }
                i += 4;
                break;
            default:
                return false;
            }
        }
        return true;
    }

    void literal(const char *word)
    {
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0) {
            ok = false;
            return;
        }
        m_p += n;
    }

    void skipNumber()
    {
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        const char *digits = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        if (m_p == digits) {
            ok = false;
            return;
        }
        if (m_p < m_end && *m_p == '.') {
            const char *fraction = ++m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == fraction)
                ok = false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            const char *exponent = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == exponent)
                ok = false;
        }
    }

    const char *m_p;
    const char *m_end;
};

void readInput(Reader &r, AssistantFacts::ToolCall *call)
{
    if (!r.peek('{')) {
        r.skipValue(); // toObject() of anything else is empty
        return;
    }
    QString filePath, notebookPath, path;
    r.object([&](QByteArrayView key) {
        if (key == "file_path")
            filePath = r.stringValue();
        else if (key == "notebook_path")
            notebookPath = r.stringValue();
        else if (key == "path")
            path = r.stringValue();
        else if (key == "command")
            call->command = r.stringValue();
        else
            r.skipValue(1);
    });
    call->path = !filePath.isEmpty() ? filePath : !notebookPath.isEmpty() ? notebookPath : path;
}

void readBlock(Reader &r, AssistantFacts *out)
{
    if (!r.peek('{')) {
        r.skipValue(); // a string is text; anything else an unknown block
        return;
    }
    bool isToolUse = false;
    AssistantFacts::ToolCall call;
    r.object([&](QByteArrayView key) {
        if (key == "type") {
            const QString type = r.stringValue();
            isToolUse = type == u"tool_use" || type == u"server_tool_use";
        } else if (key == "id") {
            call.id = r.stringValue();
        } else if (key == "name") {
            call.name = r.stringValue();
        } else if (key == "input") {
            call = { call.id, call.name, {}, {} };
            readInput(r, &call);
        } else {
            r.skipValue(1);
        }
    });
    if (r.ok && isToolUse)
        out->toolCalls.append(std::move(call));
}

void readMessage(Reader &r, AssistantFacts *out)
{
    if (!r.peek('{')) {
        r.skipValue(); // toObject() of anything else is empty: no facts
        return;
    }
    r.object([&](QByteArrayView key) {
        if (key == "id") {
            out->messageId = r.stringValue();
        } else if (key == "model") {
            out->model = r.stringValue();
        } else if (key == "usage") {
            out->usage = {};
            if (!r.peek('{')) {
                r.skipValue();
                return;
            }
            r.object([&](QByteArrayView field) {
                if (field == "input_tokens")
                    out->usage.input = r.integerValue();
                else if (field == "output_tokens")
                    out->usage.output = r.integerValue();
                else if (field == "cache_creation_input_tokens")
                    out->usage.cacheCreation = r.integerValue();
                else if (field == "cache_read_input_tokens")
                    out->usage.cacheRead = r.integerValue();
                else
                    r.skipValue(2);
            });
        } else if (key == "content") {
            out->toolCalls.clear();
            if (!r.peek('[')) {
                r.skipValue();
                return;
            }
            r.array([&] { readBlock(r, out); });
        } else {
            r.skipValue(1);
        }
    });
}

} // namespace

bool scanAssistantFacts(QByteArrayView line, AssistantFacts *out)
{
    *out = {};
    Reader r(line);
    bool isAssistant = false;
    r.object([&](QByteArrayView key) {
        if (key == "type") {
            isAssistant = r.stringEquals("assistant");
        } else if (key == "message") {
            *out = { {}, {}, {}, out->subAgent, {} };
            readMessage(r, out);
        } else if (key == "parent_tool_use_id") {
            out->subAgent = !r.stringValue().isEmpty();
        } else {
            r.skipValue();
        }
    });
    return r.ok && r.atEnd() && isAssistant;
}

namespace {

// What a JSON value holds, parsed the general way: a tool's input or a result's odd content.
QJsonValue parsedValue(QByteArrayView raw)
{
    const QByteArray wrapped = '[' + raw.toByteArray() + ']';
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

// A tool result's content as parseEvent's toolResultText() has it.
QString resultContent(Reader &r)
{
    if (r.peek('"'))
        return r.stringValue();
    if (!r.peek('[')) {
        const QByteArrayView raw = r.rawValue();
        const QJsonValue value = parsedValue(raw);
        return value.isNull() || value.isUndefined()
            ? QString()
            : QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
    }
    QStringList parts;
    r.array([&] {
        if (!r.peek('{')) { // toObject() of it is empty: "{}"
            r.skipValue(1);
            parts.append(u"{}"_s);
            return;
        }
        const QByteArrayView raw = r.rawValue(1);
        // Most items are {"type":"text","text":...}: read them here; anything else as parseEvent.
        Reader item(raw);
        QString type, text;
        int keys = 0;
        item.object([&](QByteArrayView key) {
            ++keys;
            if (key == "type")
                type = item.stringValue();
            else if (key == "text")
                text = item.stringValue();
            else
                item.skipValue(2);
        });
        if (item.ok && type == u"text") {
            parts.append(text);
        } else if (item.ok && type == u"image") {
            parts.append(u"[image]"_s);
        } else {
            const QJsonObject block = parsedValue(raw).toObject();
            parts.append(QString::fromUtf8(QJsonDocument(block).toJson(QJsonDocument::Compact)));
        }
    });
    return parts.join(u'\n');
}

void readTextBlock(Reader &r, bool fromUser, QVector<LineText> *out)
{
    if (r.peek('"')) {
        out->append({ fromUser ? u"user"_s : u"text"_s, {}, r.stringValue() });
        return;
    }
    if (!r.peek('{')) {
        r.skipValue(); // an unknown block: not indexed
        return;
    }
    QString type, text, thinking, name, content;
    QByteArrayView input;
    bool hasInput = false;
    bool isError = false;
    r.object([&](QByteArrayView key) {
        if (key == "type") {
            type = r.stringValue();
        } else if (key == "text") {
            text = r.stringValue();
        } else if (key == "thinking") {
            thinking = r.stringValue();
        } else if (key == "name") {
            name = r.stringValue();
        } else if (key == "input") {
            input = r.rawValue(1);
            hasInput = true;
        } else if (key == "content") {
            content = resultContent(r);
        } else if (key == "is_error") {
            isError = r.isBoolTrue();
        } else {
            r.skipValue(1);
        }
    });
    if (!r.ok)
        return;
    if (type == u"text") {
        out->append({ fromUser ? u"user"_s : u"text"_s, {}, text });
    } else if (type == u"thinking") {
        out->append({ u"thinking"_s, {}, thinking });
    } else if (type == u"redacted_thinking") {
        out->append({ u"thinking"_s, {}, u"(redacted)"_s });
    } else if (type == u"tool_use" || type == u"server_tool_use") {
        QStringList parts { name };
        if (hasInput) {
            const QJsonValue value = parsedValue(input);
            if (value.isObject())
                appendJsonStrings(value, &parts);
        }
        out->append({ u"tool"_s, name, parts.join(u'\n') });
    } else if (type == u"tool_result") {
        out->append({ isError ? u"error"_s : u"output"_s, {}, content });
    }
}

} // namespace

bool scanLineTexts(QByteArrayView line, QVector<LineText> *out)
{
    out->clear();
    if (!line.isValidUtf8())
        return false; // QJsonDocument refuses it whole (the transcript shows it unparseable): so does this
    Reader r(line);
    QString type, result;
    QByteArrayView message; // read once the line's type is known (it may come after)
    bool hasMessage = false;
    r.object([&](QByteArrayView key) {
        if (key == "type") {
            type = r.stringValue();
        } else if (key == "result") {
            result = r.stringValue();
        } else if (key == "message") {
            hasMessage = r.peek('{');
            message = r.rawValue();
        } else {
            r.skipValue();
        }
    });
    if (!r.ok || !r.atEnd())
        return false;
    if (type == u"result") {
        out->append({ u"result"_s, {}, result });
    } else if ((type == u"assistant" || type == u"user") && hasMessage) {
        const bool fromUser = type == u"user";
        Reader m(message);
        m.object([&](QByteArrayView field) {
            if (field != "content") {
                m.skipValue(1);
                return;
            }
            out->clear();
            if (m.peek('['))
                m.array([&] { readTextBlock(m, fromUser, out); });
            else if (m.peek('"'))
                readTextBlock(m, fromUser, out);
            else
                m.skipValue(1);
        });
        return m.ok;
    }
    return true;
}

void appendJsonStrings(const QJsonValue &value, QStringList *out)
{
    if (value.isString()) {
        out->append(value.toString());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const auto &item : array)
            appendJsonStrings(item, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            appendJsonStrings(it.value(), out);
    }
}

} // namespace cwi
