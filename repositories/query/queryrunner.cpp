#include "queryrunner.h"

#include "readonlyauthorizer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>

#include <sqlite3.h>

namespace cwi {

namespace {

constexpr int kProgressSteps = 1000; // VM steps between cancel checks: well under a millisecond
constexpr int kMaxValueBytes = 256 * 1024 * 1024; // zeroblob(1e9) fails instead of filling memory

// What the progress and busy handlers look at while a statement runs.
struct Watch
{
    const std::atomic_bool *cancel = nullptr;
    QElapsedTimer clock;
    qint64 deadlineMs = -1; // stop stepping (not an error) once the clock passes it
    bool deadlineHit = false;
    int busyTimeoutMs = 2000;
    qint64 busySinceMs = -1;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

int onProgress(void *data)
{
    auto *watch = static_cast<Watch *>(data);
    if (watch->cancelled())
        return 1;
    if (watch->deadlineMs >= 0 && watch->clock.elapsed() > watch->deadlineMs) {
        watch->deadlineHit = true;
        return 1;
    }
    return 0;
}

// Waits for a lock like busy_timeout does, but gives up at once on cancel.
int onBusy(void *data, int attempt)
{
    auto *watch = static_cast<Watch *>(data);
    if (attempt == 0)
        watch->busySinceMs = watch->clock.elapsed();
    if (watch->cancelled() || watch->clock.elapsed() - watch->busySinceMs >= watch->busyTimeoutMs)
        return 0;
    QThread::msleep(5);
    return 1;
}

// Character offset in TEXT of the UTF-8 byte offset BYTES.
int charOffset(const QByteArray &utf8, int bytes)
{
    if (bytes < 0)
        return -1;
    return int(QString::fromUtf8(utf8.constData(), qMin<qsizetype>(bytes, utf8.size())).size());
}

// Where NAME of "no such table: NAME" (column, function) stands in SQL: SQLite gives no offset
// for these. -1 when it cannot be found as a whole word.
int offsetOfName(const QString &sql, const QString &message)
{
    static const QRegularExpression named(QStringLiteral("no such (?:table|column|function): (\\S+)"));
    const QRegularExpressionMatch match = named.match(message);
    if (!match.hasMatch())
        return -1;
    QString name = match.captured(1);
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QRegularExpression word(u"(?<![\\w.\"])\"?" + QRegularExpression::escape(name) + u"\"?(?![\\w\"])",
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch found = word.match(sql);
        if (found.hasMatch())
            return int(found.capturedStart());
        name = name.section(u'.', -1); // "t.missing": look for "missing"
    }
    return -1;
}

QString firstKeyword(const QByteArray &utf8)
{
    QByteArray word;
    for (const char c : utf8) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            word.append(c);
        else if (!word.isEmpty())
            break;
    }
    return QString::fromLatin1(word).toUpper();
}

QVariant columnValue(sqlite3_stmt *statement, int column, int maxChars)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return qlonglong(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        int bytes = sqlite3_column_bytes(statement, column);
        // A grid shows the start; 4 bytes per character is the UTF-8 worst case.
        if (maxChars > 0 && bytes > maxChars * 4)
            bytes = maxChars * 4;
        QString value = QString::fromUtf8(text, bytes);
        if (maxChars > 0 && value.size() > maxChars)
            value.truncate(maxChars);
        return value;
    }
    case SQLITE_BLOB: {
        const auto *blob = static_cast<const char *>(sqlite3_column_blob(statement, column));
        int bytes = sqlite3_column_bytes(statement, column);
        if (maxChars > 0 && bytes > maxChars)
            bytes = maxChars;
        return QByteArray(blob, bytes);
    }
    default:
        return QVariant();
    }
}

