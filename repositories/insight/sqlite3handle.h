#pragma once

// Private to cwi_repositories: a thin RAII layer over the SQLite C API for the insight index,
// which streams a gigabyte of chunks and writes millions of rows: QSqlQuery's QVariant per value
// costs more than the parsing. Statements are prepared once and bound by position.

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace cwi::lite {

class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, const char *sql, QString *error = nullptr);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value); // NULL when value.isNull()
    Statement &bind(int index, const QByteArray &value); // a blob, copied
    Statement &bindNull(int index);

    bool step(); // true while a row is there; resets nothing
    bool exec(); // step to the end and reset; false on error
    void reset();

    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    int type(int column) const { return sqlite3_column_type(m_stmt, column); }
    QString text(int column) const;
    QByteArray blob(int column) const; // a copy
    QByteArray blobView(int column) const; // fromRawData: valid until the next step

    QString errorMessage() const;

private:
    sqlite3_stmt *m_stmt = nullptr;
};

class Connection
{
public:
    Connection() = default;
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool open(const QString &path, bool readWrite, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *get() const { return m_db; }

    bool exec(const char *sql, QString *error = nullptr);
    Statement prepare(const char *sql, QString *error = nullptr) const { return Statement(m_db, sql, error); }
    Statement prepare(const QString &sql, QString *error = nullptr) const;
    QString errorMessage() const;
    qint64 changes() const { return sqlite3_changes64(m_db); }
    qint64 lastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace cwi::lite
