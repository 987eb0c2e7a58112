// For tst_outputfile: writes 1 MiB to ARGV[1] through the output guard (DATABASE ARGV[2]) and
// prints the error on stderr. Run inside a small tmpfs, so the write fails with ENOSPC. With a
// third argument N: 63,000 bytes in writes of N bytes (as --query streams rows): the buffered
// writes before the last fit the 60 KiB left, the rest fails only when the file is committed.

#include "outputfile.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3 && argc != 4)
        return 2;
    QString error;
    const QByteArray bytes(1 << 20, 'x');
    if (argc == 3) {
        if (!cwi::writeOutputFile(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]), bytes, &error))
            std::fprintf(stderr, "%s\n", qPrintable(error));
        return 0; // the test reads the message and the folder
    }
    const int step = QByteArray(argv[3]).toInt();
    cwi::OutputFile file(QString::fromLocal8Bit(argv[1]));
    if (step <= 0 || !file.open(QString::fromLocal8Bit(argv[2]), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 0;
    }
    for (qsizetype at = 0; at < 63000; at += step) {
        if (!file.write(bytes.mid(at, qMin<qsizetype>(step, 63000 - at))))
            break;
    }
    if (!file.commit(&error))
        std::fprintf(stderr, "%s\n", qPrintable(error));
    return 0;
}
