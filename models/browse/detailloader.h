#pragma once

// What the detail pane shows of one row, read on a worker thread: the row, the labels of the rows
// it points at, the rows pointing at it, and for agents, tasks and initiatives what their agents'
// sessions cost.

#include "appcontext.h"
#include "browse/detailhtml.h"

namespace cwi {

struct InitiativeTotals;

// Where the cost of agents' sessions comes from: the log index (SIDECAR) when it is on and
// built; while it is being built, nothing yet (reading a 100 MB session twice over for one
// selection was the slowest thing the window did); with the index off, the logs themselves.
struct TotalsSource
{
    bool indexOn = false;
    QString sidecar; // empty until the index has its facts
};

// The log index's figures in the form the transcript's own adding-up gives.
LogTotals logTotalsFromIndex(const InitiativeTotals &totals);

DetailData loadDetail(const std::shared_ptr<Database> &db, const EntityRef &ref, const TotalsSource &totals);

} // namespace cwi
