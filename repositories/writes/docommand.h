#pragma once

// `cw-inspector FILE --edit --do ACTION ID [ARG...]`: one action without a window, through the same
// write path and journal as the GUI. Prints what changed to OUT, problems to ERR.
// Exit codes: 0 applied, 3 changed meanwhile or not valid in the row's state, 4 database busy,
// 2 bad arguments or file (also: read-only file, unknown action, journal unusable).

#include <QString>
#include <QStringList>

class QTextStream;

namespace cwi {

// ARGS: ACTION ID [ARG...]; e.g. {"answer-conversation", "c1", "Use the v2 API"}. Also
// {"undo", "last"} and {"undo", JOURNAL_ID}: revert through the journal, as Ctrl+Z does.
// busyTimeoutMs < 0: the Database default.
int runDoCommand(const QString &dbPath, const QStringList &args, const QString &journalPath, QTextStream &out,
    QTextStream &err, int busyTimeoutMs = -1);

// Usage text listing every action and its arguments.
QString doCommandUsage();

} // namespace cwi
