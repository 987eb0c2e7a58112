#pragma once

// Rich text that shows the file's content loads nothing: no image, no style sheet, no local
// file, no data: URL. An <img src="/path/to/fifo"> that slipped past escaping would otherwise
// block the UI thread in open(), and <img width=30000 height=30000> eat gigabytes.
//
// One refusal, two ways in: InertTextDocument for the documents the views make (text browsers,
// delegates), and installInertResources() as QTextDocument's default resource provider, which
// also covers the documents Qt makes itself (QLabel rich text, tool tips).

#include <QTextDocument>

#include <functional>

namespace cwi {

class InertTextDocument : public QTextDocument
{
    Q_OBJECT
public:
    explicit InertTextDocument(QObject *parent = nullptr);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

// The default resource provider of every QTextDocument in the process. Idempotent.
void installInertResources();

// Tests: OBSERVER is called with every URL any document asked for (none should).
void setResourceRequestObserver(std::function<void(const QUrl &)> observer);

} // namespace cwi
