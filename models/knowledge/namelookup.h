#pragma once

// Display names for the ids a knowledge view links to, read on the worker thread.

#include "knowledge/knowledgehtml.h"

#include <QSet>
#include <memory>

namespace cwi {

class Database;

struct NameRequest
{
    QSet<QString> agents;
    QSet<QString> initiatives;
    QSet<QString> phases;
    QSet<QString> tasks;
    QSet<QString> pages;
};

// Looks each id up by primary key; ids whose row is gone are left out (views show the id).
NameMap lookupNames(const std::shared_ptr<Database> &db, const NameRequest &request);

// Every agent and initiative, for filter combos: (id, name) sorted by name.
struct Directory
{
    QVector<QPair<QString, QString>> agents;
    QVector<QPair<QString, QString>> initiatives;
};
Directory readDirectory(const std::shared_ptr<Database> &db);

} // namespace cwi
