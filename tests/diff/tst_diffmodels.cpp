// The review's item models: the file list a reviewer scans, the unified diff with comments under
// the lines they belong to, and the comment pane with its filters.

#include "diff/commentanchor.h"
#include "diff/difffilelistmodel.h"
#include "diff/diffloader.h"
#include "diff/diffmodel.h"
#include "diff/diffparser.h"
#include "diff/reviewcommentmodel.h"
#include "diff/textdiff.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestDiffModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fileListShowsStatusCountsAndBoldUnresolved();
    void fileListFilterByPath();
    void commentsSitUnderTheirLine();
    void outdatedCommentsAreListedNotHidden();
    void resolvedCommentsStartCollapsed();
    void largeFileStartsCollapsed();
    void binaryAndModeChangeAreLabelled();
    void commentPaneColumnsAndFilters();
    void largeDiffArrivesInBatches();
    void changedWordsOfALinePair();
    void sideBySidePairsRemovedWithAdded();
    void contextExpandsAroundHunks();

private:
    QVector<DiffFile> m_files;
};

static const char kDiff[] = "diff --git a/src/app.cpp b/src/app.cpp\n"
                            "--- a/src/app.cpp\n"
                            "+++ b/src/app.cpp\n"
                            "@@ -10,4 +10,5 @@ int main()\n"
                            " first\n"
                            "-old\n"
                            "+new one\n"
                            "+new two\n"
                            " middle\n"
                            " last\n"
                            "diff --git a/old.txt b/renamed.txt\n"
                            "similarity index 80%\n"
                            "rename from old.txt\n"
                            "rename to renamed.txt\n"
                            "--- a/old.txt\n"
                            "+++ b/renamed.txt\n"
                            "@@ -1 +1 @@\n"
                            "-x\n"
                            "+y\n"
                            "diff --git a/logo.png b/logo.png\n"
                            "old mode 100644\n"
                            "new mode 100755\n"
                            "Binary files a/logo.png and b/logo.png differ\n";

static ReviewComment comment(const QString &id, const QString &path, qint64 line, const QString &type,
    bool resolved = false, const QString &body = u"Please rename"_s)
{
    ReviewComment c;
    c.id = id;
    c.phaseId = u"ph1"_s;
    c.filePath = path;
    c.lineNumber = line;
    c.lineType = type;
    c.body = body;
    c.author = u"you"_s;
    c.resolved = resolved;
    c.createdAt.raw = qint64(1700000000);
    c.updatedAt.raw = qint64(1700000000);
    return c;
}

void TestDiffModels::initTestCase()
{
    m_files = DiffParser::parse(QByteArray(kDiff));
    QCOMPARE(m_files.size(), 3);
}

void TestDiffModels::fileListShowsStatusCountsAndBoldUnresolved()
{
    DiffFileListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendFiles(m_files.mid(0, 1));
    model.appendFiles(m_files.mid(1)); // batches append
    QCOMPARE(model.rowCount(), 3);
    model.setComments({ comment(u"c1"_s, u"src/app.cpp"_s, 11, u"added"_s),
        comment(u"c2"_s, u"src/app.cpp"_s, 10, u"context"_s, true),
        comment(u"c3"_s, u"old.txt"_s, 1, u"removed"_s, true) });
    const auto cell
        = [&](int row, int column, int role = Qt::DisplayRole) { return model.data(model.index(row, column), role); };
    QCOMPARE(cell(0, DiffFileListModel::PathColumn).toString(), u"src/app.cpp"_s);
    QCOMPARE(cell(0, DiffFileListModel::StatusColumn).toString(), u"modified"_s);
    QCOMPARE(cell(0, DiffFileListModel::AddedColumn).toString(), u"+2"_s);
    QCOMPARE(cell(0, DiffFileListModel::RemovedColumn).toString(), u"−1"_s);
    QCOMPARE(cell(0, DiffFileListModel::CommentsColumn).toString(), u"2"_s);
    QVERIFY(cell(0, DiffFileListModel::CommentsColumn, Qt::FontRole).value<QFont>().bold());
    // A comment on the old path of a renamed file counts for that file; all resolved: not bold.
    QCOMPARE(cell(1, DiffFileListModel::PathColumn).toString(), u"old.txt → renamed.txt"_s);
    QCOMPARE(cell(1, DiffFileListModel::CommentsColumn).toString(), u"1"_s);
    QVERIFY(!cell(1, DiffFileListModel::CommentsColumn, Qt::FontRole).value<QFont>().bold());
    QCOMPARE(cell(2, DiffFileListModel::StatusColumn).toString(), u"modified, binary, mode"_s);
    QCOMPARE(model.rowOfPath(u"old.txt"_s), 1);
}

