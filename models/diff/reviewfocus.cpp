#include "reviewfocus.h"

#include "difffilelistmodel.h"
#include "difffiletreemodel.h"
#include "diffmodel.h"
#include "render/htmlwriter.h"
#include "reviewsession.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace cwi {

ReviewFocus::ReviewFocus(ReviewSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_diff(new DiffModel(this))
{
    // Unchanged lines around the hunks, from the whole file at the head (loaded on first use).
    m_diff->setContextExpandable(true);
    connect(m_session, &ReviewSession::fileTextReady, this, &ReviewFocus::onFileText);
    connect(m_session, &ReviewSession::fileTextFailed, this, [this](int file, const QString &message) {
        if (file == m_currentFile)
            Q_EMIT fileTextFailed(message);
    });
    connect(m_session, &ReviewSession::outdatedCodeChanged, this, [this] {
        // The cards grow by the code they were written on: lay the rows out again, in place.
        Q_EMIT diffAboutToChange();
        m_diff->setOutdatedCode(m_session->outdatedCode());
        Q_EMIT diffChanged(true);
    });
    connect(m_session, &ReviewSession::commentsChanged, this, [this] {
        if (!m_diff->hasFile())
            return;
        Q_EMIT diffAboutToChange();
        m_diff->setComments(m_session->comments());
        Q_EMIT diffChanged(false);
    });
    connect(m_session, &ReviewSession::stateChanged, this, [this](ReviewSession::State state) {
        if (state == ReviewSession::State::NeedsFolder || state == ReviewSession::State::Failed)
            m_diff->clear();
    });
}

void ReviewFocus::showPhase(const QString &phaseId, const QString &commentId)
{
    m_currentFile = -1;
    m_currentComment.clear();
    m_pendingComment.clear();
    Q_EMIT fileSelected(-1);
    m_diff->clear();
    m_session->showPhase(phaseId);
    m_pendingComment = commentId;
}

void ReviewFocus::onFilesAdded()
{
    if (m_currentFile < 0) {
        const QVector<int> order = m_session->fileTree()->filesInTreeOrder();
        if (!order.isEmpty())
            selectFile(order.first());
    }
    if (!m_pendingComment.isEmpty())
        revealComment(m_pendingComment);
}

void ReviewFocus::onReady()
{
    if (!m_pendingComment.isEmpty())
        revealComment(m_pendingComment);
}

void ReviewFocus::selectFile(int fileIndex)
{
    Q_EMIT fileSelected(fileIndex);
    if (fileIndex != m_currentFile)
        showFile(fileIndex);
}

void ReviewFocus::showFile(int fileIndex)
{
    const auto &files = m_session->fileModel()->files();
    if (fileIndex < 0 || fileIndex >= files.size())
        return;
    m_currentFile = fileIndex;
    m_pendingExpand = -1;
    m_diff->setFile(files.at(fileIndex), m_session->comments());
    m_diff->setOutdatedCode(m_session->outdatedCode());
    Q_EMIT fileShown();
}

void ReviewFocus::showFileNotInDiff(const QString &path)
{
    if (m_diff->isFileNotInDiff() && m_diff->file().newPath == path)
        return;
    m_currentFile = -1;
    m_pendingExpand = -1;
    Q_EMIT fileSelected(-1);
    m_diff->setFileNotInDiff(path, m_session->comments());
    m_diff->setOutdatedCode(m_session->outdatedCode());
    Q_EMIT fileShown();
}

void ReviewFocus::stepFile(int step)
{
    const QVector<int> order = m_session->fileTree()->filesInTreeOrder();
    if (order.isEmpty())
        return;
    const int at = int(order.indexOf(m_currentFile));
    const int next = at < 0 ? 0 : at + step;
    if (next >= 0 && next < order.size())
        selectFile(order.at(next));
}

void ReviewFocus::stepUnresolved(int step)
{
    const QStringList open = m_session->unresolvedInOrder();
    if (open.isEmpty())
        return;
    const int at = int(open.indexOf(m_currentComment));
    int next = at < 0 ? (step > 0 ? 0 : int(open.size()) - 1) : at + step;
    next = (next + int(open.size())) % int(open.size()); // wraps around, as review tools do
    revealComment(open.at(next));
}

void ReviewFocus::revealComment(const QString &requestedId)
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
        const bool complete = m_session->filesComplete();
        m_pendingComment = complete ? QString() : commentId;
        if (complete)
            showFileNotInDiff(it->filePath);
        Q_EMIT commentRevealed(commentId, complete ? m_diff->rowOfComment(commentId) : -1);
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
    Q_EMIT commentRevealed(commentId, row);
}

void ReviewFocus::expandContext(int gap)
{
    if (gap < 0 && gap != kWholeFile)
        return;
    if (!m_diff->hasFullText()) {
        m_pendingExpand = gap;
        m_session->loadFileText(m_currentFile);
        return;
    }
    Q_EMIT diffAboutToChange();
    if (gap == kWholeFile)
        m_diff->showWholeFile();
    else
        m_diff->expandGap(gap, DiffModel::kExpandStep);
    Q_EMIT diffChanged(false);
}

void ReviewFocus::onFileText(int fileIndex, const QStringList &lines)
{
    if (fileIndex != m_currentFile)
        return;
    Q_EMIT diffAboutToChange();
    m_diff->setFullText(lines);
    const int pending = std::exchange(m_pendingExpand, -1);
    if (pending == kWholeFile)
        m_diff->showWholeFile();
    else if (pending >= 0)
        m_diff->expandGap(pending, DiffModel::kExpandStep);
    Q_EMIT diffChanged(false);
}

QString ReviewFocus::fileHeader() const
{
    if (m_diff->isFileNotInDiff())
        return u"<b>%1</b>&nbsp;&nbsp;<span style='color:#9a6700'>%2</span>"_s.arg(
            render::escaped(m_diff->file().newPath), render::escaped(tr("not in this diff · outdated comments")));
    const auto &files = m_session->fileModel()->files();
    if (m_currentFile < 0 || m_currentFile >= files.size())
        return {};
    const DiffFile &f = files.at(m_currentFile);
    QString header = u"<b>%1</b>"_s.arg(render::escaped(f.displayPath()));
    header += u"&nbsp;&nbsp;<span style='color:#656d76'>%1</span>"_s.arg(
        render::escaped(m_session->fileModel()->statusText(m_currentFile)));
    if (!f.binary)
        header += u"&nbsp;&nbsp;<span style='color:#1a7f37'>+%1</span> <span style='color:#cf222e'>−%2</span>"_s
                      .arg(f.additions)
                      .arg(f.deletions);
    return header;
}

bool ReviewFocus::isCurrentFileViewed() const
{
    const auto &files = m_session->fileModel()->files();
    if (m_currentFile < 0 || m_currentFile >= files.size())
        return false;
    return m_session->viewedFiles().isViewed(files.at(m_currentFile));
}

} // namespace cwi
