// The knowledge and conversation ports, run on a snake_case and a camelCase file built from the
// same migrations: both must read the same pages, proposals, chats, messages and conversations.

#include "fixtures.h"
#include "knowledgerepositories.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestKnowledgeRepositories : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Database> m_db;

    void buildWorld(NameStyle style, bool withChangeSets = true)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString path = m_dir->filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(path, style));
        const QString c = test::openRaw(path);
        auto row = [&c](const QString &table, const QVariantMap &values) {
            if (test::insertRow(c, table, values).isEmpty())
                qFatal("fixture insert into %s failed", qPrintable(table));
        };
        row(u"initiatives"_s,
            { { u"id"_s, u"init-a"_s }, { u"name"_s, u"User auth"_s }, { u"status"_s, u"active"_s } });
        row(u"initiatives"_s, { { u"id"_s, u"init-b"_s }, { u"name"_s, u"Billing"_s }, { u"status"_s, u"active"_s } });
        row(u"phases"_s, { { u"id"_s, u"ph-1"_s }, { u"initiativeId"_s, u"init-a"_s }, { u"name"_s, u"Design"_s } });
        row(u"tasks"_s, { { u"id"_s, u"t-1"_s }, { u"phaseId"_s, u"ph-1"_s }, { u"name"_s, u"Login form"_s } });
        for (const auto &[id, name] : { std::pair { "ag-1", "brave-otter" }, std::pair { "ag-2", "calm-heron" } })
            row(u"agents"_s,
                { { u"id"_s, QString::fromLatin1(id) }, { u"name"_s, QString::fromLatin1(name) },
                    { u"worktreeId"_s, u"/wt"_s }, { u"status"_s, u"running"_s } });

        row(u"pages"_s,
            { { u"id"_s, u"pg-root"_s }, { u"initiativeId"_s, u"init-a"_s }, { u"title"_s, u"User auth"_s },
                { u"content"_s, u"{\"type\":\"doc\"}"_s }, { u"sortOrder"_s, 0 } });
        row(u"pages"_s,
            { { u"id"_s, u"pg-2"_s }, { u"initiativeId"_s, u"init-a"_s }, { u"parentPageId"_s, u"pg-root"_s },
                { u"title"_s, u"Second"_s }, { u"content"_s, u"about 100%_done"_s }, { u"sortOrder"_s, 2 } });
        row(u"pages"_s,
            { { u"id"_s, u"pg-1"_s }, { u"initiativeId"_s, u"init-a"_s }, { u"parentPageId"_s, u"pg-root"_s },
                { u"title"_s, u"First"_s }, { u"content"_s, QString(5000, u'x') }, { u"sortOrder"_s, 1 } });
        row(u"pages"_s,
            { { u"id"_s, u"pg-b"_s }, { u"initiativeId"_s, u"init-b"_s }, { u"title"_s, u"Billing"_s },
                { u"content"_s, u"100 percent"_s } });

        row(u"proposals"_s,
            { { u"id"_s, u"pr-1"_s }, { u"agentId"_s, u"ag-1"_s }, { u"initiativeId"_s, u"init-a"_s },
                { u"targetType"_s, u"page"_s }, { u"targetId"_s, u"pg-1"_s }, { u"title"_s, u"Edit"_s },
                { u"content"_s, u"# Hi"_s }, { u"status"_s, u"pending"_s }, { u"sortOrder"_s, 1 } });
        row(u"proposals"_s,
            { { u"id"_s, u"pr-2"_s }, { u"agentId"_s, u"ag-1"_s }, { u"initiativeId"_s, u"init-a"_s },
                { u"targetType"_s, u"task"_s }, { u"title"_s, u"New task"_s }, { u"status"_s, u"accepted"_s },
                { u"sortOrder"_s, 0 } });
        row(u"proposals"_s,
            { { u"id"_s, u"pr-3"_s }, { u"agentId"_s, u"ag-2"_s }, { u"initiativeId"_s, u"init-b"_s },
                { u"targetType"_s, u"phase"_s }, { u"title"_s, u"Phase"_s }, { u"status"_s, u"pending"_s } });

        row(u"change_sets"_s,
            { { u"id"_s, u"cs-1"_s }, { u"agentId"_s, u"ag-1"_s }, { u"initiativeId"_s, u"init-a"_s },
                { u"mode"_s, u"refine"_s }, { u"summary"_s, u"Split task"_s }, { u"status"_s, u"applied"_s } });
        row(u"chat_sessions"_s,
            { { u"id"_s, u"cs-old"_s }, { u"targetType"_s, u"task"_s }, { u"targetId"_s, u"t-1"_s },
                { u"initiativeId"_s, u"init-a"_s }, { u"status"_s, u"closed"_s }, { u"createdAt"_s, 100 } });
        row(u"chat_sessions"_s,
            { { u"id"_s, u"cs-new"_s }, { u"targetType"_s, u"task"_s }, { u"targetId"_s, u"t-1"_s },
                { u"initiativeId"_s, u"init-a"_s }, { u"agentId"_s, u"ag-2"_s }, { u"status"_s, u"active"_s },
                { u"createdAt"_s, 200 } });
        row(u"chat_messages"_s,
            { { u"id"_s, u"m-2"_s }, { u"chatSessionId"_s, u"cs-new"_s }, { u"role"_s, u"assistant"_s },
                { u"content"_s, u"Done"_s }, { u"changeSetId"_s, u"cs-1"_s }, { u"createdAt"_s, 210 } });
        row(u"chat_messages"_s,
            { { u"id"_s, u"m-1"_s }, { u"chatSessionId"_s, u"cs-new"_s }, { u"role"_s, u"user"_s },
                { u"content"_s, u"Split it"_s }, { u"createdAt"_s, 205 } });

        row(u"messages"_s,
            { { u"id"_s, u"msg-q"_s }, { u"senderType"_s, u"agent"_s }, { u"senderId"_s, u"ag-1"_s },
                { u"recipientType"_s, u"user"_s }, { u"type"_s, u"question"_s }, { u"content"_s, u"Why?"_s },
                { u"requiresResponse"_s, 1 }, { u"status"_s, u"pending"_s }, { u"createdAt"_s, 300 } });
        row(u"messages"_s,
            { { u"id"_s, u"msg-a"_s }, { u"senderType"_s, u"user"_s }, { u"recipientType"_s, u"agent"_s },
                { u"recipientId"_s, u"ag-1"_s }, { u"content"_s, u"Because"_s }, { u"requiresResponse"_s, 0 },
                { u"status"_s, u"read"_s }, { u"parentMessageId"_s, u"msg-q"_s }, { u"createdAt"_s, 310 } });
        row(u"messages"_s,
            { { u"id"_s, u"msg-done"_s }, { u"senderType"_s, u"agent"_s }, { u"senderId"_s, u"ag-2"_s },
                { u"recipientType"_s, u"user"_s }, { u"content"_s, u"Answered already"_s },
                { u"requiresResponse"_s, 1 }, { u"status"_s, u"answered"_s }, { u"createdAt"_s, 320 } });

        row(u"conversations"_s,
            { { u"id"_s, u"cv-1"_s }, { u"fromAgentId"_s, u"ag-1"_s }, { u"toAgentId"_s, u"ag-2"_s },
                { u"taskId"_s, u"t-1"_s }, { u"question"_s, u"Which port?"_s }, { u"status"_s, u"pending"_s },
                { u"createdAt"_s, 400 } });
        row(u"conversations"_s,
            { { u"id"_s, u"cv-2"_s }, { u"fromAgentId"_s, u"ag-2"_s }, { u"toAgentId"_s, u"ag-1"_s },
                { u"question"_s, u"Schema?"_s }, { u"answer"_s, u"v2"_s }, { u"status"_s, u"answered"_s },
                { u"createdAt"_s, 410 } });
        if (!withChangeSets) {
            QVERIFY(test::exec(c, u"PRAGMA foreign_keys = OFF"_s));
            QVERIFY(test::exec(c, u"DROP TABLE change_sets"_s));
        }
        test::closeRaw(c);
        m_db = Database::open(path).database;
        QVERIFY(m_db);
    }

    void addSpellings()
    {
        QTest::addColumn<NameStyle>("style");
        QTest::newRow("snake_case") << NameStyle::SnakeCase;
        QTest::newRow("camelCase") << NameStyle::CamelCase;
    }

