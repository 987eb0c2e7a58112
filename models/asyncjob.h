#pragma once

// Runs JOB on the global thread pool and hands its result to DONE on CONTEXT's thread, unless
// CONTEXT has been destroyed meanwhile: then the result is dropped. The watcher is a child of
// CONTEXT, so nothing reaches a dead object. (Qt 6.4's QFuture::then(context, ...) asserts
// when the context dies first; this does not.)

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace cwi {

template<typename Job, typename Done> void runAsync(QObject *context, Job job, Done done)
{
    using Result = std::invoke_result_t<Job>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        if (watcher->future().isValid() && watcher->future().resultCount() > 0)
            done(watcher->future().result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

} // namespace cwi
