#include "inertdocument.h"

#include <QImage>
#include <QMutex>
#include <QUrl>

namespace cwi {

namespace {

QMutex g_observerMutex;
std::function<void(const QUrl &)> g_observer;

// A real, blank 1x1 image as the answer. Anything less is not enough: QTextDocument would open
// the URL as a file for an invalid QVariant, and Qt's image handler, given an empty byte array
// it cannot decode, falls back to QImage::load(src) itself (which opened a FIFO named in an
// <img> and blocked the UI thread). A QImage, not a QPixmap: documents also lay out off the UI
// thread.
QVariant refuse(const QUrl &url)
{
    {
        QMutexLocker lock(&g_observerMutex);
        if (g_observer)
            g_observer(url);
    }
    static const QImage blank = [] {
        QImage image(1, 1, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        return image;
    }();
    return QVariant(blank);
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
