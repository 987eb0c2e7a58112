#pragma once

// How a stored value reads in the inspector: timestamps as local date-time, NULL distinct,
// long text and JSON elided (full value in tooltips and the detail pane). One place, so that
// the table browser, the detail pane and exports agree.

#include "catalog.h"
#include "schemamap.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace cwi {

class CellFormat
{
public:
    static constexpr int kElideChars = 160;
    static constexpr int kToolTipChars = 1500;

    static QString display(const QVariant &value, const FieldSpec *field, bool raw);
    static QString toolTip(const QVariant &value, const FieldSpec *field);
    static QString columnToolTip(const QString &column, const FieldSpec *field, const TableInfo *table);

    static bool isTrue(const QVariant &value);
    static QString dateTime(const QDateTime &utc); // "2026-11-27 18:03:11" local
    static QString relativeAge(const QDateTime &utc, const QDateTime &now = QDateTime::currentDateTimeUtc());
    static QString elide(const QString &text, int chars = kElideChars); // first line, "…" when cut
    // Pretty-printed JSON, or an empty string when TEXT does not parse.
    static QString prettyJson(const QString &text);
    static QString kindName(FieldKind kind);
    // A value inside a sentence or a change list ("field: old → new"): NULL, “text” quoted on one
    // line (newlines as ⏎, cut at 120 characters), other values as they are; "—" for no value.
    // For a timestamp column (…At, …Until) the local date-time it means follows in brackets.
    static QString inlineValue(const QVariant &value, const QString &column = {});
    static QString nullText() { return QStringLiteral("NULL"); }
};

} // namespace cwi
