#include "reviewview.h"
#include "viewnames.h"

#include "appcontext.h"
#include "diff/difffilelistmodel.h"
#include "diff/difffiletreemodel.h"
#include "diff/diffmodel.h"
#include "diff/reviewsession.h"
#include "diffdelegate.h"
#include "render/htmlwriter.h"
#include "reviewcommentpane.h"
#include "reviewdiffpane.h"
#include "reviewfilepanel.h"
#include "reviewheader.h"
#include "reviewmessagepage.h"

#include <QListView>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {
enum Page
{
    MessagePage,
    ContentPage
};
const QString kSideBySideKey = u"review/sideBySide"_s;
const QString kWrapKey = u"review/wrapLines"_s;
const QString kFileTreeKey = u"review/fileTreeShown"_s;
const QString kCommentListKey = u"review/commentListShown"_s;
const QString kCommentHeightKey = u"review/commentListHeight"_s;
} // namespace

ReviewView::ReviewView(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_ownSettings(std::make_unique<QSettings>())
    , m_settings(m_ownSettings.get())
    , m_session(new ReviewSession(ctx->database(), m_settings, this))
    , m_focus(new ReviewFocus(m_session, this))
    , m_diff(m_focus->diffModel())
    , m_writes(new ReviewCommentWrites(m_session, m_diff, this))
{
    setObjectName(u"reviewView"_s);
    m_header = new ReviewHeader(m_session, this);

    m_messagePage = new ReviewMessagePage(m_session, ctx, this); // loading, failures, "needs a folder"
    m_pane = new ReviewCommentPane(m_session->commentModel(), this);
    // The pane sits under the diff, where its columns have room; the main window may dock it.
    // Loading, failures and "needs a folder" replace the diff only: the pane keeps listing comments.
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_messagePage);
    m_diffPane = new ReviewDiffPane(m_diff, this);
    m_diffView = m_diffPane->view();
    m_delegate = m_diffPane->delegate();
    m_stack->addWidget(m_diffPane);
    m_center = new QSplitter(Qt::Vertical, this);
    m_center->setObjectName(u"reviewCenterSplit"_s);
    m_center->addWidget(m_stack);
    m_center->addWidget(m_pane);
    m_center->setStretchFactor(0, 1);
    m_center->setStretchFactor(1, 0);
    m_center->setCollapsible(0, false);
    m_center->setCollapsible(1, false); // hidden with its toggle, never dragged to nothing by mistake
    m_center->installEventFilter(this);
    m_files = new ReviewFilePanel(m_session->fileTree(), this);
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_files);
    m_split->addWidget(m_center);
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({ 300, 1300 });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_split, 1);

    connectDiff();
    bindFocus();
    installKeys();
    connect(m_files, &ReviewFilePanel::fileChosen, m_focus, &ReviewFocus::showFile);
    connect(m_session->fileTree(), &DiffFileTreeModel::viewedChanged, this, [this](int file, bool) {
        if (file == m_focus->currentFile())
            updateFileHeader();
        m_header->refresh();
    });
    connect(m_pane, &ReviewCommentPane::commentActivated, this, &ReviewView::revealComment);
    connect(m_pane, &ReviewCommentPane::resolveRequested, this, &ReviewView::resolve);
    connect(m_writes, &ReviewCommentWrites::editingChanged, this, &ReviewView::updateEditing);
    connect(m_session, &ReviewSession::stateChanged, this, &ReviewView::onStateChanged);
    m_jobs.follow(m_session->jobs()); // busy: the session's work or the phase menu's read
    m_jobs.follow(m_messagePage->jobs());
    connect(&m_jobs, &JobTracker::busyChanged, this, &ReviewView::busyChanged);
    connect(m_session, &ReviewSession::filesAdded, this, &ReviewView::onFilesAdded);
    connect(m_session, &ReviewSession::commentsChanged, m_header, &ReviewHeader::refresh);
    connect(m_session, &ReviewSession::phaseLoaded, m_header, &ReviewHeader::refresh);
    connect(ctx, &AppContext::databaseChanged, this, [this] {
        m_session->setDatabase(m_ctx->database());
        updateEditing();
    });
    connect(ctx, &AppContext::dataChanged, m_session, &ReviewSession::reloadComments);
    setSettings(m_settings);
    updateEditing();
    onStateChanged();
}

ReviewView::~ReviewView() = default;

