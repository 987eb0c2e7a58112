#include "reviewview.h"

#include "appcontext.h"
#include "database.h"
#include "diff/difffilelistmodel.h"
#include "diff/diffmodel.h"
#include "diff/reviewcommentmodel.h"
#include "diff/reviewsession.h"
#include "diffdelegate.h"
#include "reviewcommentpane.h"
#include "writes/actions.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {
enum Page
{
    MessagePage,
    ContentPage
};

QString shortRef(const QString &ref)
{
    const bool hash
        = ref.size() == 40 && std::all_of(ref.cbegin(), ref.cend(), [](QChar c) { return c.isLetterOrNumber(); });
    return hash ? ref.left(10) : ref;
}
} // namespace

ReviewView::ReviewView(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_ownSettings(std::make_unique<QSettings>())
    , m_settings(m_ownSettings.get())
    , m_session(new ReviewSession(ctx->database(), m_settings, this))
    , m_diff(new DiffModel(this))
    , m_fileFilter(new QSortFilterProxyModel(this))
{
    setObjectName(u"reviewView"_s);
    buildUi();
    connect(m_session, &ReviewSession::stateChanged, this, &ReviewView::onStateChanged);
    connect(m_session, &ReviewSession::busyChanged, this, &ReviewView::busyChanged);
    connect(m_session, &ReviewSession::filesAdded, this, &ReviewView::onFilesAdded);
    connect(m_session, &ReviewSession::commentsChanged, this, &ReviewView::onCommentsChanged);
    connect(m_session, &ReviewSession::phaseLoaded, this, &ReviewView::updateHeader);
    connect(ctx, &AppContext::databaseChanged, this, [this] {
        m_session->setDatabase(m_ctx->database());
        updateEditing();
    });
    connect(ctx, &AppContext::dataChanged, m_session, &ReviewSession::reloadComments);
    updateEditing();
    onStateChanged();
}

ReviewView::~ReviewView() = default;

bool ReviewView::eventFilter(QObject *watched, QEvent *event)
{
    // Comment cards wrap to the viewport width: lay the rows out again at once when it changes,
    // rather than after QListView's delayed relayout (a screenshot or a quick look sees gaps).
    if (watched == m_diffView->viewport() && event->type() == QEvent::Resize) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        if (resize->size().width() != resize->oldSize().width())
            m_diffView->doItemsLayout();
    }
    return QWidget::eventFilter(watched, event);
}

void ReviewView::setSettings(QSettings *settings)
{
    m_settings = settings;
    auto *old = m_session;
    m_session = new ReviewSession(m_ctx->database(), settings, this);
    // Rewire: the models belong to the session.
    m_fileFilter->setSourceModel(m_session->fileModel());
    auto *pane = new ReviewCommentPane(m_session->commentModel(), this);
    if (auto *splitter = qobject_cast<QSplitter *>(m_pane->parentWidget()))
        splitter->replaceWidget(splitter->indexOf(m_pane), pane);
    m_pane->deleteLater();
    m_pane = pane;
    connect(m_pane, &ReviewCommentPane::commentActivated, this, &ReviewView::revealComment);
    connect(m_pane, &ReviewCommentPane::resolveRequested, this, &ReviewView::resolve);
    connect(m_session, &ReviewSession::stateChanged, this, &ReviewView::onStateChanged);
    connect(m_session, &ReviewSession::busyChanged, this, &ReviewView::busyChanged);
    connect(m_session, &ReviewSession::filesAdded, this, &ReviewView::onFilesAdded);
    connect(m_session, &ReviewSession::commentsChanged, this, &ReviewView::onCommentsChanged);
    connect(m_session, &ReviewSession::phaseLoaded, this, &ReviewView::updateHeader);
    connect(m_ctx, &AppContext::dataChanged, m_session, &ReviewSession::reloadComments);
    old->deleteLater();
    m_ownSettings.reset();
    updateEditing();
}

void ReviewView::setActions(Actions *actions)
{
    if (m_actions)
        disconnect(m_actions.data(), nullptr, this, nullptr);
    m_actions = actions;
    if (m_actions) {
        // Undo from the History (or any action) changes comments: show it.
        connect(m_actions, &Actions::finished, this, [this] { m_session->reloadComments(); });
    }
    updateEditing();
}

