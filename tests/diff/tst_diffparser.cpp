// The unified diff parser: what a reviewer sees in the file list and the line gutters must match
// what git printed, for odd paths, renames, binaries, and for input that is cut or garbage.

#include "diff/diffparser.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestDiffParser : public QObject
{
    Q_OBJECT

private slots:
    void modifiedFileLineNumbers();
    void addedDeletedRenamedModeBinary();
    void quotedAndSpacedPaths_data();
    void quotedAndSpacedPaths();
    void realGitOddPaths();
    void emptyDiff();
    void binaryOnlyDiff();
    void noNewlineAtEnd();
    void truncatedInputKeepsWhatWasRead();
    void garbageNeverCrashes();
    void batchesCoverEveryFileOnce();
};

static const char kModified[] = "diff --git a/src/app.cpp b/src/app.cpp\n"
                                "index 1111111..2222222 100644\n"
                                "--- a/src/app.cpp\n"
                                "+++ b/src/app.cpp\n"
                                "@@ -10,4 +10,5 @@ int main()\n"
                                " first\n"
                                "-old\n"
                                "+new one\n"
                                "+new two\n"
                                " middle\n"
                                " last\n"
                                "@@ -40 +41 @@\n"
                                "-x\n"
                                "+y\n";

void TestDiffParser::modifiedFileLineNumbers()
{
    const QVector<DiffFile> files = DiffParser::parse(QByteArray(kModified));
    QCOMPARE(files.size(), 1);
    const DiffFile &f = files.first();
    QCOMPARE(f.path(), u"src/app.cpp"_s);
    QCOMPARE(f.status, DiffFile::Modified);
    QCOMPARE(f.additions, 3);
    QCOMPARE(f.deletions, 2);
    QCOMPARE(f.hunks.size(), 2);
    QCOMPARE(f.hunks.at(0).section, u"int main()"_s);
    QCOMPARE(f.hunks.at(1).oldCount, 1); // omitted count means 1
    QCOMPARE(f.lines.size(), 8);
    // context "first": old 10 / new 10; removed "old": old 11; added: new 11, 12; "middle": 12 / 13
    QCOMPARE(f.lines.at(0).oldLine, 10);
    QCOMPARE(f.lines.at(0).newLine, 10);
    QCOMPARE(f.lines.at(1).kind, DiffLine::Removed);
    QCOMPARE(f.lines.at(1).oldLine, 11);
    QCOMPARE(f.lines.at(1).newLine, 0);
    QCOMPARE(f.lines.at(3).newLine, 12);
    QCOMPARE(f.lineText(2), u"new one"_s);
    QCOMPARE(f.lines.at(4).oldLine, 12);
    QCOMPARE(f.lines.at(4).newLine, 13);
    QCOMPARE(f.lines.at(7).newLine, 41);
    QVERIFY(!f.hunks.at(0).truncated);
}

void TestDiffParser::addedDeletedRenamedModeBinary()
{
    const QByteArray diff = "diff --git a/new.txt b/new.txt\n"
                            "new file mode 100644\n"
                            "index 0000000..e69de29\n"
                            "--- /dev/null\n"
                            "+++ b/new.txt\n"
                            "@@ -0,0 +1,2 @@\n"
                            "+a\n"
                            "+b\n"
                            "diff --git a/gone.txt b/gone.txt\n"
                            "deleted file mode 100644\n"
                            "--- a/gone.txt\n"
                            "+++ /dev/null\n"
                            "@@ -1 +0,0 @@\n"
                            "-bye\n"
                            "diff --git a/old name.txt b/new name.txt\n"
                            "similarity index 90%\n"
                            "rename from old name.txt\n"
                            "rename to new name.txt\n"
                            "diff --git a/run.sh b/run.sh\n"
                            "old mode 100644\n"
                            "new mode 100755\n"
                            "diff --git a/logo.png b/logo.png\n"
                            "index 1..2 100644\n"
                            "Binary files a/logo.png and b/logo.png differ\n"
                            "diff --git a/empty b/empty\n"
                            "new file mode 100644\n"
                            "index 0000000..e69de29\n";
    const QVector<DiffFile> files = DiffParser::parse(diff);
    QCOMPARE(files.size(), 6);
    QCOMPARE(files[0].status, DiffFile::Added);
    QCOMPARE(files[0].path(), u"new.txt"_s);
    QCOMPARE(files[0].lines.at(1).newLine, 2);
    QCOMPARE(files[1].status, DiffFile::Deleted);
    QCOMPARE(files[1].path(), u"gone.txt"_s);
    QCOMPARE(files[1].lines.at(0).oldLine, 1);
    QCOMPARE(files[2].status, DiffFile::Renamed);
    QCOMPARE(files[2].oldPath, u"old name.txt"_s);
    QCOMPARE(files[2].newPath, u"new name.txt"_s);
    QCOMPARE(files[2].similarity, 90);
    QCOMPARE(files[2].displayPath(), u"old name.txt → new name.txt"_s);
    QVERIFY(files[3].modeChanged());
    QCOMPARE(files[3].newMode, u"100755"_s);
    QCOMPARE(files[3].path(), u"run.sh"_s);
    QVERIFY(files[4].binary);
    QCOMPARE(files[4].path(), u"logo.png"_s);
    QCOMPARE(files[5].status, DiffFile::Added);
    QCOMPARE(files[5].path(), u"empty"_s);
}