void ReviewView::connectDiff()
{
    connect(m_delegate, &DiffDelegate::expandContextRequested, this,
        [this](const QModelIndex &index) { m_focus->expandContext(m_diff->gapOfRow(index.row())); });
    connect(m_diffPane, &ReviewDiffPane::wholeFileRequested, this,
        [this] { m_focus->expandContext(ReviewFocus::kWholeFile); });
    connect(m_diffPane, &ReviewDiffPane::viewedToggled, this, [this](bool on) {
        const QModelIndex index = m_session->fileTree()->indexOfFile(m_focus->currentFile());
        if (index.isValid())
            m_session->fileTree()->setData(index, on ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
    });
    connect(m_diffPane, &ReviewDiffPane::sideBySideToggled, this, &ReviewView::setSideBySide);
    connect(m_diffPane, &ReviewDiffPane::viewportWidthChanged, this, &ReviewView::updateSideBySide);
    connect(m_diffPane, &ReviewDiffPane::fileTreeToggled, this, &ReviewView::setFileTreeShown);
    connect(m_diffPane, &ReviewDiffPane::commentListToggled, this, &ReviewView::setCommentListShown);
    connect(m_center, &QSplitter::splitterMoved, this, [this] {
        // Dragged by the user: that height is the one to keep.
        const int height = m_center->sizes().value(1);
        if (height > 0)
            m_settings->setValue(kCommentHeightKey, height);
    });
    connect(m_diffPane, &ReviewDiffPane::wrapToggled, this, &ReviewView::setWrapLines);
    connect(m_delegate, &DiffDelegate::expandRequested, m_diff, &DiffModel::expand);
    connect(m_delegate, &DiffDelegate::gutterClicked, this, [this](const QModelIndex &index) {
        if (m_writes->canEdit())
            addCommentAtRow(index.row());
    });
    connect(m_delegate, &DiffDelegate::commentAction, this,
        [this](const QModelIndex &index, DiffDelegate::CommentAction action) {
            const QString id = index.data(DiffModel::CommentIdRole).toString();
            if (action != DiffDelegate::CommentAction::Toggle) {
                m_writes->act(id, action);
                return;
            }
            m_diff->setCommentExpanded(id, !index.data(DiffModel::ExpandedRole).toBool());
            m_diffView->doItemsLayout();
        });
    // A comment card's menu: the same actions as its links, and its id.
    m_diffView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_diffView, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_diffView->indexAt(pos);
        if (DiffModel::RowKind(index.data(DiffModel::RowKindRole).toInt()) == DiffModel::CommentRow)
            m_writes->showMenu(index.data(DiffModel::CommentIdRole).toString(),
                index.data(DiffModel::ResolvedRole).toBool(), m_diffView->viewport()->mapToGlobal(pos));
    });
    connect(m_writes, &ReviewCommentWrites::detailsRequested, this, [this](const QString &id) {
        m_ctx->navigate({ u"review_comments"_s, id });
    });
    connect(m_diffView, &QListView::activated, this, [this](const QModelIndex &index) {
        const auto kind = DiffModel::RowKind(index.data(DiffModel::RowKindRole).toInt());
        if (kind == DiffModel::CollapsedRow)
            m_diff->expand();
        else if (kind == DiffModel::ExpandRow)
            m_focus->expandContext(m_diff->gapOfRow(index.row()));
        else if (kind == DiffModel::LineRow && m_writes->canEdit())
            addCommentAtRow(index.row());
    });
}

void ReviewView::installKeys()
{
    // WHAT names the key in Help > Keyboard shortcuts (the window lists every QShortcut by it).
    const auto bind
        = [this](QWidget *on, const QKeySequence &key, Qt::ShortcutContext context, const QString &what, auto slot) {
              auto *shortcut = new QShortcut(key, on, nullptr, nullptr, context);
              shortcut->setWhatsThis(what);
              connect(shortcut, &QShortcut::activated, this, slot);
          };
    // C (or Enter on a line) comments the current line.
    bind(m_diffView, QKeySequence(Qt::Key_C), Qt::WidgetShortcut, tr("Review: comment on the current diff line"),
        [this] {
            const QModelIndex current = m_diffView->currentIndex();
            if (current.isValid() && m_writes->canEdit())
                addCommentAtRow(current.row());
        });
    // Anywhere in the review but a text field (which takes letters itself): j/k files, n/p comments.
    const auto everywhere = Qt::WidgetWithChildrenShortcut;
    bind(this, QKeySequence(Qt::Key_J), everywhere, tr("Review: next file"), [this] { stepFile(1); });
    bind(this, QKeySequence(Qt::Key_K), everywhere, tr("Review: previous file"), [this] { stepFile(-1); });
    bind(this, QKeySequence(Qt::Key_N), everywhere, tr("Review: next unresolved comment"),
        [this] { stepUnresolved(1); });
    bind(this, QKeySequence(Qt::Key_P), everywhere, tr("Review: previous unresolved comment"),
        [this] { stepUnresolved(-1); });
    bind(this, QKeySequence(Qt::Key_T), everywhere, tr("Review: show or hide the file tree"),
        [this] { setFileTreeShown(!isFileTreeShown()); });
    bind(this, QKeySequence(Qt::Key_L), everywhere, tr("Review: show or hide the comment list"),
        [this] { setCommentListShown(!isCommentListShown()); });
    bind(this, QKeySequence(Qt::ALT | Qt::Key_Down), everywhere, tr("Review: next file"), [this] { stepFile(1); });
    bind(this, QKeySequence(Qt::ALT | Qt::Key_Up), everywhere, tr("Review: previous file"), [this] { stepFile(-1); });
}

