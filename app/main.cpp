// cw-inspector: the window (optionally at --view), or one of the headless modes (--info,
// --export-session, --do, --query, --screenshot). Wiring only: every layer is reached through its library.

#include "appcontext.h"
#include "commandline.h"
#include "database.h"
#include "demo/demoseeder.h"
#include "filesession.h"
#include "inforeport.h"
#include "jobtracker.h"
#include "linktext.h"
#include "mainwindow.h"
#include "outputfile.h"
#include "query/querycommand.h"
#include "terminaltext.h"
#include "transcript/transcriptexport.h"
#include "writes/actions.h"
#include "writes/docommand.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QBuffer>
#include <QDeadlineTimer>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPixmap>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextEdit>
#include <QTextStream>
#include <QThreadPool>
#include <QTimer>

#include <cstdio>
#include <limits>
#include <memory>
#include <utility>

using namespace cwi;

namespace {

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

// Runs the event loop until the window says it is idle or DEADLINE passes; true when idle.
bool waitUntilIdle(MainWindow &window, const QDeadlineTimer &deadline)
{
    while (window.isBusy() && !deadline.hasExpired()) {
        QEventLoop loop;
        // busyChanged() is held back to the event loop: a job that ends before it turns says
        // nothing there, only jobEnded(). Either way, ask isBusy() again.
        QObject::connect(window.jobs(), &JobTracker::busyChanged, &loop, [&loop](bool busy) {
            if (!busy)
                loop.quit();
        });
        QObject::connect(window.jobs(), &JobTracker::jobEnded, &loop, &QEventLoop::quit);
        QTimer::singleShot(
            int(qMin<qint64>(deadline.remainingTime(), std::numeric_limits<int>::max())), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return !window.isBusy();
}

// --dump-state: what the window shows, for tests and scripts: the central page, the docks in
// view, and the text of every visible label, button, document and the first rows of every list.
QJsonObject windowState(const MainWindow &window)
{
    QJsonArray docks;
    for (const QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        if (dock->isVisible() && !dock->visibleRegion().isEmpty())
            docks.append(dock->objectName());
    }
    QStringList text { window.windowTitle() };
    for (const QWidget *widget : window.findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->visibleRegion().isEmpty())
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            text << label->text();
        else if (const auto *rich = qobject_cast<const LinkText *>(widget))
            text << rich->text();
        else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            text << button->text();
        else if (const auto *document = qobject_cast<const QTextEdit *>(widget))
            text << document->toPlainText().left(4000);
        else if (const auto *list = qobject_cast<const QAbstractItemView *>(widget); list && list->model()) {
            const QAbstractItemModel *model = list->model();
            for (int row = 0; row < qMin(model->rowCount(), 40); ++row) {
                for (int column = 0; column < qMin(model->columnCount(), 6); ++column)
                    text << model->index(row, column).data().toString();
            }
        }
    }
    const auto *center = window.findChild<QTabWidget *>(QStringLiteral("centerTabs"));
    return { { QStringLiteral("page"),
                 center && center->currentWidget() ? center->currentWidget()->objectName() : QString() },
        { QStringLiteral("docks"), docks }, { QStringLiteral("busy"), window.isBusy() },
        { QStringLiteral("text"), text.join(u'\n') } };
}

// Shows the window offscreen, raises the view, waits until every pane is idle, saves a PNG.
// Painting may ask for more (a table fetches the rows it shows): then it waits and paints again.
// Still loading at the timeout: exit 1, nothing written.
int runScreenshot(
    MainWindow &window, const CommandLine &line, const QString &databasePath, QTextStream &out, QTextStream &err)
{
    const QString refusal = refuseOutputPath(line.screenshot, databasePath);
    if (!refusal.isEmpty()) {
        err << "refused: " << refusal << "; nothing was written" << Qt::endl;
        return 2;
    }
    window.resize(line.size);
    window.resetLayout(); // the first run's layout at this size, not the default one squeezed into it
    window.show();
    QString error;
    if (!window.showView(line.view, &error)) {
        err << error << Qt::endl;
        return 2;
    }
    const QDeadlineTimer deadline(line.timeoutMs);
    QPixmap pixmap;
    for (;;) {
        if (!waitUntilIdle(window, deadline)) {
            err << "The view " << line.view << " was still loading after " << line.timeoutMs / 1000.0
                << " s; no screenshot written" << Qt::endl;
            return 1;
        }
        // One turn of the event loop: what the results queued (layouts, follow-up reads) starts.
        QEventLoop turn;
        QTimer::singleShot(0, &turn, &QEventLoop::quit);
        turn.exec();
        if (window.isBusy())
            continue;
        pixmap = window.grab();
        if (!window.isBusy())
            break;
    }
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
    if (line.dumpState)
        out << QJsonDocument(windowState(window)).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

// Opens PATH (and raises VIEW) once the window has painted its first frame: the window with
// the file's name and a loading state comes first, the file after.
class OpenAfterFirstFrame : public QObject
{
public:
    OpenAfterFirstFrame(MainWindow *window, const CommandLine &line, const QString &path)
        : QObject(window)
        , m_window(window)
        , m_line(line)
        , m_path(path)
    {
        window->installEventFilter(this);
        QTimer::singleShot(1000, this, &OpenAfterFirstFrame::open); // should no paint event come
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, &OpenAfterFirstFrame::open);
        }
        return false;
    }

private:
    void open()
    {
        if (std::exchange(m_done, true))
            return;
        QString error;
        if (!m_window->openFile(m_path, m_line.edit, &error))
            m_window->reportOpenError(error);
        else if (m_line.viewGiven && !m_window->showView(m_line.view, &error))
            m_window->reportOpenError(error);
        deleteLater();
    }

    MainWindow *m_window;
    CommandLine m_line;
    QString m_path;
    bool m_done = false;
};

// Waits for every job and ends the pools' threads while the application, the database and Qt
// SQL are all still alive: nothing runs on a pooled thread after main(). (Qt itself uses the
// global pool for painting; our jobs run on jobPool().)
struct DrainThreadPool
{
    ~DrainThreadPool()
    {
        jobPool()->waitForDone();
        QThreadPool::globalInstance()->waitForDone();
    }
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
    // and closed by the Database, so their number stays bounded by the pool size (jobPool()).
    AppContext context;
    const DrainThreadPool drain; // destroyed after the window, before the context's database
    MainWindow window(&context, &settings);
    new FileSession(&window, &context); // opens files for the window; the context owns it
    window.setDemoProvider(&ensureDemo);
    if (!line.screenshot.isEmpty()) {
        QString error;
        if (!window.openFile(path, line.edit, &error)) {
            err << error << Qt::endl;
            return 2;
        }
        return runScreenshot(window, line, path, out, err);
    }
    window.restoreLayout();
    // Never larger than the screen: the first run's 1400x900 (or a size kept from a larger
    // screen) on a 1024x768 one would put the right panes and the toolbar's end off screen.
    if (const QScreen *screen = window.screen())
        window.resize(window.size().boundedTo(screen->availableGeometry().size()));
    window.showOpening(path);
    new OpenAfterFirstFrame(&window, line, path);
    window.show();
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