void TestDiffModels::fileListFilterByPath()
{
    DiffFileListModel model;
    model.appendFiles(m_files);
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(DiffFileListModel::PathColumn);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterFixedString(u"RENAMED"_s);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(DiffFileListModel::PathRole).toString(), u"renamed.txt"_s);
}

void TestDiffModels::commentsSitUnderTheirLine()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(m_files.at(0),
        { comment(u"added12"_s, u"src/app.cpp"_s, 12, u"added"_s),
            comment(u"removed11"_s, u"src/app.cpp"_s, 11, u"removed"_s),
            comment(u"context13"_s, u"src/app.cpp"_s, 13, u"context"_s),
            comment(u"other"_s, u"elsewhere.cpp"_s, 1, u"added"_s) });
    // hunk, first, -old, [removed11], +new one, +new two, [added12], middle, [context13], last
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.rowKind(0), DiffModel::HunkRow);
    QCOMPARE(model.index(0).data().toString(), u"@@ -10,4 +10,5 @@ int main()"_s);
    const auto lineAbove = [&](const QString &id) {
        const int row = model.rowOfComment(id);
        return row > 0 ? model.index(row - 1).data().toString() : QString();
    };
    QCOMPARE(lineAbove(u"removed11"_s), u"old"_s);
    QCOMPARE(lineAbove(u"added12"_s), u"new two"_s);
    QCOMPARE(lineAbove(u"context13"_s), u"middle"_s);
    QCOMPARE(model.rowOfComment(u"other"_s), -1); // another file's comment is not here
    // Gutter numbers and what a new comment on a row would store.
    const QModelIndex removed = model.index(2);
    QCOMPARE(removed.data(DiffModel::OldLineRole).toInt(), 11);
    QCOMPARE(removed.data(DiffModel::NewLineRole).toInt(), 0);
    QCOMPARE(removed.data(DiffModel::CommentLineTypeRole).toString(), u"removed"_s);
    QCOMPARE(removed.data(DiffModel::CommentLineNumberRole).toLongLong(), 11);
    const QModelIndex middle = model.index(model.rowOfLine(u"context"_s, 13));
    QCOMPARE(middle.data().toString(), u"middle"_s);
    QCOMPARE(middle.data(DiffModel::OldLineRole).toInt(), 12);
}

void TestDiffModels::outdatedCommentsAreListedNotHidden()
{
    const QVector<ReviewComment> comments = {
        comment(u"ok"_s, u"src/app.cpp"_s, 11, u"added"_s),
        comment(u"moved"_s, u"src/app.cpp"_s, 11, u"context"_s), // line 11 is an added line now
        comment(u"beyond"_s, u"src/app.cpp"_s, 99999, u"added"_s), // beyond the file
        comment(u"gone"_s, u"deleted.cpp"_s, 3, u"added"_s), // file not in the diff
        comment(u"weird"_s, u"src/app.cpp"_s, 10, u"sideways"_s), // unknown line type
    };
    QCOMPARE(outdatedComments(m_files, comments), QSet<QString>({ u"moved"_s, u"beyond"_s, u"gone"_s, u"weird"_s }));
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(m_files.at(0), comments);
    for (const QString &id : { u"moved"_s, u"beyond"_s, u"weird"_s }) {
        const int row = model.rowOfComment(id);
        QVERIFY2(row >= 0, qPrintable(id));
        QVERIFY(model.index(row).data(DiffModel::OutdatedRole).toBool());
        QVERIFY(row < model.rowOfLine(u"context"_s, 10)); // listed above the diff of the file
    }
    QCOMPARE(model.index(model.rowOfComment(u"beyond"_s)).data(DiffModel::AnchorTextRole).toString(),
        u"line 99999 (added)"_s);
    QVERIFY(!model.index(model.rowOfComment(u"ok"_s)).data(DiffModel::OutdatedRole).toBool());
}

