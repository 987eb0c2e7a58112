#pragma once

// The one place status colours live. Every badge, icon and progress bar in the application
// asks here, so "blocked" is the same red in the task tree, the table browser and the
// dashboard. Values outside the catalogue's documented set get a distinct "unknown" colour
// and are labelled as unknown, never hidden.

#include <QColor>
#include <QIcon>
#include <QString>

namespace cwi {

// Colour of an enum value, e.g. statusColor("tasks", "status", "blocked"). Works for any
// enum field the catalogue knows (status, priority, category, mode, ...); an empty value
// gives the "none" grey, a value the catalogue does not document gives unknownStatusColor().
QColor statusColor(const QString &table, const QString &field, const QString &value);

// Human label: "in_progress" -> "In progress"; an undocumented value -> "foo (unknown)".
QString statusLabel(const QString &table, const QString &field, const QString &value);

// True when the catalogue documents VALUE for that enum field (or the field is not an enum).
bool isKnownStatus(const QString &table, const QString &field, const QString &value);

// A small filled circle in the status colour (cached), for item views.
QIcon statusIcon(const QString &table, const QString &field, const QString &value);

QColor unknownStatusColor();

// Text colour readable on top of BACKGROUND (black or white).
QColor contrastingTextColor(const QColor &background);

} // namespace cwi
