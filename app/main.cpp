// cw-inspector: the window, or one of the headless modes (--info, --export-session, --do,
// --query, --screenshot). Wiring only: every layer is reached through its library.

#include "appcontext.h"
#include "commandline.h"
#include "database.h"
#include "demo/demoseeder.h"
#include "inforeport.h"
#include "mainwindow.h"
#include "outputfile.h"
#include "query/querycommand.h"
#include "terminaltext.h"
#include "transcript/transcriptexport.h"
#include "writes/actions.h"
#include "writes/docommand.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>

#include <cstdio>
#include <memory>

using namespace cwi;

namespace {

constexpr int kScreenshotTimeoutMs = 30000;

QString demoFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
}

QString ensureDemo(QString *error)
{
    const DemoResult demo = ensureDemoDatabase(demoFolder());
    if (!demo.ok) {
        *error = QStringLiteral("Cannot create the demo database in %1: %2").arg(demoFolder(), demo.error);
        return {};
    }
    if (!demo.error.isEmpty())
        qWarning("cw-inspector: %s", qPrintable(demo.error));
    return demo.databasePath;
}

int runInfo(const QString &path, QTextStream &out, QTextStream &err)
{
    const auto opened = Database::open(path);
    if (!opened.database) {
        err << opened.message << Qt::endl;
        return 2;
    }
    const QJsonObject report = infoReport(*opened.database);
    out << QJsonDocument(report).toJson();
    if (report.value(u"damaged").toBool()) { // the report says what could not be read
        err << "The file " << path << " is damaged: " << report.value(u"problems").toArray().first().toString()
            << Qt::endl;
        return 2;
    }
    return 0;
}

int runExport(const CommandLine &line, const QString &path, QTextStream &err)
{
    const QStringList parts = line.exportSession.split(u':');
    bool ok = false;
    const qint64 session = parts.value(1).toLongLong(&ok);
    if (parts.size() != 2 || parts.at(0).isEmpty() || !ok || session < 1) {
        err << "--export-session takes AGENT_ID:SESSION, e.g. abc123:2" << Qt::endl;
        return 2;
    }
    if (line.format != u"jsonl" && line.format != u"md") {
        err << "--format is jsonl or md" << Qt::endl;
        return 2;
    }
    const auto opened = Database::open(path);
    if (!opened.database) {
        err << opened.message << Qt::endl;
        return 2;
    }
    QString error;
    const int code = exportSession(opened.database, parts.at(0), session, line.format, line.output, &error);
    if (code != 0)
        err << error << Qt::endl;
    return code;
}

// Shows the window offscreen, raises the view, waits until nothing is loading, saves a PNG.
int runScreenshot(MainWindow &window, const CommandLine &line, const QString &databasePath, QTextStream &err)
{
    const QString refusal = refuseOutputPath(line.screenshot, databasePath);
    if (!refusal.isEmpty()) {
        err << "refused: " << refusal << "; nothing was written" << Qt::endl;
        return 2;
    }
    window.resize(line.size);
    window.show();
    QString error;
    if (!window.showView(line.view, &error)) {
        err << error << Qt::endl;
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    int quiet = 0; // a few idle rounds in a row: follow-up loads have started and finished
    while (quiet < 5 && timer.elapsed() < kScreenshotTimeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
        quiet = window.isBusy() ? 0 : quiet + 1;
    }
    if (window.isBusy())
        err << "warning: the view was still loading after " << kScreenshotTimeoutMs / 1000 << " s" << Qt::endl;
    const QPixmap pixmap = window.grab();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (pixmap.isNull() || !pixmap.save(&buffer, "PNG")) {
        err << "Cannot render the view into a PNG" << Qt::endl;
        return 1;
    }
    if (!writeOutputFile(line.screenshot, databasePath, png, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    return 0;
}

// Waits for every job of the global pool and ends its threads while the application, the
// database and Qt SQL are all still alive: nothing runs on a pooled thread after main().
struct DrainThreadPool
{
    ~DrainThreadPool() { QThreadPool::globalInstance()->waitForDone(); }
};

// Everything after the application exists: the headless modes or the window. OUT and ERR are
// buffers; main() prints them through terminalSafe().
int run(QCoreApplication &app, bool headless, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const CommandLine line = parseCommandLine(parser, QCoreApplication::arguments());
    if (!line.error.isEmpty()) {
        err << line.error << Qt::endl << "See cw-inspector --help" << Qt::endl;
        return 2;
    }

    QSettings settings;
    QString path = line.file;
    if (line.demo || (path.isEmpty() && !headless && settings.value(QStringLiteral("lastFile")).toString().isEmpty())) {
        QString error;
        path = ensureDemo(&error);
        if (path.isEmpty()) {
            err << error << Qt::endl;
            return 2;
        }
    } else if (path.isEmpty()) {
        path = settings.value(QStringLiteral("lastFile")).toString();
    }

    if (line.info)
        return runInfo(path, out, err);
    if (!line.exportSession.isEmpty())
        return runExport(line, path, err);
    if (!line.query.isEmpty())
        return runQueryCommand(
            { path, line.query, line.formatGiven ? line.format : QStringLiteral("table"), line.output }, out, err);
    if (!line.doArgs.isEmpty())
        return runDoCommand(path, line.doArgs, Actions::defaultJournalPath(), out, err);

    // Pooled threads live as long as the application: each keeps one read connection, owned
    // and closed by the Database, so their number stays bounded by the pool size.
    QThreadPool::globalInstance()->setExpiryTimeout(-1);
    AppContext context;
    const DrainThreadPool drain; // destroyed after the window, before the context's database
    MainWindow window(&context, &settings);
    window.setDemoProvider(&ensureDemo);
    QString error;
    const bool opened = window.openFile(path, line.edit, &error);
    if (!line.screenshot.isEmpty()) {
        if (!opened) {
            err << error << Qt::endl;
            return 2;
        }
        return runScreenshot(window, line, path, err);
    }
    window.restoreLayout();
    window.show();
    if (!opened)
        window.reportOpenError(error);
    else if (line.viewGiven && !window.showView(line.view, &error))
        err << error << Qt::endl;
    return app.exec();
}

// Qt's warnings carry SQLite messages and paths: escaped like everything else on a terminal.
void printSafely(QtMsgType, const QMessageLogContext &, const QString &message)
{
    std::fputs(terminalSafe(message).toUtf8().append('\n').constData(), stderr);
}

} // namespace

int main(int argc, char *argv[])
{
    const bool headless = argumentsAreHeadless(argc, argv);
    if (argumentsWantScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app;
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    if (!headless) {
        // The icon the desktop entry installs (packaging/cw-inspector.svg), for title bars and
        // task switchers; the desktop file name lets Wayland compositors match the two.
        QIcon icon;
        for (int size : { 16, 32, 64, 256 })
            icon.addFile(QStringLiteral(":/icons/cw-inspector-%1.png").arg(size));
        QApplication::setWindowIcon(icon);
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.codewalkers.Inspector"));
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Codewalkers"));
    QCoreApplication::setApplicationName(QStringLiteral("cw-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CWI_VERSION));
    qInstallMessageHandler(printSafely);

    QString outText;
    QString errText;
    int code = 0;
    {
        QTextStream out(&outText);
        QTextStream err(&errText);
        code = run(*app, headless, out, err);
    }
    std::fputs(terminalSafe(outText).toUtf8().constData(), stdout);
    std::fputs(terminalSafe(errText).toUtf8().constData(), stderr);
    return code;
}
