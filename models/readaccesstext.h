#pragma once

// How the open file is read, in words for the status bar: the short name of a read-only WAL mode
// ("read-only WAL", "immutable") and what it means. Both empty for a normal read.

#include <QString>

namespace cwi {

class Database;

struct ReadAccessText
{
    QString name;
    QString description;
};

ReadAccessText readAccessText(const Database &database);

} // namespace cwi
