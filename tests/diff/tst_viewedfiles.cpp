// "Viewed" ticks of the review: kept in the data folder per phase and project, surviving a
// restart, and undone for a file whose content changed when the head moved.

#include "diff/viewedfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {
DiffFile file(const QString &path, const QString &blob, DiffFile::Status status = DiffFile::Modified)
{
    DiffFile f;
    f.oldPath = path;
    f.newPath = path;
    f.status = status;
    f.oldBlob = u"0000001"_s;
    f.newBlob = blob;
    return f;
}
} // namespace

class TestViewedFiles : public QObject
{
    Q_OBJECT

private slots:
    void survivesRestartAndResetsChangedFiles()
    {
        QTemporaryDir dir;
        {
            ViewedFiles viewed(dir.path());
            viewed.load(u"P1"_s, u"PJ"_s, u"head1"_s);
            QVERIFY(viewed.setViewed(file(u"a.txt"_s, u"aaaa111"_s), true));
            QVERIFY(viewed.setViewed(file(u"b.txt"_s, u"bbbb111"_s), true));
            QVERIFY(viewed.setViewed(file(u"gone.txt"_s, u"0000000"_s, DiffFile::Deleted), true));
        }
        // A restart: a new object reads the same file.
        ViewedFiles again(dir.path());
        again.load(u"P1"_s, u"PJ"_s, u"head1"_s);
        QVERIFY(again.isViewed(file(u"a.txt"_s, u"aaaa111"_s)));
        QVERIFY(again.isViewed(file(u"gone.txt"_s, u"0000000"_s, DiffFile::Deleted)));
        // The head moved: a.txt changed (another blob), b.txt did not.
        again.load(u"P1"_s, u"PJ"_s, u"head2"_s);
        QVERIFY(!again.isViewed(file(u"a.txt"_s, u"aaaa222"_s)));
        QVERIFY(again.isViewed(file(u"b.txt"_s, u"bbbb111"_s)));
        QCOMPARE(again.viewedCount({ file(u"a.txt"_s, u"aaaa222"_s), file(u"b.txt"_s, u"bbbb111"_s) }), 1);
        // Another phase starts empty; untick writes through.
        again.load(u"P2"_s, u"PJ"_s, u"head1"_s);
        QVERIFY(!again.isViewed(file(u"b.txt"_s, u"bbbb111"_s)));
        again.load(u"P1"_s, u"PJ"_s, u"head2"_s);
        QVERIFY(again.setViewed(file(u"b.txt"_s, u"bbbb111"_s), false));
        ViewedFiles third(dir.path());
        third.load(u"P1"_s, u"PJ"_s, u"head2"_s);
        QVERIFY(!third.isViewed(file(u"b.txt"_s, u"bbbb111"_s)));
    }

    void idsNeverBecomePaths()
    {
        QTemporaryDir dir;
        ViewedFiles viewed(dir.path() + u"/viewed"_s);
        viewed.load(u"../../etc/passwd"_s, u"/tmp/x"_s, u"h"_s);
        QVERIFY(viewed.setViewed(file(u"a.txt"_s, u"a"_s), true));
        QVERIFY(viewed.filePath().startsWith(dir.path() + u"/viewed/"_s));
        QCOMPARE(QDir(dir.path() + u"/viewed"_s).entryList(QDir::Files).size(), 1);
    }

    void nothingWrittenWithoutAPhase()
    {
        QTemporaryDir dir;
        ViewedFiles viewed(dir.path() + u"/viewed"_s);
        QVERIFY(!viewed.setViewed(file(u"a.txt"_s, u"a"_s), true));
        QVERIFY(!QFile::exists(dir.path() + u"/viewed"_s));
    }
};

QTEST_GUILESS_MAIN(TestViewedFiles)
#include "tst_viewedfiles.moc"
