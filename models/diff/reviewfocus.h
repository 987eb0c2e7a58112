#pragma once

// What the review page has in focus: the file whose diff is shown (DiffModel), the comment last
// revealed (where n / p step from), a comment asked for before its file arrived, and context
// lines asked for before the file's text is in. It follows its ReviewSession (comments, outdated
// code, file texts) and tells the view by signals what to select, show and scroll to; it holds
// no widget.

#include <QObject>
#include <QString>

namespace cwi {

class DiffModel;
class ReviewSession;

class ReviewFocus : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWholeFile = -2; // expandContext(): every unchanged line of the file

    explicit ReviewFocus(ReviewSession *session, QObject *parent = nullptr);

    DiffModel *diffModel() const { return m_diff; }
    int currentFile() const { return m_currentFile; } // index into the session's files, -1 for none

    // Another phase; once its diff is in, COMMENTID (if any) is revealed.
    void showPhase(const QString &phaseId, const QString &commentId = {});
    // Shows file FILEINDEX of the session's files (the tree already selects it).
    void showFile(int fileIndex);
    // Selects the file (fileSelected()) and shows it unless it is shown.
    void selectFile(int fileIndex);
    // Next (STEP 1) or previous (-1) file in tree order; next or previous unresolved comment, wrapping.
    void stepFile(int step);
    void stepUnresolved(int step);
    // Shows the comment's file and asks for its row (commentRevealed()); a comment on a file the
    // diff does not have shows that file's outdated comments once every file is in.
    void revealComment(const QString &commentId);
    // More unchanged lines of GAP (DiffModel::expandGap) or, for kWholeFile, all of them, loading
    // the file's text first.
    void expandContext(int gap);

    // The session's files arrived or its state changed: pick the first file, reveal a pending comment.
    void onFilesAdded();
    void onReady();

    // "<b>path</b> status +3 −1" for the current file (HTML, names escaped); empty without one.
    QString fileHeader() const;
    bool isCurrentFileViewed() const;

Q_SIGNALS:
    void fileSelected(int fileIndex); // the file tree should select it (-1: none)
    void fileShown(); // a file's diff replaced the one before (in the diff or not)
    // The comment is revealed at diff row ROW (-1: not shown yet): select and scroll to it.
    void commentRevealed(const QString &commentId, int row);
    // The rows of the shown diff change in place: the view keeps its scroll position (and lays the
    // rows out again when RELAYOUT: their heights changed).
    void diffAboutToChange();
    void diffChanged(bool relayout);
    void fileTextFailed(const QString &message);

private:
    void showFileNotInDiff(const QString &path); // its outdated comments, with their code
    void onFileText(int fileIndex, const QStringList &lines);

    ReviewSession *m_session;
    DiffModel *m_diff;
    int m_currentFile = -1;
    QString m_currentComment; // the last one revealed: where n / p step from
    QString m_pendingComment; // reveal once its file has arrived
    int m_pendingExpand = -1; // a gap (or kWholeFile) to open once the file's text is in
};

} // namespace cwi
