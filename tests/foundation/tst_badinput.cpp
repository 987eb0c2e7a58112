// Bad input: every file the inspector cannot use gets a clear one-line message and is left
// byte-for-byte unchanged.

#include "database.h"
#include "fixtures.h"
#include "inforeport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <memory>

#include <sys/stat.h>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        QString path = m_dir->filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return path;
    }

    QStringList filesBeside(const QString &path) const
    {
        return QDir(QFileInfo(path).absolutePath()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    }

    // Refused with ERROR and PHRASE in one line; the file byte-identical and nothing new beside
    // it. READABLE false: a FIFO or device, whose bytes the test must not read either.
    void expectError(const QString &path, OpenError error, const QString &phrase, bool readable = true)
    {
        const QByteArray before = readable ? test::fileDigest(path) : QByteArray();
        const QStringList beside = filesBeside(path);
        const auto opened = Database::open(path, { 300, true });
        QVERIFY(!opened.database);
        QCOMPARE(openErrorName(opened.error), openErrorName(error));
        QVERIFY2(opened.message.contains(phrase, Qt::CaseInsensitive), qPrintable(opened.message));
        QVERIFY2(!opened.message.contains(u'\n'), "the message is one line");
        if (readable)
            QCOMPARE(test::fileDigest(path), before);
        QCOMPARE(filesBeside(path), beside);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void missingFile() { expectError(m_dir->filePath(u"nope.db"_s), OpenError::NotFound, u"No such file"_s); }
    void directory()
    {
        // A folder inside the test's own: what is "beside" it is the test's, not /tmp's, where
        // other programs come and go.
        const QString folder = m_dir->filePath(u"a-folder.db"_s);
        QVERIFY(QDir().mkpath(folder));
        expectError(folder, OpenError::IsDirectory, u"folder"_s);
    }
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

    void fifoIsNeverOpened()
    {
        const QString path = m_dir->filePath(u"pipe.db"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        expectError(path, OpenError::NotSqlite, u"FIFO"_s, false); // returns: open() would block
    }

    void devices_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("/dev/null") << u"/dev/null"_s;
        QTest::newRow("/dev/urandom") << u"/dev/urandom"_s;
    }
    void devices()
    {
        QFETCH(QString, path);
        expectError(path, OpenError::NotSqlite, u"device"_s, false);
    }

    void symbolicLinks()
    {
        const QString loop = m_dir->filePath(u"loop.db"_s);
        QVERIFY(QFile::link(loop, loop));
        expectError(loop, OpenError::NotFound, u"symbolic link loop"_s, false);
        const QString dangling = m_dir->filePath(u"dangling.db"_s);
        QVERIFY(QFile::link(m_dir->filePath(u"gone.db"_s), dangling));
        expectError(dangling, OpenError::NotFound, u"does not exist"_s, false);
    }

    void hotRollbackJournal()
    {
        // An interrupted write left a journal: only a writer may roll it back; say so.
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path));
        QByteArray journal = QByteArray::fromHex("d9d505f920a163d7") + QByteArray::fromHex("ffffffff")
            + QByteArray(4, '\x01') + QByteArray(4, '\0') + QByteArray::fromHex("00000200")
            + QByteArray::fromHex("00001000");
        journal.append(QByteArray(512 - journal.size(), '\0'));
        write(u"cw.db-journal"_s, journal);
        const QByteArray journalBefore = test::fileDigest(path + u"-journal"_s);
        expectError(path, OpenError::Unreadable, u"hot rollback journal"_s);
        QCOMPARE(test::fileDigest(path + u"-journal"_s), journalBefore);
    }

    void truncatedWithAStaleHeaderIsReportedDamaged()
    {
        // The header's page count is stale (not trusted), the file lacks its last pages: it may
        // open, but --info says what it could not read and nothing claims it healthy.
        const QString full = m_dir->filePath(u"full.db"_s);
        QVERIFY(test::createFixture(full));
        const QString raw = test::openRaw(full);
        for (int i = 0; i < 60; ++i)
            test::insertRow(raw, u"agent_log_chunks"_s,
                { { u"agentId"_s, u"a"_s }, { u"agentName"_s, u"a"_s }, { u"sessionNumber"_s, 1 },
                    { u"content"_s, QString(900, u'x') }, { u"createdAt"_s, 1700000000 + i } });
        test::closeRaw(raw);
        QFile file(full);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.read(file.size() - qint64(8) * 4096);
        bytes[92] = char(bytes[92] + 1); // "version-valid-for" no longer matches: header count not used
        const QString path = write(u"stale.db"_s, bytes);
        const QByteArray before = test::fileDigest(path);
        const QStringList beside = filesBeside(path);
        const auto opened = Database::open(path);
        if (opened.database) {
            const QJsonObject report = infoReport(*opened.database);
            QVERIFY(report.value(u"damaged").toBool());
            QVERIFY(!report.value(u"problems").toArray().isEmpty());
        }
        QCOMPARE(test::fileDigest(path), before);
        QCOMPARE(filesBeside(path), beside);
    }

    void corruptLogPagesAreReportedDamaged()
    {
        // A leaf in the middle of the log table wrecked: the schema and the counts still read
        // (count(*) only walks the pages' headers), so only PRAGMA quick_check finds it. --info's
        // report says "damaged" and what; nothing claims the file healthy.
        const QString path = m_dir->filePath(u"wrecked.db"_s);
        QVERIFY(test::createFixture(path));
        const QString raw = test::openRaw(path);
        for (int i = 0; i < 40; ++i)
            test::insertRow(raw, u"agent_log_chunks"_s,
                { { u"agentId"_s, u"a"_s }, { u"agentName"_s, u"a"_s }, { u"sessionNumber"_s, 1 },
                    { u"content"_s, QString(900, u'x') }, { u"createdAt"_s, 1700000000 + i } });
        int leaf = 0;
        int pageSize = 0;
        {
            QSqlQuery q(QSqlDatabase::database(raw));
            QVERIFY(q.exec(u"SELECT pageno FROM dbstat WHERE name = 'agent_log_chunks' AND pagetype = 'leaf' "
                           u"ORDER BY pageno"_s));
            QList<int> leaves;
            while (q.next())
                leaves.append(q.value(0).toInt());
            QVERIFY(leaves.size() >= 3);
            leaf = leaves.at(leaves.size() / 2);
            QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
            pageSize = q.value(0).toInt();
        }
        test::closeRaw(raw);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(qint64(leaf - 1) * pageSize + 8));
            file.write(QByteArray(pageSize - 8, '\x5A'));
        }
        const QByteArray before = test::fileDigest(path);
        const QStringList beside = filesBeside(path);
        {
            const auto opened = Database::open(path);
            QVERIFY2(opened.database, qPrintable(opened.message));
            const QJsonObject report = infoReport(*opened.database);
            QVERIFY(report.value(u"damaged").toBool());
            QVERIFY(!report.value(u"problems").toArray().isEmpty());
        }
        QCOMPARE(test::fileDigest(path), before);
        QCOMPARE(filesBeside(path), beside);
    }

    void liveWalFileWhoseHeaderIsAheadOfItsLength()
    {
        // A checkpoint copies page 1 (with the new page count) into the file before the pages
        // that make it that long: for a moment the header says more than the file holds. With a
        // -wal beside it the WAL decides the size; that moment is a healthy file, not a truncated one.
        const QString path = m_dir->filePath(u"live.db"_s);
        QVERIFY(test::createFixture(path));
        const QString server = test::openRaw(path);
        QVERIFY(test::exec(server, u"PRAGMA journal_mode=WAL"_s));
        QVERIFY(test::exec(server, u"PRAGMA wal_autocheckpoint=0"_s));
        QVERIFY(test::exec(server, u"BEGIN"_s));
        for (int i = 0; i < 200; ++i)
            test::insertRow(server, u"agent_log_chunks"_s,
                { { u"agentId"_s, u"a"_s }, { u"agentName"_s, u"a"_s }, { u"sessionNumber"_s, 1 },
                    { u"content"_s, QString(900, u'x') }, { u"createdAt"_s, 1700000000 + i } });
        QVERIFY(test::exec(server, u"COMMIT"_s));
        QVERIFY(QFileInfo(path + u"-wal"_s).size() > 0);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const QByteArray header = file.read(100);
            const quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
            const quint32 ahead = quint32(file.size() / pageSize) + 50; // pages the file has not grown to yet
            uchar count[4];
            qToBigEndian(ahead, count);
            QVERIFY(file.seek(28));
            QCOMPARE(file.write(reinterpret_cast<const char *>(count), 4), qint64(4));
        }
        {
            const auto opened = Database::open(path, { 300, true });
            QVERIFY2(opened.database, qPrintable(opened.message));
            QSqlQuery q(QSqlDatabase::database(opened.database->readConnection()));
            QVERIFY(q.exec(u"SELECT count(*) FROM agent_log_chunks"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 200);
        }
        test::closeRaw(server);
    }

    void walFileLeavesNothingBehind()
    {
        // Read-only opens of a WAL file (accepted or refused) remove the -wal and -shm they
        // created; ones that were there before stay.
        const QString path = m_dir->filePath(u"wal.db"_s);
        QVERIFY(test::createFixture(path));
        const QString raw = test::openRaw(path);
        QVERIFY(test::exec(raw, u"PRAGMA journal_mode=WAL"_s));
        test::closeRaw(raw);
        QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
        const QByteArray before = test::fileDigest(path);
        const QStringList beside = filesBeside(path);
        {
            const auto opened = Database::open(path);
            QVERIFY2(opened.database, qPrintable(opened.message));
            QVERIFY(opened.database->schema().isCodewalkers());
            QSqlQuery q(QSqlDatabase::database(opened.database->readConnection()));
            QVERIFY(q.exec(u"SELECT count(*) FROM tasks"_s));
        }
        QCOMPARE(filesBeside(path), beside);
        {
            const auto refused = Database::open(path, { 300, true });
            Q_UNUSED(refused);
        }
        const QString other = m_dir->filePath(u"other.sqlite"_s); // refused: another application's WAL file
        const QString c = test::openRaw(other);
        QVERIFY(test::exec(c, u"PRAGMA journal_mode=WAL"_s));
        QVERIFY(test::exec(c, u"CREATE TABLE moz_places (id INTEGER PRIMARY KEY)"_s));
        test::closeRaw(c);
        const QStringList besideOther = filesBeside(other);
        QVERIFY(!Database::open(other).database);
        QCOMPARE(filesBeside(other), besideOther);
        QCOMPARE(test::fileDigest(path), before);

        // A server's -wal and -shm (it is running) are left alone.
        const QString server = test::openRaw(path);
        QVERIFY(test::exec(server, u"UPDATE tasks SET name = name"_s));
        QVERIFY(QFileInfo::exists(path + u"-shm"_s));
        {
            const auto opened = Database::open(path);
            QVERIFY(opened.database);
        }
        QVERIFY(QFileInfo::exists(path + u"-shm"_s));
        QVERIFY(QFileInfo::exists(path + u"-wal"_s));
        test::closeRaw(server);
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
