// Diff benchmark: parser throughput (MB/s) on a synthetic 200k-line / 5k-file diff, and the
// time from "git returned" to the first file being in the file list model (first batch parsed
// in a worker and delivered to the UI thread).
//
//   cmake --build BUILD --target bench_diff && BUILD/tests/bench/bench_diff

#include "diff/difffilelistmodel.h"
#include "diff/difffiletreemodel.h"
#include "diff/diffloader.h"
#include "diff/diffmodel.h"
#include "diff/diffparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace cwi;

static QByteArray syntheticDiff(int files, int linesPerFile)
{
    QByteArray out;
    out.reserve(qsizetype(files) * linesPerFile * 48);
    for (int f = 0; f < files; ++f) {
        const QByteArray name = "src/module" + QByteArray::number(f % 97) + "/file_" + QByteArray::number(f) + ".cpp";
        out += "diff --git a/" + name + " b/" + name + "\nindex 83db48f..bf269f4 100644\n--- a/" + name + "\n+++ b/"
            + name + "\n";
        int written = 0;
        int start = 10;
        while (written < linesPerFile) {
            out += "@@ -" + QByteArray::number(start) + ",8 +" + QByteArray::number(start) + ",8 @@ void f()\n";
            out += "     int value = compute(argument, other_argument);\n";
            out += "     if (value > threshold)\n";
            out += "-        return legacyPath(value, \"old message\");\n";
            out += "-    log(value);\n";
            out += "+        return modernPath(value, QStringLiteral(\"new message\"));\n";
            out += "+    qCDebug(lcCore) << value;\n";
            out += "     return value;\n";
            out += " }\n";
            written += 8;
            start += 40;
        }
    }
    return out;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QByteArray diff = syntheticDiff(5000, 40); // 200,000 diff lines
    const double mb = double(diff.size()) / (1024.0 * 1024.0);

    QVector<qint64> runs;
    int lines = 0;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        t.start();
        const QVector<DiffFile> files = DiffParser::parse(diff);
        runs << t.nsecsElapsed();
        lines = 0;
        for (const DiffFile &f : files)
            lines += int(f.lines.size());
    }
    std::sort(runs.begin(), runs.end());
    const double medianMs = double(runs.at(runs.size() / 2)) / 1e6;
    out << "diff: " << QString::number(mb, 'f', 1) << " MB, 5000 files, " << lines << " lines\n";
    out << "parse (median of 7): " << QString::number(medianMs, 'f', 1)
        << " ms = " << QString::number(mb / (medianMs / 1000.0), 'f', 0) << " MB/s\n";

    // "Shown": the first batch parsed in a worker, appended to the file list model (and its folder
    // tree, rebuilt per batch) and the first file's rows built in the diff model with the changed
    // words of a screenful of rows, on the UI thread.
    QVector<qint64> firsts;
    QVector<qint64> alls;
    for (int i = 0; i < 5; ++i) {
        DiffLoader loader;
        DiffFileListModel files;
        DiffFileTreeModel tree(&files, nullptr);
        DiffModel diffModel;
        QElapsedTimer t;
        qint64 first = -1;
        QObject::connect(&loader, &DiffLoader::filesReady, &loader, [&](const QVector<DiffFile> &batch) {
            files.appendFiles(batch);
            if (first < 0) {
                diffModel.setFile(files.files().first(), {});
                for (int row = 0; row < qMin(60, diffModel.rowCount()); ++row) {
                    diffModel.index(row).data();
                    diffModel.index(row).data(DiffModel::ChangedSpansRole);
                }
                first = t.nsecsElapsed();
            }
        });
        QObject::connect(&loader, &DiffLoader::finished, &app, &QCoreApplication::quit);
        t.start();
        loader.load(diff);
        app.exec();
        firsts << first;
        alls << t.nsecsElapsed();
        if (files.rowCount() != 5000 || tree.filesInTreeOrder().size() != 5000)
            out << "unexpected file count " << files.rowCount() << "\n";
    }
    std::sort(firsts.begin(), firsts.end());
    std::sort(alls.begin(), alls.end());
    out << "first file shown after git returned (median of 5): "
        << QString::number(double(firsts.at(firsts.size() / 2)) / 1e6, 'f', 1) << " ms\n";
    out << "all 5000 files in the list and tree (median of 5): "
        << QString::number(double(alls.at(alls.size() / 2)) / 1e6, 'f', 1) << " ms\n";
    return 0;
}
