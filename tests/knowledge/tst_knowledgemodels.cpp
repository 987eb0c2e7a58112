// The knowledge item models on their own: tree shapes (orphans, cycles), thread order, pending
// counts and filters, each under QAbstractItemModelTester.

#include "knowledge/chatsessionlistmodel.h"
#include "knowledge/conversationlistmodel.h"
#include "knowledge/knowledgehtml.h"
#include "knowledge/messagethreadmodel.h"
#include "knowledge/pagetreemodel.h"
#include "knowledge/proposallistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

Page page(const QString &id, const QString &parent, const QString &title)
{
    Page p;
    p.id = id;
    p.parentPageId = parent;
    p.title = title;
    return p;
}

Message message(const QString &id, const QString &parent, qint64 createdAt, bool requiresResponse = false,
    const QString &status = u"read"_s)
{
    Message m;
    m.id = id;
    m.parentMessageId = parent;
    m.senderType = u"agent"_s;
    m.senderId = u"ag-1"_s;
    m.recipientType = u"user"_s;
    m.content = id;
    m.requiresResponse = requiresResponse;
    m.status = status;
    m.createdAt.raw = createdAt;
    return m;
}

Conversation conversation(const QString &id, const QString &from, const QString &to, const QString &answer)
{
    Conversation c;
    c.id = id;
    c.fromAgentId = from;
    c.toAgentId = to;
    c.question = u"Q "_s + id;
    c.answer = answer;
    c.status = answer.isEmpty() ? u"pending"_s : u"answered"_s;
    c.createdAt.raw = QDateTime::currentSecsSinceEpoch() - qint64(3) * 3600;
    return c;
}

} // namespace

class TestKnowledgeModels : public QObject
{
    Q_OBJECT

private slots:
    void pageTreeShapes()
    {
        PageTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPages({ page(u"root"_s, {}, u"Root"_s), page(u"b"_s, u"root"_s, u"First child"_s),
            page(u"a"_s, u"root"_s, u"Second child"_s), page(u"deep"_s, u"b"_s, u"Grandchild"_s),
            page(u"lost"_s, u"gone"_s, u"Orphan"_s), page(u"x"_s, u"y"_s, u"Cycle x"_s),
            page(u"y"_s, u"x"_s, u"Cycle y"_s), page(u"self"_s, u"self"_s, u"Own parent"_s) });
        QCOMPARE(model.pageCount(), 8);
        const QModelIndex root = model.indexOfPage(u"root"_s);
        QCOMPARE(model.rowCount(root), 2);
        QCOMPARE(model.index(0, 0, root).data().toString(), u"First child"_s); // input (sortOrder) order kept
        QCOMPARE(model.indexOfPage(u"deep"_s).parent(), model.indexOfPage(u"b"_s));
        QVERIFY(model.indexOfPage(u"lost"_s).data(PageTreeModel::OrphanRole).toBool());
        QVERIFY(!model.indexOfPage(u"lost"_s).parent().isValid());
        // Every page is reachable from the top, cycles included.
        int reachable = 0;
        QVector<QModelIndex> stack { QModelIndex() };
        while (!stack.isEmpty()) {
            const QModelIndex parent = stack.takeLast();
            for (int row = 0; row < model.rowCount(parent); ++row) {
                ++reachable;
                stack.append(model.index(row, 0, parent));
            }
        }
        QCOMPARE(reachable, 8);
        model.setMatches({ u"deep"_s });
        QVERIFY(model.indexOfPage(u"deep"_s).data(PageTreeModel::MatchRole).toBool());
        model.setPages({});
        QCOMPARE(model.rowCount(), 0);
    }

    void messageThreadsNewestFirst()
    {
        MessageThreadModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMessages(
            { message(u"old-thread"_s, {}, 100), message(u"new-thread"_s, {}, 200, true, u"pending"_s),
                message(u"late-reply"_s, u"old-thread"_s, 300), message(u"loop-a"_s, u"loop-b"_s, 50),
                message(u"loop-b"_s, u"loop-a"_s, 60), message(u"answered"_s, {}, 150, true, u"answered"_s) },
            { { u"ag-1"_s, u"brave-otter"_s } });
        // The thread with the latest activity first: old-thread has a reply at 300.
        QCOMPARE(model.index(0, 0).data(MessageThreadModel::IdRole).toString(), u"old-thread"_s);
        QCOMPARE(model.index(1, 0).data(MessageThreadModel::IdRole).toString(), u"new-thread"_s);
        QCOMPARE(model.rowCount(model.indexOfMessage(u"old-thread"_s)), 1);
        QCOMPARE(model.pendingResponseCount(), 1);
        QVERIFY(model.indexOfMessage(u"new-thread"_s).data(MessageThreadModel::PendingResponseRole).toBool());
        QVERIFY(!model.indexOfMessage(u"answered"_s).data(MessageThreadModel::PendingResponseRole).toBool());
        QCOMPARE(model.index(0, MessageThreadModel::FromColumn).data().toString(), u"brave-otter"_s);
        QCOMPARE(model.index(0, MessageThreadModel::ToColumn).data().toString(), u"you"_s);
        QVERIFY(model.indexOfMessage(u"loop-a"_s).isValid());
        QVERIFY(model.indexOfMessage(u"loop-b"_s).isValid());
    }

