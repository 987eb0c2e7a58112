#include "filesession.h"

#include "appcontext.h"
#include "database.h"
#include "mainwindow.h"
#include "writes/actions.h"

namespace cwi {

FileSession::FileSession(MainWindow *window, AppContext *context)
    : QObject(context)
    , m_window(window)
    , m_context(context)
{
    m_window->setFileOpener([this](const QString &path, bool edit, QString *error) { return open(path, edit, error); });
}

FileSession::~FileSession()
{
    if (!m_window)
        return; // the window goes, and its panes with it
    m_window->setFileOpener({});
    m_window->setActions(nullptr);
}

bool FileSession::open(const QString &path, bool edit, QString *error)
{
    const auto opened = Database::open(path);
    if (!opened.database) {
        if (error)
            *error = opened.message;
        m_window->showRefused(opened.message);
        return false;
    }
    m_window->setActions(nullptr);
    m_actions.reset();
    m_context->setDatabase(opened.database);
    m_actions = std::make_unique<Actions>(opened.database, Actions::defaultJournalPath());
    m_window->setActions(m_actions.get());
    m_window->showOpened(edit);
    return true;
}

} // namespace cwi
