// For tst_outputfile: writes 1 MiB to ARGV[1] through the output guard (DATABASE ARGV[2]) and
// prints the error on stderr. Run inside a small tmpfs, so the write fails with ENOSPC.

#include "outputfile.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    QString error;
    const QByteArray bytes(1 << 20, 'x');
    if (cwi::writeOutputFile(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]), bytes, &error))
        return 0;
    std::fprintf(stderr, "%s\n", qPrintable(error));
    return 0; // the test reads the message and the folder
}
