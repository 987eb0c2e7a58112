// Builds the large benchmark database once and caches it under <build>/bench-data/large.db
// (skipped when a complete file of the current generator version is there).
//
//   bench_generate [--force]

#include "benchdata.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

using namespace cwi::bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool force = app.arguments().contains(QStringLiteral("--force"));
    const QString path = benchDataDir() + QStringLiteral("/large.db");
    if (!force && largeDatabaseReady()) {
        qInfo("%s is already built (use --force to rebuild).", qPrintable(path));
    } else if (!buildLargeDatabase(path, force)) {
        qCritical("Building %s failed.", qPrintable(path));
        return 1;
    }
    const LargeDatabase db = largeDatabase();
    qInfo("%s: %.2f GB, %lld log chunks (%.0f MB of content), %d agents, %d tasks, %d initiatives; built in %.0f s",
        qPrintable(db.path), QFileInfo(db.path).size() / 1e9, db.logChunks, db.logBytes / 1e6, db.agents, db.tasks,
        db.initiatives, db.buildSeconds);
    qInfo("big session: agent %s session %d, %lld chunks, %.1f MB, %lld lines", qPrintable(db.bigSessionAgentId),
        db.bigSessionNumber, db.bigSessionChunks, db.bigSessionBytes / 1e6, db.bigSessionLines);
    qInfo("typical agent: %s, %lld chunks", qPrintable(db.typicalAgentId), db.typicalAgentChunks);
    return 0;
}
