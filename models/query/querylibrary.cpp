#include "querylibrary.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeObject(const QString &path, const QJsonObject &object, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

const QLatin1StringView kWaitingAgents(
    "-- Agents waiting for input, with their question (one row per question)\n"
    "SELECT a.{agents.name} AS agent, a.{agents.mode} AS mode, t.{tasks.name} AS task,\n"
    "       coalesce(q.value ->> '$.question', q.value ->> '$.text', q.value) AS question,\n"
    "       a.{agents.updatedAt} AS waiting_since\n"
    "FROM agents AS a\n"
    "LEFT JOIN tasks AS t ON t.{tasks.id} = a.{agents.taskId}\n"
    "LEFT JOIN json_each(CASE WHEN json_valid(a.{agents.pendingQuestions})\n"
    "    THEN coalesce(a.{agents.pendingQuestions} -> '$.questions', a.{agents.pendingQuestions}) END) AS q\n"
    "WHERE a.{agents.status} = 'waiting_for_input'\n"
    "ORDER BY a.{agents.updatedAt}");

const QLatin1StringView kCostPerInitiative(
    "-- Cost per initiative: total_cost_usd of each session's final \"result\" line in the agent logs\n"
    "-- (reads every log chunk: on a big file this takes a while; Esc cancels)\n"
    "SELECT i.{initiatives.name} AS initiative,\n"
    "       count(DISTINCT c.{agent_log_chunks.agentId}) AS agents,\n"
    "       count(*) AS sessions,\n"
    "       round(sum(CAST(substr(c.{agent_log_chunks.content},\n"
    "           instr(c.{agent_log_chunks.content}, '\"total_cost_usd\":') + 17, 24) AS REAL)), 4) AS cost_usd\n"
    "FROM agent_log_chunks AS c\n"
    "JOIN agents AS a ON a.{agents.id} = c.{agent_log_chunks.agentId}\n"
    "LEFT JOIN tasks AS t ON t.{tasks.id} = a.{agents.taskId}\n"
    "JOIN initiatives AS i ON i.{initiatives.id} = coalesce(a.{agents.initiativeId}, t.{tasks.initiativeId})\n"
    "WHERE instr(c.{agent_log_chunks.content}, '\"total_cost_usd\":') > 0\n"
    "GROUP BY i.{initiatives.id}\n"
    "ORDER BY cost_usd DESC");

const QLatin1StringView kBlockedTasks(
    "-- Blocked tasks and what blocks them: each unfinished task they depend on\n"
    "SELECT t.{tasks.name} AS task, t.{tasks.status} AS status, p.{phases.name} AS phase,\n"
    "       d.{tasks.name} AS waits_on, d.{tasks.status} AS waits_on_status,\n"
    "       t.{tasks.retryCount} AS retries, t.{tasks.updatedAt} AS updated\n"
    "FROM tasks AS t\n"
    "LEFT JOIN phases AS p ON p.{phases.id} = t.{tasks.phaseId}\n"
    "LEFT JOIN task_dependencies AS td ON td.{task_dependencies.taskId} = t.{tasks.id}\n"
    "LEFT JOIN tasks AS d ON d.{tasks.id} = td.{task_dependencies.dependsOnTaskId}\n"
    "    AND d.{tasks.status} <> 'completed'\n"
    "WHERE t.{tasks.status} = 'blocked'\n"
    "ORDER BY p.{phases.name}, t.{tasks.name}");

} // namespace

