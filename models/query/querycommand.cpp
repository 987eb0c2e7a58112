#include "querycommand.h"

#include "browse/tableexport.h"
#include "database.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace cwi {

namespace {

constexpr int kWidthSampleRows = 200; // the table's column widths come from the first rows
constexpr int kMaxColumnWidth = 48;

QString cellText(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::QByteArray)
        return u"x'" + QString::fromLatin1(value.toByteArray().toHex()) + u'\'';
    return value.toString();
}

QString fit(const QString &text, int width)
{
    QString escaped = escapeForTerminal(text);
    if (escaped.size() > width)
        escaped = escaped.left(width - 1) + u'…';
    return escaped.leftJustified(width);
}

// Aligned columns for a terminal: widths from the first rows, the rest printed as they come.
class TablePrinter
{
public:
    explicit TablePrinter(QTextStream &out)
        : m_out(out)
    { }
    void header(const QStringList &columns)
    {
        m_columns = columns;
        for (const QString &column : columns)
            m_widths.append(qMin(kMaxColumnWidth, int(escapeForTerminal(column).size())));
    }
    void row(const QVariantList &values)
    {
        if (m_sample.size() < kWidthSampleRows) {
            m_sample.append(values);
            for (int c = 0; c < m_widths.size(); ++c)
                m_widths[c] = qMax(
                    m_widths.at(c), qMin(kMaxColumnWidth, int(escapeForTerminal(cellText(values.value(c))).size())));
            return;
        }
        flushSample();
        print(values);
    }
    void finish()
    {
        flushSample();
        m_out.flush();
    }

private:
    void flushSample()
    {
        if (m_headerDone)
            return;
        m_headerDone = true;
        QStringList cells;
        QStringList rules;
        for (int c = 0; c < m_columns.size(); ++c) {
            cells.append(fit(m_columns.at(c), m_widths.at(c)));
            rules.append(QString(m_widths.at(c), u'-'));
        }
        m_out << cells.join(QStringLiteral(" | ")) << '\n' << rules.join(QStringLiteral("-+-")) << '\n';
        for (const QVariantList &values : std::as_const(m_sample))
            print(values);
        m_sample.clear();
    }
    void print(const QVariantList &values)
    {
        QStringList cells;
        for (int c = 0; c < m_widths.size(); ++c)
            cells.append(fit(cellText(values.value(c)), m_widths.at(c)));
        m_out << cells.join(QStringLiteral(" | ")) << '\n';
    }

    QTextStream &m_out;
    QStringList m_columns;
    QVector<int> m_widths;
    QVector<QVariantList> m_sample;
    bool m_headerDone = false;
};

int exitCode(QueryStatus status)
{
    switch (status) {
    case QueryStatus::Ok:
        return 0;
    case QueryStatus::Busy:
        return 4;
    case QueryStatus::Cancelled:
        return 1;
    default:
        return 2;
    }
}

} // namespace

QString escapeForTerminal(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            out += QStringLiteral("\\n");
        else if (u == u'\t')
            out += QStringLiteral("\\t");
        else if (u == u'\r')
            out += QStringLiteral("\\r");
        else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

int runQueryCommand(const QueryCommand &command, QTextStream &out, QTextStream &err)
{
    if (command.format != u"csv" && command.format != u"json" && command.format != u"table") {
        err << "--format for --query is csv, json or table" << Qt::endl;
        return 2;
    }
    const auto opened = Database::open(command.databasePath, { command.busyTimeoutMs, true });
    if (!opened.database) {
        err << opened.message << Qt::endl;
        return opened.error == OpenError::Locked ? 4 : 2;
    }
    if (!command.output.isEmpty()
        && QFileInfo(command.output).absoluteFilePath() == QFileInfo(command.databasePath).absoluteFilePath()) {
        err << "Refusing to write the output over the database itself: " << command.output << Qt::endl;
        return 2;
    }
    const QueryRunner runner(opened.database->path(), { command.busyTimeoutMs, 0 });

    QSaveFile file(command.output);
    QFile standardOutput;
    QIODevice *device = nullptr;
    if (!command.output.isEmpty()) {
        if (!file.open(QIODevice::WriteOnly)) {
            err << "Cannot write " << command.output << ": " << file.errorString() << Qt::endl;
            return 2;
        }
        device = &file;
    } else if (command.format != u"table") {
        standardOutput.open(stdout, QIODevice::WriteOnly);
        device = &standardOutput;
    }

    QueryOutcome outcome;
    if (command.format == u"table") {
        QTextStream fileStream(&file);
        QTextStream &target = command.output.isEmpty() ? out : fileStream;
        TablePrinter printer(target);
        outcome = runner.stream(
            command.sql,
            [&](const QVector<QueryColumn> &columns) {
                QStringList names;
                for (const QueryColumn &column : columns)
                    names.append(column.name);
                printer.header(names);
            },
            [&](const QVariantList &values) {
                printer.row(values);
                return target.status() == QTextStream::Ok;
            });
        if (outcome.ok())
            printer.finish();
        target.flush();
    } else {
        RowFormatter formatter(command.format == u"csv" ? ExportFormat::Csv : ExportFormat::Json);
        outcome = runner.stream(
            command.sql,
            [&](const QVector<QueryColumn> &columns) {
                QStringList names;
                for (const QueryColumn &column : columns)
                    names.append(column.name);
                device->write(formatter.begin(names));
            },
            [&](const QVariantList &values) { return device->write(formatter.row(values)) >= 0; });
        if (outcome.ok())
            device->write(formatter.end());
        device->waitForBytesWritten(-1);
        if (device == &standardOutput)
            standardOutput.flush();
    }
    if (!outcome.ok()) {
        if (!command.output.isEmpty())
            file.cancelWriting(); // nothing appears at OUT
        err << escapeForTerminal(outcome.message);
        if (outcome.errorOffset >= 0) {
            const QString before = command.sql.left(outcome.errorOffset);
            const qsizetype line = before.count(u'\n') + 1;
            const qsizetype column = outcome.errorOffset - (before.lastIndexOf(u'\n') + 1) + 1;
            err << " (line " << line << ", column " << column << ')';
        }
        err << Qt::endl;
        return exitCode(outcome.status);
    }
    if (!command.output.isEmpty() && !file.commit()) {
        err << "Cannot write " << command.output << ": " << file.errorString() << Qt::endl;
        return 2;
    }
    return 0;
}

} // namespace cwi