bool ReviewView::isBusy() const
{
    return m_session->isBusy();
}

void ReviewView::showPhase(const QString &phaseId)
{
    m_currentFile = -1;
    m_pendingComment.clear();
    m_diff->clear();
    m_session->showPhase(phaseId);
    updateEditing();
}

void ReviewView::showPhase(const QString &phaseId, const QString &commentId)
{
    showPhase(phaseId);
    m_pendingComment = commentId;
}

bool ReviewView::canEdit() const
{
    return m_actions && m_actions->isWritable();
}

QString ReviewView::whyReadOnly() const
{
    if (!m_actions)
        return u"Read-only: comment actions are not available in this window."_s;
    if (!m_actions->isWritable())
        return u"Read-only: switch editing on (toolbar toggle or --edit) to add or resolve comments."_s;
    return {};
}

void ReviewView::updateEditing()
{
    const bool edit = canEdit();
    m_delegate->setCanEdit(edit);
    m_pane->setCanEdit(edit, whyReadOnly());
    m_readOnly->setText(edit ? u"Editing on: click a line number or press C to comment"_s : whyReadOnly());
    m_readOnly->setStyleSheet(edit ? u"color: #1a7f37;"_s : u"color: #9a6700;"_s);
    m_diffView->viewport()->update();
}

void ReviewView::updateHeader()
{
    const ReviewTarget &t = m_session->target();
    m_title->setText(t.phase.name.isEmpty() ? u"Review"_s : u"Review · "_s + t.phase.name);
    QStringList parts;
    if (!t.initiative.name.isEmpty())
        parts << u"Initiative %1"_s.arg(t.initiative.name);
    if (!t.initiative.branch.isEmpty())
        parts << u"branch %1"_s.arg(t.initiative.branch);
    if (!t.phase.status.isEmpty())
        parts << u"phase %1"_s.arg(t.phase.status);
    if (const ReviewProject *p = m_session->currentProject(); p && p->clone.found())
        parts << u"clone %1 (%2)"_s.arg(p->clone.folder, cloneSourceName(p->clone.source));
    m_subtitle->setText(parts.join(u" · "_s));

    const QSignalBlocker blockProject(m_project);
    m_project->clear();
    for (const ReviewProject &p : m_session->projects())
        m_project->addItem(p.project.name.isEmpty() ? p.project.id : p.project.name);
    m_project->setCurrentIndex(m_session->projectIndex());
    m_project->setVisible(m_session->projects().size() > 1);

    if (const ReviewProject *p = m_session->currentProject()) {
        for (QComboBox *box : { m_base, m_head }) {
            const QSignalBlocker block(box);
            box->clear();
            box->addItems(p->refNames);
        }
        m_base->setEditText(shortRef(p->base));
        m_head->setEditText(p->head);
        m_base->setToolTip(p->baseSha.isEmpty() ? QString() : u"Base commit %1"_s.arg(p->baseSha));
        m_head->setToolTip(p->headSha.isEmpty() ? QString() : u"Head commit %1"_s.arg(p->headSha));
        m_baseOrigin->setText(p->baseOrigin.isEmpty() ? QString() : u"base: "_s + p->baseOrigin);
    }
    const bool haveClone = m_session->currentProject() && m_session->currentProject()->clone.found();
    for (QWidget *w : std::initializer_list<QWidget *> { m_base, m_head, m_compare, m_defaults })
        w->setEnabled(haveClone && !m_session->isBusy());

    const auto &files = m_session->fileModel()->files();
    int added = 0;
    int removed = 0;
    for (const DiffFile &f : files) {
        added += f.additions;
        removed += f.deletions;
    }
    int unresolved = 0;
    for (const ReviewComment &c : m_session->comments())
        unresolved += c.resolved ? 0 : 1;
    QString summary = u"%1 files changed  +%2 −%3"_s.arg(files.size()).arg(added).arg(removed);
    if (m_session->state() == ReviewSession::State::Parsing)
        summary += u"  (reading…)"_s;
    summary += u"  ·  %1 comments, %2 unresolved"_s.arg(m_session->comments().size()).arg(unresolved);
    if (!m_session->outdated().isEmpty())
        summary += u", %1 outdated"_s.arg(m_session->outdated().size());
    m_summary->setText(summary);
}

