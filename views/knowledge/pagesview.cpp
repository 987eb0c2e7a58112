#include "pagesview.h"
#include "viewnames.h"

#include "browse/cellformat.h"
#include "documentbrowser.h"
#include "knowledge/knowledgereader.h"
#include "knowledge/pagetreemodel.h"
#include "render/htmlwriter.h"
#include "render/tiptaprenderer.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
enum Channel
{
    InitiativesChannel,
    PagesChannel,
    DocumentChannel,
    SearchChannel,
    LocateChannel
};
}

PagesView::PagesView(AppContext *ctx, QWidget *parent)
    : KnowledgeViewBase(ctx, parent)
    , m_model(new PageTreeModel(this))
    , m_initiatives(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_document(new DocumentBrowser(ctx, this))
    , m_searchDelay(new QTimer(this))
{
    m_status->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(u"PagesView"_s);
    m_initiatives->setMinimumContentsLength(18);
    m_initiatives->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_search->setPlaceholderText(tr("Search titles and content"));
    m_search->setClearButtonEnabled(true);
    m_status->setStyleSheet(u"color: palette(mid);"_s);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(PageTreeModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(PageTreeModel::UpdatedColumn, QHeaderView::ResizeToContents);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Initiative"), this));
    bar->addWidget(m_initiatives, 1);
    bar->addWidget(m_search, 2);
    bar->addWidget(m_status);
    auto *splitter = new QSplitter(this);
    setAdaptiveSplitter(splitter);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_document);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_initiatives, &QComboBox::currentIndexChanged, this, [this] {
        m_pageId.clear();
        loadPages();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QString id = m_model->pageId(current);
        if (id.isEmpty() || id == m_pageId)
            return;
        m_pageId = id;
        loadDocument(false);
    });
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &PagesView::runSearch);
    reload();
}

QString PagesView::currentInitiativeId() const
{
    return m_initiatives->currentData().toString();
}

void PagesView::reload()
{
    load<QVector<Initiative>>(
        InitiativesChannel, [](std::shared_ptr<Database> db) { return KnowledgeReader(db).initiatives(); },
        [this](const QVector<Initiative> &initiatives) {
            const QString keep = m_wantedInitiative.isEmpty() ? currentInitiativeId() : m_wantedInitiative;
            {
                const QSignalBlocker blocker(m_initiatives);
                m_initiatives->clear();
                // By name; the first time, open the initiative with the latest activity.
                QVector<Initiative> sorted = initiatives;
                std::sort(sorted.begin(), sorted.end(),
                    [](const Initiative &a, const Initiative &b) { return a.name.localeAwareCompare(b.name) < 0; });
                QString latest;
                QDateTime latestAt;
                for (const Initiative &i : std::as_const(sorted)) {
                    m_initiatives->addItem(i.name.isEmpty() ? i.id : i.name, i.id);
                    const QDateTime at = i.updatedAt.toDateTime();
                    if (at.isValid() && (!latestAt.isValid() || at > latestAt)) {
                        latestAt = at;
                        latest = i.id;
                    }
                }
                const int index = m_initiatives->findData(keep.isEmpty() ? latest : keep);
                m_initiatives->setCurrentIndex(index >= 0 ? index : 0);
            }
            m_wantedInitiative.clear();
            if (initiatives.isEmpty()) {
                m_model->setPages({});
                m_document->showHtml(render::noteHtml(tr("This file has no initiatives, so no pages.")));
                return;
            }
            loadPages();
        });
}

void PagesView::showInitiative(const QString &initiativeId)
{
    const int index = m_initiatives->findData(initiativeId);
    if (index < 0) {
        m_wantedInitiative = initiativeId; // the list is still loading
        return;
    }
    m_initiatives->setCurrentIndex(index);
}

void PagesView::showPage(const QString &pageId)
{
    m_wantedPage = pageId;
    load<std::optional<Page>>(
        LocateChannel, [pageId](std::shared_ptr<Database> db) { return KnowledgeReader(db).page(pageId); },
        [this](const std::optional<Page> &page) {
            if (!page)
                return;
            if (page->initiativeId == currentInitiativeId())
                selectPendingPage();
            else
                showInitiative(page->initiativeId);
        });
}

void PagesView::setSearchText(const QString &text)
{
    m_search->setText(text);
    runSearch();
}

