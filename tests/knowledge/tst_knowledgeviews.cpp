// The five knowledge docks over the demo database: they load in the background, show what a
// reader needs, follow links through the AppContext and refresh in place.
// With CWI_SHOT_DIR set, each view is also saved there as a PNG (for looking at them).

#include "appcontext.h"
#include "demo/demoseeder.h"
#include "fixtures.h"
#include "knowledge/chatsessionlistmodel.h"
#include "knowledge/chatview.h"
#include "knowledge/conversationlistmodel.h"
#include "knowledge/conversationsview.h"
#include "knowledge/documentbrowser.h"
#include "knowledge/messagesview.h"
#include "knowledge/messagethreadmodel.h"
#include "knowledge/pagesview.h"
#include "knowledge/pagetreemodel.h"
#include "knowledge/proposallistmodel.h"
#include "knowledge/proposalsview.h"
#include "knowledgerepositories.h"
#include "workrepositories.h"

#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestKnowledgeViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    AppContext *m_ctx = nullptr;

    void settle(KnowledgeViewBase &view)
    {
        view.resize(1100, 640);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 20000);
    }

    void shoot(QWidget &view, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CWI_SHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(view.grab().save(dir + u'/' + name + u".png"_s));
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(u"demo.db"_s);
        const DemoResult demo = createDemoDatabase(m_path, m_dir.filePath(u"repo"_s));
        QVERIFY2(demo.ok, qPrintable(demo.error));
        m_ctx = new AppContext(this);
        auto opened = Database::open(m_path);
        QVERIFY(opened.database);
        m_ctx->setDatabase(opened.database);
    }

    void pagesReadLikeDocuments()
    {
        PagesView view(m_ctx);
        settle(view);
        QVERIFY(view.model()->pageCount() > 1);
        QVERIFY(!view.currentPageId().isEmpty());
        const auto root = makePageRepository(m_ctx->database())->findRootPage(view.currentInitiativeId());
        QVERIFY(root);
        QCOMPARE(view.currentPageId(), root->id);
        QVERIFY(view.document()->toPlainText().size() > 100);
        QVERIFY(!view.document()->toPlainText().contains(u"\"type\""_s)); // rendered, not raw JSON
        view.setSearchText(root->title.left(4));
        QTRY_VERIFY(!view.isBusy());
        QVERIFY(view.model()->indexOfPage(root->id).data(PageTreeModel::MatchRole).toBool());
        view.setSearchText(u"paragraph"_s); // a Tiptap node type, in every page's JSON
        QTRY_VERIFY(!view.isBusy());
        QVERIFY(!view.model()->indexOfPage(root->id).data(PageTreeModel::MatchRole).toBool());

        // Following a link to a page of another initiative opens that initiative's tree.
        const QVector<Page> found = makePageRepository(m_ctx->database())->search({}, u"Threat model"_s);
        QVERIFY(!found.isEmpty());
        view.setSearchText(QString());
        view.showPage(found.first().id);
        QTRY_COMPARE(view.currentPageId(), found.first().id);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.currentInitiativeId(), found.first().initiativeId);
        QVERIFY(view.document()->toPlainText().contains(u"Threat model"_s));
        shoot(view, u"pages"_s);
    }

    void proposalsFilterAndRender()
    {
        ProposalsView view(m_ctx);
        settle(view);
        const int all = view.model()->rowCount();
        QVERIFY(all > 0);
        QVERIFY(view.document()->toPlainText().contains(view.model()->proposal(0)->title));
        shoot(view, u"proposals"_s);
        view.setStatusFilter(u"pending"_s);
        for (int row = 0; row < view.model()->rowCount(); ++row)
            QCOMPARE(view.model()->proposal(row)->status, u"pending"_s);
        QVERIFY(view.model()->rowCount() < all);
    }

    void chatFollowsATask()
    {
        const auto sessions = makeChatSessionRepository(m_ctx->database())->findAll();
        QVERIFY(!sessions.isEmpty());
        const ChatSession &session = sessions.first();
        ChatView view(m_ctx);
        settle(view);
        view.showTarget(session.targetType, session.targetId);
        QTRY_VERIFY(!view.isBusy());
        QVERIFY(view.model()->rowCount() >= 1);
        for (int row = 0; row < view.model()->rowCount(); ++row)
            QCOMPARE(view.model()->session(row)->targetId, session.targetId);
        const auto messages
            = makeChatSessionRepository(m_ctx->database())->findMessagesBySessionId(view.currentSessionId());
        QVERIFY(!messages.isEmpty());
        QVERIFY(view.document()->toPlainText().contains(messages.first().content.left(20).trimmed()));
        shoot(view, u"chat"_s);
    }

    void messagesCountPendingResponses()
    {
        MessagesView view(m_ctx);
        settle(view);
        const qint64 expected = makeMessageRepository(m_ctx->database())->countRequiringResponse();
        QVERIFY(expected > 0);
        QCOMPARE(view.pendingResponseCount(), int(expected));
        view.showNextPending();
        QVERIFY(view.document()->toPlainText().contains(u"needs a response"_s));
        shoot(view, u"messages"_s);
    }

    void everyPendingQuestionInOneClick()
    {
        ConversationsView view(m_ctx);
        settle(view);
        view.showPending();
        QCOMPARE(view.model()->rowCount(), int(makeConversationRepository(m_ctx->database())->countPending()));
        for (int row = 0; row < view.model()->rowCount(); ++row)
            QVERIFY(ConversationListModel::isPending(*view.model()->conversation(row)));
        QVERIFY(view.document()->toPlainText().contains(u"Pending"_s));
        shoot(view, u"conversations"_s);
    }

    void internalLinksNavigate()
    {
        ConversationsView view(m_ctx);
        settle(view);
        QSignalSpy spy(m_ctx, &AppContext::navigateRequested);
        Q_EMIT view.document()->anchorClicked(QUrl(u"cwi://tasks/abc_123"_s));
        QCOMPARE(spy.size(), 1);
        const EntityRef ref = spy.first().first().value<EntityRef>();
        QCOMPARE(ref.table, u"tasks"_s);
        QCOMPARE(ref.id, u"abc_123"_s);
    }

    void hostilePagesShowANote()
    {
        const auto initiative = makeInitiativeRepository(m_ctx->database())->findAll().value(0);
        const QString paragraph
            = u"{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"<img src=x> line\"}]},"_s;
        QString huge
            = u"{\"type\":\"doc\",\"content\":["_s + paragraph.repeated(qsizetype(3) * 1024 * 1024 / paragraph.size());
        huge.chop(1);
        huge += u"]}"_s;
        const QString raw = test::openRaw(m_path);
        const QString hugeId = test::insertRow(raw, u"pages"_s,
            { { u"initiativeId"_s, initiative.id }, { u"title"_s, u"Huge"_s }, { u"content"_s, huge } });
        const QString brokenId = test::insertRow(raw, u"pages"_s,
            { { u"initiativeId"_s, initiative.id }, { u"title"_s, u"Broken"_s },
                { u"content"_s, u"{\"type\": \"doc\", oops"_s } });
        test::closeRaw(raw);
        QVERIFY(!hugeId.isEmpty() && !brokenId.isEmpty());

        PagesView view(m_ctx);
        settle(view);
        view.showPage(hugeId);
        QTRY_COMPARE(view.currentPageId(), hugeId);
        QTRY_VERIFY(!view.isBusy());
        QVERIFY(view.document()->toPlainText().contains(u"Only the first part is shown"_s));
        QVERIFY(view.document()->toPlainText().contains(u"<img src=x> line"_s));

        view.showPage(brokenId);
        QTRY_COMPARE(view.currentPageId(), brokenId);
        QTRY_VERIFY(!view.isBusy());
        QVERIFY(view.document()->toPlainText().contains(u"not valid JSON"_s));
        QVERIFY(view.document()->toPlainText().contains(u"oops"_s)); // the raw text is there
    }

    void externalLinksAskFirst_data()
    {
        QTest::addColumn<QString>("href");
        QTest::addColumn<bool>("accept");
        QTest::addColumn<QMessageBox::Icon>("icon");
        QTest::newRow("web, cancelled") << u"https://example.com/x"_s << false << QMessageBox::Question;
        QTest::newRow("javascript, cancelled") << u"javascript:alert(1)"_s << false << QMessageBox::Warning;
        QTest::newRow("file, cancelled") << u"file:///etc/passwd"_s << false << QMessageBox::Warning;
    }

    void externalLinksAskFirst()
    {
        QFETCH(QString, href);
        QFETCH(bool, accept);
        QFETCH(QMessageBox::Icon, icon);
        DocumentBrowser browser(m_ctx);
        QSignalSpy navigated(m_ctx, &AppContext::navigateRequested);
        QSignalSpy opened(&browser, &DocumentBrowser::externalLinkOpened);
        bool asked = false;
        QMessageBox::Icon seen = QMessageBox::NoIcon;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = true;
            seen = box->icon();
            QVERIFY(box->informativeText().contains(href));
            box->done(accept ? QMessageBox::Open : QMessageBox::Cancel);
        });
        Q_EMIT browser.anchorClicked(QUrl(href));
        QVERIFY(asked);
        QCOMPARE(seen, icon);
        QCOMPARE(opened.size(), 0);
        QCOMPARE(navigated.size(), 0);
    }

    void chatWithoutChangeSetsOnCamelCase()
    {
        // A camelCase file whose schema has no change_sets table: messages still read, the
        // change set is named but not linked.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"camel.db"_s);
        QVERIFY(test::createFixture(path, NameStyle::CamelCase));
        const QString raw = test::openRaw(path);
        QVERIFY(test::exec(raw, u"PRAGMA foreign_keys = OFF"_s));
        QVERIFY(test::exec(raw, u"DROP TABLE change_sets"_s));
        QVERIFY(!test::insertRow(raw, u"initiatives"_s, { { u"id"_s, u"i1"_s }, { u"name"_s, u"Init"_s } }).isEmpty());
        QVERIFY(!test::insertRow(raw, u"tasks"_s, { { u"id"_s, u"t1"_s }, { u"name"_s, u"Login form"_s } }).isEmpty());
        QVERIFY(!test::insertRow(raw, u"chat_sessions"_s,
            { { u"id"_s, u"s1"_s }, { u"targetType"_s, u"task"_s }, { u"targetId"_s, u"t1"_s },
                { u"initiativeId"_s, u"i1"_s }, { u"status"_s, u"active"_s } })
                     .isEmpty());
        QVERIFY(!test::insertRow(raw, u"chat_messages"_s,
            { { u"chatSessionId"_s, u"s1"_s }, { u"role"_s, u"assistant"_s }, { u"content"_s, u"Split into *two*"_s },
                { u"changeSetId"_s, u"cs-gone"_s } })
                     .isEmpty());
        test::closeRaw(raw);

        AppContext ctx;
        ctx.setDatabase(Database::open(path).database);
        QVERIFY(ctx.database());
        ChatView view(&ctx);
        settle(view);
        view.showTarget(u"task"_s, u"t1"_s);
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(view.model()->rowCount(), 1);
        QCOMPARE(view.model()->index(0, ChatSessionListModel::TargetColumn).data().toString(), u"task: Login form"_s);
        QTRY_VERIFY(view.document()->toPlainText().contains(u"Split into two"_s));
        QVERIFY(view.document()->toPlainText().contains(u"no change_sets table"_s));
    }

    void refreshesInPlace()
    {
        PagesView view(m_ctx);
        settle(view);
        const QString selected = view.currentPageId();
        const int before = view.model()->pageCount();
        const QString raw = test::openRaw(m_path);
        QVERIFY(!test::insertRow(raw, u"pages"_s,
            { { u"initiativeId"_s, view.currentInitiativeId() }, { u"parentPageId"_s, selected },
                { u"title"_s, u"Written by the server"_s }, { u"content"_s, u"{}"_s }, { u"sortOrder"_s, 99 } })
                     .isEmpty());
        test::closeRaw(raw);
        m_ctx->notifyDataChanged();
        QTRY_COMPARE(view.model()->pageCount(), before + 1);
        QCOMPARE(view.currentPageId(), selected); // the reader stays where they were

        // Hidden (a tabbed-away dock): nothing is read until it is shown again.
        view.hide();
        const QString raw2 = test::openRaw(m_path);
        QVERIFY(!test::insertRow(raw2, u"pages"_s,
            { { u"initiativeId"_s, view.currentInitiativeId() }, { u"title"_s, u"Second write"_s },
                { u"content"_s, u"{}"_s } })
                     .isEmpty());
        test::closeRaw(raw2);
        QSignalSpy busy(&view, &KnowledgeViewBase::busyChanged);
        m_ctx->notifyDataChanged();
        QVERIFY(busy.isEmpty());
        view.show();
        QTRY_COMPARE(view.model()->pageCount(), before + 2);
    }
};

QTEST_MAIN(TestKnowledgeViews)
#include "tst_knowledgeviews.moc"
