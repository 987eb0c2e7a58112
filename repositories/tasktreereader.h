#pragma once

// One read for the task tree dock: initiatives, phases, tasks (only the columns the tree
// shows), task and phase dependencies, the agents assigned to tasks and the unresolved
// review comments per phase. Built from the SchemaMap, so both column spellings work; a
// missing table or column reads as empty and is named in `notes`.
// The snapshot's values are tasktreesnapshot.h's (entities/).

#include "tasktreesnapshot.h"

namespace cwi {

class Database;

// Reads the snapshot on the calling thread's read connection. Safe to call from a worker
// (QtConcurrent::run): it asks DATABASE for the connection itself.
TaskTreeSnapshot readTaskTree(const Database &database);

} // namespace cwi
