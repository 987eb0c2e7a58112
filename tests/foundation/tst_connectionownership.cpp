// Who closes a per-thread read connection: the Database that opened it, from its own thread,
// never the thread's exit code. (A thread_local destructor that closed connections ran after
// main() had returned, in pooled threads torn down with the application, and crashed ~5% of
// --screenshot runs.)

#include "database.h"
#include "fixtures.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

class TestConnectionOwnership : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(cwi::test::createFixture(m_path));
    }

    void aThreadEndingTouchesNoConnection()
    {
        auto opened = cwi::Database::open(m_path);
        QVERIFY(opened.database);
        const auto db = opened.database;
        QString used;
        bool queried = false;
        QThread *worker = QThread::create([&] {
            used = db->readConnection();
            QSqlQuery query(QSqlDatabase::database(used, false));
            queried = query.exec(u"SELECT count(*) FROM tasks"_s) && query.next();
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(queried);
        // The thread is gone; its connection is still the Database's, registered and untouched.
        QVERIFY(QSqlDatabase::connectionNames().contains(used));
    }

    void theDatabaseClosesEveryConnectionItOpened()
    {
        QStringList names;
        {
            auto opened = cwi::Database::open(m_path);
            QVERIFY(opened.database);
            const auto db = opened.database;
            for (int i = 0; i < 3; ++i) {
                QThread *worker = QThread::create([&] { names.append(db->readConnection()); });
                worker->start();
                QVERIFY(worker->wait(10000));
                delete worker;
            }
            names.append(db->readConnection());
            names.removeDuplicates();
            QCOMPARE(names.size(), 4);
            for (const QString &name : std::as_const(names))
                QVERIFY(QSqlDatabase::connectionNames().contains(name));
        }
        const QStringList left = QSqlDatabase::connectionNames();
        for (const QString &name : std::as_const(names))
            QVERIFY2(!left.contains(name), qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(TestConnectionOwnership)
#include "tst_connectionownership.moc"
