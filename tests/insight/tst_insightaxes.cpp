// The time axes of the insight pages read at 1440x900 and at 1024x768, on the real MainWindow:
// the Timeline's labels never meet, from the whole span down to minutes (Home, then + again and
// again); the Activity page's day labels stay horizontal and whole (never "…" or "⋮"), every
// k-th day when the chart is narrow.

#include "appcontext.h"
#include "fixtures.h"
#include "insight/activityview.h"
#include "insight/chartpanel.h"
#include "insight/insightindex.h"
#include "insight/timelinecanvas.h"
#include "insight/timelineview.h"
#include "insightlog.h"
#include "mainwindow.h"
#include "realwindow.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestInsightAxes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_sessions = 0;
    int m_serial = 0;

    // One session of AGENT: its chunks written from START over MINUTES (a session lasts from its
    // first chunk to its last).
    void addSession(const QString &raw, const QString &agentId, const QString &name, int session,
        const QDateTime &start, int minutes)
    {
        const QByteArray bytes = test::demoSession(name);
        const qsizetype chunks = (bytes.size() + 89) / 90;
        for (qsizetype i = 0; i < chunks; ++i) {
            const qint64 at = start.toSecsSinceEpoch() + qint64(minutes) * 60 * i / std::max<qsizetype>(1, chunks - 1);
            test::insertRow(raw, u"agent_log_chunks"_s,
                { { u"agentId"_s, agentId }, { u"agentName"_s, name }, { u"sessionNumber"_s, session },
                    { u"content"_s, QString::fromUtf8(bytes.mid(i * 90, 90)) }, { u"createdAt"_s, at } });
        }
        ++m_sessions;
    }

    void showFirstRun(MainWindow &window, QSize size)
    {
        window.resize(size);
        window.restoreLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.insightIndex()->hasFacts());
    }

    // The texts a chart draws now (axis labels, titles): Qt Charts lays them out as
    // QGraphicsTextItems in its scene.
    static QList<QGraphicsTextItem *> shownTexts(ChartPanel *panel)
    {
        QList<QGraphicsTextItem *> texts;
        for (QGraphicsItem *item : panel->chartView()->scene()->items()) {
            auto *text = dynamic_cast<QGraphicsTextItem *>(item);
            if (text && text->isVisible())
                texts.append(text);
        }
        return texts;
    }

    // What the chart draws on its day axis, if it is not every shown day whole and level, none
    // over another, and at least two of them; else an empty string.
    static QString dayLabelProblem(ChartPanel *panel)
    {
        const QStringList shown = panel->shownCategories();
        const QString where = panel->chart()->title() + u": "_s;
        if (shown.size() < 2)
            return where + u"%1 day labels"_s.arg(shown.size());
        QVector<QRectF> drawn;
        for (QGraphicsTextItem *text : shownTexts(panel)) {
            const QString plain = text->toPlainText();
            if (plain.contains(u'…') || plain.contains(u"..."_s) || plain.contains(u'⋮'))
                return where + u"cut: "_s + plain;
            if (!shown.contains(plain))
                continue;
            if (text->rotation() != 0)
                return where + u"turned: "_s + plain;
            drawn.append(text->sceneBoundingRect());
        }
        if (drawn.size() != shown.size())
            return where + u"%1 of %2 day labels drawn"_s.arg(drawn.size()).arg(shown.size());
        std::sort(drawn.begin(), drawn.end(), [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
        for (qsizetype i = 1; i < drawn.size(); ++i) {
            if (drawn.at(i - 1).right() >= drawn.at(i).left())
                return where + u"labels overlap"_s;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        qputenv("XDG_CACHE_HOME", m_dir.filePath(u"cache"_s).toUtf8());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(m_path));
        const QString c = test::openRaw(m_path);
        test::insertRow(c, u"initiatives"_s, { { u"id"_s, u"in-1"_s }, { u"name"_s, u"Auth"_s } });
        // Four agents over four months, a session every few days: about forty days with cost.
        const QStringList names { u"brave-otter"_s, u"calm-heron"_s, u"quiet-lynx"_s, u"rapid-ibis"_s };
        for (int a = 0; a < names.size(); ++a) {
            const QString id = u"agent-%1"_s.arg(a + 1);
            test::insertRow(c, u"agents"_s,
                { { u"id"_s, id }, { u"name"_s, names.at(a) }, { u"initiativeId"_s, u"in-1"_s },
                    { u"worktreeId"_s, u"/wt%1"_s.arg(a) }, { u"status"_s, u"idle"_s } });
            for (int s = 0; s < 10; ++s) {
                const QDateTime start(QDate(2026, 8, 1).addDays(a + s * 11), QTime(9 + a, 15));
                addSession(c, id, names.at(a), s + 1, start, 40 + 7 * s);
            }
        }
        test::closeRaw(c);
    }

    void timelineLabelsNeverMeet_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1440x900") << QSize(1440, 900);
        QTest::newRow("1024x768") << QSize(1024, 768);
    }

    void timelineLabelsNeverMeet()
    {
        QFETCH(QSize, size);
        test::RealWindow real(m_dir.filePath(u"t%1.ini"_s.arg(++m_serial)));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        showFirstRun(window, size);
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        auto *timeline = window.findChild<TimelineView *>();
        QTRY_COMPARE(timeline->canvas()->layoutData().sessions().size(), m_sessions);
        QTRY_VERIFY(!timeline->isBusy());
        TimelineCanvas *canvas = timeline->canvas();
        // The whole span fills the width: as first shown, and after the window is resized.
        const auto spanFillsTheWidth = [&] {
            int left = INT_MAX;
            int right = INT_MIN;
            for (int i = 0; i < m_sessions; ++i) {
                left = std::min(left, canvas->barRect(i).left());
                right = std::max(right, canvas->barRect(i).right());
            }
            const int width = canvas->viewport()->width();
            return left >= canvas->labelWidth() && left < canvas->labelWidth() + 20 && right > width - 30
                && right <= width;
        };
        QVERIFY(spanFillsTheWidth());
        window.resize(size.width() > 1024 ? 1024 : 1280, size.height());
        QTRY_VERIFY(spanFillsTheWidth());
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Home);
        // From the whole span (four months) down to a few minutes across.
        for (int zoom = 0; zoom <= 24; ++zoom) {
            canvas->viewport()->repaint();
            const QVector<QRect> &rects = canvas->axisLabelRects();
            const QStringList &labels = canvas->axisLabels();
            const QString where = u"zoom %1: %2"_s.arg(zoom).arg(labels.join(u" | "_s));
            // Two labels at least where the axis has room for more than one of a step's length.
            QVERIFY2(
                rects.size() >= (canvas->viewport()->width() - canvas->labelWidth() >= 300 ? 2 : 1), qPrintable(where));
            for (qsizetype i = 0; i < rects.size(); ++i) {
                QVERIFY2(rects.at(i).left() >= canvas->labelWidth(), qPrintable(where));
                QVERIFY2(rects.at(i).right() <= canvas->viewport()->width(), qPrintable(where));
                QVERIFY2(
                    rects.at(i).width() >= canvas->fontMetrics().horizontalAdvance(labels.at(i)), qPrintable(where));
                if (i > 0)
                    QVERIFY2(rects.at(i - 1).right() + 4 < rects.at(i).left(), qPrintable(where));
            }
            QTest::keyClick(canvas, Qt::Key_Plus);
        }
    }

    void activityDayLabelsRead_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1440x900") << QSize(1440, 900);
        QTest::newRow("1024x768") << QSize(1024, 768);
    }

    void activityDayLabelsRead()
    {
        QFETCH(QSize, size);
        test::RealWindow real(m_dir.filePath(u"a%1.ini"_s.arg(++m_serial)));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        showFirstRun(window, size);
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        auto *activity = window.findChild<ActivityView *>();
        QTRY_VERIFY(!activity->isBusy());
        QTest::qWait(50); // the charts lay out their axes
        int dayCharts = 0;
        for (ChartPanel *panel : activity->findChildren<ChartPanel *>()) {
            if (panel->shownCategories().isEmpty())
                continue; // the tools chart: a name under every bar
            ++dayCharts;
            QTRY_COMPARE(dayLabelProblem(panel), QString());
        }
        QCOMPARE(dayCharts, 3); // cost, cache hits, outcomes
        // The tools chart names every tool whole and level (Bash and Edit in every session).
        ChartPanel *tools = activity->toolChart();
        const auto toolNamesRead = [tools] {
            QStringList level;
            for (QGraphicsTextItem *text : shownTexts(tools)) {
                const QString plain = text->toPlainText();
                if (plain.contains(u'…') || plain.contains(u"..."_s) || plain.contains(u'⋮'))
                    return false;
                if (text->rotation() == 0)
                    level.append(plain);
            }
            return level.contains(u"Bash"_s) && level.contains(u"Edit"_s);
        };
        QTRY_VERIFY(toolNamesRead());
        // Every chart but the one-line cache chart says what its colours are, whole.
        for (ChartPanel *panel : activity->findChildren<ChartPanel *>()) {
            const QString title = panel->chart()->title();
            if (title.startsWith(u"Cache"_s))
                continue;
            auto *own = panel->findChild<QLabel *>(u"chartLegend"_s);
            const QString shown = own->isVisible() ? own->text() : QString();
            QStringList names;
            for (QLegendMarker *marker : panel->chart()->legend()->markers())
                names.append(marker->label());
            QVERIFY2(!names.isEmpty(), qPrintable(title));
            QVERIFY2(panel->chart()->legend()->isVisible() != own->isVisible(), qPrintable(title));
            for (const QString &name : std::as_const(names))
                QVERIFY2(!own->isVisible() || shown.contains(name), qPrintable(title + u": "_s + name));
        }
    }

    // A file whose agents made tens of thousands of tool calls: the tool chart's count axis
    // reads "10k", "20k" under a narrow chart (it read "50…" on the 1.5 GB file at 1024 px).
    void toolCountsRead()
    {
        const QString path = m_dir.filePath(u"busy.db"_s);
        QVERIFY(test::createFixture(path));
        const QString c = test::openRaw(path);
        test::insertRow(c, u"agents"_s,
            { { u"id"_s, u"agent-1"_s }, { u"name"_s, u"busy-bee"_s }, { u"worktreeId"_s, u"/wt"_s },
                { u"status"_s, u"idle"_s } });
        const qint64 start = QDateTime(QDate(2026, 8, 1), QTime(9, 0)).toSecsSinceEpoch();
        // A session every three hours for a month, each of 100 calls (24,000 in all) and $150.
        int call = 0;
        for (int session = 1; session <= 240; ++session) {
            QByteArray content;
            for (int i = 0; i < 100; ++i, ++call) {
                content += test::assistantLine(u"msg_%1"_s.arg(call),
                    { test::toolUse(u"toolu_%1"_s.arg(call), call % 3 ? u"Read"_s : u"Bash"_s,
                        { { u"file_path"_s, u"/src/a.cpp"_s } }) },
                    test::usage(1, 1, 0, 0));
            }
            content += test::resultLine(u"success"_s, 150, 100, test::usage(100, 100, 0, 0));
            test::insertRow(c, u"agent_log_chunks"_s,
                { { u"agentId"_s, u"agent-1"_s }, { u"agentName"_s, u"busy-bee"_s }, { u"sessionNumber"_s, session },
                    { u"content"_s, QString::fromUtf8(content) },
                    { u"createdAt"_s, start + qint64(session) * 3 * 3600 } });
        }
        test::closeRaw(c);

        test::RealWindow real(m_dir.filePath(u"a%1.ini"_s.arg(++m_serial)));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(path));
        window.resize(1024, 768);
        window.restoreLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // 24,000 calls take a while to index on a busy machine (10 s seen beside the full suite).
        QTRY_VERIFY_WITH_TIMEOUT(window.insightIndex()->hasFacts(), 60000);
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        auto *activity = window.findChild<ActivityView *>();
        QTRY_VERIFY_WITH_TIMEOUT(!activity->isBusy(), 30000);
        ChartPanel *tools = activity->toolChart();
        const auto countLabels = [tools] {
            QStringList labels;
            for (QGraphicsTextItem *text : shownTexts(tools)) {
                if (!text->toPlainText().isEmpty() && text->toPlainText().at(0).isDigit())
                    labels.append(text->toPlainText());
            }
            return labels;
        };
        QTRY_VERIFY(countLabels().size() >= 3);
        QTest::qWait(50); // the axis lays out its labels
        const QStringList labels = countLabels();
        for (const QString &label : labels)
            QVERIFY2(!label.contains(u'…') && !label.contains(u"..."_s), qPrintable(labels.join(u", "_s)));
        QVERIFY2(std::any_of(labels.cbegin(), labels.cend(), [](const QString &l) { return l.endsWith(u"0k"_s); }),
            qPrintable(labels.join(u", "_s)));
        // ... and they never meet.
        QVector<QRectF> drawn;
        for (QGraphicsTextItem *text : shownTexts(tools)) {
            if (labels.contains(text->toPlainText()))
                drawn.append(text->sceneBoundingRect());
        }
        std::sort(drawn.begin(), drawn.end(), [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
        for (qsizetype i = 1; i < drawn.size(); ++i)
            QVERIFY2(drawn.at(i - 1).right() + 4 <= drawn.at(i).left(), qPrintable(labels.join(u", "_s)));
        // Hundreds of dollars a day: the cost chart's axis in whole dollars leaves its days room
        // for more than one label (it showed one on the 1.46 GB file at 1024 px).
        for (ChartPanel *panel : activity->findChildren<ChartPanel *>()) {
            if (!panel->shownCategories().isEmpty())
                QTRY_COMPARE(dayLabelProblem(panel), QString());
        }
    }
};

QTEST_MAIN(TestInsightAxes)
#include "tst_insightaxes.moc"