void PagesView::loadPages()
{
    const QString initiativeId = currentInitiativeId();
    load<QVector<Page>>(
        PagesChannel,
        [initiativeId](std::shared_ptr<Database> db) { return KnowledgeReader(db).pageOutline(initiativeId); },
        [this](const QVector<Page> &pages) {
            const QString keep = m_wantedPage.isEmpty() ? m_pageId : m_wantedPage;
            m_model->setPages(pages);
            m_tree->expandToDepth(1);
            if (pages.isEmpty()) {
                m_pageId.clear();
                m_document->showHtml(render::noteHtml(tr("This initiative has no pages.")));
                return;
            }
            const QModelIndex index = m_model->indexOfPage(keep);
            const bool sameDocument = index.isValid() && keep == m_pageId;
            const QModelIndex target = index.isValid() ? index : m_model->index(0, 0);
            m_tree->expand(target.parent());
            const QSignalBlocker blocker(m_tree->selectionModel());
            m_tree->setCurrentIndex(target);
            m_pageId = m_model->pageId(target);
            m_wantedPage.clear();
            loadDocument(sameDocument); // live refresh keeps the reader's place
            if (!m_search->text().isEmpty())
                runSearch();
        });
}

void PagesView::selectPendingPage()
{
    const QModelIndex index = m_model->indexOfPage(m_wantedPage);
    if (!index.isValid())
        return;
    m_wantedPage.clear();
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
}

void PagesView::loadDocument(bool keepScroll)
{
    const QString pageId = m_pageId;
    const Page *outline = m_model->page(pageId);
    const QString title = outline ? outline->title : QString();
    const Timestamp updated = outline ? outline->updatedAt : Timestamp {};
    load<QString>(
        DocumentChannel,
        [pageId, title, updated](std::shared_ptr<Database> db) {
            RenderLimits limits;
            const TextPrefix content = KnowledgeReader(db).pageContent(pageId, limits.maxInputChars);
            limits.sourceChars = content.totalChars;
            if (!content.found)
                return render::noteHtml(tr("The page is gone (deleted since the list was read)."));
            QString header
                = u"<p style=\"color:#5f6368; margin-bottom:0;\">"_s + tr("Page \u00b7 %1").arg(render::escaped(title));
            if (!updated.isNull())
                header += tr(" \u00b7 updated %1").arg(render::escaped(CellFormat::relativeAge(updated.toDateTime())));
            header += "</p>"_L1;
            return QString(header + tiptapToHtml(content.text, nullptr, limits));
        },
        [this, keepScroll](const QString &html) { m_document->showHtml(html, keepScroll); });
}

void PagesView::runSearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_model->setMatches({});
        m_status->clear();
        return;
    }
    const QString initiativeId = currentInitiativeId();
    load<QVector<Page>>(
        SearchChannel,
        [initiativeId, text](
            std::shared_ptr<Database> db) { return KnowledgeReader(db).searchPages(initiativeId, text); },
        [this](const QVector<Page> &found) {
            QSet<QString> ids;
            for (const Page &page : found)
                ids.insert(page.id);
            m_model->setMatches(ids);
            m_status->setText(found.size() == 1 ? tr("1 page matches") : tr("%1 pages match").arg(found.size()));
            m_tree->expandAll();
            if (!found.isEmpty() && !ids.contains(m_pageId))
                m_tree->setCurrentIndex(m_model->indexOfPage(found.first().id));
        });
}

Pane::Info PagesView::paneInfo() const
{
    return { QStringLiteral("pagesDock"), tr("Pages"), QKeySequence(Qt::ALT | Qt::Key_5), Place::BottomDock, {}, {},
        viewName(ViewName::Pages) };
}

Pane::Fit PagesView::canShow(const EntityRef &ref) const
{
    if (ref.id.isEmpty())
        return CannotShow;
    if (ref.table == u"initiatives")
        return Follows; // its list shows the initiative's
    return ref.table == u"pages" ? Shows : CannotShow;
}

void PagesView::showEntity(const EntityRef &ref)
{
    if (ref.table == u"initiatives")
        showInitiative(ref.id);
    else
        showPage(ref.id);
}

bool PagesView::showView(const QStringList &args, EntityRef *, QString *)
{
    if (args.size() > 1)
        return false;
    if (args.size() == 1)
        showPage(args.first());
    return true;
}

} // namespace cwi
