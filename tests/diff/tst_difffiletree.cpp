// The review's file tree: folders instead of elided paths, status letters, +/- counts that
// folders add up, unresolved comment counts, "Viewed" boxes, and the filter keeping folders of
// matching files.

#include "diff/difffilelistmodel.h"
#include "diff/difffiletreemodel.h"
#include "diff/viewedfiles.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

DiffFile file(const QString &path, DiffFile::Status status = DiffFile::Modified, int added = 1, int removed = 0)
{
    DiffFile f;
    f.oldPath = path;
    f.newPath = path;
    f.status = status;
    f.additions = added;
    f.deletions = removed;
    f.newBlob = u"blob-"_s + path;
    return f;
}

ReviewComment comment(const QString &path, bool resolved)
{
    ReviewComment c;
    c.id = path + QString::number(resolved);
    c.filePath = path;
    c.lineNumber = 1;
    c.lineType = u"added"_s;
    c.resolved = resolved;
    return c;
}

// "name" of every row, depth first, indented by two spaces a level.
QStringList outline(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        out << QString(qsizetype(depth) * 2, u' ') + i.data().toString();
        out += outline(model, i, depth + 1);
    }
    return out;
}

} // namespace

class TestDiffFileTree : public QObject
{
    Q_OBJECT

private slots:
    void foldersNotElidedPaths()
    {
        DiffFileListModel files;
        DiffFileTreeModel tree(&files, nullptr);
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        DiffFile renamed = file(u"src/app/new.ts"_s, DiffFile::Renamed);
        renamed.oldPath = u"src/app/old.ts"_s;
        files.appendFiles({ file(u"README.md"_s), file(u"src/app/a.test.ts"_s, DiffFile::Added, 5),
            file(u"src/app/b.test.ts"_s, DiffFile::Modified, 2, 3) });
        files.appendFiles({ renamed, file(u"src/lib/x.ts"_s, DiffFile::Deleted, 0, 7),
            file(u"docs/guide/intro.md"_s) }); // a second batch rebuilds the tree
        const QStringList expected = { u"docs/guide"_s, u"  intro.md"_s, u"src"_s, u"  app"_s, u"    a.test.ts"_s,
            u"    b.test.ts"_s, u"    new.ts  ← src/app/old.ts"_s, u"  lib"_s, u"    x.ts"_s, u"README.md"_s };
        QCOMPARE(outline(tree), expected);

        const QModelIndex src = tree.index(1, 0);
        QCOMPARE(src.siblingAtColumn(DiffFileTreeModel::AddedColumn).data().toString(), u"+8"_s);
        QCOMPARE(src.siblingAtColumn(DiffFileTreeModel::RemovedColumn).data().toString(), u"−10"_s);
        QCOMPARE(src.data(DiffFileTreeModel::FileIndexRole).toInt(), -1);
        const QModelIndex app = tree.index(0, 0, src);
        const auto letter
            = [&](int row) { return tree.index(row, DiffFileTreeModel::StatusColumn, app).data().toString(); };
        QCOMPARE(letter(0), u"A"_s);
        QCOMPARE(letter(1), u"M"_s);
        QCOMPARE(letter(2), u"R"_s);
        QCOMPARE(tree.index(0, DiffFileTreeModel::StatusColumn, tree.index(1, 0, src)).data().toString(), u"D"_s);
        // Tree order, for j / k.
        QCOMPARE(tree.filesInTreeOrder(), (QVector<int> { 5, 1, 2, 3, 4, 0 }));
        QCOMPARE(tree.indexOfFile(4).data().toString(), u"x.ts"_s);
    }

    void unresolvedCountsAddUp()
    {
        DiffFileListModel files;
        DiffFileTreeModel tree(&files, nullptr);
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        files.appendFiles({ file(u"src/a.ts"_s), file(u"src/b.ts"_s) });
        files.setComments(
            { comment(u"src/a.ts"_s, false), comment(u"src/b.ts"_s, false), comment(u"src/b.ts"_s, true) });
        const QModelIndex src = tree.index(0, 0);
        QCOMPARE(src.siblingAtColumn(DiffFileTreeModel::CommentsColumn).data().toString(), u"2"_s);
        QCOMPARE(tree.index(1, DiffFileTreeModel::CommentsColumn, src).data().toString(), u"1"_s);
    }

    void viewedBoxesWriteThrough()
    {
        QTemporaryDir dir;
        ViewedFiles viewed(dir.path());
        viewed.load(u"P1"_s, u"PJ"_s, u"head1"_s);
        DiffFileListModel files;
        DiffFileTreeModel tree(&files, &viewed);
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        files.appendFiles({ file(u"a.txt"_s), file(u"b.txt"_s) });
        const QModelIndex a = tree.indexOfFile(0);
        QVERIFY(tree.flags(a) & Qt::ItemIsUserCheckable);
        QCOMPARE(a.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(tree.setData(a, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(a.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(viewed.isViewed(files.files().at(0)));
        QVERIFY(!viewed.isViewed(files.files().at(1)));
    }

    void filterKeepsFoldersOfMatches()
    {
        DiffFileListModel files;
        DiffFileTreeModel tree(&files, nullptr);
        files.appendFiles({ file(u"src/app/login.ts"_s), file(u"src/app/logout.ts"_s), file(u"README.md"_s) });
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&tree);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setFilterRole(DiffFileTreeModel::PathRole);
        proxy.setFilterFixedString(u"login"_s);
        QCOMPARE(outline(proxy), (QStringList { u"src/app"_s, u"  login.ts"_s }));
    }
};

QTEST_MAIN(TestDiffFileTree)
#include "tst_difffiletree.moc"
