// The log dock over a fixture file: an agent's sessions, the transcript, search, first error,
// raw mode, follow mode, a deleted agent, an agent without a log. Set CWI_SCREENSHOT_DIR to also
// render the dock over the demo database to PNG.

#include "fixtures.h"
#include "streamjson.h"

#include "appcontext.h"
#include "demo/demoseeder.h"
#include "logs/logview.h"
#include "transcript/logsearch.h"
#include "transcript/sessionlistmodel.h"
#include "transcript/transcriptfiltermodel.h"
#include "transcript/transcriptmodel.h"
#include "workrepositories.h"

#include <QComboBox>
#include <QJsonObject>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace cwi;
using namespace Qt::StringLiterals;
namespace sj = cwi::test::streamjson;

class TestLogView : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw-%1.db"_s.arg(++m_serial));
        QVERIFY(test::createFixture(m_path, m_serial % 2 ? NameStyle::CamelCase : NameStyle::SnakeCase));
        const QString raw = test::openRaw(m_path);
        QVERIFY(!test::insertRow(raw, u"agents"_s,
            { { u"id"_s, u"ag1"_s }, { u"name"_s, u"swift-otter"_s }, { u"status"_s, u"running"_s },
                { u"mode"_s, u"execute"_s }, { u"provider"_s, u"claude"_s }, { u"prompt"_s, u"Fix the parser"_s },
                { u"worktreeId"_s, u"wt-otter"_s }, { u"result"_s, u"{not json"_s } })
                     .isEmpty());
        const QByteArray bytes = sj::conversation();
        for (qsizetype at = 0; at < bytes.size(); at += 700)
            chunk(raw, u"ag1"_s, u"swift-otter"_s, 1, bytes.mid(at, 700), 1000 + at);
        chunk(raw, u"ag1"_s, u"swift-otter"_s, 2, sj::init() + sj::toolResult(u"x"_s, u"boom"_s, true), 5000);
        chunk(raw, u"gone"_s, u"dusty-beaver"_s, 1, sj::init(), 100);
        test::closeRaw(raw);
        const auto opened = Database::open(m_path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        m_ctx = std::make_unique<AppContext>();
        m_ctx->setDatabase(opened.database);
    }
    void cleanup() { m_ctx.reset(); }

    void showsTheNewestSessionThenAnother()
    {
        LogView view(m_ctx.get());
        view.resize(1200, 700);
        view.showAgent(u"ag1"_s);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.sessionModel()->sessionCount(), 2);
        QCOMPARE(view.sessionNumber(), 2); // newest first
        QCOMPARE(view.transcriptModel()->rowCount(), 2);
        QVERIFY(view.statusText().contains(u"2 lines"_s));

        view.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.transcriptModel()->rowCount(), 8);
        QVERIFY(view.statusText().contains(u"3 turns"_s));
        const QModelIndex one = view.sessionModel()->indexOf(u"ag1"_s, 1);
        QTRY_COMPARE(one.siblingAtColumn(SessionListModel::OutcomeColumn).data().toString(), u"success"_s);
        QCOMPARE(view.sessionModel()
                     ->indexOf(u"ag1"_s, 2)
                     .siblingAtColumn(SessionListModel::OutcomeColumn)
                     .data()
                     .toString(),
            u"running"_s);
    }

    // A session of 24 MB: the reader is far faster than the transcript appends, and waits while
    // 8 MB it read are not appended yet (the UI thread is held here for a while, as a busy one
    // is); without the wait all of it sat in memory twice, queued and appended.
    void bigSessionKeepsItsReadPartsBounded()
    {
        {
            const QString raw = test::openRaw(m_path);
            const QByteArray text
                = sj::assistant({ QJsonObject { { u"type"_s, u"text"_s }, { u"text"_s, QString(1000, u'x') } } });
            QByteArray content;
            while (content.size() < qsizetype(64) * 1024)
                content += text;
            for (int i = 0; i < 384; ++i)
                chunk(raw, u"ag1"_s, u"swift-otter"_s, 3, content, 10000 + i);
            test::closeRaw(raw);
        }
        LogView view(m_ctx.get());
        view.resize(1200, 700);
        view.showSession(u"ag1"_s, 3);
        QThread::msleep(800); // the UI thread appends nothing meanwhile; the reader runs on
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
        QVERIFY(view.transcriptModel()->rowCount() > 20000);
        const qint64 limit = qint64(8) * 1024 * 1024;
        QVERIFY2(view.session()->partBytesPeak() <= limit + qint64(2) * 1024 * 1024,
            qPrintable(u"%1 MB in flight"_s.arg(view.session()->partBytesPeak() / 1024 / 1024)));
    }

    // The kind filter's proxy watches the transcript only while a filter is on: attached to a
    // 100 MB session it kept a mapping for every call with a result, shown or not.
    void kindFilterProxyOnlyWhileFiltering()
    {
        LogView view(m_ctx.get());
        view.resize(1200, 700);
        view.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!view.isBusy());
        auto *proxy = view.findChild<TranscriptFilterModel *>();
        QVERIFY(proxy);
        QComboBox *combo = nullptr;
        for (QComboBox *c : view.findChildren<QComboBox *>()) {
            if (c->count() == TranscriptFilterModel::FilterCount)
                combo = c;
        }
        QVERIFY(combo);
        QVERIFY(combo->isEnabled());
        QCOMPARE(view.transcriptView()->model(), view.transcriptModel());
        QVERIFY(!proxy->sourceModel());

        combo->setCurrentIndex(TranscriptFilterModel::ToolEvents);
        QCOMPARE(view.transcriptView()->model(), proxy);
        QCOMPARE(proxy->sourceModel(), view.transcriptModel());
        QVERIFY(proxy->rowCount() > 0);
        QVERIFY(proxy->rowCount() < view.transcriptModel()->rowCount());

        // Another kind is one layout change of the proxy, not rows removed and inserted range
        // by range: the view moved its whole row list for each range (30 s on 110,000 lines).
        QSignalSpy removed(proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(proxy, &QAbstractItemModel::layoutChanged);
        combo->setCurrentIndex(TranscriptFilterModel::TextEvents);
        QCOMPARE(layout.size(), 1);
        QCOMPARE(removed.size(), 0);
        QVERIFY(proxy->rowCount() > 0);

        combo->setCurrentIndex(TranscriptFilterModel::AllEvents);
        QCOMPARE(view.transcriptView()->model(), view.transcriptModel());
        QVERIFY(!proxy->sourceModel());
        QCOMPARE(view.transcriptView()->model()->rowCount(), 8);
    }

    // A filter with few rows opens them (a call with its result and input); one with more than
    // a thousand leaves them closed: opening a row parses its event, on the UI thread.
    void kindFilterOpensFewRowsOnly()
    {
        {
            const QString raw = test::openRaw(m_path);
            QByteArray content = sj::init();
            for (int i = 0; i < 1001; ++i) {
                const QString id = u"call%1"_s.arg(i);
                content += sj::assistant({ sj::toolUse(id, u"Read"_s, { { u"file_path"_s, u"/a"_s } }) })
                    + sj::toolResult(id, u"text"_s, i == 7);
            }
            chunk(raw, u"ag1"_s, u"swift-otter"_s, 3, content, 20000);
            test::closeRaw(raw);
        }
        LogView view(m_ctx.get());
        view.resize(1200, 700);
        view.showSession(u"ag1"_s, 3);
        QTRY_VERIFY(!view.isBusy());
        QComboBox *combo = nullptr;
        for (QComboBox *c : view.findChildren<QComboBox *>()) {
            if (c->count() == TranscriptFilterModel::FilterCount)
                combo = c;
        }
        QVERIFY(combo && combo->isEnabled());
        const QAbstractItemModel *shown = nullptr;

        combo->setCurrentIndex(TranscriptFilterModel::ErrorEvents);
        shown = view.transcriptView()->model();
        QCOMPARE(shown->rowCount(), 1); // the call whose result failed
        QVERIFY(view.transcriptView()->isExpanded(shown->index(0, 0)));

        combo->setCurrentIndex(TranscriptFilterModel::ToolEvents);
        shown = view.transcriptView()->model();
        QCOMPARE(shown->rowCount(), 1001);
        QVERIFY(!view.transcriptView()->isExpanded(shown->index(0, 0)));
        QVERIFY(shown->hasChildren(shown->index(0, 0))); // and open by hand
    }

    void searchAndFirstError()
    {
        LogView view(m_ctx.get());
        view.resize(1200, 700);
        view.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!view.isBusy());
        view.session()->search()->find(u"caller"_s);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.session()->search()->hitCount(), 3);
        // The first hit (the Task call) is current; the next one is inside the Task, expanded.
        QCOMPARE(view.transcriptView()->currentIndex().data(TranscriptModel::LineRole).toInt(), 6);
        view.session()->search()->findNext();
        const QModelIndex second = view.transcriptView()->currentIndex();
        QCOMPARE(second.data(TranscriptModel::LineRole).toInt(), 7);
        QVERIFY(view.transcriptView()->isExpanded(second.parent()));
        view.session()->search()->findPrevious();
        QCOMPARE(view.transcriptView()->currentIndex().data(TranscriptModel::LineRole).toInt(), 6);

        view.showSession(u"ag1"_s, 2);
        QTRY_VERIFY(!view.isBusy());
        view.session()->jumpToFirstError();
        QCOMPARE(view.transcriptView()->currentIndex().data(TranscriptModel::LineRole).toInt(), 1);
        QVERIFY(view.transcriptView()->currentIndex().data(TranscriptModel::IsErrorRole).toBool());
    }

    // The search's progress bar and Cancel show while it runs, not as an empty box and a greyed
    // button at rest (they squeezed the search field at 1024 px).
    void searchProgressOnlyWhileSearching()
    {
        LogView view(m_ctx.get());
        view.resize(1024, 700);
        view.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!view.isBusy());
        auto *progress = view.findChild<QProgressBar *>();
        QVERIFY(progress);
        auto cancelShown = [&view] {
            for (QToolButton *button : view.findChildren<QToolButton *>()) {
                if (button->text() == u"Cancel"_s && !button->isHidden())
                    return true;
            }
            return false;
        };
        QVERIFY(progress->isHidden());
        QVERIFY(!cancelShown());
        LogSearch *search = view.session()->search();
        // Captured by value: the connection lives as long as the view, longer than these locals.
        const auto shownWhileSearching = std::make_shared<bool>(false);
        connect(search, &LogSearch::changed, &view, [search, progress, cancelShown, shownWhileSearching] {
            if (search->isSearching())
                *shownWhileSearching = !progress->isHidden() && cancelShown();
        });
        search->find(u"caller"_s);
        QTRY_VERIFY(!view.isBusy());
        QTRY_COMPARE(search->hitCount(), 3);
        QVERIFY(*shownWhileSearching);
        QVERIFY(progress->isHidden());
        QVERIFY(!cancelShown());
    }

    void followModeAppendsNewChunks()
    {
        LogView view(m_ctx.get());
        view.resize(1200, 700);
        view.showSession(u"ag1"_s, 2);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.transcriptModel()->rowCount(), 2);
        const QString raw = test::openRaw(m_path);
        const QByteArray more = sj::assistant({ sj::text(u"still going"_s) }, u"msg_x"_s);
        chunk(raw, u"ag1"_s, u"swift-otter"_s, 2, more.left(30), 6000);
        chunk(raw, u"ag1"_s, u"swift-otter"_s, 2, more.mid(30), 6000);
        test::closeRaw(raw);
        m_ctx->notifyDataChanged();
        QTRY_COMPARE(view.transcriptModel()->rowCount(), 3);
        QTRY_VERIFY(!view.isBusy());
        const QModelIndex last = view.transcriptModel()->index(2, 0);
        QCOMPARE(last.data(TranscriptModel::BodyRole).toString(), u"still going"_s);
        QVERIFY(view.statusText().contains(u"3 lines"_s));

        view.setFollowing(false);
        const QString writer = test::openRaw(m_path);
        chunk(writer, u"ag1"_s, u"swift-otter"_s, 2, sj::systemNote(u"api_retry"_s), 7000);
        test::closeRaw(writer);
        m_ctx->notifyDataChanged();
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.transcriptModel()->rowCount(), 3); // not following: nothing read
    }

    void deletedAgentAndAgentWithoutLog()
    {
        LogView view(m_ctx.get());
        view.resize(1200, 700);
        view.showAgent(u"gone"_s);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.transcriptModel()->rowCount(), 1);
        QVERIFY(view.sessionModel()->index(0, 0).data(SessionListModel::IsDeletedRole).toBool());

        const QString raw = test::openRaw(m_path);
        QVERIFY(!test::insertRow(raw, u"agents"_s,
            { { u"id"_s, u"quiet"_s }, { u"name"_s, u"quiet-owl"_s }, { u"worktreeId"_s, u"wt-owl"_s } })
                     .isEmpty());
        test::closeRaw(raw);
        view.showAgent(u"quiet"_s);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.transcriptModel()->rowCount(), 0);
        QCOMPARE(view.sessionModel()->sessionCount(), 0);

        view.showAllLogs();
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.sessionModel()->rowCount(), 2); // swift-otter, then the deleted dusty-beaver
        QVERIFY(view.sessionModel()->index(1, 0).data().toString().contains(u"dusty-beaver"_s));
        // Opening a session from the full list keeps the list.
        view.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.sessionModel()->rowCount(), 2);
        QCOMPARE(view.transcriptModel()->rowCount(), 8);

        // From one agent to another agent's session: that agent's sessions are listed.
        view.showAgent(u"gone"_s);
        QTRY_VERIFY(!view.isBusy());
        view.showSession(u"ag1"_s, 1);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.sessionModel()->sessionCount(), 2);
        QCOMPARE(view.sessionNumber(), 1);
        QCOMPARE(view.transcriptModel()->rowCount(), 8);
    }

    void screenshotOverDemo()
    {
        const QString out = qEnvironmentVariable("CWI_SCREENSHOT_DIR");
        if (out.isEmpty())
            QSKIP("set CWI_SCREENSHOT_DIR to render the log dock over the demo database");
        QTemporaryDir demoDir;
        const DemoResult demo = createDemoDatabase(demoDir.filePath(u"demo.db"_s), demoDir.filePath(u"repo"_s));
        QVERIFY2(demo.ok, qPrintable(demo.error));
        const auto opened = Database::open(demo.databasePath);
        QVERIFY(opened.database);
        AppContext ctx;
        ctx.setDatabase(opened.database);
        const QVector<Agent> agents = makeAgentRepository(opened.database)->findAll();
        LogView view(&ctx);
        view.resize(1400, 860);
        view.show();
        for (const Agent &agent : agents) {
            view.showAgent(agent.id);
            QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 20000);
            QVERIFY(view.grab().save(out + u"/log-"_s + agent.name + u".png"_s));
        }
        // The long session: a search, an expanded edit (diff), raw mode with chunk marks.
        const auto falcon
            = std::find_if(agents.cbegin(), agents.cend(), [](const Agent &a) { return a.name == u"swift-falcon"; });
        QVERIFY(falcon != agents.cend());
        view.showSession(falcon->id, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 20000);
        view.session()->search()->find(u"password"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 20000);
        QVERIFY(view.session()->search()->hitCount() > 0);
        QVERIFY(view.grab().save(out + u"/log-search.png"_s));
        TranscriptModel *model = view.transcriptModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(TranscriptModel::HeaderRole).toString() == u"Edit") {
                view.transcriptView()->expand(index);
                view.transcriptView()->scrollTo(index, QAbstractItemView::PositionAtTop);
                break;
            }
        }
        QVERIFY(view.grab().save(out + u"/log-edit.png"_s));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(TranscriptModel::HeaderRole).toString() == u"Task") {
                view.transcriptView()->expandRecursively(index);
                view.transcriptView()->scrollTo(index, QAbstractItemView::PositionAtTop);
                break;
            }
        }
        QVERIFY(view.grab().save(out + u"/log-task.png"_s));
        view.setRawMode(true);
        QVERIFY(view.grab().save(out + u"/log-raw.png"_s));
    }

private:
    static void chunk(const QString &connection, const QString &agentId, const QString &name, int session,
        const QByteArray &content, qint64 createdAt)
    {
        QVERIFY(!test::insertRow(connection, u"agent_log_chunks"_s,
            { { u"agentId"_s, agentId }, { u"agentName"_s, name }, { u"sessionNumber"_s, session },
                { u"content"_s, content }, { u"createdAt"_s, createdAt } })
                     .isEmpty());
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;
    std::unique_ptr<AppContext> m_ctx;
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
