#pragma once

// Shared by the write-path tests: a fixture holding one row in every state the manual actions
// care about, and a typed dump of the whole file to prove "nothing else changed".

#include "schemamap.h"

#include <QMap>
#include <QString>

namespace cwi::test {

// A QTemporaryDir template in memory (/dev/shm) when there is one: the tests commit thousands of
// small transactions and are about their contents, not about fsync speed.
QString tempDirTemplate();

// Timestamps of every seeded row: 1700000000 (Seconds), 1700000000000 (Milliseconds) or
// "2023-11-14T22:13:20.000Z" (IsoText).
QVariant seededTimestamp(TimestampUnit unit);

// Creates PATH from the migrations in STYLE and inserts the rows below; false on failure.
//  initiative I1, project PJ, phase P1 (in_progress)
//  tasks: T-blocked (retryCount 3), T-crashed / T-stopped (in_progress, agent crashed / stopped),
//         T-gone (in_progress, no agent), T-running (in_progress, agent running), T-done (completed)
//  agents: A-crashed, A-stopped, A-running, A-idle, A-dismissed (userDismissedAt set)
//  review comments RC-open, RC-resolved on P1; conversations C-pending, C-answered
//  messages M-req (to the user, requires response), M-info (no response), M-agent (to an agent)
//  proposals PR-pending, PR-accepted; accounts AC-ex (exhausted), AC-fine; errands E-active, E-merged
bool seedActionFixture(const QString &path, NameStyle style, TimestampUnit unit);

// Every row of every table: "table/id" (or "table/#rowid") -> real column -> "type:value".
using Dump = QMap<QString, QMap<QString, QString>>;
Dump dumpAll(const QString &path);

// "int:3", "text:abc", "null", "real:1.5", "blob:<hex>"
QString typed(const QVariant &value);

} // namespace cwi::test