void TestDiffModels::resolvedCommentsStartCollapsed()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(m_files.at(0),
        { comment(u"r"_s, u"src/app.cpp"_s, 11, u"added"_s, true),
            comment(u"u"_s, u"src/app.cpp"_s, 12, u"added"_s, false) });
    const QModelIndex resolved = model.index(model.rowOfComment(u"r"_s));
    QVERIFY(resolved.data(DiffModel::ResolvedRole).toBool());
    QVERIFY(!resolved.data(DiffModel::ExpandedRole).toBool());
    QVERIFY(model.index(model.rowOfComment(u"u"_s)).data(DiffModel::ExpandedRole).toBool());
    model.setCommentExpanded(u"r"_s, true);
    QVERIFY(model.index(model.rowOfComment(u"r"_s)).data(DiffModel::ExpandedRole).toBool());
}

void TestDiffModels::largeFileStartsCollapsed()
{
    QByteArray big = "diff --git a/big.txt b/big.txt\n--- a/big.txt\n+++ b/big.txt\n@@ -0,0 +1,3000 @@\n";
    for (int i = 0; i < 3000; ++i)
        big += "+line " + QByteArray::number(i) + '\n';
    const DiffFile file = DiffParser::parse(big).value(0);
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(file, { comment(u"c"_s, u"big.txt"_s, 2500, u"added"_s) });
    QVERIFY(model.isCollapsed());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowKind(0), DiffModel::CollapsedRow);
    QVERIFY(model.index(0).data().toString().contains(u"3,000 lines"_s));
    model.expand();
    QCOMPARE(model.rowCount(), 1 + 3000 + 1);
    QCOMPARE(model.index(model.rowOfComment(u"c"_s) - 1).data().toString(), u"line 2499"_s);
}

void TestDiffModels::binaryAndModeChangeAreLabelled()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(m_files.at(2), {});
    QStringList notes;
    for (int r = 0; r < model.rowCount(); ++r)
        notes << model.index(r).data().toString();
    QCOMPARE(notes, QStringList({ u"Mode changed 100644 → 100755"_s, u"Binary file: contents not shown"_s }));
    model.setFile(m_files.at(1), {});
    QCOMPARE(model.index(0).data().toString(), u"Renamed from old.txt (80% similar)"_s);
}

