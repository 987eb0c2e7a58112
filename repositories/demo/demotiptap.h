#pragma once

// Private to the demo seeder: small builders for Tiptap (ProseMirror) JSON documents, the
// format of phases.content and pages.content.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cwi::demo::tiptap {

struct Mark
{
    QString type; // bold, italic, code, strike, link
    QString href; // for links
};

QJsonObject text(const QString &value, const QVector<Mark> &marks = {});
QJsonObject paragraph(const QJsonArray &inlines);
QJsonObject paragraph(const QString &plain);
QJsonObject heading(int level, const QString &title);
QJsonObject bulletList(const QVector<QJsonArray> &items); // each item: block children
QJsonObject bulletList(const QStringList &items);
QJsonObject orderedList(const QStringList &items);
QJsonObject taskList(const QVector<std::pair<QString, bool>> &items);
QJsonObject codeBlock(const QString &language, const QString &code);
QJsonObject blockquote(const QString &plain);
QJsonObject horizontalRule();
QJsonObject doc(const QJsonArray &blocks);
QString toText(const QJsonObject &document); // compact JSON

} // namespace cwi::demo::tiptap
