// The schema map: what the inspector learns about a file before any query runs.

#include "database.h"
#include "entities.h"
#include "fixtures.h"
#include "migrationrunner.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestSchemaMap : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void spelling_data()
    {
        QTest::addColumn<NameStyle>("style");
        QTest::addColumn<QString>("taskParentColumn");
        QTest::newRow("snake_case") << NameStyle::SnakeCase << u"parent_task_id"_s;
        QTest::newRow("camelCase") << NameStyle::CamelCase << u"parentTaskId"_s;
    }
    void spelling()
    {
        QFETCH(NameStyle, style);
        QFETCH(QString, taskParentColumn);
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path, style));
        const auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        const SchemaMap &schema = opened.database->schema();
        QVERIFY(schema.isCodewalkers());
        QCOMPARE(schema.nameStyle(), style);
        QVERIFY(schema.missingTables().isEmpty());
        QCOMPARE(schema.table(u"tasks"_s)->column(u"parentTaskId"_s), taskParentColumn);
        QVERIFY(schema.problem().isEmpty());
    }

    void recordsMigrationsAsDrizzleDoes()
    {
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        const QVector<Migration> embedded = MigrationRunner::embedded();
        QVERIFY(!embedded.isEmpty());
        const auto opened = Database::open(path);
        QVERIFY(opened.database);
        const auto &applied = opened.database->schema().migrations();
        QCOMPARE(applied.size(), embedded.size());
        for (int i = 0; i < embedded.size(); ++i) {
            QCOMPARE(applied.at(i).hash, embedded.at(i).hash);
            QCOMPARE(applied.at(i).hash,
                QString::fromLatin1(QCryptographicHash::hash(embedded.at(i).sql, QCryptographicHash::Sha256).toHex()));
            QVERIFY(applied.at(i).createdAtMs > 1'600'000'000'000); // milliseconds
        }
        const QString raw = test::openRaw(path);
        {
            QSqlQuery q(QSqlDatabase::database(raw));
            QVERIFY(q.exec(u"SELECT count(*) FROM __drizzle_migrations WHERE id IS NOT NULL"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 0); // Drizzle's quirk: id stays NULL
        }
        test::closeRaw(raw);
    }

    void runnerNeverTouchesAFileWithTables()
    {
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        const QByteArray before = test::fileDigest(path);
        const QString raw = test::openRaw(path);
        const MigrationRunner::Result result = MigrationRunner::applyAll(raw);
        test::closeRaw(raw);
        QVERIFY(!result.ok);
        QVERIFY(result.error.contains(u"already has tables"_s));
        QCOMPARE(test::fileDigest(path), before);
    }

    void timestampUnits_data()
    {
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<TimestampUnit>("unit");
        QTest::newRow("seconds") << QVariant(1'780'000'000) << TimestampUnit::Seconds;
        QTest::newRow("milliseconds") << QVariant(qint64(1780000000123)) << TimestampUnit::Milliseconds;
        QTest::newRow("iso text") << QVariant(u"2026-05-01T10:00:00Z"_s) << TimestampUnit::IsoText;
        QTest::newRow("null") << QVariant() << TimestampUnit::AllNull;
    }
    void timestampUnits()
    {
        QFETCH(QVariant, stored);
        QFETCH(TimestampUnit, unit);
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        const QString raw = test::openRaw(path);
        QVERIFY(test::exec(raw, u"PRAGMA foreign_keys = OFF"_s));
        QVERIFY(!test::insertRow(
            raw, u"projects"_s, { { u"name"_s, u"x"_s }, { u"url"_s, u"/x"_s }, { u"lastFetchedAt"_s, stored } })
                     .isEmpty());
        test::closeRaw(raw);
        const auto opened = Database::open(path);
        QVERIFY(opened.database);
        QCOMPARE(opened.database->schema().table(u"projects"_s)->timestampUnits.value(u"lastFetchedAt"_s), unit);
        if (unit != TimestampUnit::AllNull)
            QCOMPARE(cwi::Timestamp { stored }.toDateTime().date().year(), 2026);
    }

    void olderSchemaOpensAndSaysWhatIsMissing()
    {
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        const QString raw = test::openRaw(path);
        QVERIFY(test::exec(raw, u"PRAGMA foreign_keys = OFF"_s));
        QVERIFY(test::exec(raw, u"DROP TABLE review_comments"_s));
        QVERIFY(test::exec(raw, u"ALTER TABLE tasks DROP COLUMN retry_count"_s));
        test::closeRaw(raw);
        const auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        const SchemaMap &schema = opened.database->schema();
        QVERIFY(schema.isCodewalkers());
        QVERIFY(schema.missingTables().contains(u"review_comments"_s));
        QVERIFY(!schema.table(u"tasks"_s)->has(u"retryCount"_s));
        QVERIFY(schema.problem().contains(u"tasks.retryCount"_s));
        QVERIFY(schema.problem().contains(u"review_comments"_s));
    }

    void unknownTablesAndColumnsAreKept()
    {
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        const QString raw = test::openRaw(path);
        QVERIFY(test::exec(raw, u"CREATE TABLE plugin_state (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID"_s));
        QVERIFY(test::exec(raw, u"ALTER TABLE tasks ADD COLUMN shiny_new TEXT"_s));
        test::closeRaw(raw);
        const auto opened = Database::open(path);
        QVERIFY(opened.database);
        const SchemaMap &schema = opened.database->schema();
        QVERIFY(schema.hasTable(u"plugin_state"_s));
        QVERIFY(schema.table(u"plugin_state"_s)->withoutRowid);
        QVERIFY(schema.table(u"tasks"_s)->columnIndex(u"shiny_new"_s) >= 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSchemaMap)
#include "tst_schemamap.moc"
