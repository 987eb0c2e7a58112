#pragma once

// Reads of the insight index (see insightwriter.h) for the Search, Files, Activity and
// Timeline pages and the dashboard. Each call opens its own read-only connection to the sidecar,
// so it can run in any worker thread; a missing sidecar reads as empty.

#include "insight/insighttypes.h"

#include <atomic>

namespace cwi {

InsightStatus insightStatus(const QString &sidecar);

// Initiatives with indexed sessions (id, name), by name; tools that were called, by name.
QVector<QPair<QString, QString>> insightInitiatives(const QString &sidecar);
QStringList insightTools(const QString &sidecar);

// Full-text search (FTS5 syntax: words, "a phrase", prefix*, AND/OR/NOT, NEAR(a b)); newest
// first. A query FTS5 cannot read gives SearchResult::error, never an exception or a crash.
// CANCEL stops it early (the hits so far are returned, truncated set).
SearchResult searchInsight(const QString &sidecar, const SearchQuery &query, const std::atomic_bool *cancel = nullptr);

QVector<FileStat> topFiles(const QString &sidecar, const QString &initiativeId, int limit, QString *error = nullptr);
QVector<FileEdit> fileEdits(const QString &sidecar, const QString &path, QString *error = nullptr);

// Every session (of one initiative when INITIATIVEID is not empty), in start order.
QVector<SessionRow> insightSessions(const QString &sidecar, const ActivityFilter &filter, QString *error = nullptr);

// Per UTC day: cost (value) and tokens (second), one series per initiative or model.
QVector<DayValue> costPerDay(
    const QString &sidecar, DaySeries series, const ActivityFilter &filter, QString *error = nullptr);
// Per UTC day: cache hit rate (value, 0..1: cache reads over all input tokens) and tokens read.
QVector<DayValue> cacheHitPerDay(const QString &sidecar, const ActivityFilter &filter, QString *error = nullptr);
// Per tool (series; dayMs 0): calls (value) and failed calls (second).
QVector<DayValue> toolUsage(const QString &sidecar, const ActivityFilter &filter, QString *error = nullptr);
// Per UTC day of the session's start: sessions (value) by outcome (series).
QVector<DayValue> outcomesPerDay(const QString &sidecar, const ActivityFilter &filter, QString *error = nullptr);

// The dashboard's cost card: cost, tokens and turns per initiative, most expensive first.
QVector<InitiativeTotals> initiativeTotals(const QString &sidecar, QString *error = nullptr);
// The same figures summed over the sessions FILTER selects (the detail pane's agent, task or
// initiative): a few index rows, where adding up from the logs read every byte of them.
InitiativeTotals sessionTotals(const QString &sidecar, const ActivityFilter &filter, QString *error = nullptr);

} // namespace cwi
