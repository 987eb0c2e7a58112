#include "querycommand.h"

#include "browse/tableexport.h"
#include "database.h"
#include "outputfile.h"
#include "query/queryrunner.h"
#include "terminaltext.h"

#include <QFile>
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

// A cell on one terminal line: control characters escaped (terminalSafe), and the line breaks
// and tabs it keeps written as \n and \t so the columns stay aligned.
QString cellLine(const QString &text)
{
    QString line = terminalSafe(text);
    line.replace(u'\n', QStringLiteral("\\n")).replace(u'\t', QStringLiteral("\\t"));
    return line;
}

QString fit(const QString &text, int width)
{
    QString escaped = cellLine(text);
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
            m_widths.append(qMin(kMaxColumnWidth, int(cellLine(column).size())));
    }
    void row(const QVariantList &values)
    {
        if (m_sample.size() < kWidthSampleRows) {
            m_sample.append(values);
            for (int c = 0; c < m_widths.size(); ++c)
                m_widths[c]
                    = qMax(m_widths.at(c), qMin(kMaxColumnWidth, int(cellLine(cellText(values.value(c))).size())));
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
    const QueryRunner runner(opened.database->path(), { command.busyTimeoutMs, 0 });

    // -o OUT goes through the one output guard (never the database or its companions, another
    // database, a FIFO or a device; a temporary file renamed into place only when complete).
    const bool toFile = !command.output.isEmpty();
    OutputFile file(command.output);
    if (toFile) {
        QString error;
        if (!file.open(opened.database->path(), &error)) {
            err << error << Qt::endl;
            return 2;
        }
    }
    QFile standardOutput;
    if (!toFile && command.format != u"table")
        standardOutput.open(stdout, QIODevice::WriteOnly);
    // CSV and JSON bytes to the file, or to standard output (control characters escaped when
    // that is a terminal).
    const auto emitBytes = [&](const QByteArray &bytes) {
        if (toFile)
            return file.write(bytes);
        const QByteArray shown = forStandardOutput(bytes);
        return standardOutput.write(shown) == shown.size();
    };

    QueryOutcome outcome;
    if (command.format == u"table") {
        QString pending; // a file gets the table row by row
        QTextStream fileStream(&pending);
        QTextStream &target = toFile ? fileStream : out;
        const auto drain = [&] {
            if (!toFile)
                return true;
            fileStream.flush();
            const bool written = file.write(pending.toUtf8());
            pending.clear();
            return written;
        };
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
                return drain();
            });
        if (outcome.ok())
            printer.finish();
        target.flush();
        drain();
    } else {
        RowFormatter formatter(command.format == u"csv" ? ExportFormat::Csv : ExportFormat::Json);
        outcome = runner.stream(
            command.sql,
            [&](const QVector<QueryColumn> &columns) {
                QStringList names;
                for (const QueryColumn &column : columns)
                    names.append(column.name);
                emitBytes(formatter.begin(names));
            },
            [&](const QVariantList &values) { return emitBytes(formatter.row(values)); });
        if (outcome.ok())
            emitBytes(formatter.end());
        if (!toFile)
            standardOutput.flush();
    }
    if (!outcome.ok()) {
        file.cancel(); // nothing appears at OUT
        err << outcome.message;
        if (outcome.errorOffset >= 0) {
            const QString before = command.sql.left(outcome.errorOffset);
            const qsizetype line = before.count(u'\n') + 1;
            const qsizetype column = outcome.errorOffset - (before.lastIndexOf(u'\n') + 1) + 1;
            err << " (line " << line << ", column " << column << ')';
        }
        err << Qt::endl;
        return exitCode(outcome.status);
    }
    QString error;
    if (toFile && !file.commit(&error)) {
        err << error << Qt::endl; // says "disk full" when it is
        return 1; // as every guarded output that fails to write
    }
    return 0;
}

} // namespace cwi
