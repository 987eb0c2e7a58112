#include "tableexport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace cwi {

QString csvField(const QVariant &value)
{
    if (value.isNull())
        return {};
    QString text = value.toString();
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + text + u'"';
    }
    return text;
}

ExportResult exportTable(const TableReader &reader, const TableQuery &query, ExportFormat format, const QString &path,
    const std::atomic_bool *cancel, const std::function<void(qint64)> &progress)
{
    ExportResult result;
    QSaveFile file(path); // nothing appears at PATH unless the whole export succeeds
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = file.errorString();
        return result;
    }
    const QStringList columns = reader.columns(query.table);
    if (format == ExportFormat::Csv) {
        QStringList header;
        for (const QString &column : columns)
            header.append(csvField(column));
        file.write(header.join(u',').toUtf8() + "\r\n");
    } else {
        file.write("[\n");
    }
    std::optional<RowKey> key;
    constexpr int kPage = 1000;
    for (;;) {
        if (cancel && cancel->load()) {
            file.cancelWriting();
            result.cancelled = true;
            return result;
        }
        const TablePage page = reader.pageAfter(query, key, kPage, cancel);
        if (!page.ok) {
            file.cancelWriting();
            result.cancelled = page.cancelled;
            result.error = page.error;
            return result;
        }
        for (const TableRow &row : page.rows) {
            if (format == ExportFormat::Csv) {
                QStringList fields;
                for (const QVariant &value : row.values)
                    fields.append(csvField(value));
                file.write(fields.join(u',').toUtf8() + "\r\n");
            } else {
                QJsonObject object;
                for (int i = 0; i < columns.size(); ++i)
                    object.insert(columns.at(i), QJsonValue::fromVariant(row.values.value(i)));
                file.write(result.rows ? ",\n  " : "  ");
                file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
            }
            ++result.rows;
        }
        if (progress)
            progress(result.rows);
        if (page.rows.size() < kPage)
            break;
        key = page.rows.last().key;
    }
    if (format == ExportFormat::Json)
        file.write("\n]\n");
    if (!file.commit()) {
        result.error = file.errorString();
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace cwi
