#include "reloadwhenshown.h"

#include <QEvent>
#include <QWidget>

namespace cwi {

ReloadWhenShown::ReloadWhenShown(QWidget *page, std::function<void()> reload)
    : QObject(page)
    , m_page(page)
    , m_reload(std::move(reload))
{
    page->installEventFilter(this);
}

void ReloadWhenShown::request()
{
    if (m_page->isVisible()) {
        m_stale = false;
        m_reload();
    } else {
        m_stale = true;
    }
}

bool ReloadWhenShown::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_page && event->type() == QEvent::Show && m_stale) {
        m_stale = false;
        m_reload();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cwi
