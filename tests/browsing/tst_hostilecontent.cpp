// Everything read from the file is data. Markup planted in every text column of every table
// of the demo database, then every view of the real window rendered: no resource is requested
// (a spy on the one inert resource refusal; a FIFO named in an <img> is never opened), and the
// markup reads as text wherever a label or browser shows it; no name widens the window.

#include "appcontext.h"
#include "database.h"
#include "demo/demoseeder.h"
#include "fixtures.h"
#include "linktext.h"
#include "mainwindow.h"
#include "realwindow.h"
#include "render/inertdocument.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QAtomicInt>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

const QString kMark = u"PWNED"_s;

// Opens the FIFO for writing whenever a reader has it open: records that someone read it and
// lets that reader go on (EOF) instead of blocking for ever.
class FifoWatch : public QThread
{
public:
    explicit FifoWatch(const QByteArray &path)
        : m_path(path)
    { }
    QAtomicInt opened { 0 };
    QAtomicInt stop { 0 };

protected:
    void run() override
    {
        while (!stop.loadRelaxed()) {
            const int fd = ::open(m_path.constData(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0) { // only succeeds while a reader has it open
                opened.ref();
                ::close(fd);
            }
            QThread::msleep(20);
        }
    }

private:
    QByteArray m_path;
};

} // namespace

