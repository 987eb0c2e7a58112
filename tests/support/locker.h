#pragma once

// The "second process" on a file in the tests: tests/actions/sqlitelocker (a test that uses this
// defines SQLITELOCKER, its path, and depends on the target).

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace cwi::test {

// Starts the locker with ARGS and waits until it reports WANT ("locked", "started").
inline bool startLocker(QProcess &process, const QStringList &args, const QByteArray &want = "locked")
{
    process.start(QString::fromUtf8(SQLITELOCKER), args);
    if (!process.waitForStarted(10000))
        return false;
    QByteArray seen;
    while (!seen.contains(want)) {
        if (!process.waitForReadyRead(20000))
            return false;
        seen += process.readAllStandardOutput();
    }
    return true;
}

} // namespace cwi::test
