#pragma once

// Private to the diff parser: the small byte-level readers of `git diff` header lines (git's
// C-style path quoting, a/ b/ prefixes, hunk headers).

#include "difftypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace cwi::diffsyntax {

bool startsWith(QByteArrayView line, const char *prefix);
// Reads a C-style quoted string starting at text[0] == '"'. Returns the decoded bytes and sets
// *consumed to the length including both quotes (or the whole input when unterminated).
QByteArray readQuoted(QByteArrayView text, qsizetype *consumed);
QByteArrayView trimEol(QByteArrayView line);
// A path after "--- ", "rename from " etc.: quoted or not; an unquoted one ends at a tab.
QByteArray pathBytes(QByteArrayView text);
QString stripPrefix(const QByteArray &path);
// "a/x b/y" after "diff --git ".
void pathsFromGitLine(QByteArrayView rest, QString *oldPath, QString *newPath);
bool readNumber(QByteArrayView text, qsizetype *pos, qint32 *value);
// "@@ -a,b +c,d @@ section"
bool parseHunkHeader(QByteArrayView line, DiffHunk *hunk);

} // namespace cwi::diffsyntax
