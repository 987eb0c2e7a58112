// Tiptap JSON -> HTML: what a reader of a page sees, and what hostile content cannot do.

#include "render/tiptaprenderer.h"

#include <QFile>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

using namespace Qt::StringLiterals;

namespace {

// A document that records every resource it is asked to load (images, style sheets).
class RecordingDocument : public QTextDocument
{
public:
    QList<QUrl> requested;

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        requested << name;
        return QTextDocument::loadResource(type, name);
    }
};

// Test JSON is written with single quotes for readability.
QString j(const char *json)
{
    return QString::fromUtf8(json).replace(u'\'', u'"');
}

QString paragraphDoc(const QString &innerContentJson)
{
    return j("{'type':'doc','content':[{'type':'paragraph','content':[%1]}]}").arg(innerContentJson);
}

QString text(const QString &value, const QString &marks = {})
{
    QString escapedValue = value;
    escapedValue.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return j("{'type':'text','text':'%1'%2}").arg(escapedValue, marks.isEmpty() ? QString() : ",\"marks\":"_L1 + marks);
}

QTextCharFormat formatOf(const QTextDocument &doc, const QString &needle)
{
    QTextCursor cursor = doc.find(needle);
    if (cursor.isNull())
        return {};
    QTextCursor at(const_cast<QTextDocument *>(&doc));
    at.setPosition(cursor.selectionStart() + 1);
    return at.charFormat();
}

} // namespace

