#include "inertdocument.h"

#include <QByteArray>
#include <QMutex>
#include <QUrl>

namespace cwi {

namespace {

QMutex g_observerMutex;
std::function<void(const QUrl &)> g_observer;

// A valid but empty answer: QTextDocument takes it as the resource and does not go on to open
// the URL as a file (an invalid QVariant would let it).
QVariant refuse(const QUrl &url)
{
    {
        QMutexLocker lock(&g_observerMutex);
        if (g_observer)
            g_observer(url);
    }
    return QVariant(QByteArray());
}

} // namespace

InertTextDocument::InertTextDocument(QObject *parent)
    : QTextDocument(parent)
{
    setResourceProvider(&refuse);
}

QVariant InertTextDocument::loadResource(int, const QUrl &name)
{
    return refuse(name);
}

void installInertResources()
{
    QTextDocument::setDefaultResourceProvider(&refuse);
}

void setResourceRequestObserver(std::function<void(const QUrl &)> observer)
{
    QMutexLocker lock(&g_observerMutex);
    g_observer = std::move(observer);
}

} // namespace cwi