void ReviewView::setSettings(QSettings *settings)
{
    m_settings = settings;
    if (m_settings != m_ownSettings.get())
        m_ownSettings.reset();
    m_session->setSettings(settings);
    m_sideBySidePreferred = m_settings->value(kSideBySideKey, false).toBool();
    m_diffPane->setSideBySide(m_sideBySidePreferred);
    updateSideBySide();
    m_diffPane->setWrapLines(m_settings->value(kWrapKey, false).toBool());
    const bool treeShown = m_settings->value(kFileTreeKey, true).toBool();
    m_files->setVisible(treeShown);
    m_diffPane->setFileTreeShown(treeShown);
    const bool listShown = m_settings->value(kCommentListKey, true).toBool();
    m_pane->setVisible(listShown);
    m_diffPane->setCommentListShown(listShown);
    fitCommentList();
}

QTreeView *ReviewView::fileView() const
{
    return m_files->view();
}

void ReviewView::setSideBySide(bool on)
{
    m_settings->setValue(kSideBySideKey, on);
    m_sideBySidePreferred = on;
    m_diffPane->setSideBySide(on);
    updateSideBySide();
}

void ReviewView::updateSideBySide()
{
    // At 1024 px with the file tree beside it the diff is about 600 px wide: two columns of some
    // 30 characters, which reads worse than one unified column.
    const int width = m_diffView->viewport()->width();
    const int needed = m_delegate->sideBySideWidth(kSideBySideColumns);
    const bool fits = width >= needed;
    const bool show = m_sideBySidePreferred && fits;
    m_diffPane->setNarrowHint(m_sideBySidePreferred && !fits
            ? (isFileTreeShown() ? tr("Too narrow for side by side here: unified shown. Hide the file tree (T, or "
                                      "Files) or widen the window.")
                                 : tr("Too narrow for side by side here: unified shown. Widen the window."))
            : QString());
    if (show == m_diff->isSideBySide())
        return;
    const int scroll = m_diffView->verticalScrollBar()->value();
    m_diff->setSideBySide(show);
    m_diffView->verticalScrollBar()->setValue(scroll);
}

void ReviewView::setFileTreeShown(bool shown)
{
    m_settings->setValue(kFileTreeKey, shown);
    m_files->setVisible(shown);
    m_diffPane->setFileTreeShown(shown);
    if (shown)
        fitFilePanel();
    updateSideBySide(); // the hint's words; the width follows in a resize event
}

bool ReviewView::isFileTreeShown() const
{
    return !m_files->isHidden();
}

void ReviewView::setCommentListShown(bool shown)
{
    m_settings->setValue(kCommentListKey, shown);
    m_pane->setVisible(shown);
    m_diffPane->setCommentListShown(shown);
    fitCommentList();
}

bool ReviewView::isCommentListShown() const
{
    return !m_pane->isHidden();
}

void ReviewView::fitCommentList(int total)
{
    const QList<int> sizes = m_center->sizes();
    if (total < 0)
        total = sizes.value(0) + sizes.value(1);
    if (m_pane->isHidden() || total <= 0)
        return;
    int wanted = m_settings->value(kCommentHeightKey, 0).toInt();
    if (wanted <= 0)
        wanted = total / 4;
    // Never less than its filters, a few rows and its buttons; never more than its share.
    wanted = qMin(qMax(wanted, m_pane->minimumSizeHint().height()), total * kCommentListShare / 100);
    if (sizes.value(1) != wanted)
        m_center->setSizes({ total - wanted, wanted });
}

bool ReviewView::eventFilter(QObject *watched, QEvent *event)
{
    // Before the splitter shares out its new height (the list, stretch 0, keeps what it is given).
    if (watched == m_center && event->type() == QEvent::Resize)
        fitCommentList(static_cast<QResizeEvent *>(event)->size().height() - m_center->handleWidth());
    return QWidget::eventFilter(watched, event);
}

