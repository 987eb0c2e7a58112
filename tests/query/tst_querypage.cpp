// The Query page on the real MainWindow, driven with keys: Ctrl+4, type, Ctrl+Enter, rows
// appear; an error is marked where it is; Esc cancels a runaway query; a write is refused with
// editing on and the file stays byte-identical.

#include "appcontext.h"
#include "browse/tablemodel.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "query/querymodel.h"
#include "query/querypage.h"
#include "query/queryresultview.h"
#include "query/sqleditor.h"
#include "realwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestQueryPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    QString m_task7; // the id of "task 7", which an agent works on

    static void type(SqlEditor *editor, const QString &sql)
    {
        editor->selectAll();
        QTest::keyClick(editor, Qt::Key_Delete);
        QTest::keyClicks(editor, sql);
        editor->completer()->popup()->hide();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(m_path));
        const QString c = test::openRaw(m_path);
        for (int i = 0; i < 30; ++i) {
            const QString id
                = test::insertRow(c, u"tasks"_s, { { u"name"_s, u"task %1"_s.arg(i) }, { u"status"_s, u"pending"_s } });
            if (i == 7)
                m_task7 = id;
        }
        QVERIFY(!test::insertRow(
            c, u"agents"_s, { { u"name"_s, u"calm-heron"_s }, { u"taskId"_s, m_task7 }, { u"worktreeId"_s, u"w"_s } })
                     .isEmpty());
        test::closeRaw(c);
    }

    void typeRunCancel()
    {
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path, true)); // editing on: the Query page stays read-only
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QByteArray before = test::fileDigest(m_path);

        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QueryPage *page = window.queryPage();
        QTRY_VERIFY(page->isVisible());
        SqlEditor *editor = page->editor();
        editor->setFocus();
        type(editor, u"SELECT name, status FROM tasks ORDER BY name"_s);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QueryResultView *result = page->currentResult();
        QTRY_COMPARE(result->model()->state(), QueryModel::State::Done);
        QCOMPARE(result->view()->model()->rowCount(), 30);
        QCOMPARE(result->model()->data(result->model()->index(0, 0)).toString(), u"task 0"_s);
        QVERIFY(result->statusText().contains(u"30 rows"_s));

        // Explain reads the statement's plan over the open file and shows it in place of the rows.
        page->findChild<QToolButton *>(u"queryExplain"_s)->click();
        QVERIFY(result->showsPlan());
        QTRY_VERIFY(result->planView()->model()->rowCount() > 0);
        QVERIFY2(result->statusText().startsWith(u"Query plan"_s) || result->statusText().contains(u"tasks"_s),
            qPrintable(result->statusText()));

        // An error is marked in the editor where SQLite found it.
        type(editor, u"SELECT name FROM tasks WHERE"_s);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(result->model()->state(), QueryModel::State::Failed);
        QTRY_COMPARE(editor->extraSelections().size(), 1);
        QVERIFY2(result->statusText().contains(u"ends too early"_s), qPrintable(result->statusText()));

        // A write is refused, editing on or not.
        type(editor, u"UPDATE tasks SET name = 'x'"_s);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(result->model()->state(), QueryModel::State::Failed);
        QVERIFY(result->statusText().contains(u"only reads"_s));

        // Esc stops a runaway query.
        type(editor,
            u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000) "
            "SELECT count(*) FROM c AS a, c AS b"_s);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(page->isBusy());
        QVERIFY(window.isBusy());
        QTest::keyClick(editor, Qt::Key_Escape);
        QCOMPARE(result->model()->state(), QueryModel::State::Cancelled);
        QVERIFY(!page->isBusy());
        QTRY_VERIFY(!window.isBusy());

        QCOMPARE(test::fileDigest(m_path), before);
        // The history is in the data folder.
        QVERIFY(QDir(m_dir.filePath(u"data"_s)).exists());
    }

    void exportOntoTheDatabaseIsRefused()
    {
        // Export… to the database's own path, through the real save dialog: a clear refusal in a
        // plain-text message box, the file byte-identical, nothing created beside it.
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path, false));
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QByteArray before = test::fileDigest(m_path);
        const QStringList files = QDir(m_dir.path()).entryList(QDir::Files);

        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QueryPage *page = window.queryPage();
        QTRY_VERIFY(page->isVisible());
        type(page->editor(), u"SELECT name FROM tasks"_s);
        QTest::keyClick(page->editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(page->currentResult()->model()->state(), QueryModel::State::Done);

        // The dialogs are modal: answer them from a timer while exec() runs. The answers are
        // queued, so a box that one answer opens (replace the existing file?) is answered too.
        QString refusal;
        Qt::TextFormat refusalFormat = Qt::AutoText;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
                // selectFile() leaves a focused name field alone (QFileDialog keeps what the user
                // types), so type the path where the user would.
                auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
                QVERIFY(name);
                name->setText(m_path);
                QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                if (box->windowTitle() == QObject::tr("Export failed")) {
                    refusal = box->text();
                    refusalFormat = box->textFormat();
                }
                QAbstractButton *yes = box->button(QMessageBox::Yes);
                QMetaObject::invokeMethod(yes ? yes : box->button(QMessageBox::Ok), "click", Qt::QueuedConnection);
            }
        });
        answer.start(50);
        auto *exportButton = page->findChild<QToolButton *>(u"queryExport"_s);
        QVERIFY(exportButton && exportButton->isEnabled());
        exportButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(!refusal.isEmpty(), 20000);
        answer.stop();
        QVERIFY2(refusal.contains(u"refused"_s) && refusal.contains(u"is the open database"_s), qPrintable(refusal));
        QCOMPARE(refusalFormat, Qt::PlainText);
        QTRY_VERIFY(!window.isBusy());
        QCOMPARE(test::fileDigest(m_path), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), files);
    }

    // Results in the table browser's grid: a foreign key shows the name of the row it points at
    // (the id stays the cell's value and is in the tool tip).
    void foreignKeysShowNames()
    {
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QueryPage *page = window.queryPage();
        QTRY_VERIFY(page->isVisible());
        type(page->editor(), u"SELECT name, task_id FROM agents"_s);
        QTest::keyClick(page->editor(), Qt::Key_Return, Qt::ControlModifier);
        QueryModel *model = page->currentResult()->model();
        QTRY_COMPARE(model->state(), QueryModel::State::Done);
        const QModelIndex cell = model->index(0, 1);
        QTRY_COMPARE(cell.data().toString(), u"task 7"_s);
        QCOMPARE(cell.data(TableModel::RawValueRole).toString(), m_task7);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(m_task7));
        QCOMPARE(cell.data(TableModel::ReferenceRole).toString(), u"tasks"_s);
        QCOMPARE(model->index(0, 0).data().toString(), u"calm-heron"_s); // not a foreign key: as stored
        QTRY_VERIFY(!window.isBusy());
    }

    void completionUsesTheFilesSpelling()
    {
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        QStringList words;
        QAbstractItemModel *model = window.queryPage()->editor()->completer()->model();
        for (int i = 0; i < model->rowCount(); ++i)
            words.append(model->index(i, 0).data().toString());
        QVERIFY(words.contains(u"retry_count"_s)); // the fixture is snake_case
        QVERIFY(words.contains(u"agent_log_chunks"_s));
        QVERIFY(!words.contains(u"retryCount"_s));
    }
};

QTEST_MAIN(TestQueryPage)
#include "tst_querypage.moc"
