#include "insight/insightqueries.h"

#include "sqlite3handle.h"

#include <QElapsedTimer>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

constexpr qint64 kDayMs = 86400000;

const char *const kSessionJoins = " FROM sessions s LEFT JOIN agents a ON a.id = s.agent_id"
                                  " LEFT JOIN initiatives i ON i.id = a.initiative_id"
                                  " LEFT JOIN tasks k ON k.id = a.task_id ";

// A session without a result line is running when it is the newest session of a running agent.
const char *const kOutcome
    = "(CASE WHEN s.result_subtype IS NULL THEN"
      " CASE WHEN a.status IN ('running', 'waiting_for_input') AND s.session_number ="
      " (SELECT MAX(x.session_number) FROM sessions x WHERE x.agent_id = s.agent_id) THEN 'running' ELSE 'no result' "
      "END"
      " WHEN s.result_subtype = 'success' AND IFNULL(s.result_error, 0) = 0 THEN 'success' ELSE 'failed' END)";

// Cost of the session: its result line's total when there is one, else the estimate from the
// list prices of its messages. Messages' estimates are scaled to that total by kMessageCost.
const char *const kSessionCost = "IFNULL(s.result_cost, s.est_cost)";
const char *const kMessageCost
    = "(m.cost * CASE WHEN s.result_cost > 0 AND s.est_cost > 0 THEN s.result_cost / s.est_cost ELSE 1 END)";

// Tokens of the session: the result line's usage when it has one, else the messages' sum.
const char *const kSessionTokens
    = "CASE WHEN IFNULL(s.r_input, 0) + IFNULL(s.r_output, 0) + IFNULL(s.r_cache_creation, 0)"
      " + IFNULL(s.r_cache_read, 0) > 0 THEN 1 ELSE 0 END";

// WHERE clause of an ActivityFilter over sessions s (and agents a). TIMECOLUMN is the time
// compared with from/to.
QString filterClause(const char *timeStart, const char *timeEnd)
{
    return u" WHERE (:init IS NULL OR a.initiative_id = :init) AND (:agent IS NULL OR s.agent_id = :agent)"
           " AND (:task IS NULL OR a.task_id = :task) AND (:model IS NULL OR s.model = :model)"
           " AND (:outcome IS NULL OR "_s
        + QString::fromLatin1(kOutcome) + u" = :outcome) AND (:from = 0 OR "_s + QString::fromLatin1(timeEnd)
        + u" >= :from) AND (:to = 0 OR "_s + QString::fromLatin1(timeStart)
        + u" < :to) AND (:tool IS NULL OR EXISTS(SELECT 1 FROM tool_calls c WHERE c.session = s.id AND c.tool = :tool))"_s;
}

void bindNamed(lite::Statement &st, const char *name, const QString &value)
{
    const int index = sqlite3_bind_parameter_index(st.get(), name);
    if (index > 0)
        st.bind(index, value.isEmpty() ? QString() : value);
}

void bindNamed(lite::Statement &st, const char *name, qint64 value)
{
    const int index = sqlite3_bind_parameter_index(st.get(), name);
    if (index > 0)
        st.bind(index, value);
}

void bindFilter(lite::Statement &st, const ActivityFilter &f)
{
    bindNamed(st, ":init", f.initiativeId);
    bindNamed(st, ":agent", f.agentId);
    bindNamed(st, ":task", f.taskId);
    bindNamed(st, ":model", f.model);
    bindNamed(st, ":outcome", f.outcome);
    bindNamed(st, ":tool", f.tool);
    bindNamed(st, ":from", f.fromMs);
    bindNamed(st, ":to", f.toMs);
}

bool openSidecar(lite::Connection &c, const QString &sidecar, QString *error)
{
    if (sidecar.isEmpty() || !QFileInfo::exists(sidecar))
        return false; // not built yet: empty, not an error
    // Read-write only so that SQLite may create the WAL's -shm file when the indexer has closed
    // (a read-only connection cannot); nothing is written: query_only.
    // A GROUP BY or ORDER BY over the sessions sorts in memory, never in etilqs_* files.
    return c.open(sidecar, true, error) && c.exec("PRAGMA query_only = 1; PRAGMA temp_store = MEMORY", error);
}

