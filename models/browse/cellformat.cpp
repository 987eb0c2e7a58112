#include "cellformat.h"

#include "entities.h"

#include <QJsonDocument>
#include <QLocale>

namespace cwi {

bool CellFormat::isTrue(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString();
        return text == u"1" || text.compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
    }
    return value.toLongLong() != 0;
}

QString CellFormat::dateTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString CellFormat::relativeAge(const QDateTime &utc, const QDateTime &now)
{
    if (!utc.isValid())
        return {};
    const qint64 seconds = utc.secsTo(now);
    const qint64 magnitude = qAbs(seconds);
    QString amount;
    if (magnitude < 60)
        amount = QString::number(magnitude) + u" s";
    else if (magnitude < 3600)
        amount = QString::number(magnitude / 60) + u" min";
    else if (magnitude < qint64(86400) * 2)
        amount = QString::number(magnitude / 3600) + u" h";
    else
        amount = QString::number(magnitude / 86400) + u" days";
    return seconds >= 0 ? QString(amount + u" ago") : QString(u"in " + amount);
}

QString CellFormat::elide(const QString &text, int chars)
{
    const qsizetype newline = text.indexOf(u'\n');
    QString line = newline >= 0 ? text.left(newline) : text;
    bool cut = newline >= 0;
    if (line.size() > chars) {
        line.truncate(chars);
        cut = true;
    }
    return cut ? QString(line + u'…') : line;
}

QString CellFormat::prettyJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return {};
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

QString CellFormat::display(const QVariant &value, const FieldSpec *field, bool raw)
{
    if (value.isNull())
        return nullText();
    if (value.typeId() == QMetaType::QByteArray && !raw)
        return u"<" + QLocale().formattedDataSize(value.toByteArray().size()) + u" blob>";
    if (!raw && field) {
        switch (field->kind) {
        case FieldKind::Timestamp: {
            const QDateTime when = Timestamp::interpret(value);
            return when.isValid() ? dateTime(when) : elide(value.toString());
        }
        case FieldKind::Boolean:
            return isTrue(value) ? QStringLiteral("true") : QStringLiteral("false");
        default:
            break;
        }
    }
    return elide(value.toString());
}

QString CellFormat::inlineValue(const QVariant &value, const QString &column)
{
    if (!value.isValid())
        return QStringLiteral("—");
    if (value.isNull())
        return nullText();
    QString shown = value.toString();
    if (value.typeId() == QMetaType::QString) {
        shown.replace(u'\n', QStringLiteral(" ⏎ "));
        shown = u'“' + (shown.size() > 120 ? QString(shown.left(117) + u'…') : shown) + u'”';
    }
    if (!(column.endsWith(u"At") || column.endsWith(u"Until")))
        return shown;
    const QDateTime at = Timestamp::interpret(value);
    return at.isValid() ? QString(shown + u"  (" + dateTime(at) + u')') : shown;
}

QString CellFormat::toolTip(const QVariant &value, const FieldSpec *field)
{
    if (value.isNull())
        return QStringLiteral("NULL (no value)");
    const QString text = value.toString();
    if (field && field->kind == FieldKind::Timestamp) {
        const QDateTime when = Timestamp::interpret(value);
        if (when.isValid())
            return dateTime(when) + u" (" + relativeAge(when) + u")\nstored: " + text;
    }
    if (field && field->kind == FieldKind::Enum && !field->enumValues.contains(text))
        return text + u"\nnot one of the documented values: " + field->enumValues.join(u", ");
    if (field && (field->kind == FieldKind::Json || field->kind == FieldKind::Tiptap) && !text.isEmpty()) {
        const QString pretty = prettyJson(text.left(qsizetype(64) * 1024));
        if (pretty.isEmpty())
            return u"Does not parse as JSON:\n" + text.left(kToolTipChars);
        return pretty.left(kToolTipChars) + (pretty.size() > kToolTipChars ? QStringLiteral("\n…") : QString());
    }
    if (text.size() <= kElideChars && !text.contains(u'\n'))
        return {};
    return text.left(kToolTipChars) + (text.size() > kToolTipChars ? QStringLiteral("\n…") : QString());
}

QString CellFormat::kindName(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Text:
        return QStringLiteral("text");
    case FieldKind::Integer:
        return QStringLiteral("integer");
    case FieldKind::Timestamp:
        return QStringLiteral("timestamp");
    case FieldKind::Boolean:
        return QStringLiteral("boolean");
    case FieldKind::Json:
        return QStringLiteral("JSON");
    case FieldKind::Tiptap:
        return QStringLiteral("Tiptap JSON");
    case FieldKind::Enum:
        return QStringLiteral("enum");
    case FieldKind::Blob:
        return QStringLiteral("blob");
    }
    return {};
}

QString CellFormat::columnToolTip(const QString &column, const FieldSpec *field, const TableInfo *table)
{
    if (!field)
        return column + u"\nnot in the Codewalkers schema; shown as stored";
    QString tip = column + u" (" + field->name + u", " + kindName(field->kind) + u')';
    if (field->kind == FieldKind::Enum)
        tip += u"\nvalues: " + field->enumValues.join(u", ");
    if (field->kind == FieldKind::Timestamp && table)
        tip += u"\nstored as: " + timestampUnitName(table->timestampUnits.value(field->name));
    if (!field->references.isEmpty())
        tip += u"\nrefers to " + field->references;
    return tip + u"\nFilter: text (contains), =x, !=x, <x, >x, NULL, !NULL";
}

} // namespace cwi
