// Markdown -> HTML: proposals, chat and agent messages read as documents; hostile text stays text.

#include "render/markdownrenderer.h"

#include <QFile>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

using namespace Qt::StringLiterals;

namespace {

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

QTextCharFormat formatOf(const QTextDocument &doc, const QString &needle)
{
    const QTextCursor found = doc.find(needle);
    if (found.isNull())
        return {};
    QTextCursor at(const_cast<QTextDocument *>(&doc));
    at.setPosition(found.selectionStart() + 1);
    return at.charFormat();
}

QString render(const QString &markdown, cwi::RenderInfo *info = nullptr)
{
    QTextDocument doc;
    doc.setHtml(cwi::markdownToHtml(markdown, info));
    return doc.toPlainText();
}

} // namespace

class TstMarkdown : public QObject
{
    Q_OBJECT

private slots:
    void rendersAProposal()
    {
        QFile file(QFINDTESTDATA("render/fixtures/proposal.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        cwi::RenderInfo info;
        RecordingDocument doc;
        doc.setHtml(cwi::markdownToHtml(QString::fromUtf8(file.readAll()), &info));
        QVERIFY(!info.truncated);
        QCOMPARE(info.unsafeLinks, 0);
        const QString plain = doc.toPlainText();

        QCOMPARE(doc.begin().blockFormat().headingLevel(), 1);
        QCOMPARE(doc.begin().text(), u"Split the auth module"_s);
        QVERIFY(formatOf(doc, u"sessions"_s).font().bold());
        QVERIFY(formatOf(doc, u"password hashing"_s).font().italic());
        QVERIFY(formatOf(doc, u"keep it"_s).font().strikeOut());
        QCOMPARE(formatOf(doc, u"the design note"_s).anchorHref(), u"https://example.com/design"_s);
        QCOMPARE(formatOf(doc, u"https://example.com/raw"_s).anchorHref(), u"https://example.com/raw"_s);

        const QTextBlock step = doc.find(u"Move hashing"_s).block();
        QVERIFY(step.textList());
        QCOMPARE(step.textList()->format().style(), QTextListFormat::ListDecimal);
        const QTextBlock sub = doc.find(u"keep the argon2id"_s).block();
        QVERIFY(sub.textList());
        QVERIFY(sub.textList()->format().indent() > step.textList()->format().indent());
        QVERIFY(plain.contains(u"continued on a lazy line"_s));
        QCOMPARE(doc.find(u"continued on a lazy line"_s).block().textList(),
            doc.find(u"Move sessions"_s).block().textList());

        QVERIFY(plain.contains(u"\u2611 write the proposal"_s));
        QVERIFY(plain.contains(u"\u2610 review it"_s));
        QVERIFY(plain.contains(u"const x = a < b && c > d;"_s));
        QVERIFY(plain.contains(u"nested quote"_s));
        QVERIFY(!plain.contains(u"> nested"_s));
        QVERIFY(plain.contains(u"snake_case_name and a_b_c."_s));

        QTextTable *table = nullptr;
        for (QTextFrame *frame : doc.rootFrame()->childFrames())
            table = table ? table : qobject_cast<QTextTable *>(frame);
        QVERIFY(table);
        QCOMPARE(table->rows(), 3);
        QCOMPARE(table->columns(), 2);
        QCOMPARE(table->cellAt(2, 0).firstCursorPosition().block().text(), u"hash.ts"_s);
        QVERIFY(doc.requested.isEmpty());
    }

    void inlineEdgeCases_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("plain");
        QTest::newRow("unclosed emphasis") << u"a *b and **c"_s << u"a *b and **c"_s;
        QTest::newRow("unclosed code") << u"use `x here"_s << u"use `x here"_s;
        QTest::newRow("escaped star") << u"\\*not italic\\*"_s << u"*not italic*"_s;
        QTest::newRow("code keeps stars") << u"`a*b*c`"_s << u"a*b*c"_s;
        QTest::newRow("broken link") << u"[text](no close"_s << u"[text](no close"_s;
        QTest::newRow("brackets") << u"array[0] = x"_s << u"array[0] = x"_s;
        QTest::newRow("empty") << QString() << u"No text."_s;
    }

    void inlineEdgeCases()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, plain);
        QCOMPARE(render(markdown).trimmed(), plain);
    }

    void rawHtmlIsShownAsText_data()
    {
        QTest::addColumn<QString>("hostile");
        QTest::newRow("img") << u"<img src=\"http://evil.example/x.png\">"_s;
        QTest::newRow("script") << u"<script>alert(1)</script>"_s;
        QTest::newRow("html block") << u"<div style=\"display:none\">hidden</div>"_s;
        QTest::newRow("inline span") << u"a <span style=\"color:red\">red</span> b"_s;
        QTest::newRow("comment") << u"<!-- hidden -->"_s;
        QTest::newRow("iframe") << u"<iframe src=\"file:///etc/passwd\"></iframe>"_s;
    }

    void rawHtmlIsShownAsText()
    {
        QFETCH(QString, hostile);
        RecordingDocument doc;
        doc.setHtml(cwi::markdownToHtml(hostile));
        QCOMPARE(doc.toPlainText().trimmed(), hostile);
        QVERIFY(doc.requested.isEmpty());
    }

    void setextHeadings()
    {
        QTextDocument doc;
        doc.setHtml(cwi::markdownToHtml(u"Title\n=====\n\nSubtitle\n--------\n\ntext"_s));
        QCOMPARE(doc.find(u"Title"_s).block().blockFormat().headingLevel(), 1);
        QCOMPARE(doc.find(u"Subtitle"_s).block().blockFormat().headingLevel(), 2);
        QVERIFY(!doc.toPlainText().contains(u"==="_s));
        QVERIFY(!doc.toPlainText().contains(u"---"_s));
    }

    void indentedCode()
    {
        QTextDocument doc;
        doc.setHtml(cwi::markdownToHtml(u"Before:\n\n    int *p = &x;\n    **not bold**\n\nAfter"_s));
        const QTextBlock code = doc.find(u"int *p = &x;"_s).block();
        QVERIFY(code.isValid());
        QVERIFY(code.blockFormat().nonBreakableLines()); // a <pre> block
        QVERIFY(doc.toPlainText().contains(u"**not bold**"_s));
        QVERIFY(!formatOf(doc, u"not bold"_s).font().bold());
    }

    void referenceLinks()
    {
        QTextDocument doc;
        doc.setHtml(cwi::markdownToHtml(
            u"See [the note][n] and [Other].\n\n[n]: https://example.com/n \"Title\"\n[other]: <https://example.com/o>"_s));
        QCOMPARE(formatOf(doc, u"the note"_s).anchorHref(), u"https://example.com/n"_s);
        QCOMPARE(formatOf(doc, u"Other"_s).anchorHref(), u"https://example.com/o"_s);
        QCOMPARE(doc.toPlainText().trimmed(), u"See the note and Other."_s);
    }

    void entities_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("plain");
        QTest::newRow("named") << u"&lt;b&gt; &amp; &copy;"_s << u"<b> & \u00a9"_s;
        QTest::newRow("numeric") << u"&#65;&#x42; &#169;"_s << u"AB \u00a9"_s;
        QTest::newRow("unknown name stays text") << u"&bogusname;"_s << u"&bogusname;"_s;
        QTest::newRow("invalid number") << u"&#0;"_s << u"\ufffd"_s;
        QTest::newRow("in code stays text") << u"`&amp;`"_s << u"&amp;"_s;
        QTest::newRow("in a link target") << u"[q](https://example.com/?a=1&amp;b=2)"_s << u"q"_s;
    }

    void entities()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, plain);
        QTextDocument doc;
        doc.setHtml(cwi::markdownToHtml(markdown));
        QCOMPARE(doc.toPlainText().trimmed(), plain);
        if (markdown.startsWith(u'['))
            QCOMPARE(formatOf(doc, u"q"_s).anchorHref(), u"https://example.com/?a=1&b=2"_s);
    }

    void hardLineBreaks_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("plain");
        QTest::newRow("two spaces") << u"first  \nsecond"_s << u"first\nsecond"_s;
        QTest::newRow("backslash") << u"first\\\nsecond"_s << u"first\nsecond"_s;
        QTest::newRow("soft break") << u"first\nsecond"_s << u"first second"_s;
    }

    void hardLineBreaks()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, plain);
        QString shown = render(markdown).trimmed();
        shown.replace(QChar::LineSeparator, u'\n');
        QCOMPARE(shown, plain);
    }

    void strongEmphasis()
    {
        QTextDocument doc;
        doc.setHtml(cwi::markdownToHtml(u"a ***both*** b *it **bold** it*"_s));
        QCOMPARE(doc.toPlainText().trimmed(), u"a both b it bold it"_s);
        QVERIFY(formatOf(doc, u"both"_s).font().bold());
        QVERIFY(formatOf(doc, u"both"_s).font().italic());
        QVERIFY(formatOf(doc, u"bold"_s).font().bold());
        QVERIFY(formatOf(doc, u"bold"_s).font().italic());
        QVERIFY(!formatOf(doc, u" b "_s).font().bold());
    }

    void tableAlignment()
    {
        QTextDocument doc;
        doc.setHtml(cwi::markdownToHtml(u"| l | c | r | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |"_s));
        QTextTable *table = nullptr;
        for (QTextFrame *frame : doc.rootFrame()->childFrames())
            table = table ? table : qobject_cast<QTextTable *>(frame);
        QVERIFY(table);
        QCOMPARE(table->columns(), 4);
        const auto alignment = [&](int row, int column) {
            return table->cellAt(row, column).firstCursorPosition().block().blockFormat().alignment()
                & (Qt::AlignLeft | Qt::AlignRight | Qt::AlignHCenter | Qt::AlignJustify);
        };
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(alignment(row, 0), Qt::AlignLeft);
            QCOMPARE(alignment(row, 1), Qt::AlignHCenter);
            QCOMPARE(alignment(row, 2), Qt::AlignRight);
        }
        QCOMPARE(table->cellAt(1, 3).firstCursorPosition().block().text(), u"4"_s);
    }

    void autolinks_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("href");
        QTest::newRow("angle url") << u"see <https://example.com/a>"_s << u"https://example.com/a"_s
                                   << u"https://example.com/a"_s;
        QTest::newRow("bare url") << u"see https://example.com/b."_s << u"https://example.com/b"_s
                                  << u"https://example.com/b"_s;
        QTest::newRow("www") << u"see www.example.com now"_s << u"www.example.com"_s << u"http://www.example.com"_s;
        QTest::newRow("angle email") << u"mail <me@example.com>"_s << u"me@example.com"_s << u"mailto:me@example.com"_s;
        QTest::newRow("bare email") << u"mail me@example.com now"_s << u"me@example.com"_s
                                    << u"mailto:me@example.com"_s;
    }

    void autolinks()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, text);
        QFETCH(QString, href);
        cwi::RenderInfo info;
        QTextDocument doc;
        doc.setHtml(cwi::markdownToHtml(markdown, &info));
        QCOMPARE(formatOf(doc, text).anchorHref(), href);
        QCOMPARE(info.unsafeLinks, 0);
    }

    void imagesAreNotFetched()
    {
        RecordingDocument doc;
        doc.setHtml(cwi::markdownToHtml(u"![chart](http://evil.example/c.png)"_s));
        QVERIFY(doc.requested.isEmpty());
        QVERIFY(doc.toPlainText().contains(u"[image: chart"_s));
    }

    void unsafeLinksAreMarked()
    {
        cwi::RenderInfo info;
        QTextDocument doc;
        doc.setHtml(cwi::markdownToHtml(u"[click](javascript:alert(1)) and [f](file:///etc/passwd)"_s, &info));
        QCOMPARE(info.unsafeLinks, 2);
        QCOMPARE(formatOf(doc, u"click"_s).anchorHref(), u"javascript:alert(1)"_s);
        QVERIFY(doc.toPlainText().contains(u"[file:///etc/passwd]"_s));
    }

    void deepListsDoNotOverflow()
    {
        // 10,000 list markers on one line: a list in a list, 10,000 deep.
        cwi::RenderInfo info;
        QString plain = render(u"- "_s.repeated(10000) + "bottom"_L1, &info);
        QVERIFY(info.depthCapped);
        QVERIFY(plain.contains(u"bottom"_s));

        // Indented lines, one level each (1,000 levels: the indentation grows quadratically).
        QString markdown;
        for (int i = 0; i < 1000; ++i)
            markdown += QString(qsizetype(i) * 2, u' ') + "- item "_L1 + QString::number(i) + u'\n';
        info = {};
        plain = render(markdown, &info);
        QVERIFY(info.depthCapped);
        QVERIFY(!info.truncated);
        QVERIFY(plain.contains(u"item 0"_s));
        QVERIFY(plain.contains(u"item 999"_s));
    }

    void deepQuotesDoNotOverflow()
    {
        cwi::RenderInfo info;
        const QString plain = render(QString(10000, u'>') + " deep"_L1, &info);
        QVERIFY(info.depthCapped);
        QVERIFY(plain.contains(u"deep"_s));
    }

    void hugeTextIsTruncated()
    {
        const QString line = u"Paragraph with **bold** text and `code`.\n\n"_s;
        const QString markdown = line.repeated(qsizetype(100) * 1024 * 1024 / line.size());
        cwi::RenderInfo info;
        const QString html = cwi::markdownToHtml(markdown, &info);
        QVERIFY(info.truncated);
        QVERIFY(html.size() < qsizetype(8) * 1024 * 1024);
        QVERIFY(info.message.contains(u"first part"_s));
    }
};

QTEST_MAIN(TstMarkdown)
#include "tst_markdown.moc"
