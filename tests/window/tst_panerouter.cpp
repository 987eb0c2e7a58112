// The pane interface's routing on panes that only say what they show: a row goes to every pane
// that can show it, the first that is the place to read it (a page, else a bottom pane, else a
// side pane) is raised, --view goes to the pane it names, Back shows the row before.

#include "browse/tablebrowser.h"
#include "navigationhistory.h"
#include "pagelayouts.h"
#include "pane.h"
#include "panehost.h"
#include "panerouter.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

class FakePane : public QWidget, public Pane
{
public:
    FakePane(Info info, std::function<Fit(const EntityRef &)> fit)
        : m_info(std::move(info))
        , m_fit(std::move(fit))
    { }
    Info paneInfo() const override { return m_info; }
    JobTracker *jobs() const override { return nullptr; }
    Fit canShow(const EntityRef &ref) const override { return m_fit(ref); }
    void showEntity(const EntityRef &ref) override { shown.append(ref); }
    bool showView(const QStringList &args, EntityRef *follow, QString *) override
    {
        if (args.size() != 1)
            return false;
        shown.append({ u"view"_s, args.first() });
        *follow = { u"agents"_s, args.first() };
        return true;
    }

    QVector<EntityRef> shown;

private:
    Info m_info;
    std::function<Fit(const EntityRef &)> m_fit;
};

Pane::Info info(const QString &id, Pane::Place place, const QString &view = {})
{
    return { id, id, {}, place, {}, {}, view };
}

} // namespace

class TestPaneRouter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    AppContext m_context; // no file: the table page shows nothing here
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QMainWindow> m_window;
    QTabWidget *m_pages = nullptr;
    PaneHost *m_host = nullptr;
    PaneRouter *m_router = nullptr;
    FakePane *m_dashboard = nullptr, *m_review = nullptr, *m_detail = nullptr, *m_tree = nullptr, *m_log = nullptr,
             *m_docs = nullptr;

    QDockWidget *dock(FakePane *pane) const { return m_host->dockOf(pane); }

private slots:
    void init()
    {
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        m_window = std::make_unique<QMainWindow>();
        m_pages = new QTabWidget(m_window.get());
        m_window->setCentralWidget(m_pages);
        auto *layouts = new PageLayouts(m_window.get(), m_pages, m_settings.get());
        m_host = new PaneHost(m_window.get(), m_pages, layouts, 100);
        const auto rowOf = [](const char *table) {
            return [table](const EntityRef &ref) {
                return ref.table == QLatin1String(table) ? Pane::Shows : Pane::CannotShow;
            };
        };
        m_dashboard
            = new FakePane(info(u"dashboard"_s, Pane::Place::Page), [](const EntityRef &) { return Pane::CannotShow; });
        m_review = new FakePane(info(u"review"_s, Pane::Place::Page), rowOf("review"));
        m_tree = new FakePane(info(u"tree"_s, Pane::Place::LeftDock),
            [](const EntityRef &ref) { return ref.table == u"tasks" ? Pane::Follows : Pane::CannotShow; });
        m_detail = new FakePane(info(u"detail"_s, Pane::Place::RightDock),
            [](const EntityRef &ref) { return ref.table == u"review" ? Pane::CannotShow : Pane::Shows; });
        m_log = new FakePane(info(u"log"_s, Pane::Place::BottomDock, u"log"_s),
            [](const EntityRef &ref) { return ref.table == u"agents" ? Pane::Follows : Pane::CannotShow; });
        m_docs = new FakePane(info(u"docs"_s, Pane::Place::BottomDock), rowOf("pages"));
        // Added in an order that is not the reading order: the router must not depend on it.
        for (FakePane *pane : { m_dashboard, m_tree, m_detail, m_log, m_docs, m_review })
            m_host->add(pane);
        m_router = new PaneRouter(m_host, new TableBrowser(&m_context, m_window.get()), m_window.get());
        m_window->resize(1000, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        dock(m_detail)->hide();
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
    }

    void everyPaneThatCanShowARowShowsIt()
    {
        m_router->navigate({ u"tasks"_s, u"t1"_s });
        QCOMPARE(m_detail->shown.size(), 1);
        QCOMPARE(m_tree->shown.size(), 1);
        QVERIFY(m_log->shown.isEmpty());
        QVERIFY(dock(m_detail)->isVisible()); // the place to read it is raised
        QVERIFY(!dock(m_log)->isVisible());
    }

    // Two panes are the place to read a page: the bottom pane (room to read) is raised, the
    // side pane shows it too but stays as it was.
    void aBottomPaneReadsBeforeASidePane()
    {
        m_router->navigate({ u"pages"_s, u"p1"_s });
        QVERIFY(dock(m_docs)->isVisible());
        QCOMPARE(m_docs->shown.size(), 1);
        QCOMPARE(m_detail->shown.size(), 1);
        QVERIFY(!dock(m_detail)->isVisible());
    }

    void aPageReadsBeforeThePanes()
    {
        m_router->navigate({ u"review"_s, u"ph1"_s });
        QCOMPARE(m_pages->currentWidget(), m_review);
        QVERIFY(m_detail->shown.isEmpty());
    }

    void aFollowingPaneIsNotRaised()
    {
        m_router->navigate({ u"agents"_s, u"a1"_s });
        QCOMPARE(m_log->shown.size(), 1);
        QVERIFY(!dock(m_log)->isVisible());
        QVERIFY(dock(m_detail)->isVisible());
    }

    void aViewGoesToItsPaneAndTheOthersFollow()
    {
        QString error;
        QVERIFY(m_router->showView(u"log:a1"_s, &error));
        QVERIFY(dock(m_log)->isVisible());
        QCOMPARE(m_log->shown.size(), 1); // its view, not the row the others follow
        QCOMPARE(m_detail->shown.size(), 1);
        QCOMPARE(m_detail->shown.first().table, u"agents"_s);
        QVERIFY(!m_router->showView(u"log"_s, &error));
        QVERIFY(error.contains(u"Unknown view"_s));
        QVERIFY(!m_router->showView(u"nothing:x"_s, &error));
    }

    void backShowsTheRowBefore()
    {
        m_router->navigate({ u"tasks"_s, u"t1"_s });
        m_router->navigate({ u"tasks"_s, u"t2"_s });
        QVERIFY(m_router->history()->backAction()->isEnabled());
        m_router->history()->back();
        QCOMPARE(m_detail->shown.last().id, u"t1"_s);
        QVERIFY(m_router->history()->forwardAction()->isEnabled());
    }
};

QTEST_MAIN(TestPaneRouter)
#include "tst_panerouter.moc"