QString fail(const lite::Connection &c, QString *error)
{
    if (error)
        *error = c.errorMessage();
    return {};
}

// Runs SQL (bound with FILTER) and hands each row to ROW.
template<typename Row>
bool forEachRow(const QString &sidecar, const QString &sql, const ActivityFilter &filter, QString *error, Row row)
{
    lite::Connection c;
    if (!openSidecar(c, sidecar, error))
        return false;
    lite::Statement st = c.prepare(sql, error);
    if (!st.isValid())
        return false;
    bindFilter(st, filter);
    while (st.step())
        row(st);
    if (sqlite3_errcode(c.get()) != SQLITE_DONE && sqlite3_errcode(c.get()) != SQLITE_OK) {
        fail(c, error);
        return false;
    }
    return true;
}

// FTS5 errors read like "fts5: syntax error near \"*\"": keep what the user can act on.
QString searchError(const QString &message)
{
    QString m = message;
    if (m.startsWith(u"fts5: "_s))
        m = m.mid(6);
    if (m.contains(u"unterminated string"_s))
        return u"a double quote is not closed"_s;
    return m;
}

} // namespace

InsightStatus insightStatus(const QString &sidecar)
{
    InsightStatus status;
    lite::Connection c;
    if (!openSidecar(c, sidecar, nullptr))
        return status;
    lite::Statement meta = c.prepare("SELECT key, value FROM meta");
    if (!meta.isValid())
        return status;
    status.exists = true;
    while (meta.step()) {
        const QString key = meta.text(0);
        if (key == u"facts_rowid")
            status.factsRowid = meta.integer(1);
        else if (key == u"text_rowid")
            status.textRowid = meta.integer(1);
        else if (key == u"max_rowid")
            status.maxRowid = meta.integer(1);
    }
    lite::Statement totals = c.prepare("SELECT COUNT(*), IFNULL(SUM(bytes), 0) FROM sessions");
    if (totals.isValid() && totals.step()) {
        status.sessions = totals.integer(0);
        status.indexedBytes = totals.integer(1);
    }
    return status;
}

QVector<QPair<QString, QString>> insightInitiatives(const QString &sidecar)
{
    QVector<QPair<QString, QString>> out;
    forEachRow(sidecar,
        u"SELECT DISTINCT a.initiative_id, IFNULL(i.name, a.initiative_id) FROM sessions s JOIN agents a ON a.id = "
        "s.agent_id LEFT JOIN initiatives i ON i.id = a.initiative_id WHERE a.initiative_id IS NOT NULL ORDER BY 2"_s,
        {}, nullptr, [&out](const lite::Statement &st) {
            out.append({ st.text(0), st.text(1) });
        });
    return out;
}

QStringList insightTools(const QString &sidecar)
{
    QStringList out;
    forEachRow(sidecar, u"SELECT DISTINCT tool FROM tool_calls WHERE tool IS NOT NULL ORDER BY 1"_s, {}, nullptr,
        [&out](const lite::Statement &st) { out.append(st.text(0)); });
    return out;
}

