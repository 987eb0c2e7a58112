#include "reviewview.h"

#include "appcontext.h"
#include "diff/difffilelistmodel.h"
#include "diff/difffiletreemodel.h"
#include "diff/diffmodel.h"
#include "diff/reviewsession.h"
#include "diffdelegate.h"
#include "render/htmlwriter.h"
#include "reviewcommentpane.h"
#include "reviewcommentwrites.h"
#include "reviewdiffpane.h"
#include "reviewfilepanel.h"
#include "reviewheader.h"
#include "statuscolors.h"
#include "workrepositories.h"

#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

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
    , m_diff(new DiffModel(this))
    , m_writes(new ReviewCommentWrites(m_session, m_diff, this))
{
    setObjectName(u"reviewView"_s);
    m_header = new ReviewHeader(m_session, this);

    // The message page: loading, failures, and "needs a folder" with its button.
    auto *messagePage = new QWidget(this);
    m_message = new QLabel(messagePage);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // messages carry project names and URLs from the file
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseFolder = new QPushButton(tr("Choose clone folder…"), messagePage);
    m_choosePhase = new QPushButton(tr("Choose a phase…"), messagePage);
    m_choosePhase->setObjectName(u"choosePhase"_s);
    m_choosePhase->setToolTip(tr("The phases of the file, those waiting for review first, then the newest"));
    auto *messageLayout = new QVBoxLayout(messagePage);
    messageLayout->addStretch(1);
    messageLayout->addWidget(m_message);
    messageLayout->addWidget(m_chooseFolder, 0, Qt::AlignHCenter);
    messageLayout->addWidget(m_choosePhase, 0, Qt::AlignHCenter);
    messageLayout->addStretch(2);

    m_pane = new ReviewCommentPane(m_session->commentModel(), this);
    // The pane sits under the diff, where its columns have room; the main window may dock it.
    // Loading, failures and "needs a folder" replace the diff only: the pane keeps listing comments.
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(messagePage);
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
    installKeys();
    connect(m_chooseFolder, &QPushButton::clicked, this, &ReviewView::chooseFolder);
    connect(m_choosePhase, &QPushButton::clicked, this, &ReviewView::choosePhase);
    connect(m_files, &ReviewFilePanel::fileChosen, this, &ReviewView::showFile);
    connect(m_session->fileTree(), &DiffFileTreeModel::viewedChanged, this, [this](int file, bool) {
        if (file == m_currentFile)
            updateFileHeader();
        m_header->refresh();
    });
    connect(m_pane, &ReviewCommentPane::commentActivated, this, &ReviewView::revealComment);
    connect(m_pane, &ReviewCommentPane::resolveRequested, this, &ReviewView::resolve);
    connect(m_writes, &ReviewCommentWrites::editingChanged, this, &ReviewView::updateEditing);
    connect(m_session, &ReviewSession::stateChanged, this, &ReviewView::onStateChanged);
    m_jobs.follow(m_session->jobs()); // busy: the phase menu's read here, or the session's work
    connect(&m_jobs, &JobTracker::busyChanged, this, &ReviewView::busyChanged);
    connect(m_session, &ReviewSession::filesAdded, this, &ReviewView::onFilesAdded);
    connect(m_session, &ReviewSession::commentsChanged, this, &ReviewView::onCommentsChanged);
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
    // Unchanged lines around the hunks, from the whole file at the head (loaded on first use).
    m_diff->setContextExpandable(true);
    connect(m_delegate, &DiffDelegate::expandContextRequested, this,
        [this](const QModelIndex &index) { expandContext(m_diff->gapOfRow(index.row())); });
    connect(m_diffPane, &ReviewDiffPane::wholeFileRequested, this, [this] { expandContext(kWholeFile); });
    connect(m_session, &ReviewSession::fileTextReady, this, [this](int file, const QStringList &lines) {
        if (file != m_currentFile)
            return;
        const int scroll = m_diffView->verticalScrollBar()->value();
        m_diff->setFullText(lines);
        const int pending = std::exchange(m_pendingExpand, -1);
        if (pending == kWholeFile)
            m_diff->showWholeFile();
        else if (pending >= 0)
            m_diff->expandGap(pending, DiffModel::kExpandStep);
        m_diffView->verticalScrollBar()->setValue(scroll);
    });
    connect(m_session, &ReviewSession::fileTextFailed, this, [this](int file, const QString &message) {
        if (file == m_currentFile)
            m_diffPane->setFileHeader(tr("Could not read the whole file: %1").arg(render::escaped(message)));
    });
    connect(m_session, &ReviewSession::outdatedCodeChanged, this, [this] {
        // The cards grow by the code they were written on: lay the rows out again, in place.
        const int scroll = m_diffView->verticalScrollBar()->value();
        m_diff->setOutdatedCode(m_session->outdatedCode());
        m_diffView->doItemsLayout();
        m_diffView->verticalScrollBar()->setValue(scroll);
    });
    connect(m_diffPane, &ReviewDiffPane::viewedToggled, this, [this](bool on) {
        const QModelIndex index = m_session->fileTree()->indexOfFile(m_currentFile);
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
            switch (action) {
            case DiffDelegate::CommentAction::Toggle:
                m_diff->setCommentExpanded(id, !index.data(DiffModel::ExpandedRole).toBool());
                m_diffView->doItemsLayout();
                break;
            case DiffDelegate::CommentAction::Resolve:
            case DiffDelegate::CommentAction::Unresolve:
                resolve({ id }, action == DiffDelegate::CommentAction::Resolve);
                break;
            case DiffDelegate::CommentAction::Edit:
                m_writes->editComment(id);
                break;
            case DiffDelegate::CommentAction::Delete:
                m_writes->deleteComment(id);
                break;
            case DiffDelegate::CommentAction::None:
                break;
            }
        });
    m_diffView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_diffView, &QListView::customContextMenuRequested, this, &ReviewView::showCommentMenu);
    connect(m_diffView, &QListView::activated, this, [this](const QModelIndex &index) {
        const auto kind = DiffModel::RowKind(index.data(DiffModel::RowKindRole).toInt());
        if (kind == DiffModel::CollapsedRow)
            m_diff->expand();
        else if (kind == DiffModel::ExpandRow)
            expandContext(m_diff->gapOfRow(index.row()));
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

void ReviewView::setActions(Actions *actions)
{
    m_writes->setActions(actions);
}

void ReviewView::setRunner(ActionRunner *runner)
{
    m_writes->setRunner(runner);
}

QTreeView *ReviewView::fileView() const
{
    return m_files->view();
}

bool ReviewView::isBusy() const
{
    return m_jobs.isBusy();
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

void ReviewView::showPhase(const QString &phaseId)
{
    m_currentFile = -1;
    m_currentComment.clear();
    m_pendingComment.clear();
    m_files->selectFile(-1);
    m_diff->clear();
    m_session->showPhase(phaseId);
    updateEditing();
}

void ReviewView::showPhase(const QString &phaseId, const QString &commentId)
{
    showPhase(phaseId);
    m_pendingComment = commentId;
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
    const State state = m_session->state();
    m_chooseFolder->setVisible(state == State::NeedsFolder);
    m_choosePhase->setVisible(state == State::Empty);
    switch (state) {
    case State::Empty:
        m_message->setText(tr("Choose a phase to review its diff: here, \"open review\" on a phase in the detail "
                              "pane, or Ctrl+K and the phase's name."));
        m_stack->setCurrentIndex(MessagePage);
        break;
    case State::Loading:
        m_message->setText(m_session->message());
        if (m_session->fileModel()->rowCount() == 0)
            m_stack->setCurrentIndex(MessagePage);
        break;
    case State::NeedsFolder:
    case State::Failed:
        m_message->setText(m_session->message());
        m_stack->setCurrentIndex(MessagePage);
        m_diff->clear();
        break;
    case State::Parsing:
        break;
    case State::Ready:
        m_stack->setCurrentIndex(ContentPage);
        if (m_session->fileModel()->rowCount() == 0) {
            m_message->setText(tr("No changes between base and head."));
            m_stack->setCurrentIndex(MessagePage);
        }
        if (!m_pendingComment.isEmpty())
            revealComment(m_pendingComment);
        break;
    }
    m_header->refresh();
}

void ReviewView::onFilesAdded(int first, int count)
{
    Q_UNUSED(first);
    Q_UNUSED(count);
    m_stack->setCurrentIndex(ContentPage);
    if (m_currentFile < 0) {
        const QVector<int> order = m_session->fileTree()->filesInTreeOrder();
        if (!order.isEmpty())
            selectFile(order.first());
    }
    if (!m_pendingComment.isEmpty())
        revealComment(m_pendingComment);
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

void ReviewView::onCommentsChanged()
{
    if (m_diff->hasFile()) {
        const int scroll = m_diffView->verticalScrollBar()->value();
        m_diff->setComments(m_session->comments());
        m_diffView->verticalScrollBar()->setValue(scroll);
    }
    m_header->refresh();
}

void ReviewView::selectFile(int fileIndex)
{
    m_files->selectFile(fileIndex);
    if (fileIndex != m_currentFile)
        showFile(fileIndex);
}

void ReviewView::showFile(int fileIndex)
{
    const auto &files = m_session->fileModel()->files();
    if (fileIndex < 0 || fileIndex >= files.size())
        return;
    m_currentFile = fileIndex;
    m_pendingExpand = -1;
    m_diff->setFile(files.at(fileIndex), m_session->comments());
    m_diff->setOutdatedCode(m_session->outdatedCode());
    updateFileHeader();
    m_diffView->scrollToTop();
}

void ReviewView::showFileNotInDiff(const QString &path)
{
    if (m_diff->isFileNotInDiff() && m_diff->file().newPath == path)
        return;
    m_currentFile = -1;
    m_pendingExpand = -1;
    m_files->selectFile(-1);
    m_diff->setFileNotInDiff(path, m_session->comments());
    m_diff->setOutdatedCode(m_session->outdatedCode());
    m_diffPane->setFileHeader(u"<b>%1</b>&nbsp;&nbsp;<span style='color:#9a6700'>%2</span>"_s.arg(
        render::escaped(path), render::escaped(tr("not in this diff · outdated comments"))));
    m_diffPane->setViewed(false);
    m_stack->setCurrentIndex(ContentPage);
    m_diffView->scrollToTop();
}

void ReviewView::expandContext(int gap)
{
    if (gap < 0 && gap != kWholeFile)
        return;
    if (!m_diff->hasFullText()) {
        m_pendingExpand = gap;
        m_session->loadFileText(m_currentFile);
        return;
    }
    const int scroll = m_diffView->verticalScrollBar()->value();
    if (gap == kWholeFile)
        m_diff->showWholeFile();
    else
        m_diff->expandGap(gap, DiffModel::kExpandStep);
    m_diffView->verticalScrollBar()->setValue(scroll);
}

void ReviewView::updateFileHeader()
{
    const auto &files = m_session->fileModel()->files();
    if (m_currentFile < 0 || m_currentFile >= files.size())
        return;
    const DiffFile &f = files.at(m_currentFile);
    QString header = u"<b>%1</b>"_s.arg(render::escaped(f.displayPath()));
    header += u"&nbsp;&nbsp;<span style='color:#656d76'>%1</span>"_s.arg(
        render::escaped(m_session->fileModel()->statusText(m_currentFile)));
    if (!f.binary)
        header += u"&nbsp;&nbsp;<span style='color:#1a7f37'>+%1</span> <span style='color:#cf222e'>−%2</span>"_s
                      .arg(f.additions)
                      .arg(f.deletions);
    m_diffPane->setFileHeader(header);
    m_diffPane->setViewed(m_session->viewedFiles().isViewed(f));
}

void ReviewView::stepFile(int step)
{
    const int next = m_files->neighbour(m_currentFile, step);
    if (next >= 0)
        selectFile(next);
}

void ReviewView::stepUnresolved(int step)
{
    const QStringList open = m_session->unresolvedInOrder();
    if (open.isEmpty())
        return;
    const int at = int(open.indexOf(m_currentComment));
    int next = at < 0 ? (step > 0 ? 0 : int(open.size()) - 1) : at + step;
    next = (next + int(open.size())) % int(open.size()); // wraps around, as review tools do
    revealComment(open.at(next));
}

void ReviewView::revealComment(const QString &requestedId)
{
    const QString commentId = requestedId; // may refer to m_pendingComment, which is cleared below
    const QVector<ReviewComment> &comments = m_session->comments();
    const auto it
        = std::find_if(comments.cbegin(), comments.cend(), [&](const ReviewComment &c) { return c.id == commentId; });
    if (it == comments.cend())
        return;
    m_currentComment = commentId;
    const int fileIndex = m_session->fileModel()->rowOfPath(it->filePath);
    if (fileIndex < 0) {
        // Not (yet) in the diff: keep trying while files arrive; once complete it is outdated and
        // shown with the other comments on that file and the code they were written on.
        m_pendingComment = m_session->filesComplete() ? QString() : commentId;
        if (m_session->filesComplete()) {
            showFileNotInDiff(it->filePath);
            const int row = m_diff->rowOfComment(commentId);
            if (row >= 0) {
                m_diffView->setCurrentIndex(m_diff->index(row));
                m_diffView->scrollTo(m_diff->index(row), QAbstractItemView::PositionAtCenter);
            }
        }
        m_pane->selectComment(commentId);
        return;
    }
    m_pendingComment.clear();
    selectFile(fileIndex);
    int row = m_diff->rowOfComment(commentId);
    if (row >= 0 && m_diff->isCollapsed() && m_diff->rowKind(row) == DiffModel::CommentRow
        && !m_diff->index(row).data(DiffModel::OutdatedRole).toBool()) {
        m_diff->expand();
        row = m_diff->rowOfComment(commentId);
    }
    if (row >= 0) {
        const QModelIndex index = m_diff->index(row);
        m_diffView->setCurrentIndex(index);
        m_diffView->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
    m_pane->selectComment(commentId);
}

void ReviewView::addCommentAtRow(int row)
{
    m_writes->addCommentAtRow(row);
}

bool ReviewView::addComment(int row, const QString &body, const QString &author)
{
    return m_writes->addComment(row, body, author);
}

bool ReviewView::resolve(const QStringList &ids, bool resolve)
{
    return m_writes->resolve(ids, resolve);
}

void ReviewView::chooseFolder()
{
    const ReviewProject *p = m_session->currentProject();
    const QString name = p ? p->project.name : QString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Clone folder of %1").arg(name));
    if (!folder.isEmpty())
        m_session->setCloneFolder(folder);
}

void ReviewView::choosePhase()
{
    const auto db = m_ctx->database();
    if (!db)
        return;
    m_choosePhase->setEnabled(false);
    m_jobs.run([db] { return makePhaseRepository(db)->findAll(); },
        [this](const QVector<Phase> &found) {
            m_choosePhase->setEnabled(true);
            QVector<Phase> phases = found;
            // Phases waiting for review first, then the newest.
            std::stable_sort(phases.begin(), phases.end(), [](const Phase &a, const Phase &b) {
                const bool ra = a.status == u"pending_review", rb = b.status == u"pending_review";
                if (ra != rb)
                    return ra;
                return a.createdAt.toDateTime() > b.createdAt.toDateTime();
            });
            QMenu menu(this);
            if (phases.isEmpty())
                menu.addAction(tr("The file has no phases"))->setEnabled(false);
            for (const Phase &phase : std::as_const(phases).mid(0, 60)) {
                const QString name = phase.name.isEmpty() ? phase.id : phase.name;
                const QString label = QString(name).replace(u'&', u"&&"_s) + u"  ("_s
                    + statusLabel(u"phases"_s, u"status"_s, phase.status) + u')';
                const QString id = phase.id;
                menu.addAction(label, this, [this, id] { m_ctx->navigate({ u"review"_s, id }); });
            }
            menu.exec(m_choosePhase->mapToGlobal(QPoint(0, m_choosePhase->height())));
        });
}

// The same actions as the card's links, and its id; greyed with the reason when read-only.
void ReviewView::showCommentMenu(const QPoint &pos)
{
    const QModelIndex index = m_diffView->indexAt(pos);
    if (DiffModel::RowKind(index.data(DiffModel::RowKindRole).toInt()) != DiffModel::CommentRow)
        return;
    const QString id = index.data(DiffModel::CommentIdRole).toString();
    const bool resolved = index.data(DiffModel::ResolvedRole).toBool();
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    const QString why = m_writes->whyReadOnly();
    const auto add = [&](const QString &text, auto slot) {
        QAction *action = menu.addAction(text, this, slot);
        action->setEnabled(why.isEmpty());
        action->setToolTip(render::plainToolTip(why));
    };
    if (resolved)
        add(tr("Unresolve"), [this, id] { resolve({ id }, false); });
    else
        add(tr("Resolve"), [this, id] { resolve({ id }, true); });
    add(tr("Edit…"), [this, id] { m_writes->editComment(id); });
    add(tr("Delete…"), [this, id] { m_writes->deleteComment(id); });
    menu.addSeparator();
    menu.addAction(tr("Copy id"), this, [id] { QGuiApplication::clipboard()->setText(id); });
    menu.addAction(tr("Show details"), this, [this, id] { m_ctx->navigate({ u"review_comments"_s, id }); });
    menu.exec(m_diffView->viewport()->mapToGlobal(pos));
}

Pane::Info ReviewView::paneInfo() const
{
    // The diff is read: at 768 px a bottom pane at 40 % left it one line.
    return { QStringLiteral("reviewPage"), tr("Review"), QKeySequence(Qt::CTRL | Qt::Key_3), Place::Page,
        tr("A phase's diff with its review comments (Ctrl+3)"), tr("&Review"), QStringLiteral("review"), 28 };
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
