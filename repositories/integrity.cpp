#include "integrity.h"

#include "schemamap.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace cwi {

QStringList integrityProblems(const QString &connection, const QStringList &tables, qint64 fileSize)
{
    QStringList statements;
    if (fileSize <= kWholeFileCheckBytes || tables.isEmpty()) {
        statements.append(u"PRAGMA quick_check(5)"_s);
    } else {
        for (const QString &table : tables)
            statements.append(u"PRAGMA quick_check("_s + SchemaMap::quoteIdentifier(table) + u')');
    }
    QStringList problems;
    for (const QString &sql : std::as_const(statements)) {
        QSqlQuery query(QSqlDatabase::database(connection, false));
        query.setForwardOnly(true);
        if (!query.exec(sql)) {
            problems.append(query.lastError().text());
            continue;
        }
        while (query.next() && problems.size() < 5) {
            const QString line = query.value(0).toString();
            if (line != u"ok")
                problems.append(line);
        }
    }
    return problems;
}

} // namespace cwi
