// The one guard for files the user names for output (exports, screenshots): never the open
// database or its companions, however it is reached; never another SQLite file, a FIFO or a
// device; a failed write leaves what was there.

#include "fixtures.h"
#include "outputfile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestOutputFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        m_db = path(u"cw.db"_s);
        QVERIFY(cwi::test::createFixture(m_db));
    }

    void refusesTheDatabaseHoweverNamed_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("itself") << u"cw.db"_s;
        QTest::newRow("dot segment") << u"./sub/../cw.db"_s;
        QTest::newRow("symlink") << u"link.db"_s;
        QTest::newRow("hard link") << u"hard.md"_s;
        QTest::newRow("wal") << u"cw.db-wal"_s;
        QTest::newRow("shm") << u"cw.db-shm"_s;
        QTest::newRow("journal") << u"cw.db-journal"_s;
        QTest::newRow("symlink to the wal") << u"wal-link"_s;
        QTest::newRow("another sqlite file") << u"other.sqlite"_s;
    }
    void refusesTheDatabaseHoweverNamed()
    {
        QFETCH(QString, target);
        QDir().mkpath(path(u"sub"_s));
        QVERIFY(QFile::link(m_db, path(u"link.db"_s)));
        QVERIFY(::link(QFile::encodeName(m_db).constData(), QFile::encodeName(path(u"hard.md"_s)).constData()) == 0);
        QVERIFY(QFile::link(m_db + u"-wal"_s, path(u"wal-link"_s)));
        QVERIFY(cwi::test::createFixture(path(u"other.sqlite"_s)));
        const QByteArray before = cwi::test::fileDigest(m_db);

        const QString out = m_dir.path() + u'/' + target;
        QVERIFY2(!cwi::refuseOutputPath(out, m_db).isEmpty(), qPrintable(out));
        QString error;
        QVERIFY(!cwi::writeOutputFile(out, m_db, "# not a database\n", &error));
        QVERIFY2(error.contains(u"refused"_s), qPrintable(error));
        QCOMPARE(cwi::test::fileDigest(m_db), before);
        // The companions were not there and are still not there.
        QVERIFY(!QFileInfo::exists(m_db + u"-wal"_s));
        QVERIFY(!QFileInfo::exists(m_db + u"-journal"_s));
    }

    void refusesWhatIsNotARegularFile_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("says");
        QTest::newRow("folder") << path(u"sub"_s) << u"folder"_s;
        QTest::newRow("fifo") << path(u"pipe"_s) << u"FIFO"_s;
        QTest::newRow("device") << u"/dev/null"_s << u"device"_s;
        QTest::newRow("link loop") << path(u"loop"_s) << u"loop"_s;
        QTest::newRow("dangling link") << path(u"dangling"_s) << u"link to nothing"_s;
    }
    void refusesWhatIsNotARegularFile()
    {
        QFETCH(QString, target);
        QFETCH(QString, says);
        QDir().mkpath(path(u"sub"_s));
        QVERIFY(::mkfifo(QFile::encodeName(path(u"pipe"_s)).constData(), 0600) == 0);
        QVERIFY(QFile::link(path(u"loop"_s), path(u"loop"_s)));
        QVERIFY(QFile::link(path(u"gone"_s), path(u"dangling"_s)));
        const QString refusal = cwi::refuseOutputPath(target, m_db); // returns: a FIFO is never opened
        QVERIFY2(refusal.contains(says), qPrintable(refusal));
    }

    void acceptsANewFileAndReplacesATextFileWhole()
    {
        const QString out = path(u"out.md"_s);
        QString error;
        QVERIFY2(cwi::writeOutputFile(out, m_db, "one\n", &error), qPrintable(error));
        QVERIFY2(cwi::writeOutputFile(out, m_db, "two\n", &error), qPrintable(error));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("two\n"));
    }

    void failedWriteLeavesTheOldFile()
    {
        // A write that fails half way (here: a folder that disappears) never replaces the file.
        const QString out = path(u"keep.md"_s);
        QVERIFY(cwi::writeOutputFile(out, m_db, "precious\n", nullptr));
        cwi::OutputFile file(out);
        QString error;
        QVERIFY(file.open(m_db, &error));
        QVERIFY(file.write("partial"));
        file.cancel();
        QVERIFY(!file.commit(&error));
        QFile kept(out);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("precious\n"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).size(), 2); // cw.db, keep.md: no temporary left
    }

    void diskFullSaysSoAndKeepsTheOldFile_data()
    {
        QTest::addColumn<QString>("step");
        QTest::newRow("one write of 1 MiB") << QString();
        QTest::newRow("writes of 100 bytes") << u"100"_s; // the last ones still buffered at commit
        QTest::newRow("writes of 4000 bytes") << u"4000"_s;
    }
    void diskFullSaysSoAndKeepsTheOldFile()
    {
        QFETCH(QString, step);
        // A 64 KiB tmpfs in a private mount namespace (unshare); skipped where that is not allowed.
        const QString mount = path(u"small"_s);
        QDir().mkpath(mount);
        const QString helper = QStringLiteral(CWI_OUTPUTFILE_HELPER);
        QProcess probe;
        probe.start(u"unshare"_s, { u"-rm"_s, u"sh"_s, u"-c"_s, u"mount -t tmpfs -o size=64k tmpfs \"$0\""_s, mount });
        if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            QSKIP("cannot mount a small tmpfs here (unshare -rm)");
        QProcess run;
        run.start(u"unshare"_s,
            { u"-rm"_s, u"sh"_s, u"-c"_s,
                u"mount -t tmpfs -o size=64k tmpfs \"$0\" && printf old > \"$0/out.md\" && \"$1\" \"$0/out.md\" \"$2\" "
                u"$3"
                u" && cat \"$0/out.md\" && ls -A \"$0\""_s,
                mount, helper, m_db, step });
        QVERIFY(run.waitForFinished(30000));
        const QByteArray out = run.readAllStandardOutput();
        const QByteArray err = run.readAllStandardError();
        QVERIFY2(err.contains("disk full"), err.constData());
        QCOMPARE(out, QByteArray("oldout.md\n")); // the old bytes, and no temporary file beside it
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
