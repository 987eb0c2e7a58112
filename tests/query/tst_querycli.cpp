// `cw-inspector FILE --query SQL`: rows in csv, json and table form, control characters
// escaped on the terminal, and the exit codes: 0 done, 2 bad SQL / a write / a bad file,
// 4 busy past the timeout. Runs the real binary.

#include "fixtures.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
        QVERIFY(table.out.contains("evil\\x1b[2J\\nname"));
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
        locker.start(QString::fromUtf8(SQLITELOCKER), { u"exclusive"_s, m_path, u"6000"_s });
        QVERIFY(locker.waitForStarted(10000));
        QByteArray seen;
        while (!seen.contains("locked")) {
            QVERIFY(locker.waitForReadyRead(20000));
            seen += locker.readAllStandardOutput();
        }
        const Run r = run({ m_path, u"--query"_s, u"SELECT count(*) FROM tasks"_s });
        QCOMPARE(r.code, 4);
        locker.waitForFinished(20000);
    }
};

QTEST_GUILESS_MAIN(TestQueryCli)
#include "tst_querycli.moc"