class TstTiptap : public QObject
{
    Q_OBJECT

private slots:
    void rendersAPageAsADocument()
    {
        QFile file(QFINDTESTDATA("render/fixtures/page.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        cwi::RenderInfo info;
        RecordingDocument doc;
        doc.setHtml(cwi::tiptapToHtml(QString::fromUtf8(file.readAll()), &info));
        QVERIFY(!info.parseError);
        QVERIFY(!info.truncated);
        QCOMPARE(info.unknownNodeTypes, 0);

        const QString plain = doc.toPlainText();
        for (const auto &expected : { "Authentication overview", "signed cookies", "Hash the password", "argon2id",
                 "\u2611 Login form", "\u2610 Password reset", "const a = 1 < 2;", "Never store plain passwords.",
                 "/login", "POST", "Second line." })
            QVERIFY2(plain.contains(QString::fromUtf8(expected)), expected);

        QCOMPARE(doc.begin().blockFormat().headingLevel(), 1);
        QVERIFY(formatOf(doc, u"signed cookies"_s).font().bold());
        QVERIFY(formatOf(doc, u"JWTs"_s).font().italic());
        QVERIFY(formatOf(doc, u"Basic auth"_s).font().strikeOut());
        QVERIFY(formatOf(doc, u"RFC 6265"_s).isAnchor());
        QCOMPARE(formatOf(doc, u"RFC 6265"_s).anchorHref(), u"https://example.com/rfc6265"_s);
        QVERIFY(formatOf(doc, u"auth/session.ts"_s).fontFamilies().toStringList().join(u',').contains(u"Mono"_s));

        // The nested bullet list sits inside the ordered list.
        const QTextBlock nested = doc.find(u"argon2id"_s).block();
        QVERIFY(nested.textList());
        QCOMPARE(nested.textList()->format().style(), QTextListFormat::ListDisc);
        QVERIFY(nested.textList()->format().indent()
            > doc.find(u"Hash the password"_s).block().textList()->format().indent());

        bool hasTable = false;
        for (QTextFrame *frame : doc.rootFrame()->childFrames())
            hasTable = hasTable || qobject_cast<QTextTable *>(frame);
        QVERIFY(hasTable);
        QVERIFY(doc.requested.isEmpty());
    }

    void escapesMarkupInText_data()
    {
        QTest::addColumn<QString>("hostile");
        QTest::newRow("img") << u"<img src=\"http://evil.example/x.png\">"_s;
        QTest::newRow("script") << u"<script>alert(1)</script>"_s;
        QTest::newRow("entity") << u"&amp; &lt;b&gt;"_s;
        QTest::newRow("style") << u"<style>body{color:red}</style><b>bold?</b>"_s;
    }

    void escapesMarkupInText()
    {
        QFETCH(QString, hostile);
        RecordingDocument doc;
        doc.setHtml(cwi::tiptapToHtml(paragraphDoc(text(hostile))));
        QCOMPARE(doc.toPlainText().trimmed(), hostile);
        QVERIFY(doc.requested.isEmpty());
    }

    void imagesAreNeverFetched()
    {
        RecordingDocument doc;
        doc.setHtml(cwi::tiptapToHtml(
            j("{'type':'doc','content':[{'type':'image','attrs':{'src':'file:///etc/passwd','alt':'diagram'}}]}")));
        QVERIFY(doc.requested.isEmpty());
        QVERIFY(doc.toPlainText().contains(u"[image: diagram"_s));
        QVERIFY(doc.toPlainText().contains(u"\u2014 file:///etc/passwd"_s));
    }

    void unsafeLinksAreKeptAndMarked_data()
    {
        QTest::addColumn<QString>("href");
        QTest::addColumn<bool>("safe");
        QTest::newRow("https") << u"https://example.com"_s << true;
        QTest::newRow("mailto") << u"mailto:a@b.c"_s << true;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
        QTest::newRow("JavaScript mixed case") << u"JaVaScRiPt:alert(1)"_s << false;
        QTest::newRow("file") << u"file:///etc/passwd"_s << false;
        QTest::newRow("quote breaking") << u"x\" onclick=\"evil"_s << false;
    }

    void unsafeLinksAreKeptAndMarked()
    {
        QFETCH(QString, href);
        QFETCH(bool, safe);
        QString escapedHref = href;
        escapedHref.replace(u'"', u"\\\""_s);
        cwi::RenderInfo info;
        QTextDocument doc;
        doc.setHtml(cwi::tiptapToHtml(
            paragraphDoc(text(u"click"_s, j("[{'type':'link','attrs':{'href':'%1'}}]").arg(escapedHref))), &info));
        QCOMPARE(info.unsafeLinks, safe ? 0 : 1);
        QCOMPARE(formatOf(doc, u"click"_s).anchorHref(), href);
        QCOMPARE(doc.toPlainText().contains(href), !safe); // unsafe targets are spelled out
    }

    void emptyContentGivesANote_data()
    {
        QTest::addColumn<QString>("content");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << u"  \n "_s;
        QTest::newRow("null") << u"null"_s;
        QTest::newRow("empty doc") << j("{'type':'doc','content':[]}");
    }

    void emptyContentGivesANote()
    {
        QFETCH(QString, content);
        cwi::RenderInfo info;
        QTextDocument doc;
        doc.setHtml(cwi::tiptapToHtml(content, &info));
        QVERIFY(!info.parseError);
        QVERIFY(doc.toPlainText().contains(u"empty"_s) || doc.toPlainText().contains(u"no content"_s));
    }

    void invalidJsonShowsNoteAndRawText_data()
    {
        QTest::addColumn<QString>("content");
        QTest::newRow("cut") << u"{\"type\":\"doc\",\"content\":[{\"type\":\"par"_s;
        QTest::newRow("plain text") << u"Just some notes, not JSON"_s;
        QTest::newRow("trailing garbage") << j("{'type':'doc'} trailing");
        QTest::newRow("array") << j("[1,2,3]");
        QTest::newRow("string") << u"\"hello\""_s;
        QTest::newRow("bad escape") << u"{\"type\":\"doc\",\"x\":\"\\q\"}"_s;
    }

    void invalidJsonShowsNoteAndRawText()
    {
        QFETCH(QString, content);
        cwi::RenderInfo info;
        QTextDocument doc;
        doc.setHtml(cwi::tiptapToHtml(content, &info));
        QVERIFY(info.parseError);
        QVERIFY(!info.message.isEmpty());
        QVERIFY(doc.toPlainText().contains(content));
    }

    void unknownNodesShowTheirText()
    {
        cwi::RenderInfo info;
        QTextDocument doc;
        doc.setHtml(cwi::tiptapToHtml(
            j("{'type':'doc','content':[{'type':'callout','content':[{'type':'paragraph','content':[{'type':'text','"
              "text':'Heads "
              "up'}]}]},{'type':'paragraph','content':[{'type':'mention','attrs':{'id':'x'},'text':'@bob'}]}]}"),
            &info));
        QCOMPARE(info.unknownNodeTypes, 2);
        QVERIFY(doc.toPlainText().contains(u"Heads up"_s));
        QVERIFY(doc.toPlainText().contains(u"@bob"_s));
    }

    void deepNestingDoesNotOverflow()
    {
        const int depth = 10000;
        QString json;
        json.reserve(qsizetype(depth) * 120);
        json += j("{'type':'doc','content':[");
        for (int i = 0; i < depth; ++i)
            json += j("{'type':'bulletList','content':[{'type':'listItem','content':[{'type':'paragraph','content':[{'"
                      "type':'text','text':'level ")
                + QString::number(i) + j("'}]},");
        json += j("{'type':'paragraph','content':[{'type':'text','text':'bottom'}]}");
        for (int i = 0; i < depth; ++i)
            json += "]}]}"_L1;
        json += "]}"_L1;

        cwi::RenderInfo info;
        const QString html = cwi::tiptapToHtml(json, &info);
        QVERIFY(!info.parseError);
        QVERIFY(info.depthCapped);
        QTextDocument doc;
        doc.setHtml(html);
        QVERIFY(doc.toPlainText().contains(u"level 9999"_s));
        QVERIFY(doc.toPlainText().contains(u"bottom"_s));
    }

    void deepBareArraysAreRejectedCleanly()
    {
        const QString json = QString(200000, u'[') + QString(200000, u']');
        cwi::RenderInfo info;
        cwi::tiptapToHtml(json, &info);
        QVERIFY(info.parseError);
    }

    void plainTextForSearch()
    {
        QFile file(QFINDTESTDATA("render/fixtures/page.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = cwi::tiptapToPlainText(QString::fromUtf8(file.readAll()));
        QVERIFY(text.contains(u"Authentication overview"_s));
        QVERIFY(text.contains(u"signed cookies"_s));
        QVERIFY(!text.contains(u"paragraph"_s)); // node types are not words of the page
        QVERIFY(!text.contains(u"type"_s));
        QCOMPARE(cwi::tiptapToPlainText(u"not json"_s), u"not json"_s);
    }

    void hugeContentIsTruncated()
    {
        // About 100 MB of text: the first part is rendered and the reader is told.
        const QString paragraph = paragraphDoc(text(u"All work and no play makes Jack a dull boy."_s));
        const qsizetype start = paragraph.indexOf(u'[') + 1;
        const QString inner = paragraph.mid(start, paragraph.size() - start - 2) + u',';
        QString json = j("{'type':'doc','content':[") + inner.repeated(qsizetype(100) * 1024 * 1024 / inner.size());
        json.chop(1);
        json += "]}"_L1;
        QVERIFY(json.size() > qsizetype(100) * 1000 * 1000);

        cwi::RenderInfo info;
        const QString html = cwi::tiptapToHtml(json, &info);
        QVERIFY(info.truncated);
        QVERIFY(!info.parseError);
        QVERIFY(html.size() < qsizetype(8) * 1024 * 1024);
        QVERIFY(html.contains(u"All work and no play"_s));
        QVERIFY(info.message.contains(u"first part"_s));
    }
};

QTEST_MAIN(TstTiptap)
#include "tst_tiptap.moc"
