#pragma once

// A read-only rich-text pane for rendered documents. It never loads a resource (no images,
// no style sheets from anywhere), never follows a link by itself: internal "cwi://table/id"
// links navigate through the AppContext, any other link asks first and warns about
// non-web schemes (javascript:, file:, ...).

#include <QTextBrowser>

namespace cwi {

class AppContext;

class DocumentBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DocumentBrowser(AppContext *ctx, QWidget *parent = nullptr);

    // Replaces the document, keeping the scroll position when KEEPSCROLL (live refresh).
    void showHtml(const QString &html, bool keepScroll = false);

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    // An external link the user agreed to open (also emitted in tests instead of a browser).
    void externalLinkOpened(const QUrl &url);

private:
    void onAnchorClicked(const QUrl &url);

    AppContext *m_ctx;
};

} // namespace cwi
