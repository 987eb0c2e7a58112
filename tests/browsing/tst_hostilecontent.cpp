// Everything read from the file is data. Markup planted in every text column of every table
// of the demo database, then every view of the real window rendered: no resource is requested
// (a spy on the one inert resource refusal; a FIFO named in an <img> is never opened), and the
// markup reads as text wherever a label or browser shows it.

#include "appcontext.h"
#include "demo/demoseeder.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "render/inertdocument.h"

#include <QAtomicInt>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>
#include <QThread>
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

    // What a label or text edit shows, as text: markup interpreted only where it is rich text.
    static QString shownText(QWidget *widget)
    {
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            const bool rich = label->textFormat() == Qt::RichText
                || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
            if (!rich)
                return label->text();
            QTextDocument doc;
            doc.setHtml(label->text());
            return doc.toPlainText();
        }
        if (auto *edit = qobject_cast<QTextEdit *>(widget))
            return edit->toPlainText();
        return {};
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

        AppContext context;
        QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        MainWindow window(&context, &settings);
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
        for (const QString &view : std::as_const(views)) {
            QVERIFY2(window.showView(view, &error), qPrintable(view + u": "_s + error));
            QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
            QTest::qWait(50);
            window.grab(); // paints every visible delegate, label and document
            const QList<QWidget *> widgets = window.findChildren<QWidget *>();
            for (QWidget *widget : widgets) {
                const QString shown = shownText(widget);
                // Each PWNED reads "<b>PWNED</b>": the tags are text, not markup.
                const int marks = shown.count(kMark);
                const int literal = shown.count(u"<b>"_s + kMark + u"</b>"_s);
                QVERIFY2(marks == literal,
                    qPrintable(u"%1: %2 shows markup as rich text: %3"_s.arg(
                        view, QString::fromLatin1(widget->metaObject()->className()), shown.left(300))));
            }
            QVERIFY2(m_requests.isEmpty(), qPrintable(view + u" asked for "_s + m_requests.join(u", ")));
            if (firstOpener.isEmpty() && watch.opened.loadRelaxed() > 0)
                firstOpener = view;
        }
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