void TestDiffModels::commentPaneColumnsAndFilters()
{
    ReviewCommentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(QDateTime::fromSecsSinceEpoch(1700000000 + 3 * 3600));
    model.setComments({ comment(u"a"_s, u"src/app.cpp"_s, 11, u"added"_s, false, u"First line\nmore detail"_s),
        comment(u"b"_s, u"src/app.cpp"_s, 10, u"context"_s, true),
        comment(u"c"_s, u"gone.cpp"_s, 3, u"removed"_s, false) });
    model.setOutdated({ u"c"_s });
    const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, ReviewCommentModel::FileColumn), u"src/app.cpp"_s);
    QCOMPARE(cell(0, ReviewCommentModel::LineColumn), u"11"_s);
    QCOMPARE(cell(0, ReviewCommentModel::TypeColumn), u"added"_s);
    QCOMPARE(cell(0, ReviewCommentModel::AuthorColumn), u"you"_s);
    QCOMPARE(cell(0, ReviewCommentModel::BodyColumn), u"First line"_s);
    QCOMPARE(cell(0, ReviewCommentModel::AgeColumn), u"3 h ago"_s);
    QCOMPARE(cell(1, ReviewCommentModel::ResolvedColumn), u"resolved"_s);
    QCOMPARE(cell(2, ReviewCommentModel::LineColumn), u"3 (outdated)"_s);

    ReviewCommentFilterModel filter;
    QAbstractItemModelTester proxyTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 3);
    filter.setStateFilter(ReviewCommentFilterModel::Unresolved);
    QCOMPARE(filter.rowCount(), 2);
    filter.setStateFilter(ReviewCommentFilterModel::Resolved);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data(ReviewCommentModel::CommentIdRole).toString(), u"b"_s);
    filter.setStateFilter(ReviewCommentFilterModel::All);
    filter.setFileFilter(u"gone.cpp"_s);
    QCOMPARE(filter.rowCount(), 1);
    QVERIFY(filter.index(0, 0).data(ReviewCommentModel::OutdatedRole).toBool());
}

void TestDiffModels::largeDiffArrivesInBatches()
{
    // 5,000 files, 100,000 diff lines: parsed in a worker, the first files reach the list long
    // before the last ones, and a newer load drops the older one's results.
    QByteArray diff;
    for (int f = 0; f < 5000; ++f) {
        const QByteArray name = "dir/file" + QByteArray::number(f) + ".txt";
        diff += "diff --git a/" + name + " b/" + name + "\n--- a/" + name + "\n+++ b/" + name + "\n@@ -1,20 +1,20 @@\n";
        for (int i = 0; i < 10; ++i)
            diff += "-old line " + QByteArray::number(i) + "\n+new line " + QByteArray::number(i) + "\n";
    }
    DiffLoader loader;
    DiffFileListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVector<int> batchSizes;
    connect(&loader, &DiffLoader::filesReady, &model, [&](const QVector<DiffFile> &files) {
        batchSizes << int(files.size());
        model.appendFiles(files);
    });
    QSignalSpy finished(&loader, &DiffLoader::finished);
    loader.load(QByteArray("diff --git a/stale b/stale\n--- a/stale\n+++ b/stale\n@@ -1 +1 @@\n-a\n+b\n"));
    loader.load(diff); // supersedes the first load before it delivered anything
    QVERIFY(loader.isRunning());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.index(0, 0).data().toString(), u"dir/file0.txt"_s);
    QVERIFY(batchSizes.size() > 2);
    QVERIFY(batchSizes.first() <= 40);
    int lines = 0;
    for (const DiffFile &f : model.files())
        lines += int(f.lines.size());
    QCOMPARE(lines, 100000);
    QCOMPARE(model.rowOfPath(u"stale"_s), -1);
}

static const char kWordsDiff[] = "diff --git a/calc.c b/calc.c\n"
                                 "index 1111111..2222222 100644\n"
                                 "--- a/calc.c\n"
                                 "+++ b/calc.c\n"
                                 "@@ -1,3 +1,3 @@\n"
                                 " int f() {\n"
                                 "-    return total + tax;\n"
                                 "+    return sum + tax;\n"
                                 " }\n";

void TestDiffModels::changedWordsOfALinePair()
{
    const QVector<DiffFile> files = DiffParser::parse(QByteArray(kWordsDiff));
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.at(0).oldBlob, u"1111111"_s);
    QCOMPARE(files.at(0).newBlob, u"2222222"_s);
    DiffModel model;
    model.setFile(files.at(0), {});
    const auto spans = [&](int row) {
        const QModelIndex i = model.index(row);
        QStringList out;
        for (const textdiff::Span &s : i.data(DiffModel::ChangedSpansRole).value<QVector<textdiff::Span>>())
            out << i.data().toString().mid(s.start, s.length);
        return out;
    };
    QCOMPARE(spans(2), QStringList { u"total"_s }); // hunk, context, removed, added, context
    QCOMPARE(spans(3), QStringList { u"sum"_s });
    QVERIFY(spans(1).isEmpty()); // context lines have no partner
}

