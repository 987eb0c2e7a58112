#include "demotiptap.h"

#include <QJsonDocument>

namespace cwi::demo::tiptap {

namespace {

QJsonObject node(const QString &type, const QJsonArray &content)
{
    return QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("content"), content } };
}

QJsonObject listItem(const QJsonArray &blocks)
{
    return node(QStringLiteral("listItem"), blocks);
}

} // namespace

QJsonObject text(const QString &value, const QVector<Mark> &marks)
{
    QJsonObject out { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), value } };
    if (!marks.isEmpty()) {
        QJsonArray array;
        for (const Mark &mark : marks) {
            QJsonObject m { { QStringLiteral("type"), mark.type } };
            if (!mark.href.isEmpty())
                m.insert(QStringLiteral("attrs"),
                    QJsonObject { { QStringLiteral("href"), mark.href },
                        { QStringLiteral("target"), QStringLiteral("_blank") } });
            array.append(m);
        }
        out.insert(QStringLiteral("marks"), array);
    }
    return out;
}

QJsonObject paragraph(const QJsonArray &inlines)
{
    return node(QStringLiteral("paragraph"), inlines);
}

QJsonObject paragraph(const QString &plain)
{
    return paragraph(QJsonArray { text(plain) });
}

QJsonObject heading(int level, const QString &title)
{
    QJsonObject out = node(QStringLiteral("heading"), QJsonArray { text(title) });
    out.insert(QStringLiteral("attrs"), QJsonObject { { QStringLiteral("level"), level } });
    return out;
}

QJsonObject bulletList(const QVector<QJsonArray> &items)
{
    QJsonArray content;
    for (const QJsonArray &blocks : items)
        content.append(listItem(blocks));
    return node(QStringLiteral("bulletList"), content);
}

QJsonObject bulletList(const QStringList &items)
{
    QVector<QJsonArray> blocks;
    for (const QString &item : items)
        blocks.append(QJsonArray { paragraph(item) });
    return bulletList(blocks);
}

QJsonObject orderedList(const QStringList &items)
{
    QJsonArray content;
    for (const QString &item : items)
        content.append(listItem(QJsonArray { paragraph(item) }));
    QJsonObject out = node(QStringLiteral("orderedList"), content);
    out.insert(QStringLiteral("attrs"), QJsonObject { { QStringLiteral("start"), 1 } });
    return out;
}

QJsonObject taskList(const QVector<std::pair<QString, bool>> &items)
{
    QJsonArray content;
    for (const auto &[label, checked] : items) {
        QJsonObject item = node(QStringLiteral("taskItem"), QJsonArray { paragraph(label) });
        item.insert(QStringLiteral("attrs"), QJsonObject { { QStringLiteral("checked"), checked } });
        content.append(item);
    }
    return node(QStringLiteral("taskList"), content);
}

QJsonObject codeBlock(const QString &language, const QString &code)
{
    QJsonObject out = node(QStringLiteral("codeBlock"), QJsonArray { text(code) });
    out.insert(QStringLiteral("attrs"), QJsonObject { { QStringLiteral("language"), language } });
    return out;
}

QJsonObject blockquote(const QString &plain)
{
    return node(QStringLiteral("blockquote"), QJsonArray { paragraph(plain) });
}

QJsonObject horizontalRule()
{
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("horizontalRule") } };
}

QJsonObject doc(const QJsonArray &blocks)
{
    return node(QStringLiteral("doc"), blocks);
}

QString toText(const QJsonObject &document)
{
    return QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact));
}

} // namespace cwi::demo::tiptap
