#pragma once

// The insight pages' reads of the index (Search, Files, Activity, Timeline), for their jobs. A
// value naming the open file's sidecar (InsightIndex::reader()); each read opens its own
// read-only connection, so it runs on any thread. A missing sidecar reads as empty.

#include "insight/insighttypes.h"

#include <QPair>
#include <QStringList>
#include <QVector>

namespace cwi {

class InsightReader
{
public:
    InsightReader() = default;
    explicit InsightReader(QString sidecar)
        : m_sidecar(std::move(sidecar))
    { }

    // Initiatives with indexed sessions (id, name), by name; tools that were called, by name.
    QVector<QPair<QString, QString>> initiatives() const;
    QStringList tools() const;
    // Full-text search, newest first; a query FTS5 cannot read gives SearchResult::error.
    SearchResult search(const SearchQuery &query) const;
    QVector<FileStat> topFiles(const QString &initiativeId, int limit) const;
    QVector<FileEdit> fileEdits(const QString &path) const;
    // Every session FILTER selects, in start order.
    QVector<SessionRow> sessions(const ActivityFilter &filter) const;
    // Per UTC day: cost and tokens by SERIES; cache hit rate; per tool: calls and failures;
    // sessions by outcome.
    QVector<DayValue> costPerDay(DaySeries series, const ActivityFilter &filter) const;
    QVector<DayValue> cacheHitPerDay(const ActivityFilter &filter) const;
    QVector<DayValue> toolUsage(const ActivityFilter &filter) const;
    QVector<DayValue> outcomesPerDay(const ActivityFilter &filter) const;
    // Per initiative: sessions, cost, tokens and turns of its agents (the dashboard's cost card).
    QVector<InitiativeTotals> initiativeTotals() const;

private:
    QString m_sidecar;
};

} // namespace cwi
