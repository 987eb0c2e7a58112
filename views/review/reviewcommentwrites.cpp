#include "reviewcommentwrites.h"

#include "actions/actionrunner.h"
#include "actions/actionservice.h"
#include "browse/cellformat.h"
#include "commenteditor.h"
#include "diff/diffmodel.h"
#include "diff/reviewsession.h"
#include "plainmessagebox.h"

#include "render/htmlwriter.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

#include <optional>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

const ReviewComment *findComment(const QVector<ReviewComment> &comments, const QString &id)
{
    for (const ReviewComment &c : comments) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

} // namespace

ReviewCommentWrites::ReviewCommentWrites(ReviewSession *session, DiffModel *diff, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_diff(diff)
    , m_dialogParent(dialogParent)
    , m_actions(new ActionService(nullptr, this))
{
    // Any write or undo (here, from the History, from any action) may change comments: show it.
    connect(m_actions, &ActionService::journalChanged, this, [this] { m_session->reloadComments(); });
    // Actions came or went; editing switched on or off (toolbar, Ctrl+E) reaches the open review at once.
    connect(m_actions, &ActionService::changed, this, &ReviewCommentWrites::editingChanged);
    connect(m_actions, &ActionService::writableChanged, this, &ReviewCommentWrites::editingChanged);
}

void ReviewCommentWrites::setActions(Actions *actions)
{
    m_actions->setActions(actions);
}

void ReviewCommentWrites::setRunner(ActionRunner *runner)
{
    m_runner = runner;
}

bool ReviewCommentWrites::canEdit() const
{
    return m_actions->isWritable();
}

QString ReviewCommentWrites::whyReadOnly() const
{
    if (!m_actions->isAvailable())
        return tr("Read-only: comment actions are not available in this window.");
    if (!m_actions->isWritable())
        return tr("Read-only: switch editing on (toolbar toggle or --edit) to add or resolve comments.");
    return {};
}

// The comment a click on diff row ROW would create (body and author still empty), or nothing.
static std::optional<NewReviewComment> commentForRow(const DiffModel *diff, const QString &phaseId, int row)
{
    if (row < 0 || row >= diff->rowCount() || diff->rowKind(row) != DiffModel::LineRow)
        return std::nullopt;
    const QModelIndex index = diff->index(row);
    if (DiffLine::Kind(index.data(DiffModel::LineKindRole).toInt()) == DiffLine::NoNewline)
        return std::nullopt;
    NewReviewComment comment;
    comment.phaseId = phaseId;
    comment.filePath = diff->file().path();
    comment.lineNumber = index.data(DiffModel::CommentLineNumberRole).toLongLong();
    comment.lineType = index.data(DiffModel::CommentLineTypeRole).toString();
    return comment;
}

void ReviewCommentWrites::addCommentAtRow(int row)
{
    const auto comment = commentForRow(m_diff, m_session->phaseId(), row);
    if (!canEdit() || !comment)
        return;
    CommentEditor editor(tr("Add review comment"),
        tr("%1, line %2 (%3)").arg(comment->filePath).arg(comment->lineNumber).arg(comment->lineType), {},
        comment->author, true, m_dialogParent);
    if (editor.exec() == QDialog::Accepted)
        addComment(row, editor.body(), editor.author());
}

bool ReviewCommentWrites::addComment(int row, const QString &body, const QString &author)
{
    auto comment = commentForRow(m_diff, m_session->phaseId(), row);
    if (!canEdit() || !comment || body.trimmed().isEmpty())
        return false;
    comment->body = body;
    comment->author = author.trimmed().isEmpty() ? u"you"_s : author.trimmed();
    const QStringList args { comment->filePath, QString::number(comment->lineNumber), comment->lineType, comment->body,
        comment->author };
    return runPlan(m_actions->plan(u"create-comment"_s, { comment->phaseId }, args), false); // the editor confirmed
}

bool ReviewCommentWrites::resolve(const QStringList &ids, bool resolve)
{
    if (!canEdit() || ids.isEmpty())
        return false;
    return runPlan(m_actions->plan(resolve ? u"resolve-comment"_s : u"unresolve-comment"_s, ids), true);
}

void ReviewCommentWrites::editComment(const QString &id)
{
    const ReviewComment *c = findComment(m_session->comments(), id);
    if (!canEdit() || !c)
        return;
    CommentEditor editor(tr("Edit review comment"),
        tr("%1, line %2 (%3), by %4").arg(c->filePath).arg(c->lineNumber).arg(c->lineType, c->author), c->body,
        c->author, false, m_dialogParent);
    if (editor.exec() != QDialog::Accepted || editor.body() == c->body)
        return;
    runPlan(m_actions->plan(u"edit-comment"_s, { id }, { editor.body() }), false);
}

void ReviewCommentWrites::deleteComment(const QString &id)
{
    if (!canEdit())
        return;
    runPlan(m_actions->plan(u"delete-comment"_s, { id }), true);
}

void ReviewCommentWrites::act(const QString &id, DiffDelegate::CommentAction action)
{
    switch (action) {
    case DiffDelegate::CommentAction::Resolve:
    case DiffDelegate::CommentAction::Unresolve:
        resolve({ id }, action == DiffDelegate::CommentAction::Resolve);
        break;
    case DiffDelegate::CommentAction::Edit:
        editComment(id);
        break;
    case DiffDelegate::CommentAction::Delete:
        deleteComment(id);
        break;
    case DiffDelegate::CommentAction::Toggle:
    case DiffDelegate::CommentAction::None:
        break;
    }
}

void ReviewCommentWrites::showMenu(const QString &id, bool resolved, const QPoint &globalPos)
{
    QMenu menu(m_dialogParent);
    menu.setToolTipsVisible(true);
    const QString why = whyReadOnly();
    const auto add = [&](const QString &text, auto slot) {
        QAction *action = menu.addAction(text, this, slot);
        action->setEnabled(why.isEmpty());
        action->setToolTip(render::plainToolTip(why));
    };
    if (resolved)
        add(tr("Unresolve"), [this, id] { resolve({ id }, false); });
    else
        add(tr("Resolve"), [this, id] { resolve({ id }, true); });
    add(tr("Edit…"), [this, id] { editComment(id); });
    add(tr("Delete…"), [this, id] { deleteComment(id); });
    menu.addSeparator();
    menu.addAction(tr("Copy id"), this, [id] { QGuiApplication::clipboard()->setText(id); });
    menu.addAction(tr("Show details"), this, [this, id] { Q_EMIT detailsRequested(id); });
    menu.exec(globalPos);
}

// CONFIRM: show what will change first (false when the comment editor already was the
// confirmation). Applies, and tells the user what happened when it did not apply. Returns true
// when applied.
bool ReviewCommentWrites::runPlan(const ActionPlan &plan, bool confirm)
{
    if (!plan.isValid()) {
        plainMessageBox(m_dialogParent, QMessageBox::Information, tr("Not possible"),
            plan.notValid.isEmpty() ? tr("Nothing to change.") : plan.notValid);
        return false;
    }
    // The one runner: "what will change", retry when busy, status line, Ctrl+Z. The comments reload
    // on Actions::finished.
    if (m_runner)
        return m_runner->run(plan, !confirm).outcome == WriteOutcome::Applied;
    if (confirm && plan.needsConfirmation) {
        QStringList lines;
        for (const RowChange &row : plan.rows) {
            if (row.op == RowOp::Check)
                continue;
            for (const FieldChange &change : row.changes) {
                if (change.field == u"updatedAt"_s || change.field == u"createdAt"_s)
                    continue;
                lines << u"%1: %2 → %3"_s.arg(change.field, CellFormat::inlineValue(change.before, change.field),
                    row.op == RowOp::Delete ? tr("(deleted)") : CellFormat::inlineValue(change.after, change.field));
            }
        }
        QMessageBox box(QMessageBox::Question, plan.title, plan.title + u'?', QMessageBox::Ok | QMessageBox::Cancel,
            m_dialogParent);
        box.setInformativeText(
            plan.warning.isEmpty() ? lines.join(u'\n') : plan.warning + u"\n\n"_s + lines.join(u'\n'));
        showPlainText(&box); // the lines quote comment text
        if (box.exec() != QMessageBox::Ok)
            return false;
    }
    for (;;) {
        const WriteResult result = m_actions->apply(plan);
        switch (result.outcome) {
        case WriteOutcome::Applied:
            m_session->reloadComments();
            return true;
        case WriteOutcome::ChangedMeanwhile:
            plainMessageBox(m_dialogParent, QMessageBox::Warning, tr("Changed meanwhile"),
                result.message + u"\n\n"_s + tr("Nothing was written; the comments were reloaded."));
            m_session->reloadComments();
            return false;
        case WriteOutcome::Busy:
            if (plainMessageBox(m_dialogParent, QMessageBox::Question, tr("Database busy"),
                    result.message + u"\n\n"_s + tr("Nothing was written. Try again?"),
                    QMessageBox::Yes | QMessageBox::No)
                == QMessageBox::Yes)
                continue;
            return false;
        default:
            plainMessageBox(m_dialogParent, QMessageBox::Warning, plan.title, result.message);
            m_session->reloadComments();
            return false;
        }
    }
}

} // namespace cwi