void TestDiffModels::sideBySidePairsRemovedWithAdded()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(m_files.at(0),
        { comment(u"added12"_s, u"src/app.cpp"_s, 12, u"added"_s),
            comment(u"removed11"_s, u"src/app.cpp"_s, 11, u"removed"_s) });
    model.setSideBySide(true);
    // hunk, first|first, old|new one, [removed11], -|new two, [added12], middle|middle, last|last
    QCOMPARE(model.rowCount(), 8);
    const QModelIndex pair = model.index(2);
    QCOMPARE(pair.data().toString(), u"old"_s);
    QCOMPARE(pair.data(DiffModel::RightTextRole).toString(), u"new one"_s);
    QCOMPARE(pair.data(DiffModel::OldLineRole).toInt(), 11);
    QCOMPARE(pair.data(DiffModel::NewLineRole).toInt(), 11);
    QCOMPARE(pair.data(DiffModel::CommentLineTypeRole).toString(), u"added"_s); // a new comment goes right
    const QModelIndex alone = model.index(4);
    QCOMPARE(alone.data(DiffModel::LineKindRole).toInt(), -1); // nothing on the left
    QCOMPARE(alone.data(DiffModel::RightTextRole).toString(), u"new two"_s);
    QCOMPARE(model.rowOfComment(u"removed11"_s), 3);
    QCOMPARE(model.rowOfComment(u"added12"_s), 5);
    QCOMPARE(model.rowOfLine(u"removed"_s, 11), 2);
    model.setSideBySide(false);
    QCOMPARE(model.rowCount(), 9);
}

void TestDiffModels::contextExpandsAroundHunks()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(m_files.at(0), {}); // one hunk: @@ -10,4 +10,5 @@
    QCOMPARE(model.rowKind(0), DiffModel::HunkRow); // nothing to expand until someone can load the text
    model.setContextExpandable(true);
    QCOMPARE(model.rowKind(0), DiffModel::ExpandRow);
    QCOMPARE(model.rowKind(model.rowCount() - 1), DiffModel::ExpandRow); // below: size unknown yet
    QStringList text;
    for (int i = 1; i <= 20; ++i)
        text << u"L%1"_s.arg(i);
    text[9] = u"first"_s;
    model.setFullText(text);
    QVERIFY(model.index(0).data().toString().contains(u"9"_s)); // 9 hidden lines above
    model.expandGap(0, 5);
    // expand, L5..L9, hunk, 6 lines, expand (L15..L20 below)
    QCOMPARE(model.rowKind(1), DiffModel::ContextRow);
    QCOMPARE(model.index(1).data().toString(), u"L5"_s);
    QCOMPARE(model.index(1).data(DiffModel::NewLineRole).toInt(), 5);
    QCOMPARE(model.index(1).data(DiffModel::OldLineRole).toInt(), 5);
    QCOMPARE(model.rowKind(6), DiffModel::HunkRow);
    model.expandGap(1, 2);
    const int below = model.rowCount() - 3;
    QCOMPARE(model.rowKind(below), DiffModel::ContextRow);
    QCOMPARE(model.index(below).data().toString(), u"L15"_s);
    QCOMPARE(model.index(below).data(DiffModel::OldLineRole).toInt(), 14); // one line was added above
    model.showWholeFile();
    int context = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        QVERIFY(model.rowKind(r) != DiffModel::ExpandRow);
        context += model.rowKind(r) == DiffModel::ContextRow ? 1 : 0;
    }
    QCOMPARE(context, 9 + 6);
    QCOMPARE(model.gapOfRow(0), -1);
}

QTEST_MAIN(TestDiffModels)
#include "tst_diffmodels.moc"