    void conversationFilters()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversations(
            { conversation(u"c1"_s, u"a"_s, u"b"_s, {}), conversation(u"c2"_s, u"b"_s, u"c"_s, u"yes"_s),
                conversation(u"c3"_s, u"c"_s, u"a"_s, {}) },
            { { u"a"_s, u"brave-otter"_s }, { u"b"_s, u"calm-heron"_s } });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.pendingCount(), 2);
        QCOMPARE(
            model.index(0, ConversationListModel::AgentsColumn).data().toString(), u"brave-otter \u2192 calm-heron"_s);
        QVERIFY(
            model.index(0, ConversationListModel::AnswerColumn).data().toString().startsWith(u"pending \u00b7 3"_s));
        model.setStateFilter(ConversationListModel::StateFilter::Pending);
        QCOMPARE(model.rowCount(), 2);
        model.setAgentFilter(u"b"_s); // either side
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.conversation(0)->id, u"c1"_s);
        model.setStateFilter(ConversationListModel::StateFilter::Answered);
        QCOMPARE(model.conversation(0)->id, u"c2"_s);
    }

    void proposalsAndSessions()
    {
        ProposalListModel proposals;
        QAbstractItemModelTester tester(&proposals, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Proposal create;
        create.id = u"p1"_s;
        create.targetType = u"task"_s;
        create.status = u"pending"_s;
        Proposal edit = create;
        edit.id = u"p2"_s;
        edit.targetId = u"t-1"_s;
        edit.status = u"accepted"_s;
        proposals.setProposals({ create, edit }, {});
        QCOMPARE(proposals.index(0, ProposalListModel::TargetColumn).data().toString(), u"new task"_s);
        QCOMPARE(proposals.index(1, 0).data(ProposalListModel::TargetTableRole).toString(), u"tasks"_s);
        proposals.setStatusFilter(u"accepted"_s);
        QCOMPARE(proposals.rowCount(), 1);
        QCOMPARE(proposals.proposal(0)->id, u"p2"_s);

        ChatSessionListModel sessions;
        QAbstractItemModelTester sessionTester(&sessions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ChatSession s;
        s.id = u"s1"_s;
        s.targetType = u"phase"_s;
        s.targetId = u"ph-1"_s;
        sessions.setSessions({ s }, { { u"ph-1"_s, u"Design"_s } }, {});
        QCOMPARE(sessions.index(0, ChatSessionListModel::TargetColumn).data().toString(), u"phase: Design"_s);
    }

    void chatHtmlStylesRolesAndLinksChangeSets()
    {
        ChatSession session;
        session.targetType = u"task"_s;
        session.targetId = u"t-1"_s;
        ChatMessage user { u"m1"_s, u"s"_s, u"user"_s, u"<b>not bold</b> please"_s, {}, {} };
        ChatMessage assistant { u"m2"_s, u"s"_s, u"assistant"_s, u"**done**"_s, u"cs-1"_s, {} };
        ChangeSet changeSet;
        changeSet.id = u"cs-1"_s;
        changeSet.summary = u"Created 2 tasks"_s;
        const QString html = chatSessionHtml(session, { user, assistant }, { { u"cs-1"_s, changeSet } }, true, {});
        QVERIFY(html.contains(u"&lt;b&gt;not bold&lt;/b&gt;"_s));
        QVERIFY(html.contains(u"<b>done</b>"_s));
        QVERIFY(html.contains(u"cwi://change_sets/cs-1"_s));
        QVERIFY(html.contains(u"#e3efff"_s) && html.contains(u"#f1f3f4"_s)); // user and assistant differ
        const QString missing = chatSessionHtml(session, { assistant }, {}, false, {});
        QVERIFY(missing.contains(u"no change_sets table"_s));
        QVERIFY(!missing.contains(u"cwi://change_sets"_s));

        const EntityLinkTarget target = parseEntityLink(QUrl(u"cwi://tasks/a%2Fb"_s));
        QCOMPARE(target.table, u"tasks"_s);
        QCOMPARE(target.id, u"a/b"_s);
        QVERIFY(!parseEntityLink(QUrl(u"https://example.com/x"_s)).isValid());
    }
};

QTEST_MAIN(TestKnowledgeModels)
#include "tst_knowledgemodels.moc"
