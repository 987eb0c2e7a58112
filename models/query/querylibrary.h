#pragma once

// What the Query page remembers, kept in the app's data folder (never in the Codewalkers file):
// the history of statements run on each file (one JSON file per database path, newest first,
// searchable, capped) and named saved queries (one JSON file, for every database). The shipped
// examples are written against logical field names and take the open file's own spelling.

#include "schemamap.h"

#include <QDateTime>
#include <QString>
#include <QVector>

namespace cwi {

struct HistoryEntry
{
    QString sql;
    QDateTime ranAt; // UTC
    qint64 rows = -1; // -1: unknown or failed
    qint64 ms = 0;
    bool failed = false;
};

struct SavedQuery
{
    QString name;
    QString sql;
};

class QueryLibrary
{
public:
    static constexpr int kMaxHistory = 500;

    // FOLDER: QStandardPaths::AppDataLocation in the app, a temporary folder in tests.
    QueryLibrary(const QString &folder, const QString &databasePath);

    QString historyFile() const { return m_historyFile; }
    QString savedFile() const { return m_savedFile; }

    QVector<HistoryEntry> history(const QString &contains = {}) const; // newest first
    bool addHistory(const HistoryEntry &entry, QString *error = nullptr);
    bool clearHistory(QString *error = nullptr);

    QVector<SavedQuery> saved() const;
    // Saves SQL under NAME (replacing a query of that name).
    bool save(const SavedQuery &query, QString *error = nullptr);
    bool remove(const QString &name, QString *error = nullptr);

    // The shipped examples, in SCHEMA's spelling ({table.field} replaced by the real column).
    static QVector<SavedQuery> examples(const SchemaMap &schema);
    // Replaces every {table.field} in TEMPLATE by the quoted real column of SCHEMA.
    static QString spell(const QString &sqlTemplate, const SchemaMap &schema);

private:
    QString m_historyFile;
    QString m_savedFile;
};

} // namespace cwi
