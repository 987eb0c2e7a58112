#include "knowledge/namelookup.h"

#include "database.h"
#include "rowreader.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cwi {

NameMap lookupNames(const std::shared_ptr<Database> &db, const NameRequest &request)
{
    // One query per table and 500 ids, never one per id: the panes ask for thousands at start-up.
    NameMap names;
    const RowReader reader(db);
    auto add = [&](const QString &table, const QSet<QString> &ids) {
        QStringList wanted;
        for (const QString &id : ids) {
            if (!id.isEmpty())
                wanted.append(id);
        }
        if (wanted.isEmpty())
            return;
        const QHash<QString, QString> found = reader.labels(table, wanted);
        for (auto it = found.cbegin(); it != found.cend(); ++it)
            names.insert(it.key(), it.value());
    };
    add(u"agents"_s, request.agents);
    add(u"initiatives"_s, request.initiatives);
    add(u"phases"_s, request.phases);
    add(u"tasks"_s, request.tasks);
    add(u"pages"_s, request.pages);
    return names;
}

Directory readDirectory(const std::shared_ptr<Database> &db)
{
    Directory directory;
    const RowReader reader(db);
    auto named = [&](const QString &table) {
        QVector<QPair<QString, QString>> rows = reader.allLabels(table);
        for (auto &row : rows) {
            if (row.second.isEmpty())
                row.second = row.first;
        }
        return rows;
    };
    directory.agents = named(u"agents"_s);
    directory.initiatives = named(u"initiatives"_s);
    auto byName = [](const QPair<QString, QString> &a, const QPair<QString, QString> &b) {
        return a.second.localeAwareCompare(b.second) < 0;
    };
    std::sort(directory.agents.begin(), directory.agents.end(), byName);
    return directory;
}

} // namespace cwi
