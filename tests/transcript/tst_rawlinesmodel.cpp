// Raw mode: every stored line as it is, with the places where one chunk ended and the next began,
// long lines cut for display, and rows appended (not reset) while a running agent writes.

#include "transcript/rawlinesmodel.h"
#include "transcript/transcript.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestRawLinesModel : public QObject
{
    Q_OBJECT

private slots:
    void linesAreShownAsStoredWithChunkCuts()
    {
        Transcript t;
        t.append("{\"type\":\"system\"}\n{\"type\":\"assis");
        t.append("tant\"}\n{\"type\":\"result\"}\n");
        RawLinesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTranscript(&t);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data().toString(), u"{\"type\":\"system\"}"_s);
        // The second line was cut across two chunks: ‖ marks where the second one begins.
        QCOMPARE(model.index(1).data().toString(), u"{\"type\":\"assis‖tant\"}"_s);
        QCOMPARE(model.index(1).data(RawLinesModel::ChunkCutsRole).toInt(), 1);
        QCOMPARE(model.index(1).data(Qt::EditRole).toString(), u"{\"type\":\"assistant\"}"_s);
        QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains(u"2 chunks"_s));
        QVERIFY(model.index(0).data(RawLinesModel::ChunkStartRole).toBool());
        QVERIFY(!model.index(2).data(RawLinesModel::ChunkStartRole).toBool());
        QCOMPARE(model.index(2).data(RawLinesModel::ByteCountRole).toLongLong(), 17);

        model.setMarkChunks(false);
        QCOMPARE(model.index(1).data().toString(), u"{\"type\":\"assistant\"}"_s);
        QVERIFY(!model.index(0).data(RawLinesModel::ChunkStartRole).toBool());
    }

    void longLinesAreCutForDisplay()
    {
        Transcript t;
        const QByteArray huge = "{\"text\":\"" + QByteArray(100000, 'x') + "\"}\n";
        t.append(huge);
        RawLinesModel model;
        model.setTranscript(&t);
        const QString shown = model.index(0).data().toString();
        QVERIFY(shown.size() < RawLinesModel::MaxShownChars + 40);
        QVERIFY(shown.endsWith(u"(%1 bytes)"_s.arg(huge.size() - 1)));
    }

    void controlCharactersAreShownEscaped()
    {
        Transcript t;
        t.append("{\"a\":\"\x1b[31mred\x07\"}\n");
        RawLinesModel model;
        model.setTranscript(&t);
        const QString shown = model.index(0).data().toString();
        QVERIFY(!shown.contains(QChar(0x1b)));
        QVERIFY(!shown.contains(QChar(0x07)));
        QVERIFY(shown.contains(u"red"_s));
    }

    void growingTranscriptAppendsRows()
    {
        Transcript t;
        t.append("{\"n\":1}\n{\"n\":");
        RawLinesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTranscript(&t);
        QCOMPARE(model.rowCount(), 2); // the incomplete tail is a row too
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        t.append("2}\n{\"n\":3}\n");
        model.refresh();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1); // the tail that grew
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(model.index(1).data().toString(), u"{\"n\":‖2}"_s);
        QCOMPARE(model.index(2).data().toString(), u"{\"n\":3}"_s);
    }
};

QTEST_MAIN(TestRawLinesModel)
#include "tst_rawlinesmodel.moc"