bool ReviewView::isSideBySide() const
{
    return m_diff->isSideBySide();
}

void ReviewView::setWrapLines(bool on)
{
    m_settings->setValue(kWrapKey, on);
    m_diffPane->setWrapLines(on);
}

void ReviewView::showPhase(const QString &phaseId, const QString &commentId)
{
    m_focus->showPhase(phaseId, commentId);
    updateEditing();
}

void ReviewView::updateEditing()
{
    const bool edit = m_writes->canEdit();
    m_delegate->setCanEdit(edit);
    m_pane->setCanEdit(edit, m_writes->whyReadOnly());
    m_header->setEditing(edit, m_writes->whyReadOnly());
    m_diffView->viewport()->update();
}

void ReviewView::onStateChanged()
{
    using State = ReviewSession::State;
    m_messagePage->showState();
    const bool noFiles = m_session->fileModel()->rowCount() == 0;
    switch (m_session->state()) {
    case State::Empty:
    case State::NeedsFolder:
    case State::Failed:
        m_stack->setCurrentIndex(MessagePage);
        break;
    case State::Loading:
        if (noFiles)
            m_stack->setCurrentIndex(MessagePage);
        break;
    case State::Parsing:
        break;
    case State::Ready:
        m_stack->setCurrentIndex(noFiles ? MessagePage : ContentPage);
        m_focus->onReady();
        break;
    }
    m_header->refresh();
}

void ReviewView::onFilesAdded()
{
    m_stack->setCurrentIndex(ContentPage);
    m_focus->onFilesAdded();
    m_header->refresh();
    fitFilePanel();
}

void ReviewView::fitFilePanel()
{
    QList<int> sizes = m_split->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    const int wanted = qMin(m_files->neededWidth(), total * 40 / 100);
    if (total <= 0 || sizes.value(0) >= wanted)
        return; // never narrower than the user made it
    m_split->setSizes({ wanted, total - wanted });
}

void ReviewView::bindFocus()
{
    connect(m_focus, &ReviewFocus::fileSelected, m_files, &ReviewFilePanel::selectFile);
    connect(m_focus, &ReviewFocus::fileShown, this, [this] {
        updateFileHeader();
        if (m_diff->isFileNotInDiff())
            m_stack->setCurrentIndex(ContentPage);
        m_diffView->scrollToTop();
    });
    connect(m_focus, &ReviewFocus::commentRevealed, this, [this](const QString &commentId, int row) {
        if (row >= 0) {
            const QModelIndex index = m_diff->index(row);
            m_diffView->setCurrentIndex(index);
            m_diffView->scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
        m_pane->selectComment(commentId);
    });
    connect(m_focus, &ReviewFocus::diffAboutToChange, this,
        [this] { m_scroll = m_diffView->verticalScrollBar()->value(); });
    connect(m_focus, &ReviewFocus::diffChanged, this, [this](bool relayout) {
        if (relayout)
            m_diffView->doItemsLayout();
        m_diffView->verticalScrollBar()->setValue(m_scroll);
    });
    connect(m_focus, &ReviewFocus::fileTextFailed, this, [this](const QString &message) {
        m_diffPane->setFileHeader(tr("Could not read the whole file: %1").arg(render::escaped(message)));
    });
}

void ReviewView::updateFileHeader()
{
    m_diffPane->setFileHeader(m_focus->fileHeader());
    m_diffPane->setViewed(m_focus->isCurrentFileViewed());
}

Pane::Info ReviewView::paneInfo() const
{
    // The diff is read: at 768 px a bottom pane at 40 % left it one line.
    return { QStringLiteral("reviewPage"), tr("Review"), QKeySequence(Qt::CTRL | Qt::Key_3), Place::Page,
        tr("A phase's diff with its review comments (Ctrl+3)"), tr("&Review"), viewName(ViewName::Review), 28 };
}

Pane::Fit ReviewView::canShow(const EntityRef &ref) const
{
    return ref.table == u"review" ? Shows : CannotShow; // id: PHASE or PHASE/COMMENT
}

void ReviewView::showEntity(const EntityRef &ref)
{
    showPhase(ref.id.section(u'/', 0, 0), ref.id.section(u'/', 1, 1));
}

bool ReviewView::showView(const QStringList &args, EntityRef *follow, QString *)
{
    if (args.size() != 1)
        return false;
    showPhase(args.first());
    *follow = { QStringLiteral("phases"), args.first() };
    return true;
}

} // namespace cwi