QueryLibrary::QueryLibrary(const QString &folder, const QString &databasePath)
{
    const QByteArray key
        = QCryptographicHash::hash(QFileInfo(databasePath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
              .toHex()
              .left(16);
    m_historyFile = folder + u"/query-history/" + QString::fromLatin1(key) + u".json";
    m_savedFile = folder + u"/saved-queries.json";
}

QVector<HistoryEntry> QueryLibrary::history(const QString &contains) const
{
    QVector<HistoryEntry> entries;
    const QJsonArray array = readObject(m_historyFile).value(u"history").toArray();
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        HistoryEntry entry;
        entry.sql = object.value(u"sql").toString();
        if (entry.sql.isEmpty() || (!contains.isEmpty() && !entry.sql.contains(contains, Qt::CaseInsensitive)))
            continue;
        entry.ranAt = QDateTime::fromString(object.value(u"at").toString(), Qt::ISODate);
        entry.rows = object.value(u"rows").toInteger(-1);
        entry.ms = object.value(u"ms").toInteger();
        entry.failed = object.value(u"failed").toBool();
        entries.append(entry);
    }
    return entries;
}

bool QueryLibrary::addHistory(const HistoryEntry &entry, QString *error)
{
    QJsonObject root = readObject(m_historyFile);
    QJsonArray array = root.value(u"history").toArray();
    // The same statement again moves to the top instead of repeating.
    for (qsizetype i = array.size() - 1; i >= 0; --i) {
        if (array.at(i).toObject().value(u"sql").toString() == entry.sql)
            array.removeAt(i);
    }
    array.prepend(QJsonObject { { u"sql"_s, entry.sql }, { u"at"_s, entry.ranAt.toUTC().toString(Qt::ISODate) },
        { u"rows"_s, entry.rows }, { u"ms"_s, entry.ms }, { u"failed"_s, entry.failed } });
    while (array.size() > kMaxHistory)
        array.removeLast();
    root.insert(u"history"_s, array);
    return writeObject(m_historyFile, root, error);
}

bool QueryLibrary::clearHistory(QString *error)
{
    return !QFile::exists(m_historyFile) || writeObject(m_historyFile, {}, error);
}

QVector<SavedQuery> QueryLibrary::saved() const
{
    QVector<SavedQuery> queries;
    const QJsonArray array = readObject(m_savedFile).value(u"saved").toArray();
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        if (!object.value(u"name").toString().isEmpty())
            queries.append({ object.value(u"name").toString(), object.value(u"sql").toString() });
    }
    return queries;
}

bool QueryLibrary::save(const SavedQuery &query, QString *error)
{
    QJsonObject root = readObject(m_savedFile);
    QJsonArray array = root.value(u"saved").toArray();
    for (qsizetype i = array.size() - 1; i >= 0; --i) {
        if (array.at(i).toObject().value(u"name").toString() == query.name)
            array.removeAt(i);
    }
    array.append(QJsonObject { { u"name"_s, query.name }, { u"sql"_s, query.sql } });
    root.insert(u"saved"_s, array);
    return writeObject(m_savedFile, root, error);
}

bool QueryLibrary::remove(const QString &name, QString *error)
{
    QJsonObject root = readObject(m_savedFile);
    QJsonArray array = root.value(u"saved").toArray();
    for (qsizetype i = array.size() - 1; i >= 0; --i) {
        if (array.at(i).toObject().value(u"name").toString() == name)
            array.removeAt(i);
    }
    root.insert(u"saved"_s, array);
    return writeObject(m_savedFile, root, error);
}

QString QueryLibrary::spell(const QString &sqlTemplate, const SchemaMap &schema)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{(\\w+)\\.(\\w+)\\}"));
    QString out;
    qsizetype last = 0;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(sqlTemplate)) {
        out += QStringView(sqlTemplate).mid(last, match.capturedStart() - last);
        const TableInfo *table = schema.table(match.captured(1));
        const QString real = table ? table->column(match.captured(2)) : QString();
        out += SchemaMap::quoteIdentifier(real.isEmpty() ? match.captured(2) : real);
        last = match.capturedEnd();
    }
    out += QStringView(sqlTemplate).mid(last);
    return out;
}

QVector<SavedQuery> QueryLibrary::examples(const SchemaMap &schema)
{
    return {
        { QCoreApplication::translate("QueryLibrary", "Agents waiting for input, with their question"),
            spell(kWaitingAgents, schema) },
        { QCoreApplication::translate("QueryLibrary", "Cost per initiative"), spell(kCostPerInitiative, schema) },
        { QCoreApplication::translate("QueryLibrary", "Blocked tasks and what blocks them"),
            spell(kBlockedTasks, schema) },
    };
}

} // namespace cwi
