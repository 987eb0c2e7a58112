// The real binary exits cleanly every time: 200 offscreen screenshot runs (each loads its view
// on pooled threads, then tears everything down). Before the connection ownership fix about 5%
// of such runs died with SIGSEGV at exit.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestExitStress : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcess *start(int n)
    {
        auto *process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(CWI_INSPECTOR_BINARY),
            { u"--demo"_s, u"--screenshot"_s, m_home.filePath(u"shot-%1.png"_s.arg(n % 4)), u"--view"_s, u"tasks"_s,
                u"--size"_s, u"640x480"_s });
        return process;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QProcess *first = start(0); // creates the demo once
        QVERIFY(first->waitForFinished(120000));
        QCOMPARE(first->exitCode(), 0);
    }

    void twoHundredRunsExitCleanly()
    {
        constexpr int kRuns = 200;
        int crashes = 0;
        QStringList failures;
        // Four at a time: a run mostly waits for its view to settle, so two cores keep up.
        constexpr int kParallel = 4;
        for (int n = 0; n < kRuns; n += kParallel) {
            QList<QProcess *> batch;
            for (int i = 0; i < kParallel; ++i)
                batch.append(start(n + i));
            for (QProcess *p : std::as_const(batch)) {
                if (!p->waitForFinished(60000))
                    p->kill();
                p->waitForFinished();
                const bool crashed = p->exitStatus() != QProcess::NormalExit || p->exitCode() >= 124;
                if (crashed || p->exitCode() != 0) {
                    crashes += crashed;
                    failures.append(u"exit status %1 code %2: %3"_s.arg(int(p->exitStatus()))
                                        .arg(p->exitCode())
                                        .arg(QString::fromUtf8(p->readAllStandardError().trimmed())));
                }
                delete p;
            }
        }
        QVERIFY2(failures.isEmpty(),
            qPrintable(u"%1 of %2 runs failed (%3 crashed):\n"_s.arg(failures.size()).arg(kRuns).arg(crashes)
                + failures.mid(0, 5).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestExitStress)
#include "tst_exitstress.moc"