// One read-only connection for one run.
class Connection
{
public:
    Connection(const QString &path, const QueryRunner::Options &options, const std::atomic_bool *cancel)
    {
        m_watch.cancel = cancel;
        m_watch.busyTimeoutMs = options.busyTimeoutMs;
        m_watch.clock.start();
        const QFileInfo file(path);
        if (!file.isFile()) {
            m_failure = u"No such file: " + path;
            return;
        }
        // SQLITE_OPEN_READONLY: never creates the file, never writes to it.
        const int rc = sqlite3_open_v2(QFile::encodeName(file.absoluteFilePath()).constData(), &m_db,
            SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            m_failure = u"Cannot open " + path + u": " + QString::fromUtf8(sqlite3_errmsg(m_db));
            return;
        }
        sqlite3_extended_result_codes(m_db, 1);
        sqlite3_enable_load_extension(m_db, 0);
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
        sqlite3_limit(m_db, SQLITE_LIMIT_ATTACHED, 0);
        sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
        sqlite3_exec(m_db, "PRAGMA query_only = 1", nullptr, nullptr, nullptr);
        sqlite3_busy_handler(m_db, &onBusy, &m_watch);
        sqlite3_progress_handler(m_db, kProgressSteps, &onProgress, &m_watch);
        m_authorizer.install(m_db); // last: the setup above would be denied
    }
    ~Connection()
    {
        sqlite3_finalize(m_statement);
        sqlite3_close_v2(m_db);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QString failure() const { return m_failure; }
    Watch &watch() { return m_watch; }
    sqlite3_stmt *statement() const { return m_statement; }

    // For a SELECT, swaps the statement for "SELECT * FROM (statement) LIMIT -1 OFFSET n":
    // SQLite then skips rows without computing their columns (a deep page of a wide table
    // does not read every skipped value). False (statement unchanged) for anything else.
    bool skipInSql(qint64 offset)
    {
        return wrap("SELECT * FROM (\n", "\n) LIMIT -1 OFFSET " + QByteArray::number(offset), true);
    }
    // For a SELECT, swaps the statement for "SELECT count(*) FROM (statement)": SQLite counts
    // without producing the rows' values (a table's count reads no row at all).
    bool countInSql() { return wrap("SELECT count(*) FROM (\n", "\n)", false); }

    // Prepares the one statement of SQL and checks it only reads.    // Prepares the one statement of SQL and checks it
    // only reads. False with OUT filled on failure.
    bool prepare(const QString &sql, QueryOutcome *out)
    {
        m_sql = sql.toUtf8();
        const char *tail = nullptr;
        m_authorizer.reset();
        int rc = sqlite3_prepare_v2(m_db, m_sql.constData(), int(m_sql.size()), &m_statement, &tail);
        if (rc != SQLITE_OK) {
            fail(rc, out);
            return false;
        }
        if (!m_statement) {
            out->status = QueryStatus::SqlError;
            out->message = QStringLiteral("There is no statement to run (only spaces or comments).");
            return false;
        }
        const int statementEnd = int(tail - m_sql.constData());
        m_statementEnd = statementEnd;
        if (!sqlite3_stmt_readonly(m_statement)) {
            // No authorizer call covers VACUUM; SQLite itself knows it writes.
            const QString keyword = firstKeyword(m_sql);
            out->status = QueryStatus::Denied;
            out->message = (keyword == u"VACUUM" ? QStringLiteral("VACUUM (it writes a database file)")
                                                 : QStringLiteral("This statement (it would change the file)"))
                + QStringLiteral(" is not allowed: the Query page only reads the file.");
            out->errorOffset = 0;
            return false;
        }
        // Anything after the first statement but spaces and comments is refused, unrun.
        sqlite3_stmt *next = nullptr;
        const char *rest = nullptr;
        rc = sqlite3_prepare_v2(m_db, tail, int(m_sql.constData() + m_sql.size() - tail), &next, &rest);
        if (rc != SQLITE_OK || next) {
            sqlite3_finalize(next);
            int at = statementEnd;
            while (at < m_sql.size() && (m_sql.at(at) == ';' || QChar::isSpace(uchar(m_sql.at(at)))))
                ++at;
            out->status = QueryStatus::SqlError;
            out->message = QStringLiteral("Run one statement at a time: more SQL follows the first statement. "
                                          "Select the statement you want, or put the cursor in it.");
            out->errorOffset = charOffset(m_sql, at);
            return false;
        }
        for (int i = 0, n = sqlite3_column_count(m_statement); i < n; ++i) {
            const char *table = sqlite3_column_table_name(m_statement, i);
            const char *origin = sqlite3_column_origin_name(m_statement, i);
            out->columns.append({ QString::fromUtf8(sqlite3_column_name(m_statement, i)),
                table ? QString::fromUtf8(table) : QString(), origin ? QString::fromUtf8(origin) : QString() });
        }
        return true;
    }

    // Fills OUT from a failed prepare or step with result code RC.
    void fail(int rc, QueryOutcome *out)
    {
        const int primary = rc & 0xff;
        const QString sqliteText = QString::fromUtf8(sqlite3_errmsg(m_db));
        if (primary == SQLITE_INTERRUPT && m_watch.cancelled()) {
            out->status = QueryStatus::Cancelled;
            out->message = QStringLiteral("Cancelled.");
        } else if (!m_authorizer.denial().isEmpty()) { // any code: a refused CREATE reports SQLITE_SCHEMA
            out->status = QueryStatus::Denied;
            out->message = m_authorizer.denial();
        } else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
            out->status = QueryStatus::Busy;
            out->message = u"The file is locked by another process (waited " + QString::number(m_watch.busyTimeoutMs)
                + u" ms). Try again in a moment.";
        } else if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT || primary == SQLITE_CANTOPEN
            || primary == SQLITE_IOERR) {
            out->status = QueryStatus::FileError;
            out->message = u"Cannot read the file: " + sqliteText;
        } else {
            out->status = QueryStatus::SqlError;
            QString text = sqliteText;
            if (!text.isEmpty())
                text[0] = text.at(0).toUpper();
            out->message = sqliteText == u"incomplete input"
                ? QStringLiteral("The statement ends too early: something is missing at its end.")
                : text + u'.';
        }
        if (out->status == QueryStatus::SqlError || out->status == QueryStatus::Denied)
            out->errorOffset = charOffset(m_sql, sqlite3_error_offset(m_db));
        if (out->status == QueryStatus::SqlError && out->errorOffset < 0)
            out->errorOffset = sqliteText == u"incomplete input"
                ? int(QString::fromUtf8(m_sql).trimmed().size()) // the statement stops too early: its end
                : offsetOfName(QString::fromUtf8(m_sql), sqliteText);
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    ReadOnlyAuthorizer m_authorizer;
    Watch m_watch;
    bool wrap(const QByteArray &head, const QByteArray &tail, bool sameColumns)
    {
        const QString keyword = firstKeyword(m_sql);
        if (keyword != u"SELECT" && keyword != u"WITH" && keyword != u"VALUES")
            return false;
        QByteArray body = m_sql.left(m_statementEnd).trimmed();
        while (body.endsWith(';'))
            body.chop(1);
        const QByteArray wrapped = head + body + tail;
        sqlite3_stmt *replacement = nullptr;
        m_authorizer.reset();
        if (sqlite3_prepare_v2(m_db, wrapped.constData(), int(wrapped.size()), &replacement, nullptr) != SQLITE_OK
            || !replacement || !sqlite3_stmt_readonly(replacement)
            || (sameColumns && sqlite3_column_count(replacement) != sqlite3_column_count(m_statement))) {
            sqlite3_finalize(replacement);
            return false;
        }
        sqlite3_finalize(m_statement);
        m_statement = replacement;
        return true;
    }

