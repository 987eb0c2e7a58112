#include "readonlyauthorizer.h"

#include <QByteArrayView>

#include <algorithm>

#include <sqlite3.h>

namespace cwi {

namespace {

struct PragmaRule
{
    QByteArrayView name;
    bool takesName; // table_info(x): the argument names what to report on, it sets nothing
};

// PRAGMAs that only report. Without an argument every one of them reads; with one, only those
// whose argument is a name. "PRAGMA user_version = 3" or "PRAGMA journal_mode = DELETE" write.
constexpr PragmaRule kReadingPragmas[] = {
    { "table_info", true },
    { "table_xinfo", true },
    { "table_list", true },
    { "index_list", true },
    { "index_info", true },
    { "index_xinfo", true },
    { "foreign_key_list", true },
    { "foreign_key_check", true },
    { "integrity_check", true },
    { "quick_check", true },
    { "collation_list", false },
    { "function_list", false },
    { "module_list", false },
    { "pragma_list", false },
    { "database_list", false },
    { "compile_options", false },
    { "data_version", false },
    { "user_version", false },
    { "schema_version", false },
    { "application_id", false },
    { "page_size", false },
    { "page_count", false },
    { "freelist_count", false },
    { "encoding", false },
    { "journal_mode", false },
    { "auto_vacuum", false },
    { "foreign_keys", false },
    { "query_only", false },
    { "busy_timeout", false },
    { "cache_size", false },
};

// Functions that reach outside the file or configure the connection.
constexpr QByteArrayView kDeniedFunctions[] = { "load_extension", "fts3_tokenizer", "readfile", "writefile", "edit" };

bool isSchemaTable(const char *table)
{
    const QByteArrayView name(table ? table : "");
    return name == "sqlite_master" || name == "sqlite_temp_master" || name == "sqlite_schema"
        || name == "sqlite_temp_schema";
}

QString actionWords(int action, const char *arg1, const char *arg2)
{
    const QString name = QString::fromUtf8(arg1 ? arg1 : "");
    if ((action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE) && isSchemaTable(arg1))
        return QStringLiteral("CREATE, DROP or ALTER (a change of the schema, temporary or not)");
    switch (action) {
    case SQLITE_INSERT:
        return u"INSERT into " + name;
    case SQLITE_UPDATE:
        return u"UPDATE of " + name;
    case SQLITE_DELETE:
        return u"DELETE from " + name;
    case SQLITE_ATTACH:
        return QStringLiteral("ATTACH (opening another database file)");
    case SQLITE_DETACH:
        return QStringLiteral("DETACH");
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
        return QStringLiteral("A transaction (it would keep a snapshot of the file open)");
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_TABLE:
        return u"CREATE TABLE " + name;
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_VIEW:
        return u"CREATE VIEW " + name;
    case SQLITE_CREATE_TEMP_TRIGGER:
    case SQLITE_CREATE_TRIGGER:
        return u"CREATE TRIGGER " + name;
    case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_INDEX:
        return u"CREATE INDEX " + name;
    case SQLITE_CREATE_VTABLE:
        return u"CREATE VIRTUAL TABLE " + name;
    case SQLITE_PRAGMA:
        return arg2 ? QString(u"PRAGMA " + name + u" with a value (it would change a setting)")
                    : QString(u"PRAGMA " + name + u" (it does more than report)");
    case SQLITE_FUNCTION:
        return u"The function " + QString::fromUtf8(arg1 ? arg1 : "") + u"()";
    case SQLITE_ANALYZE:
        return QStringLiteral("ANALYZE");
    case SQLITE_REINDEX:
        return QStringLiteral("REINDEX");
    case SQLITE_ALTER_TABLE:
        return QStringLiteral("ALTER TABLE");
    default:
        return QStringLiteral("This statement");
    }
}

} // namespace

void ReadOnlyAuthorizer::install(sqlite3 *db)
{
    sqlite3_set_authorizer(db, &ReadOnlyAuthorizer::callback, this);
}

int ReadOnlyAuthorizer::callback(void *self, int action, const char *arg1, const char *arg2, const char *, const char *)
{
    return static_cast<ReadOnlyAuthorizer *>(self)->allows(action, arg1, arg2) ? SQLITE_OK : SQLITE_DENY;
}

bool ReadOnlyAuthorizer::allows(int action, const char *arg1, const char *arg2)
{
    bool allowed = false;
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
        allowed = true;
        break;
    case SQLITE_UPDATE:
        // Preparing a table-valued PRAGMA (SELECT * FROM pragma_table_info('t')) asks this for
        // the main schema table without writing it. A real UPDATE of it is refused all the same:
        // the statement would not be read-only (queryrunner.cpp) and the connection is.
        allowed = QByteArrayView(arg1 ? arg1 : "") == "sqlite_master";
        break;
    case SQLITE_FUNCTION: {
        const QByteArrayView function(arg2 ? arg2 : "");
        allowed = std::none_of(std::begin(kDeniedFunctions), std::end(kDeniedFunctions),
            [&](QByteArrayView denied) { return function.compare(denied, Qt::CaseInsensitive) == 0; });
        if (!allowed)
            arg1 = arg2; // the function's name, for the message
        break;
    }
    case SQLITE_PRAGMA: {
        const QByteArrayView pragma(arg1 ? arg1 : "");
        for (const PragmaRule &rule : kReadingPragmas) {
            if (pragma.compare(rule.name, Qt::CaseInsensitive) == 0) {
                allowed = !arg2 || rule.takesName;
                break;
            }
        }
        break;
    }
    default:
        allowed = false; // writes, schema changes, ATTACH, transactions, ...
        break;
    }
    if (!allowed && m_denial.isEmpty())
        m_denial
            = actionWords(action, arg1, arg2) + QStringLiteral(" is not allowed: the Query page only reads the file.");
    return allowed;
}

} // namespace cwi
