#include "commandline.h"

#include "mainwindow.h"

#include <cstring>

namespace cwi {

namespace {

// --do ACTION ID [ARG...]: the ID and ARGs are data, also when they start with '-' (1.6% of
// nanoids do) or read like one of our options (an answer "-v" or "--help"). Everything after
// ACTION is moved behind a "--", where QCommandLineParser takes it as positional; options go
// before --do. A "--" of the user's right after ACTION is dropped (it ended the options before).
QStringList withDoArgumentsPositional(const QStringList &arguments)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("--do"));
    const qsizetype end = arguments.indexOf(QStringLiteral("--"));
    if (at < 0 || at + 1 >= arguments.size() || (end >= 0 && end < at))
        return arguments;
    QStringList data = arguments.mid(at + 2);
    if (!data.isEmpty() && data.constFirst() == u"--")
        data.removeFirst();
    return arguments.mid(0, at + 2) + QStringList { QStringLiteral("--") } + data; // ... --do ACTION -- data
}

} // namespace

CommandLine parseCommandLine(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setApplicationDescription(
        QStringLiteral("Codewalkers Inspector: browse, read and carefully repair a Codewalkers server's SQLite file, "
                       "also while the server runs. Read-only unless --edit."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
        QStringLiteral("The Codewalkers database (default: the last file, else the demo)."), QStringLiteral("[FILE]"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Open the demo database (created on first use)."));
    const QCommandLineOption info(QStringLiteral("info"),
        QStringLiteral("Print a JSON report of FILE and exit (0: Codewalkers, 2: anything else)."));
    const QCommandLineOption edit(
        QStringLiteral("edit"), QStringLiteral("Open with editing on (a separate read-write connection)."));
    const QCommandLineOption noLive(QStringLiteral("no-live"), QStringLiteral("Start with live refresh off."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render a view into a PNG once it has loaded, then exit."), QStringLiteral("out.png"));
    const QCommandLineOption view(QStringLiteral("view"),
        // The window's own list, so --help names every view it can show.
        u"Open the window at this view (with --screenshot: render it; default dashboard): "
            + MainWindow::viewNames().join(QStringLiteral(", ")) + u".",
        QStringLiteral("view"));
    const QCommandLineOption dumpState(QStringLiteral("dump-state"),
        QStringLiteral("With --screenshot: also print what the window shows as JSON (page, docks, visible text)."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        QStringLiteral("Seconds --screenshot waits for the view to load (default 30); still loading then: "
                       "exit 1, no file written."),
        QStringLiteral("seconds"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral("Window size for --screenshot (default 1440x900)."), QStringLiteral("WxH"));
    const QCommandLineOption exportSession(QStringLiteral("export-session"),
        QStringLiteral("Export one agent session and exit."), QStringLiteral("AGENT_ID:SESSION"));
    const QCommandLineOption format(QStringLiteral("format"),
        QStringLiteral("Export format: jsonl (the stored bytes) or md (readable), default md; "
                       "for --query: csv, json or table (default)."),
        QStringLiteral("format"));
    const QCommandLineOption output(QStringList { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Export to this file instead of standard output."), QStringLiteral("OUT"));
    const QCommandLineOption doAction(QStringLiteral("do"),
        QStringLiteral("With --edit: run one action (ACTION ID [ARG]) and exit; "
                       "0 applied, 3 changed meanwhile or not valid, 4 busy, 2 bad input."),
        QStringLiteral("ACTION"));
    const QCommandLineOption query(QStringLiteral("query"),
        QStringLiteral("Run one read-only SQL statement on FILE, print its rows and exit; "
                       "0 done, 2 bad SQL or file, 4 busy."),
        QStringLiteral("SQL"));
    const QList<QCommandLineOption> all { demo, info, edit, noLive, screenshot, view, dumpState, timeout, size,
        exportSession, format, output, doAction, query };
    parser.addOptions(all);
    parser.process(withDoArgumentsPositional(arguments));

    CommandLine line;
    const QStringList positional = parser.positionalArguments();
    line.demo = parser.isSet(demo);
    line.info = parser.isSet(info);
    line.edit = parser.isSet(edit);
    line.noLive = parser.isSet(noLive);
    line.screenshot = parser.value(screenshot);
    if (parser.isSet(view)) {
        line.view = parser.value(view);
        line.viewGiven = true;
    }
    line.dumpState = parser.isSet(dumpState);
    if (parser.isSet(timeout)) {
        bool ok = false;
        const double seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 3600)
            line.error = QStringLiteral("--timeout takes seconds, e.g. 30");
        else
            line.timeoutMs = int(seconds * 1000);
    }
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(u'x');
        const int w = wh.value(0).toInt();
        const int h = wh.value(1).toInt();
        if (wh.size() != 2 || w < 200 || h < 150 || w > 8000 || h > 8000)
            line.error = QStringLiteral("--size takes WxH, e.g. 1440x900");
        else
            line.size = QSize(w, h);
    }
    line.exportSession = parser.value(exportSession);
    line.formatGiven = parser.isSet(format);
    if (line.formatGiven)
        line.format = parser.value(format);
    line.query = parser.value(query);
    if (parser.isSet(query) && line.query.trimmed().isEmpty())
        line.error = QStringLiteral("--query needs an SQL statement");
    line.output = parser.value(output);
    if (parser.isSet(doAction)) {
        // --do ACTION ID [ARG...]: the id and arguments arrive as positionals after FILE.
        line.doArgs = QStringList { parser.value(doAction) } + positional.mid(1);
        if (!line.edit)
            line.error = QStringLiteral("--do needs --edit: the inspector is read-only otherwise");
    } else if (positional.size() > 1) {
        line.error = QStringLiteral("Only one FILE can be given");
    }
    line.file = positional.value(0);
    if ((line.info || !line.exportSession.isEmpty() || !line.doArgs.isEmpty() || !line.query.isEmpty())
        && line.file.isEmpty() && !line.demo && line.error.isEmpty())
        line.error = QStringLiteral("This mode needs a FILE (or --demo)");
    return line;
}

namespace {
bool hasAny(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *name : names) {
            const size_t n = std::strlen(name);
            if (std::strncmp(argv[i], name, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '='))
                return true;
        }
    }
    return false;
}
} // namespace

bool argumentsAreHeadless(int argc, char **argv)
{
    return hasAny(argc, argv,
        { "--info", "-info", "--export-session", "-export-session", "--do", "-do", "--query", "-query", "--help", "-h",
            "-help", "--version", "-v" });
}

bool argumentsWantScreenshot(int argc, char **argv)
{
    return hasAny(argc, argv, { "--screenshot", "-screenshot" });
}

} // namespace cwi
