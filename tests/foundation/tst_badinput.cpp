// Bad input: every file the inspector cannot use gets a clear one-line message and is left
// byte-for-byte unchanged.

#include "database.h"
#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return path;
    }

    void expectError(const QString &path, OpenError error, const QString &phrase)
    {
        const QByteArray before = test::fileDigest(path);
        const auto opened = Database::open(path, { 300, true });
        QVERIFY(!opened.database);
        QCOMPARE(openErrorName(opened.error), openErrorName(error));
        QVERIFY2(opened.message.contains(phrase, Qt::CaseInsensitive), qPrintable(opened.message));
        QVERIFY2(!opened.message.contains(u'\n'), "the message is one line");
        QCOMPARE(test::fileDigest(path), before);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void missingFile() { expectError(m_dir->filePath(u"nope.db"_s), OpenError::NotFound, u"No such file"_s); }
    void directory() { expectError(m_dir->path(), OpenError::IsDirectory, u"folder"_s); }
    void zeroBytes() { expectError(write(u"empty.db"_s, {}), OpenError::EmptyFile, u"empty"_s); }
    void textFile()
    {
        expectError(
            write(u"notes.txt"_s, "hello, this is not a database\n"), OpenError::NotSqlite, u"Not a SQLite database"_s);
    }
    void encryptedLooking()
    {
        QByteArray noise(8192, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919) % 251);
        expectError(write(u"enc.db"_s, noise), OpenError::NotSqlite, u"encrypted"_s);
    }

    void truncatedSqlite()
    {
        const QString full = m_dir->filePath(u"full.db"_s);
        QVERIFY(test::createFixture(full));
        QFile file(full);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.read(file.size() / 3);
        expectError(write(u"truncated.db"_s, bytes), OpenError::Corrupt, u"truncated"_s);
    }

    void corruptPages()
    {
        const QString path = m_dir->filePath(u"corrupt.db"_s);
        QVERIFY(test::createFixture(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(100); // keep the header, wreck the schema page
        file.write(QByteArray(3000, '\xA5'));
        file.close();
        expectError(path, OpenError::Corrupt, u"Cannot read"_s);
    }

    void otherApplication()
    {
        const QString path = m_dir->filePath(u"firefox.sqlite"_s);
        const QString raw = test::openRaw(path);
        QVERIFY(test::exec(raw, u"CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)"_s));
        QVERIFY(test::exec(raw, u"CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, title TEXT)"_s));
        test::closeRaw(raw);
        expectError(path, OpenError::NotCodewalkers, u"another application"_s);
    }

    void emptySqliteDatabase()
    {
        const QString path = m_dir->filePath(u"blank.db"_s);
        const QString raw = test::openRaw(path);
        QVERIFY(test::exec(raw, u"PRAGMA user_version = 1"_s)); // a valid file with no tables
        test::closeRaw(raw);
        expectError(path, OpenError::NotCodewalkers, u"no tables"_s);
    }

    void lockedByAnotherProcess()
    {
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        // The sqlite3 shell holds an exclusive lock in rollback-journal mode while it sleeps.
        if (QStandardPaths::findExecutable(u"sqlite3"_s).isEmpty())
            QSKIP("sqlite3 shell not installed");
        QProcess holder;
        holder.start(u"sqlite3"_s, { path });
        QVERIFY(holder.waitForStarted());
        holder.write("PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT 'locked';\n");
        QVERIFY(holder.waitForReadyRead(5000));
        QByteArray output;
        QTRY_VERIFY((output += holder.readAllStandardOutput()).contains("locked"));
        const QByteArray before = test::fileDigest(path);
        const auto opened = Database::open(path, { 200, true });
        QVERIFY(!opened.database);
        QCOMPARE(openErrorName(opened.error), openErrorName(OpenError::Locked));
        QVERIFY2(opened.message.contains(u"locked by another process"_s), qPrintable(opened.message));
        holder.write("ROLLBACK;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(5000));
        QCOMPARE(test::fileDigest(path), before);
        QVERIFY(Database::open(path).database); // fine once released
    }

    void readOnlyFolderOpensReadOnly()
    {
        const QString sub = m_dir->filePath(u"ro"_s);
        QVERIFY(QDir().mkpath(sub));
        const QString path = sub + u"/cw.db"_s;
        QVERIFY(test::createFixture(path));
        QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const QByteArray before = test::fileDigest(path);
        const auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.message));
        QVERIFY(opened.database->schema().isCodewalkers());
        QString error;
        const bool rootCanWriteAnyway = QFileInfo(sub).isWritable();
        if (!rootCanWriteAnyway) {
            QVERIFY(!opened.database->enableWriting(&error));
            QVERIFY2(error.contains(u"read-only"_s), qPrintable(error));
        }
        QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(test::fileDigest(path), before);
    }

    void readConnectionRefusesWrites()
    {
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        const QByteArray before = test::fileDigest(path);
        const auto opened = Database::open(path);
        QVERIFY(opened.database);
        QSqlQuery q(QSqlDatabase::database(opened.database->readConnection()));
        QVERIFY(!q.exec(u"INSERT INTO initiatives (id, name) VALUES ('x', 'y')"_s));
        QCOMPARE(test::fileDigest(path), before);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
