// What the review has in focus, below the widgets: a comment asked for with its phase is
// revealed once its file is in, n / p wrap around the unresolved comments while j / k stop at
// the ends, and a comment on a file the diff does not have shows that file's outdated comments.

#include "database.h"
#include "diff/difffilelistmodel.h"
#include "diff/difffiletreemodel.h"
#include "diff/diffmodel.h"
#include "diff/reviewfocus.h"
#include "diff/reviewsession.h"
#include "gitfixture.h"
#include "reviewfixture.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestReviewFocus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!test::hasGit())
            QSKIP("git is not installed");
        QVERIFY(m_dir.isValid());
        m_repo = m_dir.filePath(u"repo"_s);
        QVERIFY(test::makeReviewRepo(m_repo));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    }

    void init()
    {
        const QString path = m_dir.filePath(u"review%1.db"_s.arg(++m_serial));
        QVERIFY(test::makeReviewFixture(path, m_repo));
        Database::OpenResult opened = Database::open(path);
        QVERIFY(opened.database);
        m_session = std::make_unique<ReviewSession>(opened.database, m_settings.get());
        m_focus = std::make_unique<ReviewFocus>(m_session.get());
        // As the review page does once it has shown the diff.
        connect(m_session.get(), &ReviewSession::filesAdded, m_focus.get(), &ReviewFocus::onFilesAdded);
        connect(m_session.get(), &ReviewSession::stateChanged, m_focus.get(), [this](ReviewSession::State state) {
            if (state == ReviewSession::State::Ready)
                m_focus->onReady();
        });
    }

    void cleanup()
    {
        m_focus.reset();
        m_session.reset();
    }

    void commentAskedForWithThePhaseIsRevealed()
    {
        QSignalSpy revealed(m_focus.get(), &ReviewFocus::commentRevealed);
        m_focus->showPhase(u"P1"_s, u"RC-added"_s);
        QVERIFY(waitReady());
        QVERIFY(!revealed.isEmpty());
        QCOMPARE(revealed.last().at(0).toString(), u"RC-added"_s);
        const int row = revealed.last().at(1).toInt();
        QVERIFY(row >= 0);
        DiffModel *diff = m_focus->diffModel();
        QCOMPARE(diff->file().path(), u"app.txt"_s);
        QCOMPARE(diff->index(row).data(DiffModel::CommentIdRole).toString(), u"RC-added"_s);
        QCOMPARE(m_focus->currentFile(), m_session->fileModel()->rowOfPath(u"app.txt"_s));
    }

    void unresolvedWrapFilesStop()
    {
        m_focus->showPhase(u"P1"_s);
        QVERIFY(waitReady());
        const QStringList open = m_session->unresolvedInOrder();
        QCOMPARE(open.size(), 3); // RC-added, RC-outdated, RC-gone
        QSignalSpy revealed(m_focus.get(), &ReviewFocus::commentRevealed);
        m_focus->stepUnresolved(-1); // from none, backwards: the last
        m_focus->stepUnresolved(1); // past the last: the first
        m_focus->stepUnresolved(1);
        QStringList seen;
        for (const QList<QVariant> &signal : std::as_const(revealed))
            seen << signal.at(0).toString();
        QCOMPARE(seen, (QStringList { open.at(2), open.at(0), open.at(1) }));

        const QVector<int> order = m_session->fileTree()->filesInTreeOrder();
        m_focus->selectFile(order.first());
        m_focus->stepFile(-1); // before the first file: stays
        QCOMPARE(m_focus->currentFile(), order.first());
        m_focus->selectFile(order.last());
        m_focus->stepFile(1);
        QCOMPARE(m_focus->currentFile(), order.last());
        m_focus->stepFile(-1);
        QCOMPARE(m_focus->currentFile(), order.at(order.size() - 2));
    }

    void commentOnAFileNotInTheDiff()
    {
        m_focus->showPhase(u"P1"_s);
        QVERIFY(waitReady());
        QSignalSpy selected(m_focus.get(), &ReviewFocus::fileSelected);
        QSignalSpy revealed(m_focus.get(), &ReviewFocus::commentRevealed);
        m_focus->revealComment(u"RC-gone"_s);
        QVERIFY(m_focus->diffModel()->isFileNotInDiff());
        QCOMPARE(m_focus->currentFile(), -1);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.at(0).at(0).toInt(), -1); // the tree selects nothing
        QCOMPARE(revealed.size(), 1);
        QVERIFY(revealed.at(0).at(1).toInt() >= 0);
        QVERIFY(m_focus->fileHeader().contains(u"vanished.txt"_s));
        QVERIFY(m_focus->fileHeader().contains(u"not in this diff"_s));
        QVERIFY(!m_focus->isCurrentFileViewed());
    }

private:
    bool waitReady()
    {
        QSignalSpy spy(m_session.get(), &ReviewSession::stateChanged);
        for (int i = 0; i < 100 && (m_session->isBusy() || m_session->state() != ReviewSession::State::Ready); ++i)
            spy.wait(200);
        return m_session->state() == ReviewSession::State::Ready && !m_session->isBusy();
    }

    QTemporaryDir m_dir;
    QString m_repo;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ReviewSession> m_session;
    std::unique_ptr<ReviewFocus> m_focus;
    int m_serial = 0;
};

QTEST_GUILESS_MAIN(TestReviewFocus)
#include "tst_reviewfocus.moc"
