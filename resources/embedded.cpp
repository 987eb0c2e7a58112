#include "embedded.h"

#include <QDir>

namespace cwi {

QStringList embeddedMigrationFiles()
{
    QDir dir(QStringLiteral(":/migrations"));
    const QStringList names = dir.entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    QStringList paths;
    paths.reserve(names.size());
    for (const QString &name : names)
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace cwi
