#pragma once

// Plain values of the insight index (a sidecar SQLite file beside the user's cache, never the
// Codewalkers file): what the indexer writes and what the Search, Files, Activity and Timeline
// pages read. SQL-free.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

// One chunk of agent_log_chunks as the indexer reads it: rowid order, content as stored.
struct IndexChunk
{
    qint64 rowid = 0;
    QString agentId;
    QString agentName;
    qint64 sessionNumber = 0;
    qint64 createdMs = 0; // Unix milliseconds (0 when the row has no time)
    QByteArray content;
};

// Chunks in rowid order, as the indexer gets them.
struct ChunkBatch
{
    QVector<IndexChunk> chunks;
    QString lastChunkId; // the `id` of the batch's last chunk: the sidecar remembers where it stopped
};

// Where the indexer left a session: the bytes of its last line that has no '\n' yet, and how
// many complete lines came before. Kept per pass (facts, text), so a restart reads nothing twice.
struct SessionCursor
{
    qint64 sessionKey = 0; // sessions.id in the sidecar
    qint64 lines = 0;
    QByteArray tail;
    bool dirty = false;
};

struct TokenCounts
{
    qint64 input = 0;
    qint64 output = 0;
    qint64 cacheCreation = 0;
    qint64 cacheRead = 0;

    qint64 total() const { return input + output + cacheCreation + cacheRead; }
    bool operator==(const TokenCounts &o) const
    {
        return input == o.input && output == o.output && cacheCreation == o.cacheCreation && cacheRead == o.cacheRead;
    }
};

struct IndexedMessage // one assistant API message (message.id), counted once
{
    QString messageId;
    QString model;
    qint64 atMs = 0;
    TokenCounts tokens;
    double costUsd = 0; // estimated from the model's list price
};

struct IndexedToolCall
{
    QString toolUseId;
    QString tool;
    qint64 atMs = 0;
    qint64 line = 0;
    QString path; // Read / Edit / Write / MultiEdit / NotebookEdit
    QString command; // Bash
};

struct IndexedResult // the session's `result` line
{
    QString subtype;
    bool isError = false;
    double costUsd = -1;
    qint64 turns = -1;
    qint64 durationMs = -1;
    TokenCounts tokens;
    qint64 atMs = 0;
};

struct IndexedText // one document of the full-text index: a text block, a tool input or a result
{
    qint64 line = 0;
    qint64 atMs = 0;
    QString kind; // "text", "thinking", "tool", "result", "user"
    QString tool;
    QString body;
};

// Progress of one index run.
struct IndexProgress
{
    qint64 doneBytes = 0;
    qint64 totalBytes = 0;
    bool textPass = false;
};

// ---- what the pages read ----

struct InsightStatus
{
    bool exists = false;
    qint64 factsRowid = 0; // chunks up to this rowid are in sessions/messages/tool calls
    qint64 textRowid = 0; // ... and in the full-text index
    qint64 maxRowid = 0; // of the Codewalkers file when last indexed
    qint64 sessions = 0;
    qint64 indexedBytes = 0;
};

struct SearchQuery
{
    QString text; // FTS5 syntax
    QString initiativeId;
    QString agentId; // or agent name
    QString tool;
    qint64 fromMs = 0; // 0: no bound
    qint64 toMs = 0;
    int limit = 200;
};

struct SearchHit
{
    QString agentId;
    QString agentName;
    qint64 sessionNumber = 0;
    qint64 line = 0;
    qint64 atMs = 0;
    QString kind;
    QString tool;
    QString initiativeName;
    QString snippet; // plain text; \x01 opens and \x02 closes a highlighted match
};

struct SearchResult
{
    QVector<SearchHit> hits;
    QString error; // a clear sentence for a query FTS5 cannot read
    bool truncated = false;
    double elapsedMs = 0;
};

struct FileStat
{
    QString path;
    qint64 reads = 0;
    qint64 edits = 0; // Edit, Write, MultiEdit
    qint64 sessions = 0;
};

struct FileEdit
{
    QString agentId;
    QString agentName;
    qint64 sessionNumber = 0;
    qint64 line = 0;
    qint64 atMs = 0;
    QString tool;
    QString initiativeName;
};

struct SessionRow // one session as the timeline and activity pages see it
{
    qint64 key = 0;
    QString agentId;
    QString agentName;
    qint64 sessionNumber = 0;
    QString initiativeId;
    QString initiativeName;
    QString taskId;
    QString taskName;
    QString model;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString outcome; // "success", "failed", "running", "no result"
    double costUsd = 0;
    qint64 turns = 0;
    TokenCounts tokens; // the result line's usage, else messageTokens
    TokenCounts messageTokens; // the sum over distinct API messages (message.id)
    qint64 messages = 0;
    qint64 toolCalls = 0;
    qint64 toolErrors = 0;
};

struct DayValue // one bar segment of a per-day chart
{
    qint64 dayMs = 0; // UTC midnight
    QString series; // initiative name, model, outcome, tool ...
    QString seriesId; // initiative id for initiative series, else the series itself
    double value = 0;
    double second = 0; // a second measure (tokens beside cost, errors beside calls)
};

struct ActivityFilter
{
    QString initiativeId;
    QString agentId;
    QString taskId; // sessions of agents that worked on this task
    QString model;
    QString tool; // sessions that called this tool
    QString outcome; // "success", "failed", "running", "no result"
    qint64 fromMs = 0;
    qint64 toMs = 0;
};

// How the Activity page's per-day figures are split into series.
enum class DaySeries
{
    Initiative,
    Model,
};

struct InitiativeTotals
{
    QString initiativeId;
    QString initiativeName;
    qint64 agents = 0;
    qint64 sessions = 0;
    qint64 failedSessions = 0;
    double costUsd = 0;
    TokenCounts tokens;
    qint64 turns = 0;
    qint64 durationMs = 0;
};

// The index's two passes: the facts (sessions, usage, tool calls: what the pages read) and the
// text (full-text search). InsightWriter::Pass names the same.
struct InsightPasses
{
    enum Pass
    {
        FactsPass,
        TextPass,
    };
};

} // namespace cwi
