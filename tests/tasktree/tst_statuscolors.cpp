// Status colours and labels: one meaning, one colour, across every table that uses the value;
// undocumented values are shown as they are, marked unknown, in a colour of their own.

#include "statuscolors.h"

#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestStatusColors : public QObject
{
    Q_OBJECT
private slots:
    void sameMeaningSameColour_data()
    {
        QTest::addColumn<QString>("tableA");
        QTest::addColumn<QString>("valueA");
        QTest::addColumn<QString>("tableB");
        QTest::addColumn<QString>("valueB");
        QTest::newRow("done") << u"tasks"_s << u"completed"_s << u"errands"_s << u"merged"_s;
        QTest::newRow("working") << u"tasks"_s << u"in_progress"_s << u"agents"_s << u"running"_s;
        QTest::newRow("stuck") << u"tasks"_s << u"blocked"_s << u"agents"_s << u"crashed"_s;
        QTest::newRow("needs a human") << u"phases"_s << u"pending_review"_s << u"agents"_s << u"waiting_for_input"_s;
        QTest::newRow("same value, other table") << u"tasks"_s << u"pending"_s << u"phases"_s << u"pending"_s;
    }

    void sameMeaningSameColour()
    {
        QFETCH(QString, tableA);
        QFETCH(QString, valueA);
        QFETCH(QString, tableB);
        QFETCH(QString, valueB);
        QCOMPARE(statusColor(tableA, u"status"_s, valueA), statusColor(tableB, u"status"_s, valueB));
    }

    void distinctStatesDiffer()
    {
        const QStringList task { u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s };
        for (const QString &a : task) {
            for (const QString &b : task) {
                if (a != b)
                    QVERIFY2(statusColor(u"tasks"_s, u"status"_s, a) != statusColor(u"tasks"_s, u"status"_s, b),
                        qPrintable(a + u" vs "_s + b));
            }
        }
    }

    void labels_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("label");
        QTest::newRow("enum") << u"tasks"_s << u"status"_s << u"in_progress"_s << u"In progress"_s;
        QTest::newRow("other enum field") << u"tasks"_s << u"priority"_s << u"high"_s << u"High"_s;
        QTest::newRow("unknown") << u"tasks"_s << u"status"_s << u"frozen"_s << u"Frozen (unknown)"_s;
        QTest::newRow("empty") << u"tasks"_s << u"status"_s << QString() << u"—"_s;
        QTest::newRow("unknown table") << u"custom"_s << u"state"_s << u"odd_one"_s << u"Odd one"_s;
    }

    void labels()
    {
        QFETCH(QString, table);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, label);
        QCOMPARE(statusLabel(table, field, value), label);
    }

    void unknownValuesStandOut()
    {
        QCOMPARE(statusColor(u"tasks"_s, u"status"_s, u"frozen"_s), unknownStatusColor());
        QVERIFY(!isKnownStatus(u"tasks"_s, u"status"_s, u"frozen"_s));
        QVERIFY(isKnownStatus(u"tasks"_s, u"status"_s, u"blocked"_s));
        QVERIFY(!statusIcon(u"tasks"_s, u"status"_s, u"blocked"_s).isNull());
        QCOMPARE(contrastingTextColor(QColor(Qt::white)), QColor(Qt::black));
        QCOMPARE(contrastingTextColor(QColor(0x20, 0x20, 0x60)), QColor(Qt::white));
    }
};

QTEST_MAIN(TestStatusColors)
#include "tst_statuscolors.moc"
