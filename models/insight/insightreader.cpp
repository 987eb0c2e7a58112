#include "insightreader.h"

#include "insight/insightqueries.h"

namespace cwi {

QVector<QPair<QString, QString>> InsightReader::initiatives() const
{
    return insightInitiatives(m_sidecar);
}

QStringList InsightReader::tools() const
{
    return insightTools(m_sidecar);
}

SearchResult InsightReader::search(const SearchQuery &query) const
{
    return searchInsight(m_sidecar, query);
}

QVector<FileStat> InsightReader::topFiles(const QString &initiativeId, int limit) const
{
    return cwi::topFiles(m_sidecar, initiativeId, limit);
}

QVector<FileEdit> InsightReader::fileEdits(const QString &path) const
{
    return cwi::fileEdits(m_sidecar, path);
}

QVector<SessionRow> InsightReader::sessions(const ActivityFilter &filter) const
{
    return insightSessions(m_sidecar, filter);
}

QVector<DayValue> InsightReader::costPerDay(DaySeries series, const ActivityFilter &filter) const
{
    return cwi::costPerDay(m_sidecar, series, filter);
}

QVector<DayValue> InsightReader::cacheHitPerDay(const ActivityFilter &filter) const
{
    return cwi::cacheHitPerDay(m_sidecar, filter);
}

QVector<DayValue> InsightReader::toolUsage(const ActivityFilter &filter) const
{
    return cwi::toolUsage(m_sidecar, filter);
}

QVector<DayValue> InsightReader::outcomesPerDay(const ActivityFilter &filter) const
{
    return cwi::outcomesPerDay(m_sidecar, filter);
}

QVector<InitiativeTotals> InsightReader::initiativeTotals() const
{
    return cwi::initiativeTotals(m_sidecar);
}

} // namespace cwi
