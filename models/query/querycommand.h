#pragma once

// `cw-inspector FILE --query "SQL" [--format csv|json|table] [-o OUT]`: one statement through
// the read-only QueryRunner, rows streamed (nothing is held but a screenful for the table's
// column widths). Exit 0 done, 2 bad SQL, a statement that would write, or a bad file,
// 4 the file stayed locked past the busy timeout.

#include <QString>

class QTextStream;

namespace cwi {

struct QueryCommand
{
    QString databasePath;
    QString sql;
    QString format = QStringLiteral("table"); // csv | json | table
    QString output; // empty: standard output
    int busyTimeoutMs = 2000;
};

int runQueryCommand(const QueryCommand &command, QTextStream &out, QTextStream &err);

} // namespace cwi
