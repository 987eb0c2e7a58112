#pragma once

// Whether this user may edit a Codewalkers file: the one write-permission check, asked by
// Database::enableWriting (so the Editing toggle and `--do` get the same answer).

#include <QString>

namespace cwi {

// Why the file at PATH cannot be edited (no such file, marked read-only, a read-only folder for
// SQLite's journal), or empty. Permission bits decide, not access(): a file marked read-only
// stays read-only even for root.
QString writeProblem(const QString &path);

} // namespace cwi
