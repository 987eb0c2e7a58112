#pragma once

#include <QStringList>

namespace cwi {

// Resource paths (":/migrations/NNNN_name.sql") of the embedded migrations, in the order
// drizzle-kit numbered them.
QStringList embeddedMigrationFiles();

} // namespace cwi
