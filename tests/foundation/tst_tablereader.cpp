// The generic table reader: keyset pages in any order, filters compiled with bound values.

#include "fixtures.h"
#include "tablereader.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestTableReader : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<Database> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;

    // Walks the whole query page by page and returns the task names in order.
    QStringList walk(const TableQuery &query, int pageSize, bool backwards = false)
    {
        TableReader reader(m_db);
        const int nameColumn = reader.columns(u"tasks"_s).indexOf(u"name"_s);
        QStringList names;
        std::optional<RowKey> key;
        for (int guard = 0; guard < 1000; ++guard) {
            const TablePage page
                = backwards ? reader.pageBefore(query, key, pageSize) : reader.pageAfter(query, key, pageSize);
            if (!page.ok)
                qWarning("%s", qPrintable(page.error));
            if (page.rows.isEmpty())
                break;
            QStringList chunk;
            for (const TableRow &row : page.rows)
                chunk.append(row.values.at(nameColumn).toString());
            if (backwards) {
                names = chunk + names;
                key = page.rows.first().key;
            } else {
                names += chunk;
                key = page.rows.last().key;
            }
        }
        return names;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(m_path));
        const QString raw = test::openRaw(m_path);
        QVERIFY(test::exec(raw, u"PRAGMA foreign_keys = OFF"_s));
        // 25 tasks; priorities repeat (equal sort keys across page boundaries), some NULL.
        const QStringList priorities { u"high"_s, u"low"_s, u"medium"_s, QString() };
        for (int i = 0; i < 25; ++i) {
            QVariantMap row { { u"name"_s, u"task %1"_s.arg(i, 2, 10, QLatin1Char('0')) },
                { u"status"_s, i % 2 ? u"pending"_s : u"completed"_s } };
            const QString &priority = priorities.at(i % priorities.size());
            row.insert(u"description"_s, priority.isEmpty() ? QVariant() : QVariant(priority));
            QVERIFY(!test::insertRow(raw, u"tasks"_s, row).isEmpty());
        }
        QVERIFY(!test::insertRow(raw, u"tasks"_s,
            { { u"name"_s, u"50% done_100\\x 'quoted'"_s }, { u"status"_s, u"blocked"_s },
                { u"description"_s, QVariant() } })
                     .isEmpty());
        test::closeRaw(raw);
        m_db = Database::open(m_path).database;
        QVERIFY(m_db);
    }

    void keysetPagingVisitsEveryRowOnce_data()
    {
        QTest::addColumn<QString>("sortColumn");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("rowid asc, page 4") << QString() << Qt::AscendingOrder << 4;
        QTest::newRow("rowid desc, page 7") << QString() << Qt::DescendingOrder << 7;
        QTest::newRow("description asc, page 3 (equal keys, NULLs)") << u"description"_s << Qt::AscendingOrder << 3;
        QTest::newRow("description desc, page 5") << u"description"_s << Qt::DescendingOrder << 5;
        QTest::newRow("name asc, page 1") << u"name"_s << Qt::AscendingOrder << 1;
    }
    void keysetPagingVisitsEveryRowOnce()
    {
        QFETCH(QString, sortColumn);
        QFETCH(Qt::SortOrder, order);
        QFETCH(int, pageSize);
        TableQuery query { u"tasks"_s, sortColumn, order, {}, {} };
        const QStringList all = walk(query, 1000);
        QCOMPARE(all.size(), 26);
        QCOMPARE(walk(query, pageSize), all);
        QCOMPARE(walk(query, pageSize, true), all); // from the end backwards: same order
        QCOMPARE(TableReader(m_db).count(query), 26);
    }

    void anchorsPointAtEveryStrideRow()
    {
        TableQuery query { u"tasks"_s, u"description"_s, Qt::AscendingOrder, {}, {} };
        TableReader reader(m_db);
        const QVector<RowKey> anchors = reader.anchors(query, 5);
        QCOMPARE(anchors.size(), 5); // the last rows of each 5: rows 4, 9, 14, 19, 24
        const QStringList all = walk(query, 1000);
        const int nameColumn = reader.columns(u"tasks"_s).indexOf(u"name"_s);
        // Page k + 1 (rows 5(k+1) ..) starts right after anchor k.
        for (int k = 0; k < anchors.size(); ++k) {
            const TablePage page = reader.pageAfter(query, anchors.at(k), 5);
            QCOMPARE(page.rows.value(0).values.value(nameColumn).toString(), all.at(qsizetype(5) * (k + 1)));
        }
    }

    void filters_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<int>("rows");
        QTest::newRow("contains") << u"name"_s << u"task 1"_s << 10;
        QTest::newRow("equals") << u"status"_s << u"=pending"_s << 12;
        QTest::newRow("not equals") << u"status"_s << u"!=pending"_s << 14;
        QTest::newRow("null") << u"description"_s << u"NULL"_s << 7;
        QTest::newRow("not null") << u"description"_s << u"!NULL"_s << 19;
        QTest::newRow("greater") << u"name"_s << u">task 20"_s << 4;
        QTest::newRow("percent is literal") << u"name"_s << u"50%"_s << 1;
        QTest::newRow("underscore is literal") << u"name"_s << u"done_1"_s << 1;
        QTest::newRow("backslash is literal") << u"name"_s << u"\\x"_s << 1;
        QTest::newRow("quotes are data") << u"name"_s << u"'quoted'"_s << 1;
        QTest::newRow("injection is data") << u"name"_s << u"' OR 1=1 --"_s << 0;
        QTest::newRow("sql keywords") << u"status"_s << u"=pending'; DROP TABLE tasks; --"_s << 0;
        QTest::newRow("very long") << u"name"_s << QString(100000, u'x') << 0;
    }
    void filters()
    {
        QFETCH(QString, column);
        QFETCH(QString, expression);
        QFETCH(int, rows);
        TableQuery query { u"tasks"_s, {}, Qt::AscendingOrder, { { column, expression } }, {} };
        TableReader reader(m_db);
        QString error;
        QCOMPARE(reader.count(query, &error), rows);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(reader.pageAfter(query, {}, 100).rows.size(), rows);
        QCOMPARE(reader.count({ u"tasks"_s, {}, Qt::AscendingOrder, {}, {} }), 26); // nothing was dropped
    }

    void globalSearchLooksAtEveryColumn()
    {
        TableReader reader(m_db);
        QCOMPARE(reader.count({ u"tasks"_s, {}, Qt::AscendingOrder, {}, u"task 2"_s }), 5);
        QCOMPARE(reader.count({ u"tasks"_s, {}, Qt::AscendingOrder, {}, u"%"_s }), 1);
    }

    void unknownColumnIsAnError()
    {
        TableReader reader(m_db);
        QString error;
        QCOMPARE(reader.count({ u"tasks"_s, {}, Qt::AscendingOrder, { { u"nope"_s, u"x"_s } }, {} }, &error), -1);
        QVERIFY(error.contains(u"nope"_s));
    }

    void cancelStopsAQuery()
    {
        std::atomic_bool cancel { true };
        TableReader reader(m_db);
        const TablePage page
            = reader.pageAfter({ u"tasks"_s, {}, Qt::AscendingOrder, {}, u"task"_s }, {}, 100, &cancel);
        QVERIFY(!page.ok);
        QVERIFY(page.cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTableReader)
#include "tst_tablereader.moc"