class TestHostileContent : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_fifo;
    QStringList m_requests;

    QString scalar(const QString &sql)
    {
        const QString c = test::openRaw(m_db);
        QString value;
        {
            QSqlQuery q(QSqlDatabase::database(c));
            if (q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
        test::closeRaw(c);
        return value;
    }

    // TEXT as a label in FORMAT shows it: markup interpreted only where it is rich text.
    static QString shownAs(const QString &text, Qt::TextFormat format)
    {
        const bool rich = format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
        if (!rich)
            return text;
        InertTextDocument doc;
        doc.setHtml(text);
        return doc.toPlainText();
    }

    // What a label or text edit shows, as text.
    static QString shownText(QWidget *widget)
    {
        if (auto *label = qobject_cast<QLabel *>(widget))
            return shownAs(label->text(), label->textFormat());
        if (auto *rich = qobject_cast<LinkText *>(widget))
            return rich->plainText();
        if (auto *edit = qobject_cast<QTextEdit *>(widget))
            return edit->toPlainText();
        return {};
    }

    // Each PWNED in what is shown reads "<b>PWNED</b>": the tags are text, not markup.
    static bool markupIsText(const QString &shown)
    {
        return shown.count(kMark) == shown.count(u"<b>"_s + kMark + u"</b>"_s);
    }

    // Every tool tip an item view would show (a tool tip is a label in Qt::AutoText): cells of
    // the first rows, one level of children, and the header.
    static QStringList itemToolTips(const QAbstractItemModel *model)
    {
        QStringList tips;
        const auto addRows = [&](const QModelIndex &parent, const auto &self, int depth) -> void {
            const int rows = std::min(model->rowCount(parent), 60);
            for (int row = 0; row < rows; ++row) {
                for (int column = 0; column < model->columnCount(parent); ++column)
                    tips.append(model->index(row, column, parent).data(Qt::ToolTipRole).toString());
                if (depth < 2)
                    self(model->index(row, 0, parent), self, depth + 1);
            }
        };
        addRows({}, addRows, 0);
        for (int section = 0; section < model->columnCount(); ++section)
            tips.append(model->headerData(section, Qt::Horizontal, Qt::ToolTipRole).toString());
        return tips;
    }

    // Every tool tip the window has now: widgets, actions, item views' models, graphics items.
    static QStringList toolTips(QWidget *window)
    {
        QStringList tips;
        for (QWidget *widget : window->findChildren<QWidget *>()) {
            tips.append(widget->toolTip());
            if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model())
                tips += itemToolTips(view->model());
            if (auto *scene = qobject_cast<QGraphicsView *>(widget); scene && scene->scene())
                for (QGraphicsItem *item : scene->scene()->items())
                    tips.append(item->toolTip());
        }
        for (QAction *action : window->findChildren<QAction *>())
            tips.append(action->toolTip());
        return tips;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        const DemoResult demo = ensureDemoDatabase(m_dir.filePath(u"demo"_s));
        QVERIFY2(demo.ok, qPrintable(demo.error));
        m_db = demo.databasePath;
        m_fifo = m_dir.filePath(u"fifo"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600), 0);

        // Every text column of every table but ids and references (so the views still find
        // their rows) ends in markup: bold, and an image from the FIFO at 30000 x 30000.
        const QString payload = u"<b>"_s + kMark + u"</b><img src=\""_s + m_fifo
            + u"\" width=30000 height=30000><img src=\"file://"_s + m_fifo + u"\">"_s;
        const QString c = test::openRaw(m_db);
        {
            QSqlDatabase db = QSqlDatabase::database(c);
            QSqlQuery tables(db);
            QVERIFY(tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                u"AND name NOT LIKE '\\_\\_%' ESCAPE '\\'"_s));
            QStringList names;
            while (tables.next())
                names.append(tables.value(0).toString());
            int planted = 0;
            for (const QString &table : std::as_const(names)) {
                QSqlQuery columns(db);
                QVERIFY(columns.exec(u"SELECT name, type FROM pragma_table_info('%1')"_s.arg(table)));
                QStringList sets;
                while (columns.next()) {
                    const QString name = columns.value(0).toString();
                    const QString type = columns.value(1).toString().toLower();
                    const bool reference = name == u"id" || name.endsWith(u"_id") || name.endsWith(u"Id");
                    if (!reference && (type.isEmpty() || type.contains(u"text")))
                        sets.append(u"\"%1\" = \"%1\" || :p"_s.arg(name));
                }
                if (sets.isEmpty())
                    continue;
                QSqlQuery update(db);
                update.prepare(u"UPDATE \"%1\" SET %2 WHERE 1"_s.arg(table, sets.join(u", ")));
                update.bindValue(u":p"_s, payload);
                QVERIFY2(update.exec(), qPrintable(table));
                planted += sets.size();
            }
            QVERIFY(planted > 50);
            // And names far longer than a screen, without a space to wrap at.
            QVERIFY(QSqlQuery(db).exec(u"UPDATE agents SET name = name || printf('%.2000c', 'W')"_s));
            QVERIFY(QSqlQuery(db).exec(u"UPDATE initiatives SET name = name || printf('%.2000c', 'W')"_s));
        }
        test::closeRaw(c);
    }

    void inertDocumentsLoadNothing()
    {
        // The views' documents ask the one refusal and get nothing, even for a real local file.
        const QString png = m_dir.filePath(u"real.png"_s);
        QImage(8, 8, QImage::Format_RGB32).save(png);
        QStringList asked;
        setResourceRequestObserver([&asked](const QUrl &url) { asked.append(url.toString()); });
        InertTextDocument doc;
        doc.setHtml(u"<img src=\""_s + png + u"\"><img src=\"data:image/png;base64,AAAA\">"_s);
        const QImage given
            = qvariant_cast<QImage>(doc.resource(QTextDocument::ImageResource, QUrl::fromLocalFile(png)));
        QCOMPARE(given.size(), QSize(1, 1)); // a blank stand-in, not the file
        QVERIFY(!asked.isEmpty());
        setResourceRequestObserver({});
    }

    void inertDocumentsNeverOpenTheImageFile()
    {
        // Qt's image handler loads the src itself when the document's answer does not decode;
        // laid out and painted, an inert document must still not open the FIFO.
        FifoWatch watch(QFile::encodeName(m_fifo));
        watch.start();
        InertTextDocument doc;
        doc.setHtml(u"x<img src=\""_s + m_fifo + u"\" width=20 height=20><img src=\"file://"_s + m_fifo + u"\">"_s);
        QVERIFY(doc.size().width() > 0);
        QImage canvas(200, 100, QImage::Format_ARGB32);
        QPainter painter(&canvas);
        doc.drawContents(&painter);
        painter.end();
        QTest::qWait(100); // the watch polls every 20 ms
        watch.stop.storeRelaxed(1);
        watch.wait();
        QCOMPARE(watch.opened.loadRelaxed(), 0);
    }

    void everyViewShowsMarkupAsText()
    {
        setResourceRequestObserver([this](const QUrl &url) { m_requests.append(url.toString()); });
        FifoWatch watch(QFile::encodeName(m_fifo));
        watch.start();
        const auto stopWatch = qScopeGuard([&watch] { // also when a check returns early
            watch.stop.storeRelaxed(1);
            watch.wait();
        });

        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        AppContext &context = real.context;
        window.resize(1440, 900);
        window.show();
        QString error;
        QVERIFY2(window.openFile(m_db, false, &error), qPrintable(error));

        const QString agent = scalar(u"SELECT agent_id FROM agent_log_chunks GROUP BY agent_id LIMIT 1"_s);
        const QString phase = scalar(u"SELECT phase_id FROM review_comments LIMIT 1"_s);
        QStringList views;
        for (const QString &name : MainWindow::viewNames()) {
            QString view = name;
            view.replace(u"[:PAGE_ID]"_s, QString())
                .replace(u"[:ID]"_s, QString())
                .replace(u"[:SESSION_ID]"_s, QString())
                .replace(u"[:QUERY]"_s, QString())
                .replace(u"PHASE_OR_INITIATIVE_ID"_s, u"PHASE_ID"_s);
            if (view == u"table:NAME") {
                for (const QString &table : context.database()->schema().tableNames())
                    views.append(u"table:"_s + table);
                continue;
            }
            if (view == u"detail:TABLE:ID") {
                for (const QString &table : { u"tasks"_s, u"agents"_s, u"initiatives"_s, u"phases"_s, u"pages"_s })
                    views.append(u"detail:%1:%2"_s.arg(table, scalar(u"SELECT id FROM %1 LIMIT 1"_s.arg(table))));
                continue;
            }
            view.replace(u"AGENT_ID"_s, agent).replace(u"PHASE_ID"_s, phase);
            views.append(view);
        }
        QVERIFY(views.size() > 15);

        QString firstOpener;
        QStringList grown;
        int tipsWithContent = 0;
        for (const QString &view : std::as_const(views)) {
            QVERIFY2(window.showView(view, &error), qPrintable(view + u": "_s + error));
            QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
            QTest::qWait(50);
            window.grab(); // paints every visible delegate, label and document
            // Long names from the file never make the window grow past the size it was given.
            if (window.width() > 1440 || window.height() > 900) {
                QString widest;
                int widestWidth = 0;
                for (QWidget *widget : window.findChildren<QWidget *>()) {
                    if (widget->isVisible() && widget->minimumSizeHint().width() > widestWidth
                        && widget->findChildren<QWidget *>().isEmpty()) {
                        widestWidth = widget->minimumSizeHint().width();
                        widest = QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName()
                            + u" in "_s
                            + (widget->parentWidget()
                                    ? QString::fromLatin1(widget->parentWidget()->metaObject()->className())
                                    : QString());
                    }
                }
                grown.append(u"%1: %2x%3 (widest: %4, %5 px)"_s.arg(view)
                                 .arg(window.width())
                                 .arg(window.height())
                                 .arg(widest)
                                 .arg(widestWidth));
                window.resize(1440, 900);
            }
            const QList<QWidget *> widgets = window.findChildren<QWidget *>();
            for (QWidget *widget : widgets) {
                const QString shown = shownText(widget);
                QVERIFY2(markupIsText(shown),
                    qPrintable(u"%1: %2 shows markup as rich text: %3"_s.arg(
                        view, QString::fromLatin1(widget->metaObject()->className()), shown.left(300))));
            }
            int planted = 0;
            for (const QString &tip : toolTips(&window)) {
                const QString shown = shownAs(tip, Qt::AutoText);
                planted += shown.contains(kMark);
                QVERIFY2(markupIsText(shown),
                    qPrintable(u"%1: a tool tip shows markup as rich text: %2"_s.arg(view, tip.left(300))));
            }
            tipsWithContent += planted;
            QVERIFY2(m_requests.isEmpty(), qPrintable(view + u" asked for "_s + m_requests.join(u", ")));
            if (firstOpener.isEmpty() && watch.opened.loadRelaxed() > 0)
                firstOpener = view;
        }
        QVERIFY2(tipsWithContent > 20, qPrintable(QString::number(tipsWithContent))); // the check saw file content
        QVERIFY2(grown.isEmpty(), qPrintable(u"names from the file widened the window: "_s + grown.join(u"; "_s)));

        // A message box that quotes a path or text from the file shows it as text.
        const QString hostileName = m_dir.filePath(u"x<b>"_s + kMark + u"<img src=fifo>.db"_s); // no '/' in a name
        QFile notADatabase(hostileName);
        QVERIFY(notADatabase.open(QIODevice::WriteOnly));
        notADatabase.write("not a database\n");
        notADatabase.close();
        QString boxShows;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                boxShows = shownAs(box->text(), box->textFormat());
                box->button(QMessageBox::Ok)->click();
            }
        });
        answer.start(50);
        QVERIFY(!window.openFile(hostileName, false));
        answer.stop();
        QVERIFY2(boxShows.contains(u"<b>"_s + kMark + u"<img src=fifo>"_s), qPrintable(boxShows));

        watch.stop.storeRelaxed(1);
        watch.wait();
        // Qt's own documents (chart labels, QLabel rich text) load a local <img src> before any
        // resource provider is asked, so no request reaches the spy: the FIFO watch catches them.
        QVERIFY2(
            watch.opened.loadRelaxed() == 0, qPrintable(u"the FIFO was opened, first while showing "_s + firstOpener));
        setResourceRequestObserver({});
    }
};

QTEST_MAIN(TestHostileContent)
#include "tst_hostilecontent.moc"
