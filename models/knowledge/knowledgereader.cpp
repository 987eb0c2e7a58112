#include "knowledgereader.h"

#include "database.h"
#include "knowledgerepositories.h"
#include "render/renderinfo.h"
#include "render/tiptaprenderer.h"
#include "workrepositories.h"

namespace cwi {

QVector<Initiative> KnowledgeReader::initiatives() const
{
    return makeInitiativeRepository(m_database)->findAll();
}

std::optional<Page> KnowledgeReader::page(const QString &id) const
{
    return makePageRepository(m_database)->findById(id);
}

QVector<Page> KnowledgeReader::pageOutline(const QString &initiativeId) const
{
    return makePageRepository(m_database)->findOutlineByInitiativeId(initiativeId);
}

TextPrefix KnowledgeReader::pageContent(const QString &id, qint64 maxChars) const
{
    return makePageRepository(m_database)->contentPrefix(id, maxChars);
}

QVector<Page> KnowledgeReader::searchPages(const QString &initiativeId, const QString &text) const
{
    // SQL finds candidates in the raw JSON; keep those whose title or words match, so "type" or
    // "paragraph" do not match every page.
    const auto pages = makePageRepository(m_database);
    QVector<Page> found;
    for (const Page &page : pages->search(initiativeId, text)) {
        if (page.title.contains(text, Qt::CaseInsensitive)
            || tiptapToPlainText(pages->contentPrefix(page.id, RenderLimits().maxInputChars).text)
                   .contains(text, Qt::CaseInsensitive))
            found.append(page);
    }
    return found;
}

std::optional<Proposal> KnowledgeReader::proposal(const QString &id) const
{
    return makeProposalRepository(m_database)->findById(id);
}

QVector<Proposal> KnowledgeReader::proposals(const QString &initiativeId, const QString &agentId) const
{
    const auto repo = makeProposalRepository(m_database);
    return !initiativeId.isEmpty() ? repo->findByInitiativeId(initiativeId)
        : !agentId.isEmpty()       ? repo->findByAgentId(agentId)
                                   : repo->findAll();
}

std::optional<ChatSession> KnowledgeReader::chatSession(const QString &id) const
{
    return makeChatSessionRepository(m_database)->findById(id);
}

QVector<ChatSession> KnowledgeReader::chatSessions(
    const QString &targetType, const QString &targetId, const QString &initiativeId) const
{
    const auto repo = makeChatSessionRepository(m_database);
    return !targetId.isEmpty()    ? repo->findByTarget(targetType, targetId)
        : !initiativeId.isEmpty() ? repo->findByInitiativeId(initiativeId)
                                  : repo->findAll();
}

ChatTranscript KnowledgeReader::chatTranscript(const QString &sessionId) const
{
    const auto repo = makeChatSessionRepository(m_database);
    ChatTranscript transcript;
    transcript.messages = repo->findMessagesBySessionId(sessionId);
    transcript.changeSetsAvailable = repo->hasChangeSets();
    for (const ChatMessage &m : std::as_const(transcript.messages)) {
        if (transcript.changeSetsAvailable && !m.changeSetId.isEmpty()
            && !transcript.changeSets.contains(m.changeSetId)) {
            if (const auto changeSet = repo->findChangeSetById(m.changeSetId))
                transcript.changeSets.insert(m.changeSetId, *changeSet);
        }
    }
    return transcript;
}

QVector<Message> KnowledgeReader::messages() const
{
    return makeMessageRepository(m_database)->findAll();
}

QVector<Conversation> KnowledgeReader::conversations() const
{
    return makeConversationRepository(m_database)->findAll();
}

} // namespace cwi
