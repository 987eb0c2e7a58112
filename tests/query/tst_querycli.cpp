// `cw-inspector FILE --query SQL`: rows in csv, json and table form, control characters
// escaped on the terminal, and the exit codes: 0 done, 2 bad SQL / a write / a bad file,
// 4 busy past the timeout. Runs the real binary.

#include "fixtures.h"
#include "locker.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestQueryCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_path;

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CWI_INSPECTOR_BINARY), arguments);
        if (!process.waitForFinished(60000))
            process.kill();
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError() };
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_path = m_home.filePath(u"cw.db"_s);
        QVERIFY(cwi::test::createFixture(m_path));
        const QString c = cwi::test::openRaw(m_path);
        cwi::test::insertRow(c, u"tasks"_s, { { u"id"_s, u"t1"_s }, { u"name"_s, u"plain"_s } });
        cwi::test::insertRow(c, u"tasks"_s, { { u"id"_s, u"t2"_s }, { u"name"_s, u"evil\x1b[2J\nname"_s } });
        cwi::test::closeRaw(c);
    }

    void formats()
    {
        const Run csv
            = run({ m_path, u"--query"_s, u"SELECT id, name FROM tasks ORDER BY id"_s, u"--format"_s, u"csv"_s });
        QCOMPARE(csv.code, 0);
        QVERIFY(csv.out.startsWith("id,name\r\nt1,plain\r\n"));
        const Run json = run({ m_path, u"--query"_s, u"SELECT id FROM tasks ORDER BY id"_s, u"--format"_s, u"json"_s });
        QCOMPARE(json.code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).toObject().value(u"id"_s).toString(), u"t2"_s);
        const Run table = run({ m_path, u"--query"_s, u"SELECT id, name FROM tasks ORDER BY id"_s });
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.contains("plain"));
        // The terminal sees the escape and the line break as text, not as commands.
        QVERIFY(!table.out.contains('\x1b'));
        QVERIFY2(table.out.contains("evil\\u001b[2J\\nname"), table.out.constData());
    }

    void outputFile()
    {
        const QString out = m_home.filePath(u"out.csv"_s);
        const Run ok = run({ m_path, u"--query"_s, u"SELECT id FROM tasks"_s, u"--format"_s, u"csv"_s, u"-o"_s, out });
        QCOMPARE(ok.code, 0);
        QVERIFY(QFile::exists(out));
        const QByteArray before = cwi::test::fileDigest(m_path);
        const Run over = run({ m_path, u"--query"_s, u"SELECT 1"_s, u"--format"_s, u"csv"_s, u"-o"_s, m_path });
        QCOMPARE(over.code, 2);
        QCOMPARE(cwi::test::fileDigest(m_path), before);
        const QString failed = m_home.filePath(u"failed.csv"_s);
        const Run bad
            = run({ m_path, u"--query"_s, u"SELECT nope FROM tasks"_s, u"--format"_s, u"csv"_s, u"-o"_s, failed });
        QCOMPARE(bad.code, 2);
        QVERIFY(!QFile::exists(failed)); // no partial file
    }

    void refusedOutputs_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("name"); // made by setUpOutput()
        QTest::addColumn<QByteArray>("message");
        for (const QString &format : { u"csv"_s, u"json"_s, u"table"_s }) {
            const QByteArray f = format.toUtf8();
            QTest::newRow(QByteArray(f + "-database").constData())
                << format << u"database"_s << QByteArray("is the open database");
            QTest::newRow(QByteArray(f + "-symlink").constData())
                << format << u"symlink"_s << QByteArray("is the open database");
            QTest::newRow(QByteArray(f + "-hardlink").constData())
                << format << u"hardlink"_s << QByteArray("is the open database");
            QTest::newRow(QByteArray(f + "-wal").constData()) << format << u"wal"_s << QByteArray("wal file");
            QTest::newRow(QByteArray(f + "-other-db").constData())
                << format << u"other.db"_s << QByteArray("is a SQLite database");
            QTest::newRow(QByteArray(f + "-fifo").constData()) << format << u"fifo"_s << QByteArray("FIFO");
            QTest::newRow(QByteArray(f + "-folder").constData()) << format << u"folder"_s << QByteArray("is a folder");
        }
    }

    void refusedOutputs()
    {
        // -o goes through the one output guard: exit 2, one line that says why, nothing written.
        QFETCH(QString, format);
        QFETCH(QString, name);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        QString out;
        if (name == u"database") {
            out = m_path;
        } else if (name == u"symlink") {
            out = dir.filePath(u"link.csv"_s);
            QVERIFY(QFile::link(m_path, out));
        } else if (name == u"hardlink") {
            out = m_home.filePath(u"hard.csv"_s);
            QFile::remove(out);
            QCOMPARE(::link(QFile::encodeName(m_path).constData(), QFile::encodeName(out).constData()), 0);
        } else if (name == u"wal") {
            out = m_path + u"-wal"_s;
        } else if (name == u"other.db") {
            out = dir.filePath(name);
            QVERIFY(cwi::test::createFixture(out));
        } else if (name == u"fifo") {
            out = dir.filePath(name);
            QCOMPARE(::mkfifo(QFile::encodeName(out).constData(), 0600), 0);
        } else {
            out = dir.filePath(name);
            QVERIFY(QDir().mkpath(out));
        }
        const QByteArray database = cwi::test::fileDigest(m_path);
        const QByteArray target = QFileInfo(out).isFile() ? cwi::test::fileDigest(out) : QByteArray();
        const QStringList before = QDir(m_home.path()).entryList(QDir::Files | QDir::System);
        const Run r
            = run({ m_path, u"--query"_s, u"SELECT id, name FROM tasks"_s, u"--format"_s, format, u"-o"_s, out });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("refused") && r.err.contains(message), r.err.constData());
        QCOMPARE(cwi::test::fileDigest(m_path), database);
        if (!target.isEmpty())
            QCOMPARE(cwi::test::fileDigest(out), target);
        QCOMPARE(QDir(m_home.path()).entryList(QDir::Files | QDir::System), before); // no temporary, no -wal
        if (name == u"hardlink")
            QFile::remove(out);
    }

    void diskFullSaysSoAndKeepsTheOldFile_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("limit");
        QTest::newRow("csv") << u"csv"_s << u"100000"_s;
        // The table is written a row at a time, the last 16 KiB still buffered when the file is
        // committed: 63.7 KB of rows pass the 60 KiB left on the disk only then.
        QTest::newRow("table") << u"table"_s << u"1720"_s;
    }
    void diskFullSaysSoAndKeepsTheOldFile()
    {
        QFETCH(QString, format);
        QFETCH(QString, limit);
        // A 64 KiB tmpfs in a private mount namespace (unshare); skipped where that is not allowed.
        const QString mount = m_home.filePath(u"small"_s);
        QDir().mkpath(mount);
        QProcess probe;
        probe.start(u"unshare"_s, { u"-rm"_s, u"sh"_s, u"-c"_s, u"mount -t tmpfs -o size=64k tmpfs \"$0\""_s, mount });
        if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            QSKIP("cannot mount a small tmpfs here (unshare -rm)");
        const QString rows = u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT %1) "
                             u"SELECT x, 'a row of padding to fill the disk' FROM c"_s.arg(limit);
        QProcess run;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        run.setProcessEnvironment(env);
        run.start(u"unshare"_s,
            { u"-rm"_s, u"sh"_s, u"-c"_s,
                u"mount -t tmpfs -o size=64k tmpfs \"$0\" && printf old > \"$0/out.csv\" && "
                u"\"$1\" \"$2\" --query \"$3\" --format \"$4\" -o \"$0/out.csv\"; echo \"exit $?\"; "
                u"cat \"$0/out.csv\" && ls -A \"$0\""_s,
                mount, QStringLiteral(CWI_INSPECTOR_BINARY), m_path, rows, format });
        QVERIFY(run.waitForFinished(60000));
        const QByteArray out = run.readAllStandardOutput();
        const QByteArray err = run.readAllStandardError();
        QVERIFY2(err.contains("disk full"), err.constData());
        QCOMPARE(out, QByteArray("exit 1\noldout.csv\n")); // the old bytes, and no temporary file beside it
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("ok") << u"SELECT count(*) FROM tasks"_s << 0 << QByteArray();
        QTest::newRow("syntax") << u"SELEC 1"_s << 2 << QByteArray("syntax error");
        QTest::newRow("no-such-table") << u"SELECT * FROM nope"_s << 2 << QByteArray("No such table");
        QTest::newRow("write") << u"DELETE FROM tasks"_s << 2 << QByteArray("only reads");
        QTest::newRow("vacuum-into") << u"VACUUM INTO '/tmp/cwi-query-cli-probe.db'"_s << 2 << QByteArray("VACUUM");
        QTest::newRow("two-statements") << u"SELECT 1; DELETE FROM tasks"_s << 2 << QByteArray("one statement");
    }

    void exitCodes()
    {
        QFETCH(QString, sql);
        QFETCH(int, code);
        QFETCH(QByteArray, message);
        const QByteArray before = cwi::test::fileDigest(m_path);
        const Run r = run({ m_path, u"--query"_s, sql });
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(cwi::test::fileDigest(m_path), before);
        QVERIFY(!QFile::exists(u"/tmp/cwi-query-cli-probe.db"_s));
    }

    void badFile()
    {
        const Run missing = run({ m_home.filePath(u"missing.db"_s), u"--query"_s, u"SELECT 1"_s });
        QCOMPARE(missing.code, 2);
        QVERIFY(!QFile::exists(m_home.filePath(u"missing.db"_s)));
        const QString text = m_home.filePath(u"text.db"_s);
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a database\n");
        file.close();
        QCOMPARE(run({ text, u"--query"_s, u"SELECT 1"_s }).code, 2);
    }

    void busyPastTheTimeout()
    {
        QProcess locker;
        QVERIFY(cwi::test::startLocker(locker, { u"exclusive"_s, m_path, u"6000"_s }));
        const Run r = run({ m_path, u"--query"_s, u"SELECT count(*) FROM tasks"_s });
        QCOMPARE(r.code, 4);
        locker.waitForFinished(20000);
    }
};

QTEST_GUILESS_MAIN(TestQueryCli)
#include "tst_querycli.moc"