SearchResult searchInsight(const QString &sidecar, const SearchQuery &query, const std::atomic_bool *cancel)
{
    SearchResult result;
    QElapsedTimer timer;
    timer.start();
    if (query.text.trimmed().isEmpty())
        return result;
    lite::Connection c;
    QString error;
    if (!openSidecar(c, sidecar, &error)) {
        result.error = error;
        return result;
    }
    if (cancel) {
        sqlite3_progress_handler(
            c.get(), 1000, [](void *flag) { return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0; },
            const_cast<std::atomic_bool *>(cancel));
    }
    lite::Statement st = c.prepare(
        "SELECT s.agent_id, IFNULL(a.name, s.agent_name), s.session_number, t.line, t.at_ms, t.kind, t.tool, i.name,"
        " snippet(text_index, 0, char(1), char(2), '…', 14)"
        " FROM text_index t JOIN sessions s ON s.id = t.session"
        " LEFT JOIN agents a ON a.id = s.agent_id LEFT JOIN initiatives i ON i.id = a.initiative_id"
        " WHERE text_index MATCH :q"
        " AND (:init IS NULL OR a.initiative_id = :init)"
        " AND (:agent IS NULL OR s.agent_id = :agent OR s.agent_name = :agent OR a.name = :agent)"
        " AND (:tool IS NULL OR t.tool = :tool)"
        " AND (:from = 0 OR t.at_ms >= :from) AND (:to = 0 OR t.at_ms < :to)"
        " ORDER BY t.rowid DESC LIMIT :limit",
        &error);
    if (!st.isValid()) {
        result.error = searchError(error);
        return result;
    }
    bindNamed(st, ":q", query.text);
    bindNamed(st, ":init", query.initiativeId);
    bindNamed(st, ":agent", query.agentId);
    bindNamed(st, ":tool", query.tool);
    bindNamed(st, ":from", query.fromMs);
    bindNamed(st, ":to", query.toMs);
    bindNamed(st, ":limit", qint64(query.limit) + 1);
    while (st.step()) {
        if (result.hits.size() == query.limit) {
            result.truncated = true;
            break;
        }
        SearchHit hit;
        hit.agentId = st.text(0);
        hit.agentName = st.text(1);
        hit.sessionNumber = st.integer(2);
        hit.line = st.integer(3);
        hit.atMs = st.integer(4);
        hit.kind = st.text(5);
        hit.tool = st.text(6);
        hit.initiativeName = st.text(7);
        hit.snippet = st.text(8);
        result.hits.append(hit);
    }
    const int rc = sqlite3_errcode(c.get());
    if (rc == SQLITE_INTERRUPT)
        result.truncated = true;
    else if (rc != SQLITE_DONE && rc != SQLITE_OK && rc != SQLITE_ROW)
        result.error = searchError(c.errorMessage());
    result.elapsedMs = timer.nsecsElapsed() / 1e6;
    return result;
}

QVector<FileStat> topFiles(const QString &sidecar, const QString &initiativeId, int limit, QString *error)
{
    QVector<FileStat> out;
    ActivityFilter filter;
    filter.initiativeId = initiativeId;
    const QString sql = u"SELECT c.path, SUM(c.tool = 'Read'), SUM(c.tool IN ('Edit', 'Write', 'MultiEdit', "
                        "'NotebookEdit')), COUNT(DISTINCT c.session) FROM tool_calls c JOIN sessions s ON s.id = "
                        "c.session LEFT JOIN agents a ON a.id = s.agent_id WHERE c.path IS NOT NULL AND (:init IS "
                        "NULL OR a.initiative_id = :init) GROUP BY c.path ORDER BY 2 + 3 DESC, 1 LIMIT "_s
        + QString::number(limit);
    forEachRow(sidecar, sql, filter, error, [&out](const lite::Statement &st) {
        out.append({ st.text(0), st.integer(1), st.integer(2), st.integer(3) });
    });
    return out;
}

QVector<FileEdit> fileEdits(const QString &sidecar, const QString &path, QString *error)
{
    QVector<FileEdit> out;
    lite::Connection c;
    if (!openSidecar(c, sidecar, error))
        return out;
    lite::Statement st = c.prepare("SELECT s.agent_id, IFNULL(a.name, s.agent_name), s.session_number, c.line, "
                                   "c.at_ms, c.tool, i.name FROM tool_calls c JOIN sessions s ON s.id = c.session "
                                   "LEFT JOIN agents a ON a.id = s.agent_id LEFT JOIN initiatives i ON i.id = "
                                   "a.initiative_id WHERE c.path = ? AND c.tool IN ('Edit', 'Write', 'MultiEdit', "
                                   "'NotebookEdit') ORDER BY c.at_ms, c.id",
        error);
    if (!st.isValid())
        return out;
    st.bind(1, path);
    while (st.step()) {
        out.append({ st.text(0), st.text(1), st.integer(2), st.integer(3), st.integer(4), st.text(5), st.text(6) });
    }
    return out;
}

