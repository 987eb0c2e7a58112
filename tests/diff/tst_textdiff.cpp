// The one text diff (Myers): shortest edit scripts on lines and tokens, changed-word spans of a
// line pair, the unified text the transcript shows, and bounded work on hostile inputs.

#include "diff/textdiff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cwi;
using namespace cwi::textdiff;
using namespace Qt::StringLiterals;

namespace {

QVector<quint32> seq(const char *text)
{
    QVector<quint32> out;
    for (const char *c = text; *c; ++c)
        out.append(quint32(*c));
    return out;
}

// Replays EDITS on A; the result must be B, and every Equal run must really be equal.
QVector<quint32> replay(const QVector<quint32> &a, const QVector<quint32> &b, const QVector<Edit> &edits)
{
    QVector<quint32> out;
    int oldPos = 0;
    int newPos = 0;
    for (const Edit &e : edits) {
        switch (e.kind) {
        case Edit::Equal:
            if (e.oldIndex != oldPos || e.newIndex != newPos)
                return { 0xffffffff };
            for (int i = 0; i < e.count; ++i) {
                if (a.at(e.oldIndex + i) != b.at(e.newIndex + i))
                    return { 0xfffffffe };
                out.append(a.at(e.oldIndex + i));
            }
            oldPos += e.count;
            newPos += e.count;
            break;
        case Edit::Delete:
            if (e.oldIndex != oldPos)
                return { 0xffffffff };
            oldPos += e.count;
            break;
        case Edit::Insert:
            if (e.newIndex != newPos)
                return { 0xffffffff };
            for (int i = 0; i < e.count; ++i)
                out.append(b.at(e.newIndex + i));
            newPos += e.count;
            break;
        }
    }
    return oldPos == a.size() ? out : QVector<quint32> { 0xfffffffd };
}

int editCount(const QVector<Edit> &edits)
{
    int n = 0;
    for (const Edit &e : edits)
        n += e.kind == Edit::Equal ? 0 : e.count;
    return n;
}

// The shortest edit distance (insertions + deletions) by the textbook LCS table.
int lcsDistance(const QVector<quint32> &a, const QVector<quint32> &b)
{
    QVector<QVector<int>> t(a.size() + 1, QVector<int>(b.size() + 1, 0));
    for (int i = 1; i <= a.size(); ++i)
        for (int j = 1; j <= b.size(); ++j)
            t[i][j] = a.at(i - 1) == b.at(j - 1) ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    return int(a.size() + b.size()) - 2 * t[a.size()][b.size()];
}

QString spanText(QStringView line, const QVector<Span> &spans)
{
    QStringList parts;
    for (const Span &s : spans)
        parts << line.mid(s.start, s.length).toString();
    return parts.join(u'|');
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private slots:
    void shortestScript_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("distance");
        QTest::newRow("both empty") << u""_s << u""_s << 0;
        QTest::newRow("equal") << u"abc"_s << u"abc"_s << 0;
        QTest::newRow("insert only") << u""_s << u"abc"_s << 3;
        QTest::newRow("delete only") << u"abc"_s << u""_s << 3;
        QTest::newRow("Myers' paper") << u"ABCABBA"_s << u"CBABAC"_s << 5;
        QTest::newRow("middle change") << u"xxAyy"_s << u"xxByy"_s << 2;
        QTest::newRow("nothing in common") << u"abcd"_s << u"wxyz"_s << 8;
    }
    void shortestScript()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, distance);
        const QVector<quint32> sa = seq(a.toLatin1().constData());
        const QVector<quint32> sb = seq(b.toLatin1().constData());
        const Result r = diffSequences(sa, sb);
        QVERIFY(r.exact);
        QCOMPARE(replay(sa, sb, r.edits), sb);
        QCOMPARE(editCount(r.edits), distance);
    }

    void randomInputsAreMinimal()
    {
        QRandomGenerator random(42);
        for (int round = 0; round < 300; ++round) {
            QVector<quint32> a;
            QVector<quint32> b;
            const int n = random.bounded(0, 40);
            const int m = random.bounded(0, 40);
            for (int i = 0; i < n; ++i)
                a.append(random.bounded(4));
            for (int i = 0; i < m; ++i)
                b.append(random.bounded(4));
            const Result r = diffSequences(a, b);
            QVERIFY(r.exact);
            QCOMPARE(replay(a, b, r.edits), b);
            QCOMPARE(editCount(r.edits), lcsDistance(a, b));
        }
    }

    void linesKeepMovedContextAligned()
    {
        // Trimming both ends only would replace b, c, d; the real diff keeps c and d.
        const Result r = diffLines({ u"a"_s, u"b"_s, u"c"_s, u"d"_s }, { u"a"_s, u"X"_s, u"c"_s, u"d"_s, u"Y"_s });
        const QVector<Edit> expected = {
            { Edit::Equal, 0, 0, 1 },
            { Edit::Delete, 1, 1, 1 },
            { Edit::Insert, 2, 1, 1 },
            { Edit::Equal, 2, 2, 2 },
            { Edit::Insert, 4, 4, 1 },
        };
        QCOMPARE(r.edits, expected);
    }

    void completelyDifferentLongInputsFallBack()
    {
        // 60,000 distinct elements on each side: D would be 120,000. The budget stops the search
        // and the whole middle is reported as replaced, still a correct script.
        QVector<quint32> a;
        QVector<quint32> b;
        for (quint32 i = 0; i < 60000; ++i) {
            a.append(i);
            b.append(i + 1000000);
        }
        a.prepend(7);
        b.prepend(7);
        const Result r = diffSequences(a, b);
        QVERIFY(!r.exact);
        QCOMPARE(r.edits.size(), 3);
        QCOMPARE(r.edits.at(0), (Edit { Edit::Equal, 0, 0, 1 }));
        QCOMPARE(r.edits.at(1).kind, Edit::Delete);
        QCOMPARE(r.edits.at(2).kind, Edit::Insert);
        QCOMPARE(replay(a, b, r.edits), b);
    }

    void longInputsWithFewChangesStayExact()
    {
        QStringList a;
        for (int i = 0; i < 200000; ++i)
            a << u"line %1"_s.arg(i);
        QStringList b = a;
        b[10] = u"changed"_s;
        b.removeAt(100000);
        b.insert(150000, u"inserted"_s);
        const Result r = diffLines(a, b);
        QVERIFY(r.exact);
        int deleted = 0;
        int inserted = 0;
        for (const Edit &e : r.edits) {
            deleted += e.kind == Edit::Delete ? e.count : 0;
            inserted += e.kind == Edit::Insert ? e.count : 0;
        }
        QCOMPARE(deleted, 2);
        QCOMPARE(inserted, 2);
    }

    void tokens()
    {
        const QString line = u"  foo_bar(x, 42);  // größe 😀"_s;
        QStringList texts;
        for (const Span &s : tokenize(line))
            texts << line.mid(s.start, s.length);
        const QStringList expected = { u"  "_s, u"foo_bar"_s, u"("_s, u"x"_s, u","_s, u" "_s, u"42"_s, u")"_s, u";"_s,
            u"  "_s, u"/"_s, u"/"_s, u" "_s, u"größe"_s, u" "_s, u"😀"_s };
        QCOMPARE(texts, expected);
    }

    void changedWords_data()
    {
        QTest::addColumn<QString>("oldLine");
        QTest::addColumn<QString>("newLine");
        QTest::addColumn<QString>("oldChanged");
        QTest::addColumn<QString>("newChanged");
        QTest::newRow("one value") << u"int x = 1;"_s << u"int x = 2;"_s << u"1"_s << u"2"_s;
        QTest::newRow("renamed word") << u"return total + tax;"_s << u"return sum + tax;"_s << u"total"_s << u"sum"_s;
        QTest::newRow("inserted words") << u"call(a)"_s << u"call(a, b)"_s << u""_s << u", b"_s;
        QTest::newRow("non-ASCII") << u"Größe: 10 €"_s << u"Größe: 12 €"_s << u"10"_s << u"12"_s;
        QTest::newRow("emoji") << u"status = 😀 done"_s << u"status = 😢 done"_s << u"😀"_s << u"😢"_s;
        QTest::newRow("two places") << u"a(1) + b(2)"_s << u"a(3) + b(4)"_s << u"1|2"_s << u"3|4"_s;
        QTest::newRow("nothing shared") << u"alpha beta"_s << u"gamma delta"_s << u""_s << u""_s;
    }
    void changedWords()
    {
        QFETCH(QString, oldLine);
        QFETCH(QString, newLine);
        QFETCH(QString, oldChanged);
        QFETCH(QString, newChanged);
        const WordChanges c = diffWords(oldLine, newLine);
        QCOMPARE(spanText(oldLine, c.oldSpans), oldChanged);
        QCOMPARE(spanText(newLine, c.newSpans), newChanged);
    }

    void unifiedText()
    {
        QStringList a;
        for (int i = 0; i < 20; ++i)
            a << u"l%1"_s.arg(i);
        QStringList b = a;
        b[2] = u"two"_s;
        b[17] = u"seventeen"_s;
        const QString expected = u" l0\n l1\n-l2\n+two\n l3\n l4\n l5\n@@ … @@\n l14\n l15\n l16\n-l17\n"
                                 "+seventeen\n l18\n l19\n"_s;
        QCOMPARE(unifiedDiff(a.join(u'\n'), b.join(u'\n'), 3), expected);
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
