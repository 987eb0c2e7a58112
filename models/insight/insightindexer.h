#pragma once

// Builds the insight index of one Codewalkers file (see repositories/insight/insightwriter.h):
// reads the chunks above the pass's watermark in rowid order, joins each session's lines across
// chunk boundaries, parses them with the transcript's parser (parseEvent), and hands the writer
// what each pass keeps. Runs in a worker; polls CANCEL between batches and reports PROGRESS in
// permille of the chunks to do. Memory is bounded by one batch (kBatchBytes) plus the
// unfinished last line of each session.

#include "insight/insighttypes.h"

#include <atomic>
#include <memory>

namespace cwi {

class Database;

struct InsightRunResult
{
    QString sidecar;
    QString error;
    bool cancelled = false;
    bool rebuilt = false; // the old index was for another file (or version) and was dropped
    qint64 chunks = 0; // chunks read in this run
    qint64 bytes = 0; // their content bytes
    qint64 lines = 0;
    double seconds = 0;
    bool changed() const { return chunks > 0 || rebuilt; }
};

InsightRunResult runInsightPass(const std::shared_ptr<Database> &db, InsightPasses::Pass pass,
    const std::atomic_bool *cancel = nullptr, std::atomic_int *permille = nullptr);

} // namespace cwi
