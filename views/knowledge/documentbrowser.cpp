#include "documentbrowser.h"

#include "appcontext.h"
#include "knowledge/knowledgehtml.h"
#include "plainmessagebox.h"
#include "render/htmlwriter.h"
#include "render/inertdocument.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace cwi {

DocumentBrowser::DocumentBrowser(AppContext *ctx, QWidget *parent)
    : QTextBrowser(parent)
    , m_ctx(ctx)
{
    setDocument(new InertTextDocument(this)); // file content: loads nothing
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, &DocumentBrowser::onAnchorClicked);
}

void DocumentBrowser::showHtml(const QString &html, bool keepScroll)
{
    const int position = verticalScrollBar()->value();
    setHtml(html);
    if (keepScroll)
        verticalScrollBar()->setValue(position);
}

QVariant DocumentBrowser::loadResource(int, const QUrl &)
{
    return {}; // nothing is ever fetched, local or remote
}

void DocumentBrowser::onAnchorClicked(const QUrl &url)
{
    const EntityLinkTarget target = parseEntityLink(url);
    if (target.isValid()) {
        m_ctx->navigate({ target.table, target.id });
        return;
    }
    const QString shown = url.toString();
    const bool web = render::isWebLink(shown);
    QMessageBox box(web ? QMessageBox::Question : QMessageBox::Warning, tr("Open link"),
        web ? tr("Open this link in your web browser?")
            : tr("This is not a web link. Opening it may run code or open a local file. Open it anyway?"),
        QMessageBox::Open | QMessageBox::Cancel, this);
    box.setInformativeText(shown.left(500));
    showPlainText(&box); // the link's text and target come from the file
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Open)
        return;
    Q_EMIT externalLinkOpened(url);
    QDesktopServices::openUrl(url);
}

} // namespace cwi
