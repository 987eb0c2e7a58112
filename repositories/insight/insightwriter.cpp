#include "insight/insightwriter.h"

#include "chunkprefetch.h"
#include "database.h"
#include "sqlite3handle.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

// Bump when the sidecar's tables or what goes into them change: older sidecars are rebuilt.
constexpr int kSchemaVersion = 2; // 2: no index on tool_use_id (errors are marked by rowid)
constexpr int kMaxCachedCursors = 20000;
// Tool calls remembered by id between two generations of this many: a result finds its call
// (nearly always a few lines before it) without a search of the table.
constexpr qsizetype kRecentCalls = 65536;

// Made at the end of each facts pass (nothing to do once they exist): a first build of the index
// inserts its half a million tool calls without keeping two indexes in step, then sorts once.
const char *const kIndexes = R"sql(
CREATE INDEX IF NOT EXISTS tool_calls_session ON tool_calls(session, tool);
CREATE INDEX IF NOT EXISTS tool_calls_path ON tool_calls(path) WHERE path IS NOT NULL;
)sql";

const char *const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value);
CREATE TABLE IF NOT EXISTS sessions(
    id INTEGER PRIMARY KEY, agent_id TEXT NOT NULL, agent_name TEXT, session_number INTEGER NOT NULL,
    model TEXT, start_ms INTEGER, end_ms INTEGER, bytes INTEGER NOT NULL DEFAULT 0,
    result_subtype TEXT, result_error INTEGER, result_cost REAL, turns INTEGER, duration_ms INTEGER,
    r_input INTEGER, r_output INTEGER, r_cache_creation INTEGER, r_cache_read INTEGER,
    messages INTEGER NOT NULL DEFAULT 0, est_cost REAL NOT NULL DEFAULT 0,
    m_input INTEGER NOT NULL DEFAULT 0, m_output INTEGER NOT NULL DEFAULT 0,
    m_cache_creation INTEGER NOT NULL DEFAULT 0, m_cache_read INTEGER NOT NULL DEFAULT 0,
    tool_calls INTEGER NOT NULL DEFAULT 0, tool_errors INTEGER NOT NULL DEFAULT 0,
    facts_lines INTEGER NOT NULL DEFAULT 0, facts_tail BLOB, text_lines INTEGER NOT NULL DEFAULT 0, text_tail BLOB,
    UNIQUE(agent_id, session_number));
