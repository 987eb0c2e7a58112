#pragma once

// Writes the rows of a (filtered, sorted) table query, or of a query page's statement, to CSV
// or JSON, row by row, so that memory stays flat on any size. Runs in a worker; reports
// progress; stops when cancelled and then removes the partial file.

#include "query/queryresult.h"
#include "tablequery.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cwi {

class Database;
class QueryRunner;

enum class ExportFormat
{
    Csv,
    Json
};

struct ExportResult
{
    bool ok = false;
    bool cancelled = false;
    qint64 rows = 0;
    QString error;
};

// PROGRESS is called from the worker with the rows written so far. PATH goes through the output
// guard (refuseOutputPath): never DATABASEPATH or its companions, never another database.
// COLUMNS: the table's column indexes in the order to write them (the order the grid shows);
// empty writes them as stored.
ExportResult exportTable(const std::shared_ptr<Database> &database, const TableQuery &query, ExportFormat format,
    const QString &path, const QString &databasePath, const std::atomic_bool *cancel = nullptr,
    const std::function<void(qint64)> &progress = {}, const QVector<int> &columns = {});

// The rows of one SQL statement (read-only, see queryrunner.h), streamed from a single run.
// PATH goes through the same guard, against the database the runner reads.
ExportResult exportQuery(const QueryRunner &runner, const QString &sql, ExportFormat format, const QString &path,
    const std::atomic_bool *cancel = nullptr, const std::function<void(qint64)> &progress = {});
// The same over the open file, read with its busy timeout (the Query page's export).
ExportResult exportQuery(const std::shared_ptr<Database> &database, const QString &sql, ExportFormat format,
    const QString &path, const std::atomic_bool *cancel = nullptr, const std::function<void(qint64)> &progress = {});

// Rows as CSV (header line, CRLF) or as a JSON array of objects keyed by column name, as bytes
// for whatever file or stream they go to.
class RowFormatter
{
public:
    explicit RowFormatter(ExportFormat format);
    QByteArray begin(const QStringList &columns);
    QByteArray row(const QVariantList &values);
    QByteArray end() const;
    qint64 rows() const { return m_rows; }

private:
    ExportFormat m_format;
    QStringList m_columns;
    qint64 m_rows = 0;
};

// One CSV field: quoted when it holds a separator, quote or line break. NULL is an empty field
// and empty text is "", so the two stay apart when the file is read back.
QString csvField(const QVariant &value);

} // namespace cwi
