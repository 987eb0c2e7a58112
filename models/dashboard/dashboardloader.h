#pragma once

// The dashboard's reads, for its jobs (any thread: each uses the calling thread's read
// connection): the page's numbers, and the cost card's "Add up now" over every agent log.

#include "dashboardsnapshot.h"
#include "transcript/logloader.h"

#include <QVector>

#include <memory>

namespace cwi {

class Database;

// The page's numbers, read in one go (dashboardsnapshot.h).
DashboardSnapshot loadDashboard(const Database &database);

struct InitiativeCost
{
    QString id;
    QString name;
    LogTotals totals;
};

// Cost, tokens and turns of every agent session, per initiative that has agents, costliest
// first. Reads every log chunk (a gigabyte on a large file): the dashboard runs it on request.
QVector<InitiativeCost> addUpInitiativeCosts(const std::shared_ptr<Database> &database);

} // namespace cwi
