#pragma once

// Text from the file (names, bodies, SQLite messages) and from the command line reaches a
// terminal only through terminalSafe(): ESC, BEL, OSC, CSI and every other control character
// could otherwise set the window title, clear the screen or forge lines.

#include <QString>

namespace cwi {

// Every control character (C0 but line feed and tab, DEL, C1) and every bidirectional override
// written as \uXXXX. Inside JSON text the result is still valid JSON with the same meaning.
QString terminalSafe(QStringView text);

// BYTES as they go to standard output: unchanged into a file or a pipe (an export is the data),
// through terminalSafe() when standard output is a terminal.
QByteArray forStandardOutput(const QByteArray &bytes);

} // namespace cwi