    QByteArray m_sql;
    int m_statementEnd = 0;
    QString m_failure;
};

} // namespace

QueryRunner::QueryRunner(const QString &path, const Options &options)
    : m_path(path)
    , m_options(options)
{ }

QueryRows QueryRunner::page(
    const QString &sql, qint64 offset, int limit, int countBudgetMs, const std::atomic_bool *cancel) const
{
    QueryRows page;
    page.first = offset;
    Connection connection(m_path, m_options, cancel);
    if (!connection.failure().isEmpty()) {
        page.status = QueryStatus::FileError;
        page.message = connection.failure();
        return page;
    }
    if (!connection.prepare(sql, &page))
        return page;
    if (limit <= 0 && countBudgetMs > 0) {
        // Only the count: within the budget from the start, by count(*) where SQLite can.
        connection.watch().deadlineMs = countBudgetMs;
        if (connection.countInSql()) {
            const int rc = sqlite3_step(connection.statement());
            if (rc == SQLITE_ROW) {
                page.rowsSeen = sqlite3_column_int64(connection.statement(), 0);
                page.countKnown = true;
            } else if ((rc & 0xff) != SQLITE_INTERRUPT || !connection.watch().deadlineHit) {
                connection.fail(rc, &page);
            }
            return page;
        }
    }
    qint64 row = 0;
    if (offset > 0 && connection.skipInSql(offset))
        row = offset; // the statement starts at OFFSET (fewer rows when the result is shorter)
    sqlite3_stmt *statement = connection.statement();
    const int columns = sqlite3_column_count(statement);
    const qint64 end = offset + limit;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        if (row >= offset && row < end) {
            QVariantList values;
            values.reserve(columns);
            for (int c = 0; c < columns; ++c)
                values.append(columnValue(statement, c, m_options.maxCellChars));
            page.rows.append(std::move(values));
        }
        if (++row == end) {
            if (countBudgetMs <= 0)
                break;
            connection.watch().deadlineMs = connection.watch().clock.elapsed() + countBudgetMs;
        }
    }
    page.rowsSeen = row;
    if (rc == SQLITE_DONE) {
        page.countKnown = true;
    } else if (rc == SQLITE_ROW || ((rc & 0xff) == SQLITE_INTERRUPT && connection.watch().deadlineHit)) {
        page.countKnown = false; // stopped counting on purpose: at least ROW rows
    } else {
        connection.fail(rc, &page);
        page.rows.clear();
    }
    return page;
}

QueryOutcome QueryRunner::stream(const QString &sql, const std::function<void(const QVector<QueryColumn> &)> &header,
    const std::function<bool(const QVariantList &)> &row, const std::atomic_bool *cancel) const
{
    QueryOutcome outcome;
    Connection connection(m_path, m_options, cancel);
    if (!connection.failure().isEmpty()) {
        outcome.status = QueryStatus::FileError;
        outcome.message = connection.failure();
        return outcome;
    }
    if (!connection.prepare(sql, &outcome))
        return outcome;
    if (header)
        header(outcome.columns);
    sqlite3_stmt *statement = connection.statement();
    const int columns = sqlite3_column_count(statement);
    int rc = SQLITE_ROW;
    QVariantList values;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        values.clear();
        for (int c = 0; c < columns; ++c)
            values.append(columnValue(statement, c, m_options.maxCellChars));
        if (!row(values))
            return outcome;
    }
    if (rc != SQLITE_DONE)
        connection.fail(rc, &outcome);
    return outcome;
}

} // namespace cwi