private slots:
    void pageTree_data() { addSpellings(); }
    void pageTree()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto pages = makePageRepository(m_db);
        QCOMPARE(pages->findRootPage(u"init-a"_s)->id, u"pg-root"_s);
        const QVector<Page> children = pages->findByParentPageId(u"pg-root"_s);
        QCOMPARE(children.size(), 2);
        QCOMPARE(children.at(0).title, u"First"_s); // by sortOrder, not insertion
        const QVector<Page> outline = pages->findOutlineByInitiativeId(u"init-a"_s);
        QCOMPARE(outline.size(), 3);
        QVERIFY(outline.at(0).content.isEmpty()); // outline reads no content
        QCOMPARE(pages->findById(u"pg-2"_s)->content, u"about 100%_done"_s);
    }

    void pageContentPrefix_data() { addSpellings(); }
    void pageContentPrefix()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto pages = makePageRepository(m_db);
        const TextPrefix prefix = pages->contentPrefix(u"pg-1"_s, 100);
        QVERIFY(prefix.found);
        QCOMPARE(prefix.text.size(), 100);
        QCOMPARE(prefix.totalChars, 5000);
        QVERIFY(prefix.isCut());
        QVERIFY(!pages->contentPrefix(u"missing"_s, 100).found);
    }

    void pageSearch_data() { addSpellings(); }
    void pageSearch()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto pages = makePageRepository(m_db);
        QCOMPARE(pages->search(u"init-a"_s, u"first"_s).value(0).id, u"pg-1"_s); // title, any case
        QCOMPARE(pages->search(u"init-a"_s, u"100%_"_s).value(0).id, u"pg-2"_s); // content
        QCOMPARE(pages->search(QString(), u"100"_s).size(), 2); // every initiative
        // % and _ are literal, quotes are bound, not injected.
        QCOMPARE(pages->search(QString(), u"0 p%"_s).size(), 0);
        QCOMPARE(pages->search(QString(), u"' OR 1=1 --"_s).size(), 0);
    }

    void proposals_data() { addSpellings(); }
    void proposals()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto repo = makeProposalRepository(m_db);
        const QVector<Proposal> mine = repo->findByInitiativeId(u"init-a"_s);
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine.first().id, u"pr-2"_s); // sortOrder
        QVERIFY(mine.first().targetId.isEmpty()); // a create: no target yet
        QCOMPARE(repo->findByAgentId(u"ag-1"_s).size(), 2);
        QCOMPARE(repo->findByAgentIdAndStatus(u"ag-1"_s, u"pending"_s).value(0).id, u"pr-1"_s);
        QCOMPARE(repo->countByAgentIdAndStatus(u"ag-1"_s, u"pending"_s), 1);
        QCOMPARE(repo->findAll().size(), 3);
    }

    void chatSessions_data() { addSpellings(); }
    void chatSessions()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto repo = makeChatSessionRepository(m_db);
        const QVector<ChatSession> sessions = repo->findByTarget(u"task"_s, u"t-1"_s);
        QCOMPARE(sessions.size(), 2);
        QCOMPARE(sessions.first().id, u"cs-new"_s); // newest first
        QCOMPARE(repo->findActiveSession(u"task"_s, u"t-1"_s)->id, u"cs-new"_s);
        QCOMPARE(repo->findActiveSessionByAgentId(u"ag-2"_s)->id, u"cs-new"_s);
        QCOMPARE(repo->findByInitiativeId(u"init-a"_s).size(), 2);
        const QVector<ChatMessage> messages = repo->findMessagesBySessionId(u"cs-new"_s);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.first().role, u"user"_s); // oldest first: a conversation
        QCOMPARE(messages.last().changeSetId, u"cs-1"_s);
        QVERIFY(repo->hasChangeSets());
        QCOMPARE(repo->findChangeSetById(u"cs-1"_s)->summary, u"Split task"_s);
    }

    void chatWithoutChangeSets_data() { addSpellings(); }
    void chatWithoutChangeSets()
    {
        QFETCH(NameStyle, style);
        buildWorld(style, false);
        auto repo = makeChatSessionRepository(m_db);
        QVERIFY(!repo->hasChangeSets());
        QVERIFY(!repo->findChangeSetById(u"cs-1"_s));
        QCOMPARE(repo->findMessagesBySessionId(u"cs-new"_s).size(), 2); // messages still read
    }

    void messages_data() { addSpellings(); }
    void messages()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto repo = makeMessageRepository(m_db);
        QCOMPARE(repo->findAll().size(), 3);
        QCOMPARE(repo->findRequiringResponse().size(), 1);
        QCOMPARE(repo->findRequiringResponse().first().id, u"msg-q"_s);
        QCOMPARE(repo->countRequiringResponse(), 1);
        QCOMPARE(repo->findPendingForUser().size(), 1);
        QCOMPARE(repo->findReplies(u"msg-q"_s).value(0).content, u"Because"_s);
        QVERIFY(repo->findById(u"msg-q"_s)->requiresResponse);
    }

    void conversations_data() { addSpellings(); }
    void conversations()
    {
        QFETCH(NameStyle, style);
        buildWorld(style);
        auto repo = makeConversationRepository(m_db);
        QCOMPARE(repo->findAll().first().id, u"cv-2"_s); // newest first
        QCOMPARE(repo->findPendingForAgent(u"ag-2"_s).value(0).question, u"Which port?"_s);
        QVERIFY(repo->findPendingForAgent(u"ag-1"_s).isEmpty());
        QCOMPARE(repo->findByAgentId(u"ag-1"_s).size(), 2);
        QCOMPARE(repo->countPending(), 1);
        QCOMPARE(repo->findById(u"cv-2"_s)->answer, u"v2"_s);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeRepositories)
#include "tst_knowledgerepositories.moc"
