// The dashboard page over a fixture file: numbers are links that navigate and filter, agent
// names navigate to the agent, a reload follows another connection's commit, and the page
// renders to a non-empty image (also over the demo database).

#include "../tasktree/workfixture.h"
#include "dashboard/dashboardcard.h"
#include "dashboard/dashboardview.h"
#include "database.h"
#include "demo/demoseeder.h"
#include "linktext.h"

#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

// Everything the page says: its labels and its cards' rich text.
QString pageText(const QWidget &page)
{
    QString text;
    for (const QLabel *label : page.findChildren<QLabel *>())
        text += label->text() + u'\n';
    for (const LinkText *rich : page.findChildren<LinkText *>())
        text += rich->text() + u'\n';
    return text;
}

} // namespace

class TestDashboardView : public QObject
{
    Q_OBJECT
private:
    // How many columns the cards sit in: the distinct left edges of the cards shown.
    static int cardColumns(DashboardView &view)
    {
        QSet<int> lefts;
        for (const DashboardCard *card : view.findChildren<DashboardCard *>()) {
            if (card->isVisible())
                lefts.insert(card->mapTo(&view, QPoint()).x());
        }
        return int(lefts.size());
    }

    static bool settle(DashboardView &view)
    {
        QSignalSpy loaded(&view, &DashboardView::loaded);
        return !view.isBusy() || loaded.wait(10000);
    }

private slots:
    void numbersAreLinks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cw.db"_s);
        QVERIFY(test::buildWorkFixture(path, NameStyle::CamelCase));
        AppContext ctx;
        ctx.setDatabase(Database::open(path).database);
        DashboardView view(&ctx);
        view.resize(1100, 800);
        QVERIFY(settle(view));
        const QStringList links = view.linkTargets();
        QVERIFY2(links.contains(u"tasks|status|=blocked"_s), qPrintable(links.join(u", ")));
        QVERIFY(links.contains(u"agents|status|=running"_s));
        QVERIFY(links.contains(u"review_comments|phaseId|=P2"_s));
        QVERIFY(links.contains(u"agents#A1"_s));

        QSignalSpy navigations(&ctx, &AppContext::navigateRequested);
        QSignalSpy filters(&view, &DashboardView::openFilteredTable);
        view.activateLink(u"link:"_s + QString::number(links.indexOf(u"tasks|status|=blocked"_s)));
        QCOMPARE(navigations.size(), 1);
        QCOMPARE(navigations.last().first().value<EntityRef>(), (EntityRef { u"tasks"_s, QString() }));
        QCOMPARE(filters.size(), 1);
        QCOMPARE(filters.last(), (QVariantList { u"tasks"_s, u"status"_s, u"=blocked"_s }));

        view.activateLink(u"link:"_s + QString::number(links.indexOf(u"agents#A1"_s)));
        QCOMPARE(navigations.last().first().value<EntityRef>(), (EntityRef { u"agents"_s, u"A1"_s }));
        QCOMPARE(filters.size(), 1); // a row link does not filter
        view.activateLink(u"link:999"_s); // stale or hostile hrefs are ignored
        view.activateLink(u"javascript:alert(1)"_s);
        QCOMPARE(navigations.size(), 2);

        // A reload that finds nothing new keeps the page as it is (no flicker).
        auto *scroll = view.findChild<QScrollArea *>();
        QVERIFY(scroll);
        QWidget *page = scroll->widget();
        {
            QSignalSpy loaded(&view, &DashboardView::loaded);
            ctx.notifyDataChanged();
            QVERIFY(loaded.wait(10000));
        }
        QCOMPARE(scroll->widget(), page);