CREATE TABLE IF NOT EXISTS messages(
    session INTEGER NOT NULL, message_id TEXT NOT NULL, at_ms INTEGER, model TEXT,
    input INTEGER, output INTEGER, cache_creation INTEGER, cache_read INTEGER, cost REAL,
    PRIMARY KEY(session, message_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tool_calls(
    id INTEGER PRIMARY KEY, session INTEGER NOT NULL, tool_use_id TEXT, at_ms INTEGER, line INTEGER,
    tool TEXT, path TEXT, command TEXT, error INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS agents(id TEXT PRIMARY KEY, name TEXT, initiative_id TEXT, task_id TEXT, status TEXT);
CREATE TABLE IF NOT EXISTS initiatives(id TEXT PRIMARY KEY, name TEXT);
CREATE TABLE IF NOT EXISTS tasks(id TEXT PRIMARY KEY, name TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS text_index USING fts5(
    body, session UNINDEXED, line UNINDEXED, at_ms UNINDEXED, kind UNINDEXED, tool UNINDEXED,
    tokenize = 'unicode61');
)sql";

// Device, inode and birth time: a file replaced under the same name (a restore, a copy over a
// rename) is another file.
QString fileIdentity(const QString &path)
{
    struct statx stx
    {
    };
    if (statx(AT_FDCWD, QFile::encodeName(path).constData(), 0, STATX_INO | STATX_BTIME, &stx) != 0)
        return {};
    const qint64 birth
        = (stx.stx_mask & STATX_BTIME) ? qint64(stx.stx_btime.tv_sec) * 1000000000LL + stx.stx_btime.tv_nsec : 0;
    return u"%1:%2:%3:%4"_s.arg(stx.stx_dev_major).arg(stx.stx_dev_minor).arg(stx.stx_ino).arg(birth);
}

QString column(const TableInfo *t, const QString &field)
{
    return t && t->has(field) ? t->quoted(field) : u"NULL"_s;
}

} // namespace

struct InsightWriter::Connections
{
    lite::Connection source;
    lite::Connection sidecar;
};

struct InsightWriter::Statements
{
    lite::Statement findSession;
    lite::Statement insertSession;
    lite::Statement loadCursor;
    lite::Statement saveCursor[2];
    lite::Statement addTotals;
    lite::Statement setModel;
    lite::Statement insertMessage;
    lite::Statement insertToolCall;
    lite::Statement markError;
    lite::Statement markErrorInSession;
    lite::Statement setResult;
    lite::Statement insertText;
    lite::Statement setMeta;
};

QString insightCacheFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/insight"_s;
}

QString insightSidecarPath(const QString &databasePath)
{
    const QString identity = fileIdentity(databasePath);
    if (identity.isEmpty())
        return {};
    const QByteArray hash = QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    QString base = QFileInfo(databasePath).completeBaseName();
    base.replace(QRegularExpression(u"[^A-Za-z0-9_.-]"_s), u"_"_s);
    return insightCacheFolder() + u'/' + base.left(40) + u'-' + QString::fromLatin1(hash) + u".sqlite"_s;
}

InsightWriter::InsightWriter(std::shared_ptr<Database> db)
    : m_db(std::move(db))
    , m_conn(std::make_unique<Connections>())
    , m_st(std::make_unique<Statements>())
{ }

InsightWriter::~InsightWriter()
{
    m_reader.reset(); // its thread first
    m_st.reset(); // statements before their connections
}

bool InsightWriter::open(QString *error)
{
    const TableInfo *t = m_db->schema().table(u"agent_log_chunks"_s);
    if (!t || !t->has(u"agentId"_s) || !t->has(u"content"_s)) {
        *error = u"this file has no agent_log_chunks table (or it lacks agentId/content)"_s;
        return false;
    }
    m_identity = fileIdentity(m_db->path());
    m_sidecarPath = insightSidecarPath(m_db->path());
    if (m_sidecarPath.isEmpty()) {
        *error = u"cannot read the identity of %1"_s.arg(m_db->path());
        return false;
    }
    if (!QDir().mkpath(insightCacheFolder())) {
        *error = u"cannot create %1"_s.arg(insightCacheFolder());
        return false;
    }
    if (!m_conn->source.open(m_db->path(), false, error))
        return false;

    const QString chunks = SchemaMap::quoteIdentifier(t->name);
    m_chunkSql = u"SELECT rowid, "_s + t->quoted(u"agentId"_s) + u", "_s + column(t, u"agentName"_s) + u", IFNULL("_s
        + column(t, u"sessionNumber"_s) + u", 0), CAST("_s + t->quoted(u"content"_s) + u" AS BLOB), "_s
        + column(t, u"createdAt"_s) + u" FROM "_s + chunks + u" WHERE rowid > ? ORDER BY rowid LIMIT ?"_s;
    m_idSql = u"SELECT "_s + column(t, u"id"_s) + u" FROM "_s + chunks + u" WHERE rowid = ?"_s;

    if (!openSidecar(error))
        return false;
    QString reason;
    if (isStale(&reason)) {
        m_st = std::make_unique<Statements>();
        m_conn->sidecar.close();
        for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
            QFile::remove(m_sidecarPath + suffix);
        m_rebuilt = true;
        m_watermark[FactsPass] = m_watermark[TextPass] = 0;
        if (!openSidecar(error))
            return false;
    }
    return true;
}

bool InsightWriter::openSidecar(QString *error)
{
    lite::Connection &c = m_conn->sidecar;
    if (!c.open(m_sidecarPath, true, error))
        return false;
    // The index can always be rebuilt from the Codewalkers file: durability buys nothing here.
    if (!c.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;", error)
        || !createSchema(error))
        return false;
    Statements &s = *m_st;
    s.findSession = c.prepare("SELECT id FROM sessions WHERE agent_id = ? AND session_number = ?", error);
    s.insertSession = c.prepare("INSERT INTO sessions(agent_id, agent_name, session_number) VALUES(?, ?, ?)", error);
    s.loadCursor = c.prepare("SELECT facts_lines, facts_tail, text_lines, text_tail FROM sessions WHERE id = ?", error);
    s.saveCursor[FactsPass] = c.prepare("UPDATE sessions SET facts_lines = ?, facts_tail = ? WHERE id = ?", error);
    s.saveCursor[TextPass] = c.prepare("UPDATE sessions SET text_lines = ?, text_tail = ? WHERE id = ?", error);
    s.addTotals
        = c.prepare("UPDATE sessions SET m_input = m_input + ?1, m_output = m_output + ?2, "
                    "m_cache_creation = m_cache_creation + ?3, m_cache_read = m_cache_read + ?4, "
                    "est_cost = est_cost + ?5, messages = messages + ?6, tool_calls = tool_calls + ?7, "
                    "tool_errors = tool_errors + ?8, "
                    "start_ms = CASE WHEN ?9 > 0 AND (start_ms IS NULL OR ?9 < start_ms) THEN ?9 ELSE start_ms END, "
                    "end_ms = CASE WHEN end_ms IS NULL OR ?10 > end_ms THEN ?10 ELSE end_ms END, "
                    "bytes = bytes + ?11, model = IFNULL(model, ?12) WHERE id = ?13",
            error);
    s.setModel = c.prepare("UPDATE sessions SET model = ? WHERE id = ?", error);
    s.insertMessage = c.prepare("INSERT OR IGNORE INTO messages(session, message_id, at_ms, model, input, output, "
                                "cache_creation, cache_read, cost) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
        error);
    s.insertToolCall = c.prepare(
        "INSERT INTO tool_calls(session, tool_use_id, at_ms, line, tool, path, command) VALUES(?, ?, ?, ?, ?, ?, ?)",
        error);
    s.markError = c.prepare("UPDATE tool_calls SET error = 1 WHERE id = ? AND error = 0", error);
    s.markErrorInSession
        = c.prepare("UPDATE tool_calls SET error = 1 WHERE session = ? AND tool_use_id = ? AND error = 0", error);
    s.setResult = c.prepare("UPDATE sessions SET result_subtype = ?, result_error = ?, result_cost = ?, turns = ?, "
                            "duration_ms = ?, r_input = ?, r_output = ?, r_cache_creation = ?, r_cache_read = ? "
                            "WHERE id = ?",
        error);
    s.insertText
        = c.prepare("INSERT INTO text_index(body, session, line, at_ms, kind, tool) VALUES(?, ?, ?, ?, ?, ?)", error);
    s.setMeta = c.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", error);
    if (!s.setMeta.isValid() || !s.insertText.isValid() || !s.addTotals.isValid() || !s.setResult.isValid())
        return false;

    lite::Statement meta = c.prepare("SELECT key, value FROM meta");
    while (meta.step()) {
        const QString key = meta.text(0);
        if (key == u"facts_rowid")
            m_watermark[FactsPass] = meta.integer(1);
        else if (key == u"text_rowid")
            m_watermark[TextPass] = meta.integer(1);
    }
    return true;
}

bool InsightWriter::createSchema(QString *error)
{
    lite::Connection &c = m_conn->sidecar;
    lite::Statement version = c.prepare("SELECT value FROM meta WHERE key = 'version'");
    if (version.isValid() && version.step())
        return true; // made before; isStale() checks it is ours
    if (!c.exec("BEGIN", error) || !c.exec(kSchema, error))
        return false;
    lite::Statement set = c.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", error);
    set.bind(1, u"version"_s).bind(2, qint64(kSchemaVersion)).exec();
    set.bind(1, u"identity"_s).bind(2, m_identity).exec();
    set.bind(1, u"path"_s).bind(2, m_db->path()).exec();
    return c.exec("COMMIT", error);
}

bool InsightWriter::isStale(QString *reason)
{
    QHash<QString, QString> meta;
    lite::Statement st = m_conn->sidecar.prepare("SELECT key, value FROM meta");
    while (st.step())
        meta.insert(st.text(0), st.text(1));
    if (meta.value(u"version"_s) != QString::number(kSchemaVersion)) {
        *reason = u"made by another version"_s;
        return true;
    }
    if (meta.value(u"identity"_s) != m_identity) {
        *reason = u"made for another file"_s;
        return true;
    }
    // A file rewritten in place keeps its inode: the last chunk indexed must still be there.
    lite::Statement chunkId = m_conn->source.prepare(m_idSql);
    for (const auto &[rowidKey, idKey] :
        { std::pair { u"facts_rowid"_s, u"facts_chunk"_s }, std::pair { u"text_rowid"_s, u"text_chunk"_s } }) {
        const qint64 rowid = meta.value(rowidKey).toLongLong();
        if (rowid <= 0)
            continue;
        chunkId.bind(1, rowid);
        const bool found = chunkId.step();
        const QString id = found ? chunkId.text(0) : QString();
        chunkId.reset();
        if (!found || id != meta.value(idKey)) {
            *reason = u"the chunks it indexed are gone"_s;
            return true;
        }
    }
    return false;
}

bool InsightWriter::refreshNames(QString *error)
{
    lite::Connection &c = m_conn->sidecar;
    const SchemaMap &schema = m_db->schema();
    struct Copy
    {
        const char *table;
        QStringList fields;
        const char *insert;
    };
    const Copy copies[] = {
        { "agents", { u"id"_s, u"name"_s, u"initiativeId"_s, u"taskId"_s, u"status"_s },
            "INSERT OR REPLACE INTO agents VALUES(?, ?, ?, ?, ?)" },
        { "initiatives", { u"id"_s, u"name"_s }, "INSERT OR REPLACE INTO initiatives VALUES(?, ?)" },
        { "tasks", { u"id"_s, u"name"_s }, "INSERT OR REPLACE INTO tasks VALUES(?, ?)" },
    };
    if (!c.exec("BEGIN", error))
        return false;
    for (const Copy &copy : copies) {
        const TableInfo *t = schema.table(QString::fromLatin1(copy.table));
        c.exec((std::string("DELETE FROM ") + copy.table).c_str());
        if (!t || !t->has(u"id"_s))
            continue;
        QStringList columns;
        for (const QString &field : copy.fields)
            columns.append(column(t, field));
        lite::Statement read = m_conn->source.prepare(
            u"SELECT "_s + columns.join(u", "_s) + u" FROM "_s + SchemaMap::quoteIdentifier(t->name), error);
        lite::Statement write = c.prepare(copy.insert, error);
        if (!read.isValid() || !write.isValid()) {
            rollback();
            return false;
        }
        while (read.step()) {
            for (int i = 0; i < copy.fields.size(); ++i)
                write.bind(i + 1, read.text(i));
            write.exec();
        }
    }
    return c.exec("COMMIT", error);
}

qint64 InsightWriter::maxSourceRowid(QString *error)
{
    const TableInfo *t = m_db->schema().table(u"agent_log_chunks"_s);
    lite::Statement st
        = m_conn->source.prepare(u"SELECT IFNULL(MAX(rowid), 0) FROM "_s + SchemaMap::quoteIdentifier(t->name), error);
    return st.isValid() && st.step() ? st.integer(0) : -1;
}

bool InsightWriter::startReading(qint64 after, qint64 end, const std::atomic_bool *cancel, QString *error)
{
    m_reader = std::make_unique<ChunkPrefetch>(
        ChunkPrefetch::Query { m_db->path(), m_chunkSql, m_idSql }, after, end, cancel);
    return m_reader->start(error);
}

bool InsightWriter::nextBatch(ChunkBatch *out, QString *error)
{
    return m_reader->next(out, error);
}

qint64 InsightWriter::sessionKey(const IndexChunk &chunk)
{
    const auto id = qMakePair(chunk.agentId, chunk.sessionNumber);
    if (const auto it = m_sessionKeys.constFind(id); it != m_sessionKeys.constEnd())
        return it.value();
    qint64 key = 0;
    m_st->findSession.bind(1, chunk.agentId).bind(2, chunk.sessionNumber);
    if (m_st->findSession.step()) {
        key = m_st->findSession.integer(0);
    } else {
        m_st->insertSession.bind(1, chunk.agentId).bind(2, chunk.agentName).bind(3, chunk.sessionNumber).exec();
        key = m_conn->sidecar.lastInsertRowid();
    }
    m_st->findSession.reset();
    m_sessionKeys.insert(id, key);
    return key;
}

SessionCursor &InsightWriter::cursor(Pass pass, const IndexChunk &chunk)
{
    const qint64 key = sessionKey(chunk);
    auto it = m_cursors[pass].find(key);
    if (it != m_cursors[pass].end())
        return it.value();
    SessionCursor c;
    c.sessionKey = key;
    m_st->loadCursor.bind(1, key);
    if (m_st->loadCursor.step()) {
        c.lines = m_st->loadCursor.integer(pass == FactsPass ? 0 : 2);
        c.tail = m_st->loadCursor.blob(pass == FactsPass ? 1 : 3);
    }
    m_st->loadCursor.reset();
    return m_cursors[pass].insert(key, c).value();
}

void InsightWriter::touchSession(qint64 session, qint64 atMs, qint64 bytes)
{
    SessionTotals &t = m_totals[session];
    if (atMs > 0 && (t.startMs == 0 || atMs < t.startMs))
        t.startMs = atMs;
    t.endMs = qMax(t.endMs, atMs);
    t.bytes += bytes;
}

void InsightWriter::setModel(qint64 session, const QString &model)
{
    if (!model.isEmpty())
        m_st->setModel.bind(1, model).bind(2, session).exec();
}

void InsightWriter::addMessage(qint64 session, const IndexedMessage &m)
{
    lite::Statement &st = m_st->insertMessage;
    st.bind(1, session).bind(2, m.messageId).bind(3, m.atMs).bind(4, m.model).bind(5, m.tokens.input);
    st.bind(6, m.tokens.output).bind(7, m.tokens.cacheCreation).bind(8, m.tokens.cacheRead).bind(9, m.costUsd);
    st.exec();
    m_lastMessage.insert(session, m.messageId);
    if (m_conn->sidecar.changes() == 0)
        return; // the same API message on another line
    SessionTotals &t = m_totals[session];
    t.tokens.input += m.tokens.input;
    t.tokens.output += m.tokens.output;
    t.tokens.cacheCreation += m.tokens.cacheCreation;
    t.tokens.cacheRead += m.tokens.cacheRead;
    t.costUsd += m.costUsd;
    ++t.messages;
    if (t.model.isEmpty())
        t.model = m.model;
}

void InsightWriter::addToolCall(qint64 session, const IndexedToolCall &call)
{
    lite::Statement &st = m_st->insertToolCall;
    st.bind(1, session).bind(2, call.toolUseId).bind(3, call.atMs).bind(4, call.line).bind(5, call.tool);
    st.bind(6, call.path).bind(7, call.command).exec();
    ++m_totals[session].toolCalls;
    if (!call.toolUseId.isEmpty())
        rememberCall(call.toolUseId, m_conn->sidecar.lastInsertRowid());
}

void InsightWriter::markToolError(qint64 session, const QString &toolUseId)
{
    // A result nearly always follows its call within the batch: mark it by rowid; else look
    // among the session's calls (index tool_calls_session), never the whole table.
    qint64 rowid = m_recentCalls[0].value(toolUseId);
    if (!rowid)
        rowid = m_recentCalls[1].value(toolUseId);
    if (rowid)
        m_st->markError.bind(1, rowid).exec();
    else
        m_st->markErrorInSession.bind(1, session).bind(2, toolUseId).exec();
    if (m_conn->sidecar.changes() > 0)
        ++m_totals[session].toolErrors;
}

void InsightWriter::setResult(qint64 session, const IndexedResult &r)
{
    lite::Statement &st = m_st->setResult;
    st.bind(1, r.subtype).bind(2, qint64(r.isError)).bind(3, r.costUsd).bind(4, r.turns).bind(5, r.durationMs);
    st.bind(6, r.tokens.input).bind(7, r.tokens.output).bind(8, r.tokens.cacheCreation).bind(9, r.tokens.cacheRead);
    st.bind(10, session).exec();
}

void InsightWriter::addText(qint64 session, const IndexedText &text)
{
    lite::Statement &st = m_st->insertText;
    st.bind(1, text.body).bind(2, session).bind(3, text.line).bind(4, text.atMs).bind(5, text.kind).bind(6, text.tool);
    st.exec();
}

bool InsightWriter::begin(QString *error)
{
    return m_conn->sidecar.exec("BEGIN", error);
}

bool InsightWriter::flush(Pass pass, QString *error)
{
    for (auto it = m_cursors[pass].begin(); it != m_cursors[pass].end(); ++it) {
        SessionCursor &c = it.value();
        if (!c.dirty)
            continue;
        if (!m_st->saveCursor[pass].bind(1, c.lines).bind(2, c.tail).bind(3, c.sessionKey).exec()) {
            *error = m_conn->sidecar.errorMessage();
            return false;
        }
        c.dirty = false;
    }
    if (m_cursors[pass].size() > kMaxCachedCursors)
        m_cursors[pass].clear(); // memory stays bounded; evicted cursors are read back when needed
    for (auto it = m_totals.constBegin(); it != m_totals.constEnd(); ++it) {
        const SessionTotals &t = it.value();
        lite::Statement &st = m_st->addTotals;
        st.bind(1, t.tokens.input).bind(2, t.tokens.output).bind(3, t.tokens.cacheCreation).bind(4, t.tokens.cacheRead);
        st.bind(5, t.costUsd).bind(6, t.messages).bind(7, t.toolCalls).bind(8, t.toolErrors).bind(9, t.startMs);
        st.bind(10, t.endMs).bind(11, t.bytes).bind(12, t.model).bind(13, it.key());
        if (!st.exec()) {
            *error = m_conn->sidecar.errorMessage();
            return false;
        }
    }
    m_totals.clear();
    if (m_sessionKeys.size() > kMaxCachedCursors)
        m_sessionKeys.clear();
    if (m_lastMessage.size() > kMaxCachedCursors)
        m_lastMessage.clear();
    return true;
}

bool InsightWriter::commit(Pass pass, const ChunkBatch &batch, QString *error)
{
    const qint64 lastRowid = batch.chunks.constLast().rowid;
    if (!flush(pass, error)) {
        rollback();
        return false;
    }
    const QString prefix = pass == FactsPass ? u"facts"_s : u"text"_s;
    m_st->setMeta.bind(1, prefix + u"_rowid"_s).bind(2, lastRowid).exec();
    m_st->setMeta.bind(1, prefix + u"_chunk"_s).bind(2, batch.lastChunkId).exec();
    if (!m_conn->sidecar.exec("COMMIT", error)) {
        rollback();
        return false;
    }
    m_watermark[pass] = lastRowid;
    return true;
}

void InsightWriter::rollback()
{
    m_conn->sidecar.exec("ROLLBACK");
    m_cursors[FactsPass].clear();
    m_cursors[TextPass].clear();
    m_totals.clear();
    m_sessionKeys.clear();
    m_recentCalls[0].clear();
    m_recentCalls[1].clear();
    m_lastMessage.clear();
}

void InsightWriter::rememberCall(const QString &toolUseId, qint64 rowid)
{
    if (m_recentCalls[0].size() >= kRecentCalls) {
        m_recentCalls[1] = std::move(m_recentCalls[0]);
        m_recentCalls[0] = {};
    }
    m_recentCalls[0].insert(toolUseId, rowid);
}

bool InsightWriter::finish(Pass pass, QString *error)
{
    m_reader.reset();
    return pass != FactsPass || m_conn->sidecar.exec(kIndexes, error);
}

} // namespace cwi
