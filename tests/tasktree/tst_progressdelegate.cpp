// The task tree's progress cell: the "done/total" label is never clipped, whatever its length
// ("5015/20036" read "015/20036" when the label had room for four digits a side).

#include "tasks/progressdelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QTest>

class TestProgressDelegate : public QObject
{
    Q_OBJECT

private slots:
    void labelGetsItsWholeWidth_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("cellWidth");
        QTest::newRow("short, wide column") << QStringLiteral("3/7") << 150;
        QTest::newRow("long, wide column") << QStringLiteral("5015/20036") << 150;
        QTest::newRow("long, narrow column") << QStringLiteral("5015/20036") << 110;
        QTest::newRow("huge") << QStringLiteral("1234567/20000000") << 150;
    }
    void labelGetsItsWholeWidth()
    {
        QFETCH(QString, label);
        QFETCH(int, cellWidth);
        const QFontMetrics metrics(QApplication::font());
        const QRect cell(4, 0, cellWidth - 8, 24);
        const auto places = cwi::ProgressDelegate::layout(metrics, cell, label);
        QVERIFY2(places.label.width() >= metrics.horizontalAdvance(label),
            qPrintable(
                QStringLiteral("%1 px for %2 px").arg(places.label.width()).arg(metrics.horizontalAdvance(label))));
        QVERIFY(cell.contains(places.label));
        if (places.bar.width() > 0)
            QVERIFY(places.bar.right() < places.label.left());
    }
};

QTEST_MAIN(TestProgressDelegate)
#include "tst_progressdelegate.moc"
