#pragma once

// The "headquarters" numbers of one file, read in one go: counts by status for initiatives,
// phases and tasks; agents running, waiting for input (with their questions) and crashed in
// the last day; pending conversations; exhausted accounts; unresolved review comments per
// phase; errands needing a human; messages waiting for a response. Built from the SchemaMap
// (both spellings); what an older file lacks is listed in `notes` and reads as zero.
//
// The snapshot's values are dashboardsnapshot.h's (entities/).

#include "dashboardsnapshot.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cwi {

class Database;

// Reads the dashboard on the calling thread's read connection (call it inside the worker).
// NOW is the clock for "crashed in the last day" (tests pass a fixed one).
DashboardSnapshot readDashboard(const Database &database, const QDateTime &now = QDateTime::currentDateTimeUtc());

// pendingQuestions JSON -> question texts. Accepts an array of strings or of objects with
// "question" / "text" / "prompt", or an object holding such an array under "questions";
// returns an empty list when it does not parse.
QStringList parsePendingQuestions(const QString &json);

} // namespace cwi
