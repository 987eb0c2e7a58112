#pragma once

// The phases the review page offers when none is chosen ("Choose a phase…"): read in a worker.

#include "entities.h"

#include <QVector>

#include <memory>

namespace cwi {

class Database;

// Every phase of the file, those waiting for review first, then the newest.
QVector<Phase> loadPhasesToReview(const std::shared_ptr<Database> &db);

} // namespace cwi