void ReviewView::onStateChanged()
{
    using State = ReviewSession::State;
    const State state = m_session->state();
    m_chooseFolder->setVisible(state == State::NeedsFolder);
    switch (state) {
    case State::Empty:
        m_message->setText(u"Choose a phase to review its diff."_s);
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
            m_message->setText(u"No changes between base and head."_s);
            m_stack->setCurrentIndex(MessagePage);
        }
        if (!m_pendingComment.isEmpty())
            revealComment(m_pendingComment);
        break;
    }
    updateHeader();
}

void ReviewView::onFilesAdded(int first, int count)
{
    Q_UNUSED(count);
    m_stack->setCurrentIndex(ContentPage);
    if (first == 0 && m_currentFile < 0) {
        const QModelIndex top = m_fileFilter->index(0, 0);
        if (top.isValid())
            m_fileView->setCurrentIndex(top);
    }
    if (!m_pendingComment.isEmpty())
        revealComment(m_pendingComment);
    updateHeader();
}

void ReviewView::onCommentsChanged()
{
    if (m_diff->hasFile()) {
        const int scroll = m_diffView->verticalScrollBar()->value();
        m_diff->setComments(m_session->comments());
        m_diffView->verticalScrollBar()->setValue(scroll);
    }
    updateHeader();
}

void ReviewView::showFile(int fileRow)
{
    const auto &files = m_session->fileModel()->files();
    if (fileRow < 0 || fileRow >= files.size())
        return;
    m_currentFile = fileRow;
    const DiffFile &f = files.at(fileRow);
    m_diff->setFile(f, m_session->comments());
    QString header = u"<b>%1</b>"_s.arg(f.displayPath().toHtmlEscaped());
    header += u"&nbsp;&nbsp;<span style='color:#656d76'>%1</span>"_s.arg(
        m_session->fileModel()->statusText(fileRow).toHtmlEscaped());
    if (!f.binary)
        header += u"&nbsp;&nbsp;<span style='color:#1a7f37'>+%1</span> <span style='color:#cf222e'>−%2</span>"_s
                      .arg(f.additions)
                      .arg(f.deletions);
    m_fileHeader->setText(header);
    m_diffView->scrollToTop();
}

void ReviewView::revealComment(const QString &requestedId)
{
    const QString commentId = requestedId; // may refer to m_pendingComment, which is cleared below
    const QVector<ReviewComment> &comments = m_session->comments();
    const auto it
        = std::find_if(comments.cbegin(), comments.cend(), [&](const ReviewComment &c) { return c.id == commentId; });
    if (it == comments.cend())
        return;
    const int fileRow = m_session->fileModel()->rowOfPath(it->filePath);
    if (fileRow < 0) {
        // Not (yet) in the diff: keep trying while files arrive; once complete it is outdated.
        m_pendingComment = m_session->filesComplete() ? QString() : commentId;
        m_pane->selectComment(commentId);
        return;
    }
    m_pendingComment.clear();
    m_filterEdit->clear();
    const QModelIndex fileIndex = m_fileFilter->mapFromSource(m_session->fileModel()->index(fileRow, 0));
    if (m_currentFile != fileRow) {
        m_fileView->setCurrentIndex(fileIndex);
        showFile(fileRow);
    }
    m_fileView->scrollTo(fileIndex);
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

void ReviewView::applyRefs()
{
    m_session->setRefs(m_base->currentText(), m_head->currentText());
}

void ReviewView::chooseFolder()
{
    const ReviewProject *p = m_session->currentProject();
    const QString name = p ? p->project.name : QString();
    const QString folder = QFileDialog::getExistingDirectory(this, u"Clone folder of %1"_s.arg(name));
    if (!folder.isEmpty())
        m_session->setCloneFolder(folder);
}

} // namespace cwi
