#include "tableexport.h"

#include "database.h"
#include "outputfile.h"
#include "query/queryrunner.h"
#include "tablereader.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cwi {

QString csvField(const QVariant &value)
{
    if (value.isNull())
        return {};
    QString text = value.toString();
    if (text.isEmpty())
        return QStringLiteral("\"\"");
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + text + u'"';
    }
    return text;
}

RowFormatter::RowFormatter(ExportFormat format)
    : m_format(format)
{ }

QByteArray RowFormatter::begin(const QStringList &columns)
{
    m_columns = columns;
    if (m_format == ExportFormat::Json)
        return "[\n";
    QStringList header;
    for (const QString &column : columns)
        header.append(csvField(column));
    return header.join(u',').toUtf8() + "\r\n";
}

QByteArray RowFormatter::row(const QVariantList &values)
{
    QByteArray bytes;
    if (m_format == ExportFormat::Csv) {
        QStringList fields;
        for (const QVariant &value : values)
            fields.append(csvField(value));
        bytes = fields.join(u',').toUtf8() + "\r\n";
    } else {
        QJsonObject object;
        for (int i = 0; i < m_columns.size(); ++i) {
            const QVariant value = values.value(i);
            // Blobs as base64 text: JSON has no bytes.
            object.insert(m_columns.at(i),
                value.typeId() == QMetaType::QByteArray
                    ? QJsonValue(QString::fromLatin1(value.toByteArray().toBase64()))
                    : QJsonValue::fromVariant(value));
        }
        bytes = (m_rows ? ",\n  " : "  ") + QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    ++m_rows;
    return bytes;
}

QByteArray RowFormatter::end() const
{
    if (m_format == ExportFormat::Json)
        return m_rows ? "\n]\n" : "]\n";
    return {};
}

ExportResult exportTable(const std::shared_ptr<Database> &database, const TableQuery &query, ExportFormat format,
    const QString &path, const QString &databasePath, const std::atomic_bool *cancel,
    const std::function<void(qint64)> &progress, const QVector<int> &columnOrder)
{
    const TableReader reader(database);
    ExportResult result;
    OutputFile file(path); // nothing appears at PATH unless the whole export succeeds
    if (!file.open(databasePath, &result.error))
        return result;
    const QStringList stored = reader.columns(query.table);
    QVector<int> order = columnOrder;
    if (order.isEmpty()) {
        for (int i = 0; i < stored.size(); ++i)
            order.append(i);
    }
    QStringList columns;
    for (int i : std::as_const(order))
        columns.append(stored.value(i));
    RowFormatter formatter(format);
    file.write(formatter.begin(columns));
    std::optional<RowKey> key;
    constexpr int kPage = 1000;
    for (;;) {
        if (cancel && cancel->load()) {
            file.cancel();
            result.cancelled = true;
            return result;
        }
        const TablePage page = reader.pageAfter(query, key, kPage, cancel);
        if (!page.ok) {
            file.cancel();
            result.cancelled = page.cancelled;
            result.error = page.error;
            return result;
        }
        for (const TableRow &row : page.rows) {
            QVariantList shown; // in the order the grid shows the columns
            for (int i : std::as_const(order))
                shown.append(row.values.value(i));
            file.write(formatter.row(shown));
        }
        result.rows = formatter.rows();
        if (progress)
            progress(result.rows);
        if (page.rows.size() < kPage)
            break;
        key = page.rows.last().key;
    }
    file.write(formatter.end());
    if (!file.commit(&result.error))
        return result;
    result.ok = true;
    return result;
}

ExportResult exportQuery(const std::shared_ptr<Database> &database, const QString &sql, ExportFormat format,
    const QString &path, const std::atomic_bool *cancel, const std::function<void(qint64)> &progress)
{
    return exportQuery(
        QueryRunner(database->path(), { database->busyTimeoutMs(), 0 }), sql, format, path, cancel, progress);
}

ExportResult exportQuery(const QueryRunner &runner, const QString &sql, ExportFormat format, const QString &path,
    const std::atomic_bool *cancel, const std::function<void(qint64)> &progress)
{
    ExportResult result;
    OutputFile file(path); // the guard: never the database it reads; nothing appears unless complete
    if (!file.open(runner.path(), &result.error))
        return result;
    RowFormatter formatter(format);
    const QueryOutcome outcome = runner.stream(
        sql,
        [&](const QVector<QueryColumn> &columns) {
            QStringList names;
            for (const QueryColumn &column : columns)
                names.append(column.name);
            file.write(formatter.begin(names));
        },
        [&](const QVariantList &values) {
            if (!file.write(formatter.row(values)))
                return false; // disk full or the like: commit() says so
            if (progress && formatter.rows() % 1000 == 0)
                progress(formatter.rows());
            return true;
        },
        cancel);
    result.rows = formatter.rows();
    if (!outcome.ok()) {
        file.cancel();
        result.cancelled = outcome.status == QueryStatus::Cancelled;
        result.error = outcome.message;
        return result;
    }
    file.write(formatter.end());
    if (!file.commit(&result.error))
        return result;
    if (progress)
        progress(result.rows);
    result.ok = true;
    return result;
}

} // namespace cwi