void TestDiffParser::quotedAndSpacedPaths_data()
{
    QTest::addColumn<QByteArray>("diff");
    QTest::addColumn<QString>("path");
    QTest::newRow("space, tab after name") << QByteArray("diff --git a/my file.txt b/my file.txt\n"
                                                         "--- a/my file.txt\t\n+++ b/my file.txt\t\n"
                                                         "@@ -1 +1 @@\n-a\n+b\n")
                                           << u"my file.txt"_s;
    QTest::newRow("quote") << QByteArray("diff --git \"a/say \\\"hi\\\".txt\" \"b/say \\\"hi\\\".txt\"\n"
                                         "--- \"a/say \\\"hi\\\".txt\"\n+++ \"b/say \\\"hi\\\".txt\"\n"
                                         "@@ -1 +1 @@\n-a\n+b\n")
                           << u"say \"hi\".txt"_s;
    QTest::newRow("newline") << QByteArray("diff --git \"a/two\\nlines\" \"b/two\\nlines\"\n"
                                           "new file mode 100644\nindex 0000000..e69de29\n")
                             << u"two\nlines"_s;
    QTest::newRow("octal utf-8") << QByteArray("diff --git \"a/caf\\303\\251\" \"b/caf\\303\\251\"\n"
                                               "Binary files \"a/caf\\303\\251\" and \"b/caf\\303\\251\" differ\n")
                                 << u"café"_s;
    QTest::newRow("raw utf-8 (quotepath=off)") << QByteArray("diff --git a/docs/\xc3\xbc"
                                                             "ber.md b/docs/\xc3\xbc"
                                                             "ber.md\n--- a/docs/\xc3\xbc"
                                                             "ber.md\n+++ b/docs/\xc3\xbc"
                                                             "ber.md\n@@ -1 +1 @@\n-a\n+b\n")
                                               << u"docs/über.md"_s;
    QTest::newRow("mode-only, space, no --- lines")
        << QByteArray("diff --git a/a b/c b/a b/c\nold mode 100644\nnew mode 100755\n") << u"a b/c"_s;
}

void TestDiffParser::quotedAndSpacedPaths()
{
    QFETCH(QByteArray, diff);
    QFETCH(QString, path);
    const QVector<DiffFile> files = DiffParser::parse(diff);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().path(), path);
    QCOMPARE(files.first().oldPath, path);
}

static QByteArray git(const QString &dir, const QStringList &args, bool *ok)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(u"git"_s, QStringList { u"-c"_s, u"core.quotepath=off"_s } + args);
    *ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!*ok)
        qWarning() << args << p.readAllStandardError();
    return p.readAllStandardOutput();
}

void TestDiffParser::realGitOddPaths()
{
    if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
        QSKIP("git is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    bool ok = false;
    git(dir.path(), { u"init"_s, u"-q"_s }, &ok);
    QVERIFY(ok);
    const QStringList names = { u"with space.txt"_s, u"quote\"d.txt"_s, u"new\nline.txt"_s, u"ünï cødé.txt"_s,
        u"tab\there.txt"_s, u"back\\slash.txt"_s };
    for (const QString &name : names) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("one\ntwo\n");
    }
    git(dir.path(), { u"add"_s, u"-A"_s }, &ok);
    QVERIFY(ok);
    const QByteArray diff = git(dir.path(),
        { u"diff"_s, u"--cached"_s, u"--no-color"_s, u"--no-ext-diff"_s, u"-M"_s, u"--src-prefix=a/"_s,
            u"--dst-prefix=b/"_s },
        &ok);
    QVERIFY(ok);
    const QVector<DiffFile> files = DiffParser::parse(diff);
    QStringList parsed;
    for (const DiffFile &f : files) {
        parsed << f.path();
        QCOMPARE(f.status, DiffFile::Added);
        QCOMPARE(f.additions, 2);
        QCOMPARE(f.lineText(1), u"two"_s);
    }
    QStringList expected = names;
    expected.sort();
    parsed.sort();
    QCOMPARE(parsed, expected);
}