QVector<SessionRow> insightSessions(const QString &sidecar, const ActivityFilter &filter, QString *error)
{
    QVector<SessionRow> out;
    const QString sql = u"SELECT s.id, s.agent_id, IFNULL(a.name, s.agent_name), s.session_number, a.initiative_id, "
                        "i.name, a.task_id, k.name, s.model, IFNULL(s.start_ms, 0), IFNULL(s.end_ms, 0), "_s
        + QString::fromLatin1(kOutcome) + u", "_s + QString::fromLatin1(kSessionCost) + u", IFNULL(s.turns, 0), "_s
        + QString::fromLatin1(kSessionTokens)
        + u", s.r_input, s.r_output, s.r_cache_creation, s.r_cache_read, s.m_input, s.m_output, s.m_cache_creation, "
          "s.m_cache_read, s.tool_calls, s.tool_errors, s.messages"_s
        + QString::fromLatin1(kSessionJoins) + filterClause("s.start_ms", "s.end_ms")
        + u" ORDER BY s.start_ms, s.agent_id, s.session_number"_s;
    forEachRow(sidecar, sql, filter, error, [&out](const lite::Statement &st) {
        SessionRow r;
        r.key = st.integer(0);
        r.agentId = st.text(1);
        r.agentName = st.text(2);
        r.sessionNumber = st.integer(3);
        r.initiativeId = st.text(4);
        r.initiativeName = st.text(5);
        r.taskId = st.text(6);
        r.taskName = st.text(7);
        r.model = st.text(8);
        r.startMs = st.integer(9);
        r.endMs = st.integer(10);
        r.outcome = st.text(11);
        r.costUsd = st.real(12);
        r.turns = st.integer(13);
        const int base = st.integer(14) ? 15 : 19;
        r.tokens = { st.integer(base), st.integer(base + 1), st.integer(base + 2), st.integer(base + 3) };
        r.messageTokens = { st.integer(19), st.integer(20), st.integer(21), st.integer(22) };
        r.toolCalls = st.integer(23);
        r.toolErrors = st.integer(24);
        r.messages = st.integer(25);
        if (r.turns == 0)
            r.turns = r.messages; // no result line yet: the API messages so far
        out.append(r);
    });
    return out;
}

QVector<DayValue> costPerDay(const QString &sidecar, DaySeries series, const ActivityFilter &filter, QString *error)
{
    QVector<DayValue> out;
    const QString seriesName = series == DaySeries::Initiative ? u"IFNULL(i.name, '(no initiative)')"_s
                                                               : u"IFNULL(m.model, '(unknown model)')"_s;
    const QString seriesId
        = series == DaySeries::Initiative ? u"IFNULL(a.initiative_id, '')"_s : u"IFNULL(m.model, '')"_s;
    const QString sql = u"SELECT (m.at_ms / "_s + QString::number(kDayMs) + u") * "_s + QString::number(kDayMs)
        + u", "_s + seriesName + u", "_s + seriesId + u", SUM("_s + QString::fromLatin1(kMessageCost)
        + u"), SUM(m.input + m.output + m.cache_creation + m.cache_read) FROM messages m JOIN sessions s ON s.id = "
          "m.session LEFT JOIN agents a ON a.id = s.agent_id LEFT JOIN initiatives i ON i.id = a.initiative_id"_s
        + filterClause("m.at_ms", "m.at_ms") + u" GROUP BY 1, 2 ORDER BY 1, 2"_s;
    forEachRow(sidecar, sql, filter, error, [&out](const lite::Statement &st) {
        out.append({ st.integer(0), st.text(1), st.text(2), st.real(3), st.real(4) });
    });
    return out;
}

QVector<DayValue> cacheHitPerDay(const QString &sidecar, const ActivityFilter &filter, QString *error)
{
    QVector<DayValue> out;
    const QString sql = u"SELECT (m.at_ms / "_s + QString::number(kDayMs) + u") * "_s + QString::number(kDayMs)
        + u", SUM(m.cache_read), SUM(m.input + m.cache_creation + m.cache_read) FROM messages m JOIN sessions s ON "
          "s.id = m.session LEFT JOIN agents a ON a.id = s.agent_id"_s
        + filterClause("m.at_ms", "m.at_ms") + u" GROUP BY 1 ORDER BY 1"_s;
    forEachRow(sidecar, sql, filter, error, [&out](const lite::Statement &st) {
        const double all = st.real(2);
        out.append({ st.integer(0), u"cache hit rate"_s, u"cache"_s, all > 0 ? st.real(1) / all : 0, st.real(1) });
    });
    return out;
}