        // Another connection commits: the numbers follow.
        const QString c = test::openRaw(path);
        QVERIFY(!test::insertRow(c, u"tasks"_s, test::row({ { u"name"_s, u"New"_s }, { u"status"_s, u"blocked"_s } }))
                     .isEmpty());
        test::closeRaw(c);
        QSignalSpy loaded(&view, &DashboardView::loaded);
        ctx.notifyDataChanged();
        QVERIFY(loaded.wait(10000));
        qint64 blocked = 0;
        for (const StatusCount &s : view.snapshot().taskStatus)
            blocked += s.status == u"blocked" ? s.count : 0;
        QCOMPARE(blocked, 2);
        QVERIFY(scroll->widget() != page);
    }

    void longListsStopAfterAFewRows()
    {
        // 40 phases with open comments: the card lists a few and links to all of them (one label
        // holding 863 phases took seconds of the UI thread to lay out on a large file).
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cw.db"_s);
        QVERIFY(test::buildWorkFixture(path, NameStyle::SnakeCase));
        const QString c = test::openRaw(path);
        for (int i = 0; i < 40; ++i) {
            const QString phase = u"Q%1"_s.arg(i);
            QVERIFY(!test::insertRow(c, u"phases"_s,
                test::row({ { u"id"_s, phase }, { u"initiativeId"_s, u"I1"_s }, { u"name"_s, u"phase-%1"_s.arg(i) },
                    { u"status"_s, u"in_progress"_s } }))
                         .isEmpty());
            QVERIFY(!test::insertRow(c, u"review_comments"_s,
                test::row({ { u"phaseId"_s, phase }, { u"filePath"_s, u"a.ts"_s }, { u"lineNumber"_s, 1 },
                    { u"lineType"_s, u"added"_s }, { u"body"_s, u"?"_s }, { u"resolved"_s, 0 } }))
                         .isEmpty());
        }
        test::closeRaw(c);
        AppContext ctx;
        ctx.setDatabase(Database::open(path).database);
        DashboardView view(&ctx);
        view.resize(1100, 800);
        QVERIFY(settle(view));
        QCOMPARE(view.snapshot().unresolvedComments.size(), 41);
        const QStringList links = view.linkTargets();
        QCOMPARE(links.filter(u"phases#"_s).size(), DashboardView::kListed); // P2 (2 comments), then 7 more
        QVERIFY(pageText(view).contains(u"and 33 more"_s));
        QVERIFY(view.linkTargets().contains(u"review_comments|resolved|=0"_s));
    }

    void noDatabase()
    {
        AppContext ctx;
        DashboardView view(&ctx);
        QVERIFY(!view.isBusy());
        QVERIFY(!view.snapshot().error.isEmpty());
        QVERIFY(!view.grab().isNull());
    }

    void rendersDemoDatabase()
    {
        QTemporaryDir dir;
        const DemoResult demo = createDemoDatabase(dir.filePath(u"demo.db"_s), dir.filePath(u"repo"_s));
        QVERIFY2(demo.ok, qPrintable(demo.error));
        AppContext ctx;
        ctx.setDatabase(Database::open(demo.databasePath).database);
        DashboardView view(&ctx);
        view.resize(1200, 860);
        QVERIFY(settle(view));
        QVERIFY(view.snapshot().error.isEmpty());
        QVERIFY(view.linkTargets().size() > 20);
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), QSize(1200, 860));
        if (const QString out = qEnvironmentVariable("CWI_SCREENSHOT_DIR"); !out.isEmpty())
            view.grab().save(QDir(out).filePath(u"dashboard.png"_s));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(cardColumns(view), 3);
        view.resize(720, 860); // the page beside two docks: the cards reflow to two columns
        QTRY_COMPARE(cardColumns(view), 2);
        if (const QString out = qEnvironmentVariable("CWI_SCREENSHOT_DIR"); !out.isEmpty())
            view.grab().save(QDir(out).filePath(u"dashboard-narrow.png"_s));
        view.resize(480, 860); // a narrow dock: one column
        QTRY_COMPARE(cardColumns(view), 1);
        view.resize(1200, 860);
        QTRY_COMPARE(cardColumns(view), 3);
    }

    void costIsAddedUpOnRequest()
    {
        QTemporaryDir dir;
        const DemoResult demo = createDemoDatabase(dir.filePath(u"demo.db"_s), dir.filePath(u"repo"_s));
        QVERIFY2(demo.ok, qPrintable(demo.error));
        {
            // A name with a placeholder in it is shown as it is, not filled in by the card's numbers.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rename"_s);
            db.setDatabaseName(demo.databasePath);
            QVERIFY(db.open());
            QSqlQuery rename(db);
            QVERIFY(rename.exec(u"UPDATE initiatives SET name = name || ' %3' WHERE name = 'User authentication'"_s));
            QCOMPARE(rename.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"rename"_s);
        AppContext ctx;
        ctx.setDatabase(Database::open(demo.databasePath).database);
        DashboardView view(&ctx);
        QVERIFY(settle(view));
        const auto pageText = [&view] { return ::pageText(view); };
        QVERIFY(pageText().contains(u"Add up now"_s)); // nothing is read until asked
        QVERIFY(!pageText().contains(u"as of"_s));
        // Only the cost card is built again: the rest of the page (and its layout) stays.
        QPointer<QLabel> heading;
        for (QLabel *label : view.findChildren<QLabel *>())
            heading = label->text() == u"INITIATIVES"_s ? label : heading.data();
        QVERIFY(heading);
        const QStringList links = view.linkTargets();
        view.activateLink(u"cost:compute"_s);
        QTRY_VERIFY(pageText().contains(u"as of"_s));
        QVERIFY(!view.isBusy());
        QVERIFY(heading);
        QCOMPARE(pageText().count(u"Add up now"_s), 0); // the old card is gone, not hidden beside
        // The page's links are kept; the cost card's own follow them.
        QCOMPARE(view.linkTargets().mid(0, links.size()), links);
        QVERIFY(view.linkTargets().size() > links.size());
        QVERIFY(view.linkTargets().constLast().startsWith(u"initiatives#"_s));
        // Added up again: the card's links replace its old ones, they do not pile up.
        const qsizetype linkCount = view.linkTargets().size();
        view.activateLink(u"cost:compute"_s);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.linkTargets().size(), linkCount);
        // The demo's initiatives have agents with finished sessions: a cost in dollars per initiative.
        QVERIFY(pageText().contains(u"User authentication %3</a>"_s)); // the cost card's link
        QVERIFY(QRegularExpression(u"\\$[1-9][0-9]*\\.[0-9]{2}"_s).match(pageText()).hasMatch());
    }
};

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