void TestDiffParser::emptyDiff()
{
    QVERIFY(DiffParser::parse(QByteArray()).isEmpty());
    QVERIFY(DiffParser::parse(QByteArray("\n\n")).isEmpty());
}

void TestDiffParser::binaryOnlyDiff()
{
    const QByteArray diff = "diff --git a/a.bin b/a.bin\nnew file mode 100644\nindex 0000000..1\n"
                            "Binary files /dev/null and b/a.bin differ\n"
                            "diff --git a/b.bin b/b.bin\nindex 1..2 100644\nBinary files a/b.bin and b/b.bin differ\n";
    const QVector<DiffFile> files = DiffParser::parse(diff);
    QCOMPARE(files.size(), 2);
    QVERIFY(files[0].binary && files[1].binary);
    QCOMPARE(files[0].status, DiffFile::Added);
    QCOMPARE(files[1].path(), u"b.bin"_s);
    QVERIFY(files[0].lines.isEmpty());
}

void TestDiffParser::noNewlineAtEnd()
{
    const QByteArray diff = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n"
                            "\\ No newline at end of file\n";
    const DiffFile f = DiffParser::parse(diff).value(0);
    QCOMPARE(f.lines.size(), 4);
    QCOMPARE(f.lines.at(1).kind, DiffLine::NoNewline);
    QCOMPARE(f.lines.at(3).kind, DiffLine::NoNewline);
    QCOMPARE(f.additions, 1);
    QCOMPARE(f.deletions, 1);
}

void TestDiffParser::truncatedInputKeepsWhatWasRead()
{
    const QByteArray full(kModified);
    const QByteArray cut = full.left(full.indexOf("+new two"));
    const QVector<DiffFile> files = DiffParser::parse(cut);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().lines.size(), 3);
    QVERIFY(files.first().hunks.first().truncated);
    // Every prefix parses without crashing, and never yields more lines than the full text.
    for (qsizetype n = 0; n <= full.size(); ++n) {
        const QVector<DiffFile> part = DiffParser::parse(full.left(n));
        QVERIFY(part.size() <= 1);
        if (!part.isEmpty())
            QVERIFY(part.first().lines.size() <= 8);
    }
}

void TestDiffParser::garbageNeverCrashes()
{
    QRandomGenerator rng(42);
    const QByteArray pieces[] = { "diff --git ", "@@ -", "@@ -1,3 +1,2 @@", "+", "-", " ", "\\", "\n", "\"", "\\3",
        "rename from ", "--- ", "+++ ", "a/", "b/", "99999999999999", ",", "Binary files ", "\r\n", "\xff\xfe", "x" };
    for (int round = 0; round < 300; ++round) {
        QByteArray junk;
        const int n = int(rng.bounded(200));
        for (int i = 0; i < n; ++i)
            junk += pieces[rng.bounded(int(std::size(pieces)))];
        const QVector<DiffFile> files = DiffParser::parse(junk);
        for (const DiffFile &f : files) {
            for (int i = 0; i < f.lines.size(); ++i) {
                const DiffLine &l = f.lines.at(i);
                QVERIFY(qsizetype(l.offset) + qsizetype(l.length) <= junk.size());
                f.lineText(i);
            }
        }
    }
    QVERIFY(DiffParser::parse(QByteArray("not a diff at all\n\x01\x02")).isEmpty());
}

void TestDiffParser::batchesCoverEveryFileOnce()
{
    QByteArray diff;
    for (int i = 0; i < 25; ++i)
        diff += "diff --git a/f" + QByteArray::number(i) + " b/f" + QByteArray::number(i) + "\n--- a/f"
            + QByteArray::number(i) + "\n+++ b/f" + QByteArray::number(i) + "\n@@ -1 +1 @@\n-a\n+b\n";
    QStringList paths;
    qsizetype offset = 0;
    int batches = 0;
    for (;;) {
        const DiffParser::Batch batch = DiffParser::parseBatch(diff, offset, 10);
        ++batches;
        for (const DiffFile &f : batch.files)
            paths << f.path();
        QVERIFY(batch.files.size() <= 10);
        if (batch.atEnd)
            break;
        QVERIFY(batch.nextOffset > offset);
        offset = batch.nextOffset;
    }
    QCOMPARE(batches, 3);
    QCOMPARE(paths.size(), 25);
    QCOMPARE(paths.first(), u"f0"_s);
    QCOMPARE(paths.last(), u"f24"_s);
}

QTEST_GUILESS_MAIN(TestDiffParser)
#include "tst_diffparser.moc"
