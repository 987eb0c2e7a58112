// The command line as a user runs it: --help, --info, --screenshot of every view,
// --export-session, and the errors for bad input. Runs the real cw-inspector binary.

#include "fixtures.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home; // XDG folders: the demo and the settings live here, not in the user's
    QString m_demo;

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
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CWI_INSPECTOR_BINARY), arguments);
        if (!process.waitForFinished(120000))
            process.kill();
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError() };
    }

    // Runs the binary with its standard output on a pseudo-terminal: what a terminal receives.
    Run runOnTerminal(const QStringList &arguments)
    {
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
            return {};
        const QByteArray slaveName = ::ptsname(master);
        const int slave = ::open(slaveName.constData(), O_RDWR | O_NOCTTY); // kept open: no EIO while draining
        struct termios mode
        {
        };
        ::tcgetattr(slave, &mode);
        ::cfmakeraw(&mode); // the bytes as written, no \n -> \r\n
        ::tcsetattr(slave, TCSANOW, &mode);
        ::fcntl(master, F_SETFL, O_NONBLOCK);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        process.setStandardOutputFile(QString::fromLocal8Bit(slaveName));
        process.start(QStringLiteral(CWI_INSPECTOR_BINARY), arguments);
        QByteArray received;
        const auto drain = [&] {
            char buffer[65536];
            ssize_t n = 0;
            while ((n = ::read(master, buffer, sizeof buffer)) > 0)
                received.append(buffer, n);
        };
        QDeadlineTimer deadline(120000);
        while (!process.waitForFinished(20) && !deadline.hasExpired())
            drain();
        drain();
        ::close(slave);
        ::close(master);
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, received,
            process.readAllStandardError() };
    }

    static bool hasControlBytes(const QByteArray &bytes)
    {
        return bytes.contains('\x1b') || bytes.contains('\x07') || bytes.contains("\xc2\x9b");
    }

    QString scalar(const QString &sql)
    {
        const QString c = cwi::test::openRaw(m_demo);
        QString value;
        {
            QSqlQuery q(QSqlDatabase::database(c));
            if (q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
        cwi::test::closeRaw(c);
        return value;
    }

    struct ViewRow
    {
        QString name;
        QString view; // %ID% is replaced by the first value of idSql
        QString idSql;
        QString front; // the page or dock that must be in view
        QString textSql; // what it must show (the first value), empty: a fixed text
        QString text;
    };
    static QList<ViewRow> viewRows() // one row per view name --help lists
    {
        return {
            { u"dashboard"_s, u"dashboard"_s, {}, u"dashboardView"_s, {}, u"Headquarters"_s },
            { u"table"_s, u"table:agent_log_chunks"_s, {}, u"tableBrowser"_s,
                u"SELECT id FROM agent_log_chunks ORDER BY rowid DESC LIMIT 1"_s, {} }, // newest first
            { u"tasks"_s, u"tasks"_s, {}, u"taskTreeDock"_s, u"SELECT name FROM initiatives ORDER BY name LIMIT 1"_s,
                {} },
            { u"detail"_s, u"detail:tasks:%ID%"_s, u"SELECT id FROM tasks ORDER BY id LIMIT 1"_s, u"detailDock"_s,
                u"SELECT name FROM tasks ORDER BY id LIMIT 1"_s, {} },
            { u"log"_s, u"log:%ID%"_s,
                u"SELECT agent_id FROM agent_log_chunks WHERE agent_id IN (SELECT id FROM agents) ORDER BY agent_id LIMIT 1"_s,
                u"logDock"_s,
                u"SELECT name FROM agents WHERE id = (SELECT agent_id FROM agent_log_chunks WHERE agent_id IN "
                "(SELECT id FROM agents) ORDER BY agent_id LIMIT 1)"_s,
                {} },
            // An older session by number (the 100 MB one the window bench opens is not the newest).
            { u"log"_s, u"log:%ID%"_s,
                u"SELECT agent_id || '/' || MIN(session_number) FROM agent_log_chunks WHERE agent_id IN (SELECT id "
                "FROM agents) GROUP BY agent_id HAVING COUNT(DISTINCT session_number) > 1 ORDER BY agent_id LIMIT 1"_s,
                u"logDock"_s,
                u"SELECT name FROM agents WHERE id = (SELECT agent_id FROM agent_log_chunks WHERE agent_id IN (SELECT "
                "id FROM agents) GROUP BY agent_id HAVING COUNT(DISTINCT session_number) > 1 ORDER BY agent_id "
                "LIMIT 1)"_s,
                {} },
            { u"review"_s, u"review:%ID%"_s, u"SELECT phase_id FROM review_comments ORDER BY phase_id LIMIT 1"_s,
                u"reviewView"_s,
                u"SELECT name FROM phases WHERE id = (SELECT phase_id FROM review_comments ORDER BY phase_id LIMIT 1)"_s,
                {} },
            { u"pages"_s, u"pages:%ID%"_s, u"SELECT id FROM pages ORDER BY id LIMIT 1"_s, u"pagesDock"_s, {}, {} },
            { u"proposals"_s, u"proposals:%ID%"_s, u"SELECT id FROM proposals ORDER BY id LIMIT 1"_s,
                u"proposalsDock"_s, u"SELECT title FROM proposals ORDER BY id LIMIT 1"_s, {} },
            { u"chat"_s, u"chat"_s, {}, u"chatDock"_s, {}, {} },
            { u"messages"_s, u"messages"_s, {}, u"messagesDock"_s, {}, {} },
            { u"conversations"_s, u"conversations"_s, {}, u"conversationsDock"_s, {}, {} },
            { u"history"_s, u"history"_s, {}, u"historyDock"_s, {}, u"Undo"_s },
            { u"graph"_s, u"graph:%ID%"_s,
                u"SELECT phase_id FROM tasks WHERE phase_id IS NOT NULL ORDER BY phase_id LIMIT 1"_s, u"graphDock"_s,
                u"SELECT name FROM phases WHERE id = (SELECT phase_id FROM tasks WHERE phase_id IS NOT NULL "
                "ORDER BY phase_id LIMIT 1)"_s,
                {} },
            { u"search"_s, u"search:the"_s, {}, u"searchView"_s, {}, u"hit"_s },
            { u"files"_s, u"files"_s, {}, u"filesView"_s, {}, {} },
            { u"activity"_s, u"activity"_s, {}, u"activityView"_s, {}, u"Everything"_s },
            { u"timeline"_s, u"timeline"_s, {}, u"timelineView"_s, {}, u"lanes"_s },
        };
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        const Run info = run({ u"--demo"_s, u"--info"_s });
        QCOMPARE(info.code, 0);
        const QJsonObject report = QJsonDocument::fromJson(info.out).object();
        m_demo = report.value(u"file").toString();
        QVERIFY(QFile::exists(m_demo));
    }

    void helpListsEveryOption()
    {
        const Run help = run({ u"--help"_s });
        QCOMPARE(help.code, 0);
        for (const char *option : { "--demo", "--info", "--edit", "--screenshot", "--view", "--size",
                 "--export-session", "--format", "--do", "--no-live", "--timeout", "--dump-state" })
            QVERIFY2(help.out.contains(option), option);
        // Every view the README's --view row lists.
        for (const char *view : { "dashboard", "table:NAME", "tasks", "detail:TABLE:ID", "log:AGENT_ID",
                 "review:PHASE_ID", "pages[", "proposals[", "chat[", "messages[", "conversations[", "history" })
            QVERIFY2(help.out.contains(view), view);
    }

    // The views README.md lists are the views --help lists, and each has a screenshot test below.
    void helpListsEveryViewTheReadmeLists()
    {
        QFile readme(QStringLiteral(CWI_README));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        QStringList readmeViews;
        for (const QByteArray &line : readme.readAll().split('\n')) {
            if (!line.startsWith("| `--view VIEW`"))
                continue;
            const QList<QByteArray> parts = line.split('`');
            for (int i = 3; i < parts.size(); i += 2) {
                if (!parts.at(i).startsWith("--")) // the text around the list names options too
                    readmeViews << QString::fromUtf8(parts.at(i));
            }
        }
        QVERIFY(readmeViews.size() >= 12);
        const QString help = QString::fromUtf8(run({ u"--help"_s }).out).simplified();
        QStringList tested;
        for (const auto &row : viewRows())
            tested << row.name;
        for (const QString &view : std::as_const(readmeViews)) {
            QVERIFY2(help.contains(view), qPrintable(view));
            QVERIFY2(tested.contains(view.section(u':', 0, 0).section(u'[', 0, 0)), qPrintable(view));
        }
    }

    void infoReportsTablesColumnsAndMigrations()
    {
        const Run info = run({ m_demo, u"--info"_s });
        QCOMPARE(info.code, 0);
        const QJsonObject report = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(report.value(u"codewalkers").toBool(), true);
        QCOMPARE(report.value(u"nameStyle").toString(), u"snake_case"_s);
        QCOMPARE(report.value(u"migrations").toObject().value(u"applied").toInt(), 6);
        bool sawTasks = false;
        const QJsonArray tables = report.value(u"tables").toArray();
        for (const auto &table : tables) {
            if (table[u"name"].toString() != u"tasks")
                continue;
            sawTasks = true;
            QVERIFY(table[u"rows"].toInt() > 40);
            QCOMPARE(table[u"timestampUnits"][u"createdAt"].toString(), u"seconds"_s);
            QVERIFY(QJsonDocument(table[u"columns"].toArray()).toJson().contains("parent_task_id"));
        }
        QVERIFY(sawTasks);
    }

    void infoRefusesAnythingElse_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("text file") << QByteArray("just text\n") << u"Not a SQLite database"_s;
        QTest::newRow("empty file") << QByteArray() << u"empty"_s;
    }
    void infoRefusesAnythingElse()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, phrase);
        const QString path = m_home.filePath(u"bad.db"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const Run info = run({ path, u"--info"_s });
        QCOMPARE(info.code, 2);
        QVERIFY(info.out.isEmpty());
        QCOMPARE(info.err.trimmed().count('\n'), 0); // one line
        QVERIFY2(QString::fromUtf8(info.err).contains(phrase), info.err.constData());
        QCOMPARE(run({ m_home.filePath(u"missing.db"_s), u"--info"_s }).code, 2);
    }

    void screenshotOfEveryView_data()
    {
        QTest::addColumn<int>("index");
        const QList<ViewRow> rows = viewRows();
        for (int i = 0; i < rows.size(); ++i)
            QTest::newRow(qPrintable(rows.at(i).name)) << i;
    }
    void screenshotOfEveryView()
    {
        QFETCH(int, index);
        const ViewRow row = viewRows().at(index);
        QString view = row.view;
        if (!row.idSql.isEmpty())
            view.replace(u"%ID%"_s, scalar(row.idSql));
        const QString expected = row.textSql.isEmpty() ? row.text : scalar(row.textSql);
        const QString png = m_home.filePath(u"shot.png"_s);
        QFile::remove(png);
        const Run shot
            = run({ m_demo, u"--screenshot"_s, png, u"--view"_s, view, u"--size"_s, u"1440x900"_s, u"--dump-state"_s });
        QVERIFY2(shot.code == 0, shot.err.constData());
        const QJsonObject state = QJsonDocument::fromJson(shot.out).object();
        QVERIFY2(!state.isEmpty(), shot.out.constData());
        QCOMPARE(state.value(u"busy").toBool(), false);
        const bool inFront = state.value(u"page").toString() == row.front
            || state.value(u"docks").toArray().contains(QJsonValue(row.front));
        QVERIFY2(inFront, shot.out.constData());
        if (!expected.isEmpty())
            QVERIFY2(state.value(u"text").toString().contains(expected), qPrintable(expected));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1440, 900));
        // Not a blank canvas: a rendered window has many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }

    // A view still loading when --timeout runs out: exit 1, a message, no file (the file opens
    // and every pane starts reading at once, so after 0 s something is always still loading).
    void screenshotStillLoadingAtTheTimeoutFails()
    {
        const QString png = m_home.filePath(u"late.png"_s);
        const Run shot
            = run({ m_demo, u"--screenshot"_s, png, u"--view"_s, u"table:agent_log_chunks"_s, u"--timeout"_s, u"0"_s });
        QCOMPARE(shot.code, 1);
        QVERIFY2(shot.err.contains("still loading"), shot.err.constData());
        QVERIFY(!QFile::exists(png));
    }

    void badViewExitsNonZeroWithAMessage()
    {
        const Run shot = run({ m_demo, u"--screenshot"_s, m_home.filePath(u"x.png"_s), u"--view"_s, u"nonsense"_s });
        QVERIFY(shot.code != 0);
        QVERIFY(shot.err.contains("Unknown view"));
        QVERIFY(!QFile::exists(m_home.filePath(u"x.png"_s)));
        QVERIFY(run({ m_demo, u"--screenshot"_s, m_home.filePath(u"x.png"_s), u"--size"_s, u"huge"_s }).code == 2);
    }

    void exportSessionJsonlIsTheStoredBytes()
    {
        const QString agent
            = scalar(u"SELECT agent_id FROM agent_log_chunks GROUP BY agent_id ORDER BY count(*) DESC LIMIT 1"_s);
        const QString out = m_home.filePath(u"session.jsonl"_s);
        const Run exported
            = run({ m_demo, u"--export-session"_s, agent + u":1"_s, u"--format"_s, u"jsonl"_s, u"-o"_s, out });
        QVERIFY2(exported.code == 0, exported.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString c = cwi::test::openRaw(m_demo);
        QByteArray expected;
        {
            QSqlQuery q(QSqlDatabase::database(c));
            q.prepare(u"SELECT content FROM agent_log_chunks WHERE agent_id = ? AND session_number = 1 "
                      "ORDER BY created_at, rowid"_s);
            q.addBindValue(agent);
            QVERIFY(q.exec());
            while (q.next())
                expected += q.value(0).toByteArray();
        }
        cwi::test::closeRaw(c);
        QCOMPARE(file.readAll(), expected);
        const Run markdown = run({ m_demo, u"--export-session"_s, agent + u":1"_s, u"--format"_s, u"md"_s });
        QCOMPARE(markdown.code, 0);
        QVERIFY(markdown.out.startsWith("#"));
        QCOMPARE(run({ m_demo, u"--export-session"_s, u"nobody:1"_s, u"--format"_s, u"jsonl"_s }).code, 2);
        QCOMPARE(run({ m_demo, u"--export-session"_s, u"garbage"_s }).code, 2);
    }

    void exportAndScreenshotNeverOverwriteTheDatabase_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("target");
        QTest::newRow("export onto itself") << u"export"_s << u"%DB%"_s;
        QTest::newRow("export onto a symlink") << u"export"_s << u"%LINK%"_s;
        QTest::newRow("export onto the wal") << u"export"_s << u"%DB%-wal"_s;
        QTest::newRow("screenshot onto itself") << u"screenshot"_s << u"%DB%"_s;
        QTest::newRow("screenshot onto a symlink") << u"screenshot"_s << u"%LINK%"_s;
    }
    void exportAndScreenshotNeverOverwriteTheDatabase()
    {
        QFETCH(QString, mode);
        QFETCH(QString, target);
        const QString link = m_home.filePath(u"link-to-demo.db"_s);
        QFile::remove(link);
        QVERIFY(QFile::link(m_demo, link));
        target.replace(u"%DB%"_s, m_demo).replace(u"%LINK%"_s, link);
        const QStringList before = QDir(QFileInfo(m_demo).absolutePath()).entryList(QDir::Files);
        const QByteArray digest = cwi::test::fileDigest(m_demo);
        const QString agent = scalar(u"SELECT agent_id FROM agent_log_chunks LIMIT 1"_s);
        const Run refused = mode == u"export"_s
            ? run({ m_demo, u"--export-session"_s, agent + u":1"_s, u"-o"_s, target })
            : run({ m_demo, u"--screenshot"_s, target, u"--view"_s, u"history"_s });
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains("refused"), refused.err.constData());
        QCOMPARE(cwi::test::fileDigest(m_demo), digest);
        QCOMPARE(QDir(QFileInfo(m_demo).absolutePath()).entryList(QDir::Files), before);
    }

    // A copy of the demo database to write into.
    QString demoCopy(const QString &name)
    {
        QString copy = m_home.filePath(name);
        QFile::remove(copy);
        if (!QFile::copy(m_demo, copy))
            return {};
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return copy;
    }

    void terminalEscapesFromTheFileAreShownNotObeyed()
    {
        const QString db = demoCopy(u"escapes.db"_s);
        QVERIFY(!db.isEmpty());
        const QString c = cwi::test::openRaw(db);
        const QString id = [&] {
            QSqlQuery q(QSqlDatabase::database(c));
            return q.exec(u"SELECT id FROM review_comments LIMIT 1"_s) && q.next() ? q.value(0).toString() : QString();
        }();
        QVERIFY(cwi::test::exec(c,
            u"UPDATE review_comments SET body = 'x' || char(27) || ']0;owned' || char(7) || char(27) || '[2J' || "
            u"char(155) || 'y' WHERE id = '%1'"_s.arg(id)));
        cwi::test::closeRaw(c);
        const Run edited = run({ db, u"--edit"_s, u"--do"_s, u"edit-comment"_s, id, u"new text"_s });
        QVERIFY2(edited.code == 0, edited.err.constData());
        QVERIFY2(edited.out.contains("\\u001b]0;owned\\u0007"), edited.out.constData());
        const Run missing = run({ db, u"--edit"_s, u"--do"_s, u"retry-task"_s, u"\x1b[2Jnope"_s });
        QCOMPARE(missing.code, 2);
        for (const QByteArray &bytes : { edited.out, edited.err, missing.out, missing.err }) {
            QVERIFY2(
                !bytes.contains('\x1b') && !bytes.contains('\x07') && !bytes.contains("\xc2\x9b"), bytes.constData());
        }
    }

    void everyModeEscapesControlCharactersOnATerminal()
    {
        // ESC, BEL and C1 in names, log lines and a table name: on a terminal every mode shows
        // them escaped (--export-session md and jsonl, --query csv, json and table, --info, --do);
        // into a pipe an export stays the stored bytes.
        const QString db = demoCopy(u"terminal.db"_s);
        QVERIFY(!db.isEmpty());
        const QString hostile = u"x\x1b]0;owned\x07\x1b[2J\u009b31my"_s;
        const QString c = cwi::test::openRaw(db);
        {
            QSqlQuery q(QSqlDatabase::database(c));
            QVERIFY(q.prepare(u"UPDATE agents SET name = name || ?"_s));
            q.addBindValue(hostile);
            QVERIFY(q.exec());
        }
        const QByteArray escapedLine = "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":"
                                       "[{\"type\":\"text\",\"text\":\"hi \\u001b]0;owned\\u0007 \\u001b[2J\"}]}}\n";
        QVERIFY(!cwi::test::insertRow(c, u"agent_log_chunks"_s,
            { { u"agentId"_s, u"esc-agent"_s }, { u"agentName"_s, hostile }, { u"sessionNumber"_s, 1 },
                { u"content"_s, QString::fromUtf8(escapedLine + "raw " + hostile.toUtf8() + "\n") },
                { u"createdAt"_s, 1700000000 } })
                     .isEmpty());
        QVERIFY(cwi::test::exec(c, u"CREATE TABLE \"t\u009b2J\" (a)"_s));
        cwi::test::closeRaw(c);

        const QList<QStringList> modes {
            { db, u"--export-session"_s, u"esc-agent:1"_s, u"--format"_s, u"md"_s },
            { db, u"--export-session"_s, u"esc-agent:1"_s, u"--format"_s, u"jsonl"_s },
            { db, u"--query"_s, u"SELECT name FROM agents"_s, u"--format"_s, u"csv"_s },
            { db, u"--query"_s, u"SELECT name FROM agents"_s, u"--format"_s, u"json"_s },
            { db, u"--query"_s, u"SELECT name FROM agents"_s },
            { db, u"--info"_s },
        };
        for (const QStringList &mode : modes) {
            const Run shown = runOnTerminal(mode);
            QVERIFY2(shown.code == 0, qPrintable(mode.join(u' ') + u": "_s + QString::fromUtf8(shown.err)));
            QVERIFY2(!hasControlBytes(shown.out), qPrintable(mode.join(u' ') + u": "_s + QString::fromUtf8(shown.out)));
            QVERIFY2(!hasControlBytes(shown.err), qPrintable(mode.join(u' ')));
            QVERIFY2(shown.out.contains("\\u001b") || shown.out.contains("\\u009b"),
                qPrintable(
                    mode.join(u' ') + u": the hostile text is not shown: "_s + QString::fromUtf8(shown.out.left(400))));
        }
        // Into a pipe, the jsonl export is the stored bytes.
        const Run piped = run({ db, u"--export-session"_s, u"esc-agent:1"_s, u"--format"_s, u"jsonl"_s });
        QCOMPARE(piped.code, 0);
        QVERIFY(piped.out.contains(hostile.toUtf8()));
    }

    void idsStartingWithADash()
    {
        // 1.6% of nanoids start with '-': after the action name they are ids, not options.
        const QString db = demoCopy(u"dash.db"_s);
        QVERIFY(!db.isEmpty());
        const QString c = cwi::test::openRaw(db);
        QVERIFY(cwi::test::exec(
            c, u"UPDATE review_comments SET id = '-rc1' WHERE id = (SELECT id FROM review_comments LIMIT 1)"_s));
        cwi::test::closeRaw(c);
        const Run edited = run({ db, u"--edit"_s, u"--do"_s, u"edit-comment"_s, u"-rc1"_s, u"-1 is fine"_s });
        QVERIFY2(edited.code == 0, edited.err.constData());
        QVERIFY2(edited.out.contains("\"-1 is fine\""), edited.out.constData());
        const Run missing = run({ db, u"--edit"_s, u"--do"_s, u"retry-task"_s, u"-nosuch"_s });
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains("-nosuch") && !missing.err.contains("Unknown option"), missing.err.constData());
        // A text that reads like one of our options is still the text: after ACTION everything is data.
        for (const QString &text : { u"--help"_s, u"-v"_s, u"-o"_s, u"--edit"_s }) {
            const Run texted = run({ db, u"--edit"_s, u"--do"_s, u"edit-comment"_s, u"-rc1"_s, text });
            QVERIFY2(texted.code == 0, qPrintable(text + u": "_s + QString::fromUtf8(texted.out + texted.err)));
            QVERIFY2(texted.out.contains(u"-> \"%1\""_s.arg(text).toUtf8()), texted.out.constData());
        }
        const Run ended = run({ db, u"--edit"_s, u"--do"_s, u"retry-task"_s, u"--"_s, u"--nosuch"_s });
        QCOMPARE(ended.code, 2);
        QVERIFY2(ended.err.contains("--nosuch") && !ended.err.contains("Unknown option"), ended.err.constData());
    }

    void walFileInAFolderNobodyMayWrite()
    {
        // A read-only bind mount (in a private mount namespace): no -shm can be made there.
        const QString folder = m_home.filePath(u"rofolder"_s);
        QDir().mkpath(folder);
        const QString db = folder + u"/cw.db"_s;
        QFile::remove(db);
        QVERIFY(QFile::copy(m_demo, db));
        const QString c = cwi::test::openRaw(db);
        QVERIFY(cwi::test::exec(c, u"PRAGMA journal_mode=WAL"_s));
        cwi::test::closeRaw(c);
        QVERIFY(!QFileInfo::exists(db + u"-shm"_s));
        auto runReadOnly = [&](const QStringList &arguments) {
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
            env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
            process.setProcessEnvironment(env);
            process.start(u"unshare"_s,
                QStringList { u"-rm"_s, u"sh"_s, u"-c"_s,
                    u"mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\""_s, folder,
                    QStringLiteral(CWI_INSPECTOR_BINARY) }
                    + arguments);
            process.waitForFinished(60000);
            return Run { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError() };
        };
        QProcess probe;
        probe.start(u"unshare"_s,
            { u"-rm"_s, u"sh"_s, u"-c"_s, u"mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\""_s, folder });
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            QSKIP("cannot make a read-only bind mount here (unshare -rm)");
        const QByteArray digest = cwi::test::fileDigest(db);

        const Run noWriter = runReadOnly({ db, u"--info"_s });
        QVERIFY2(noWriter.code == 0, noWriter.err.constData());
        QVERIFY2(QJsonDocument::fromJson(noWriter.out).object().value(u"access").toString().contains(u"immutable"_s),
            noWriter.out.constData());

        // The window says so in its status bar, in words that read whole.
        const Run shot = runReadOnly(
            { db, u"--screenshot"_s, m_home.filePath(u"ro.png"_s), u"--view"_s, u"history"_s, u"--dump-state"_s });
        QVERIFY2(shot.code == 0, shot.err.constData());
        const QString shown = QJsonDocument::fromJson(shot.out).object().value(u"text").toString();
        QVERIFY2(
            shown.contains(u"· immutable"_s) && !shown.contains(u"immutable (WAL"_s), qPrintable(shown.left(2000)));
        QCOMPARE(cwi::test::fileDigest(db), digest);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList { u"cw.db"_s });

        // A writer is running: its -shm exists, and its last change is only in the -wal.
        const QString server = cwi::test::openRaw(db);
        QVERIFY(cwi::test::exec(server, u"PRAGMA wal_autocheckpoint = 0"_s));
        QVERIFY(cwi::test::exec(server, u"UPDATE initiatives SET name = 'only-in-the-wal' WHERE rowid = 1"_s));
        const Run withWriter = runReadOnly({ db, u"--info"_s });
        QVERIFY2(withWriter.code == 0, withWriter.err.constData());
        QVERIFY2(
            QJsonDocument::fromJson(withWriter.out).object().value(u"access").toString().contains(u"read-only WAL"_s),
            withWriter.out.constData());
        const Run query = runReadOnly(
            { db, u"--query"_s, u"SELECT name FROM initiatives WHERE rowid = 1"_s, u"--format"_s, u"csv"_s });
        QVERIFY2(query.code == 0, query.err.constData());
        QVERIFY2(query.out.contains("only-in-the-wal"), query.out.constData()); // the server's shared memory was read
        const QStringList companions = QDir(folder).entryList(QDir::Files);
        cwi::test::closeRaw(server);
        QCOMPARE(companions, (QStringList { u"cw.db"_s, u"cw.db-shm"_s, u"cw.db-wal"_s })); // the server's, untouched
    }

    void doNeedsEditing()
    {
        const QByteArray before = cwi::test::fileDigest(m_demo);
        const Run refused = run({ m_demo, u"--do"_s, u"retry-task"_s, u"x"_s });
        QCOMPARE(refused.code, 2);
        QVERIFY(refused.err.contains("--edit"));
        QCOMPARE(cwi::test::fileDigest(m_demo), before);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
