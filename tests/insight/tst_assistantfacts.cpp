// The index's fast readers (models/insight/assistantfacts.h), of assistant lines for the facts
// pass and of every line's texts for the text pass, against the transcript's full parser: on
// every line they accept they must find what parseEvent finds, and they must decline (so the
// indexer falls back to parseEvent) what they cannot read.

#include "insight/assistantfacts.h"
#include "insightlog.h"
#include "transcript/streamevent.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;
using namespace cwi;

namespace {

// What parseEvent says about the facts the fast reader extracts.
AssistantFacts reference(QByteArrayView line)
{
    const TranscriptEvent event = parseEvent(line);
    AssistantFacts f;
    f.messageId = event.messageId;
    f.model = event.object.value("message"_L1).toObject().value("model"_L1).toString();
    f.usage = event.usage;
    f.subAgent = event.isSubAgent();
    for (const ContentBlock &block : event.blocks) {
        if (block.kind != EventKind::ToolCall)
            continue;
        QString path;
        for (const char *key : { "file_path", "notebook_path", "path" }) {
            path = block.input.value(QLatin1StringView(key)).toString();
            if (!path.isEmpty())
                break;
        }
        f.toolCalls.append({ block.toolUseId, block.toolName, path, block.input.value("command"_L1).toString() });
    }
    return f;
}

void compare(const AssistantFacts &got, const AssistantFacts &want)
{
    QCOMPARE(got.messageId, want.messageId);
    QCOMPARE(got.model, want.model);
    QCOMPARE(got.usage.input, want.usage.input);
    QCOMPARE(got.usage.output, want.usage.output);
    QCOMPARE(got.usage.cacheCreation, want.usage.cacheCreation);
    QCOMPARE(got.usage.cacheRead, want.usage.cacheRead);
    QCOMPARE(got.subAgent, want.subAgent);
    QCOMPARE(got.toolCalls.size(), want.toolCalls.size());
    for (qsizetype i = 0; i < got.toolCalls.size(); ++i) {
        QCOMPARE(got.toolCalls[i].id, want.toolCalls[i].id);
        QCOMPARE(got.toolCalls[i].name, want.toolCalls[i].name);
        QCOMPARE(got.toolCalls[i].path, want.toolCalls[i].path);
        QCOMPARE(got.toolCalls[i].command, want.toolCalls[i].command);
    }
}

QString randomText(QRandomGenerator &rng)
{
    static const QString pieces[] = { u"plain"_s, u"\"quoted\""_s, u"back\\slash"_s, u"new\nline"_s, u"tab\t"_s,
        u"café"_s, u"✓"_s, u"😀"_s, QString(QChar(0x01)), u"\\u0041"_s, u"</script>"_s, u"\\\""_s, u"/"_s, u""_s };
    QString s;
    const int n = rng.bounded(0, 6);
    for (int i = 0; i < n; ++i)
        s += pieces[rng.bounded(int(std::size(pieces)))];
    return s;
}

QJsonValue randomNumber(QRandomGenerator &rng)
{
    switch (rng.bounded(4)) {
    case 0:
        return rng.bounded(0, 1000000);
    case 1:
        return double(rng.bounded(0, 1000)) + 0.5; // not integral: reads as 0
    case 2:
        return 1e6; // integral, written as a double
    default:
        return randomText(rng); // a string: reads as 0
    }
}

// What the indexer's text pass takes from parseEvent's blocks (its slow path), blank texts left out.
QVector<LineText> referenceTexts(QByteArrayView line)
{
    QVector<LineText> out;
    const TranscriptEvent event = parseEvent(line);
    auto add = [&](const QString &kind, const QString &tool, const QString &text) {
        if (!text.trimmed().isEmpty())
            out.append({ kind, tool, text });
    };
    if (event.kind == EventKind::Result) {
        add(u"result"_s, {}, event.result.text);
        return out;
    }
    for (const ContentBlock &block : event.blocks) {
        switch (block.kind) {
        case EventKind::AssistantText:
            add(u"text"_s, {}, block.text);
            break;
        case EventKind::UserText:
            add(u"user"_s, {}, block.text);
            break;
        case EventKind::Thinking:
            add(u"thinking"_s, {}, block.text);
            break;
        case EventKind::ToolCall: {
            QStringList parts { block.toolName };
            std::function<void(const QJsonValue &)> collect = [&](const QJsonValue &v) {
                if (v.isString()) {
                    parts.append(v.toString());
                } else if (v.isArray()) {
                    const QJsonArray items = v.toArray();
                    for (const auto &item : items)
                        collect(item);
                } else if (v.isObject()) {
                    const QJsonObject o = v.toObject();
                    for (auto it = o.begin(); it != o.end(); ++it)
                        collect(it.value());
                }
            };
            collect(block.input);
            add(u"tool"_s, block.toolName, parts.join(u'\n'));
            break;
        }
        case EventKind::ToolResult:
            add(block.isError ? u"error"_s : u"output"_s, {}, block.text);
            break;
        default:
            break;
        }
    }
    return out;
}

QString describe(const QVector<LineText> &texts)
{
    QStringList parts;
    for (const LineText &t : texts)
        parts << t.kind + u'/' + t.tool + u'/' + t.text;
    return parts.join(u" | "_s);
}

// The fast text reader's answer for LINE with blank texts left out, or "declined".
QString scannedTexts(QByteArrayView line)
{
    QVector<LineText> texts;
    if (!scanLineTexts(line, &texts))
        return u"declined"_s;
    texts.removeIf([](const LineText &t) { return t.text.trimmed().isEmpty(); });
    return describe(texts);
}

} // namespace

class TestAssistantFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheParser_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("accepted");
        const QByteArray session = test::demoSession(u"parser"_s);
        int i = 0;
        for (const QByteArray &line : session.split('\n')) {
            if (line.contains("\"type\":\"assistant\""))
                QTest::addRow("demo session line %d", i) << line << true;
            ++i;
        }
        const auto add = [](const char *name, const char *line, bool accepted) {
            QTest::newRow(name) << QByteArray(line) << accepted;
        };
        add("keys in another order, input before name",
            "{\"message\":{\"content\":[{\"input\":{\"command\":\"ls "
            "-la\",\"path\":\"/"
            "x\"},\"name\":\"Bash\",\"id\":\"t1\",\"type\":\"tool_use\"}],\"usage\":{\"output_tokens\":5,\"input_"
            "tokens\":3},\"model\":\"m\",\"id\":\"msg\"},\"type\":\"assistant\"}",
            true);
        add("file_path wins over path",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"a\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\","
            "\"name\":\"Read\",\"input\":{\"path\":\"/p\",\"file_path\":\"/f\"}}]}}",
            true);
        add("empty file_path falls back to notebook_path",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"a\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\","
            "\"name\":\"NotebookEdit\",\"input\":{\"file_path\":\"\",\"notebook_path\":\"/nb.ipynb\"}}]}}",
            true);
        add("non-string path and command read as empty",
            "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"Bash\","
            "\"input\":{\"command\":[\"ls\"],\"file_path\":7}}]}}",
            true);
        add("server_tool_use counts",
            "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"server_tool_use\",\"id\":\"s\",\"name\":"
            "\"web_search\",\"input\":{}}]}}",
            true);
        add("sub-agent",
            "{\"type\":\"assistant\",\"parent_tool_use_id\":\"toolu_1\",\"message\":{\"id\":\"m\",\"usage\":{\"input_"
            "tokens\":9}}}",
            true);
        add("parent null is no sub-agent",
            "{\"type\":\"assistant\",\"parent_tool_use_id\":null,\"message\":{\"id\":\"m\"}}", true);
        add("escapes and surrogates in kept strings",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"m\\\"1\\\\\",\"model\":\"caf\\u00e9 "
            "\\ud83d\\ude00\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\\/"
            "1\",\"name\":\"Bash\",\"input\":{\"command\":\"echo \\\"a\\\"\\n\\tb\"}}]}}",
            true);
        add("escaped key", "{\"ty\\u0070e\":\"assistant\",\"message\":{\"i\\u0064\":\"m\"}}", true);
        add("duplicate keys: the last wins",
            "{\"type\":\"assistant\",\"message\":{\"id\":\"first\",\"id\":\"second\",\"usage\":{\"input_tokens\":1,"
            "\"input_tokens\":2}}}",
            true);
        add("usage as doubles",
            "{\"type\":\"assistant\",\"message\":{\"usage\":{\"input_tokens\":12.0,\"output_tokens\":1.5,\"cache_read_"
            "input_tokens\":2e3}}}",
            true);
        add("negative and huge numbers",
            "{\"type\":\"assistant\",\"message\":{\"usage\":{\"input_tokens\":-4,\"output_tokens\":"
            "123456789012345678901234}}}",
            true);
        add("content as a string", "{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"content\":\"just text\"}}",
            true);
        add("message not an object", "{\"type\":\"assistant\",\"message\":[\"x\"]}", true);
        add("input not an object",
            "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"Read\","
            "\"input\":\"x\"}]}}",
            true);
        add("deep nesting in an input",
            "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"Task\","
            "\"input\":{\"a\":[[[{\"b\":[1,2,{\"c\":null}]}]]],\"file_path\":\"/deep\"}}]}}",
            true);
        add("whitespace everywhere", " { \"type\" : \"assistant\" , \"message\" : { \"id\" : \"m\" } } ", true);
        // Declined: the general parser decides what these are.
        add("not assistant", "{\"type\":\"user\",\"message\":{\"id\":\"m\"}}", false);
        add("type not a string", "{\"type\":[\"assistant\"],\"message\":{}}", false);
        add("cut short", "{\"type\":\"assistant\",\"message\":{\"id\":\"m\"", false);
        add("trailing garbage", "{\"type\":\"assistant\"} x", false);
        add("bad escape", "{\"type\":\"assistant\",\"message\":{\"id\":\"\\q\"}}", false);
        add("bad unicode escape", "{\"type\":\"assistant\",\"message\":{\"id\":\"\\u12\"}}", false);
        add("bad literal", "{\"type\":\"assistant\",\"message\":{\"id\":nul}}", false);
        add("bad number", "{\"type\":\"assistant\",\"message\":{\"usage\":{\"input_tokens\":-}}}", false);
        add("array at the top", "[{\"type\":\"assistant\"}]", false);
        add("empty", "", false);
    }

    void agreesWithTheParser()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, accepted);
        AssistantFacts facts;
        QCOMPARE(scanAssistantFacts(line, &facts), accepted);
        // Declining is always safe (the indexer parses the line in full), so only what is
        // accepted is compared.
        if (accepted)
            compare(facts, reference(line));
    }

    // The text pass's fast reader: on every line it accepts, the texts the indexer takes from
    // parseEvent's blocks, in their order and kinds.
    void textsAgreeWithTheParser_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("accepted");
        for (const QString &name : { u"parser"_s, u"lexer"_s, u"alpha"_s }) {
            int i = 0;
            for (const QByteArray &line : test::demoSession(name).split('\n')) {
                if (!line.isEmpty())
                    QTest::addRow("%s line %d", qPrintable(name), i) << line << true;
                ++i;
            }
        }
        const auto add = [](const char *name, const char *line, bool accepted) {
            QTest::newRow(name) << QByteArray(line) << accepted;
        };
        add("type after the message",
            "{\"message\":{\"content\":[{\"text\":\"late type\",\"type\":\"text\"}]},\"type\":\"user\"}", true);
        add("user content as a string", "{\"type\":\"user\",\"message\":{\"content\":\"hello there\"}}", true);
        add("string blocks and unknown blocks",
            "{\"type\":\"assistant\",\"message\":{\"content\":[\"plain\",7,{\"type\":\"image\"},"
            "{\"type\":\"thinking\",\"thinking\":\"hm\"},{\"type\":\"redacted_thinking\",\"data\":\"x\"}]}}",
            true);
        add("tool input in key order",
            "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_use\",\"name\":\"Edit\","
            "\"input\":{\"zeta\":\"z\",\"alpha\":[\"a1\",{\"y\":\"y\",\"b\":\"b\"}],\"n\":5,\"alpha\":\"last\"}}]}}",
            true);
        add("tool input not an object",
            "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_use\",\"name\":\"Read\","
            "\"input\":[\"x\"]}]}}",
            true);
        add("tool results of every shape",
            "{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"content\":\"plain out\"},"
            "{\"type\":\"tool_result\",\"is_error\":true,\"content\":[{\"type\":\"text\",\"text\":\"bad\"},"
            "{\"type\":\"image\",\"source\":{}},{\"z\":1,\"type\":\"other\",\"a\":[true]},5,{\"text\":\"untyped\"}]},"
            "{\"type\":\"tool_result\",\"content\":42},{\"type\":\"tool_result\",\"content\":{\"k\":\"v\"}},"
            "{\"type\":\"tool_result\",\"content\":null,\"is_error\":\"true\"},"
            "{\"type\":\"tool_result\",\"is_error\":1,\"content\":\"one is not true\"}]}}",
            true);
        add("duplicate content: the last wins",
            "{\"type\":\"assistant\",\"message\":{\"content\":\"first\",\"content\":[{\"type\":\"text\","
            "\"text\":\"one\",\"text\":\"two\"}]}}",
            true);
        add("duplicate message: the last wins",
            "{\"type\":\"user\",\"message\":{\"content\":\"first\"},\"message\":{\"content\":\"second\"}}", true);
        add("result line", "{\"type\":\"result\",\"subtype\":\"success\",\"result\":\"All done.\"}", true);
        add("result not a string", "{\"type\":\"result\",\"result\":{\"x\":\"y\"}}", true);
        add("system line", "{\"type\":\"system\",\"subtype\":\"init\",\"model\":\"m\"}", true);
        add("escapes, controls and surrogates",
            "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"a\\u0001b "
            "caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" <b>x</b>\"}]}}",
            true);
        add("message not an object", "{\"type\":\"assistant\",\"message\":\"text\"}", true);
        add("raw UTF-8 of every length",
            "{\"type\":\"user\",\"message\":{\"content\":\"caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80 long enough "
            "ascii\"}}",
            true);
        add("cut short", "{\"type\":\"assistant\",\"message\":{\"content\":\"x\"", false);
        add("bad escape in a block",
            "{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"\\q\"}]}}", false);
        add("trailing garbage", "{\"type\":\"user\",\"message\":{}} x", false);
        // QJsonDocument refuses these lines whole: the slow path decides.
        add("bytes that are not UTF-8", "{\"type\":\"user\",\"message\":{\"content\":\"a\xff\xfe b \xc3\"}}", false);
        add("an overlong encoding", "{\"type\":\"user\",\"message\":{\"content\":\"a\xc0\x80\"}}", false);
        add("an encoded surrogate", "{\"type\":\"user\",\"message\":{\"content\":\"a\xed\xa0\x80\"}}", false);
    }

    void textsAgreeWithTheParser()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, accepted);
        const QString got = scannedTexts(line);
        if (!accepted) {
            QCOMPARE(got, u"declined"_s);
            return;
        }
        QCOMPARE(got, describe(referenceTexts(line)));
    }

    // Lines written by QJsonDocument from random content: hostile strings, numbers of every
    // kind, tool calls with and without paths.
    void randomLines()
    {
        QRandomGenerator rng(20261201);
        for (int n = 0; n < 2000; ++n) {
            QJsonArray content;
            const int blocks = rng.bounded(0, 5);
            for (int b = 0; b < blocks; ++b) {
                if (rng.bounded(3) == 0) {
                    content.append(test::textBlock(randomText(rng)));
                    continue;
                }
                static const QString tools[] = { u"Read"_s, u"Edit"_s, u"Bash"_s, u"Grep"_s, u"MultiEdit"_s };
                QJsonObject input;
                if (rng.bounded(2))
                    input.insert(u"file_path"_s, randomText(rng));
                if (rng.bounded(3) == 0)
                    input.insert(u"path"_s, randomText(rng));
                if (rng.bounded(2))
                    input.insert(u"command"_s, randomText(rng));
                input.insert(u"nested"_s, QJsonObject { { u"file_path"_s, u"/not/this"_s } });
                content.append(test::toolUse(randomText(rng), tools[rng.bounded(5)], input));
            }
            QJsonObject use { { u"input_tokens"_s, randomNumber(rng) }, { u"output_tokens"_s, randomNumber(rng) },
                { u"cache_creation_input_tokens"_s, randomNumber(rng) },
                { u"cache_read_input_tokens"_s, randomNumber(rng) } };
            QJsonObject message { { u"id"_s, randomText(rng) }, { u"model"_s, randomText(rng) },
                { u"content"_s, content }, { u"usage"_s, use } };
            QJsonObject top { { u"type"_s, u"assistant"_s }, { u"message"_s, message } };
            if (rng.bounded(4) == 0)
                top.insert(u"parent_tool_use_id"_s, randomText(rng));
            const QByteArray line = QJsonDocument(top).toJson(QJsonDocument::Compact);
            AssistantFacts facts;
            QVERIFY2(scanAssistantFacts(line, &facts), line.constData());
            compare(facts, reference(line));
            QCOMPARE(scannedTexts(line), describe(referenceTexts(line)));
            if (QTest::currentTestFailed()) {
                qWarning("line: %s", line.constData());
                return;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAssistantFacts)
#include "tst_assistantfacts.moc"
