// Text renderers on hostile and large input: how long until the first part of a 100 MB page or
// message is on screen, and deep nesting. Prints one line per case.
//   bench_render            (run from a Release build; nothing is written)

#include "render/markdownrenderer.h"
#include "render/tiptaprenderer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextDocument>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

QString j(const char *json)
{
    return QString::fromUtf8(json).replace(u'\'', u'"');
}

void measure(const char *name, const std::function<QString()> &render)
{
    QElapsedTimer timer;
    timer.start();
    const QString html = render();
    const qint64 renderMs = timer.restart();
    QTextDocument document;
    document.setHtml(html);
    document.setTextWidth(800);
    document.size(); // lay out
    const qint64 layoutMs = timer.elapsed();
    std::printf("%-44s render %6lld ms   setHtml+layout %6lld ms   html %8lld chars\n", name, renderMs, layoutMs,
        static_cast<long long>(html.size()));
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);

    const QString paragraph = j("{'type':'paragraph','content':[{'type':'text','text':'All work and no play makes "
                                "Jack a dull boy.','marks':[{'type':'bold'}]}]},");
    QString page = j("{'type':'doc','content':[") + paragraph.repeated(qsizetype(100) * 1024 * 1024 / paragraph.size());
    page.chop(1);
    page += "]}"_L1;
    measure("tiptap 100 MB page (first part)", [&] { return cwi::tiptapToHtml(page); });
    page.clear();

    QString deep = j("{'type':'doc','content':[");
    for (int i = 0; i < 10000; ++i)
        deep
            += j("{'type':'bulletList','content':[{'type':'listItem','content':[{'type':'paragraph','content':[{'type':"
                 "'text','text':'level'}]},");
    for (int i = 0; i < 10000; ++i)
        deep += "]}]}"_L1;
    deep += "]}"_L1;
    measure("tiptap list nested 10,000 deep", [&] { return cwi::tiptapToHtml(deep); });

    const QString typical
        = j("{'type':'doc','content':[{'type':'heading','attrs':{'level':2},'content':[{'type':'text',"
            "'text':'Notes'}]},")
        + paragraph.repeated(200) + j("{'type':'paragraph'}]}");
    measure("tiptap typical page (200 paragraphs)", [&] { return cwi::tiptapToHtml(typical); });

    const QString block = u"## Section\n\nParagraph with **bold**, `code` and [a link](https://example.com).\n\n"
                          "- item one\n- item two\n  - nested\n\n```ts\nconst x = 1;\n```\n\n"_s;
    QString markdown = block.repeated(qsizetype(100) * 1024 * 1024 / block.size());
    measure("markdown 100 MB message (first part)", [&] { return cwi::markdownToHtml(markdown); });
    markdown.clear();
    measure("markdown list nested 10,000 deep", [&] { return cwi::markdownToHtml(u"- "_s.repeated(10000) + u"x"_s); });
    measure("markdown typical proposal (50 sections)", [&] { return cwi::markdownToHtml(block.repeated(50)); });
    return 0;
}
