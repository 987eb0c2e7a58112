#include "appcontext.h"

#include "database.h"

namespace cwi {

AppContext::AppContext(QObject *parent)
    : QObject(parent)
{ }

void AppContext::setDatabase(std::shared_ptr<Database> database)
{
    if (m_database)
        disconnect(m_database.get(), nullptr, this, nullptr);
    m_database = std::move(database);
    if (m_database) {
        connect(m_database.get(), &Database::externallyChanged, this, &AppContext::dataChanged);
        connect(m_database.get(), &Database::externallyChanged, this, &AppContext::databaseExternallyChanged);
        connect(m_database.get(), &Database::writableChanged, this, &AppContext::writableChanged);
    }
    Q_EMIT databaseChanged();
}

QString AppContext::databasePath() const
{
    return m_database ? m_database->path() : QString();
}

const SchemaMap &AppContext::schema() const
{
    static const SchemaMap empty;
    return m_database ? m_database->schema() : empty;
}

bool AppContext::isWritable() const
{
    return m_database && m_database->isWritable();
}

bool AppContext::enableWriting(QString *error)
{
    return m_database && m_database->enableWriting(error);
}

void AppContext::disableWriting()
{
    if (m_database)
        m_database->disableWriting();
}

void AppContext::setWatchInterval(int msec)
{
    if (m_database)
        m_database->setWatchInterval(msec);
}

} // namespace cwi