QVector<DayValue> toolUsage(const QString &sidecar, const ActivityFilter &filter, QString *error)
{
    QVector<DayValue> out;
    ActivityFilter f = filter;
    f.tool.clear(); // the chart shows every tool; a chosen tool only filters the lists
    const QString sql = u"SELECT c.tool, COUNT(*), SUM(c.error) FROM tool_calls c JOIN sessions s ON s.id = "
                        "c.session LEFT JOIN agents a ON a.id = s.agent_id"_s
        + filterClause("c.at_ms", "c.at_ms") + u" GROUP BY 1 ORDER BY 2 DESC"_s;
    forEachRow(sidecar, sql, f, error, [&out](const lite::Statement &st) {
        out.append({ 0, st.text(0), st.text(0), st.real(1), st.real(2) });
    });
    return out;
}

QVector<DayValue> outcomesPerDay(const QString &sidecar, const ActivityFilter &filter, QString *error)
{
    QVector<DayValue> out;
    const QString sql = u"SELECT (s.start_ms / "_s + QString::number(kDayMs) + u") * "_s + QString::number(kDayMs)
        + u", "_s + QString::fromLatin1(kOutcome) + u", COUNT(*)"_s + QString::fromLatin1(kSessionJoins)
        + filterClause("s.start_ms", "s.start_ms") + u" AND s.start_ms IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"_s;
    forEachRow(sidecar, sql, filter, error, [&out](const lite::Statement &st) {
        out.append({ st.integer(0), st.text(1), st.text(1), st.real(2), 0 });
    });
    return out;
}

namespace {

// Agents, sessions, failed sessions, cost, the four token counts, turns and time of the sessions
// a query groups: columns 0..10 of a totals row.
QString totalsColumns()
{
    const QString tokens = QString::fromLatin1(kSessionTokens);
    return u"COUNT(DISTINCT s.agent_id), COUNT(*), SUM("_s + QString::fromLatin1(kOutcome) + u" = 'failed'), SUM("_s
        + QString::fromLatin1(kSessionCost) + u"), SUM(CASE WHEN "_s + tokens
        + u" THEN s.r_input ELSE s.m_input END), SUM(CASE WHEN "_s + tokens
        + u" THEN s.r_output ELSE s.m_output END), SUM(CASE WHEN "_s + tokens
        + u" THEN s.r_cache_creation ELSE s.m_cache_creation END), SUM(CASE WHEN "_s + tokens
        + u" THEN s.r_cache_read ELSE s.m_cache_read END), SUM(IFNULL(s.turns, 0)), "
          "SUM(MAX(IFNULL(s.end_ms, s.start_ms) - s.start_ms, 0))"_s;
}

void readTotals(const lite::Statement &st, int first, InitiativeTotals &t)
{
    t.agents = st.integer(first);
    t.sessions = st.integer(first + 1);
    t.failedSessions = st.integer(first + 2);
    t.costUsd = st.real(first + 3);
    t.tokens = { st.integer(first + 4), st.integer(first + 5), st.integer(first + 6), st.integer(first + 7) };
    t.turns = st.integer(first + 8);
    t.durationMs = st.integer(first + 9);
}

} // namespace

QVector<InitiativeTotals> initiativeTotals(const QString &sidecar, QString *error)
{
    QVector<InitiativeTotals> out;
    const QString sql = u"SELECT a.initiative_id, IFNULL(i.name, a.initiative_id), "_s + totalsColumns()
        + QString::fromLatin1(kSessionJoins) + u" WHERE a.initiative_id IS NOT NULL GROUP BY 1 ORDER BY 6 DESC"_s;
    forEachRow(sidecar, sql, {}, error, [&out](const lite::Statement &st) {
        InitiativeTotals t;
        t.initiativeId = st.text(0);
        t.initiativeName = st.text(1);
        readTotals(st, 2, t);
        out.append(t);
    });
    return out;
}

InitiativeTotals sessionTotals(const QString &sidecar, const ActivityFilter &filter, QString *error)
{
    InitiativeTotals t;
    t.initiativeId = filter.initiativeId;
    const QString sql
        = u"SELECT "_s + totalsColumns() + QString::fromLatin1(kSessionJoins) + filterClause("s.start_ms", "s.end_ms");
    forEachRow(sidecar, sql, filter, error, [&t](const lite::Statement &st) { readTotals(st, 0, t); });
    return t;
}

} // namespace cwi
