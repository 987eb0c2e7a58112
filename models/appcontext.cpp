#include "appcontext.h"

namespace cwi {

AppContext::AppContext(QObject *parent)
    : QObject(parent)
{ }

void AppContext::setDatabase(std::shared_ptr<Database> database)
{
    if (m_database)
        disconnect(m_database.get(), nullptr, this, nullptr);
    m_database = std::move(database);
    if (m_database)
        connect(m_database.get(), &Database::externallyChanged, this, &AppContext::dataChanged);
    Q_EMIT databaseChanged();
}

} // namespace cwi
