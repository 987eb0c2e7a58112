#include "democontext.h"

#include "catalog.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cwi::demo {

qint64 demoBaseTime()
{
    return QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC).toSecsSinceEpoch();
}

QString DemoRandom::id()
{
    static constexpr char alphabet[] = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";
    QString out(21, Qt::Uninitialized);
    for (QChar &c : out)
        c = QLatin1Char(alphabet[m_rng.bounded(64)]);
    return out;
}

QString DemoRandom::hex(int length)
{
    static constexpr char digits[] = "0123456789abcdef";
    QString out(length, Qt::Uninitialized);
    for (QChar &c : out)
        c = QLatin1Char(digits[m_rng.bounded(16)]);
    return out;
}

int DemoRandom::range(int low, int high)
{
    if (high <= low)
        return low;
    return low + int(m_rng.bounded(quint32(high - low + 1)));
}

TaskRef DemoState::task(const QString &name) const
{
    for (const TaskRef &t : tasks) {
        if (t.name == name)
            return t;
    }
    return {};
}

AgentRef DemoState::agent(const QString &name) const
{
    for (const AgentRef &a : agents) {
        if (a.name == name)
            return a;
    }
    return {};
}

bool DemoWriter::insert(const QString &table, const Fields &fields)
{
    if (failed())
        return false;
    QStringList columns;
    QStringList marks;
    for (const auto &field : fields) {
        columns.append(u'"' + Catalog::toSnakeCase(field.first) + u'"');
        marks.append(QStringLiteral("?"));
    }
    const QString sql = QStringLiteral("INSERT INTO \"%1\" (%2) VALUES (%3)")
                            .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.prepare(sql)) {
        m_error = query.lastError().text() + QStringLiteral(" in: ") + sql;
        return false;
    }
    for (const auto &field : fields)
        query.addBindValue(field.second);
    if (!query.exec()) {
        m_error = query.lastError().text() + QStringLiteral(" in: ") + sql;
        return false;
    }
    return true;
}

} // namespace cwi::demo
