// Pages (Tiptap documents), proposals, chat sessions with their messages, and change sets.

#include "democontext.h"
#include "demotiptap.h"

#include <QJsonDocument>

namespace cwi::demo {

namespace {

using namespace tiptap;

const Mark kBold { QStringLiteral("bold"), {} };
const Mark kItalic { QStringLiteral("italic"), {} };
const Mark kCode { QStringLiteral("code"), {} };
const Mark kStrike { QStringLiteral("strike"), {} };

QJsonObject rootDocument(const InitiativeRef &initiative)
{
    return doc(QJsonArray { heading(1, initiative.name),
        paragraph(QJsonArray { text(QStringLiteral("Branch ")), text(initiative.branch, { kCode }),
            text(QStringLiteral(". This page collects the decisions, risks and checklists of the "
                                "initiative; agents read it as context.")) }),
        heading(2, QStringLiteral("Status")),
        bulletList(QStringList { QStringLiteral("Phases are listed in the plan view"),
            QStringLiteral("Open questions go to the Decisions page") }) });
}

QJsonObject threatModel()
{
    const QString tsCode
        = QStringLiteral("const ok = await verifyPassword(password, user.password);\n"
                         "if (!ok) {\n  return res.status(401).json({ error: \"wrong email or password\" });\n}");
    return doc(QJsonArray { heading(1, QStringLiteral("Threat model")),
        paragraph(QJsonArray { text(QStringLiteral("Sign-in is the ")), text(QStringLiteral("only"), { kBold }),
            text(QStringLiteral(" door into a workspace, so we assume ")),
            text(QStringLiteral("credential stuffing"), { kItalic }), text(QStringLiteral(" from day one. See ")),
            text(QStringLiteral("OWASP ASVS"),
                { { QStringLiteral("link"),
                    QStringLiteral("https://owasp.org/www-project-application-security-verification-standard/") } }),
            text(QStringLiteral(" and the ")),
            text(QStringLiteral("internal runbook"),
                { { QStringLiteral("link"), QStringLiteral("javascript:alert(document.cookie)") } }),
            text(QStringLiteral(" (that link is a test: it must never run).")) }),
        heading(2, QStringLiteral("Attacks we handle")),
        bulletList(QVector<QJsonArray> { QJsonArray { paragraph(QStringLiteral("Password guessing")),
                                             bulletList(QStringList { QStringLiteral("per-IP sliding window (phase 3)"),
                                                 QStringLiteral("per-account lockout after 10 failures") }) },
            QJsonArray { paragraph(QStringLiteral("Stolen session tokens")),
                bulletList(QVector<QJsonArray> { QJsonArray { paragraph(QStringLiteral("rotation every 15 minutes")),
                    bulletList(QStringList { QStringLiteral("old token dies immediately"),
                        QStringLiteral("no grace period — discussed, rejected") }) } }) },
            QJsonArray { paragraph(QJsonArray { text(QStringLiteral("Plaintext passwords in backups "), {}),
                text(QStringLiteral("(fixed)"), { kStrike }) }) } }),
        heading(2, QStringLiteral("The login check")), codeBlock(QStringLiteral("typescript"), tsCode),
        blockquote(QStringLiteral("Never tell the caller whether the email or the password was wrong.")),
        horizontalRule(),
        orderedList(QStringList { QStringLiteral("Hash on write"), QStringLiteral("Compare in constant time"),
            QStringLiteral("Rotate, then expire") }) });
}

QJsonObject decisions()
{
    return doc(QJsonArray { heading(1, QStringLiteral("Decisions")),
        paragraph(QStringLiteral("One child page per architecture decision record.")) });
}

QJsonObject adrScrypt()
{
    return doc(QJsonArray { heading(2, QStringLiteral("ADR-001: scrypt over bcrypt")),
        paragraph(QJsonArray { text(QStringLiteral("Decision: ")), text(QStringLiteral("scrypt"), { kCode }),
            text(QStringLiteral(" from node:crypto, N=16384, 64-byte keys.")) }),
        heading(3, QStringLiteral("Why")),
        bulletList(QStringList { QStringLiteral("No native dependency (bcrypt needs node-gyp)"),
            QStringLiteral("Memory-hard"), QStringLiteral("Format is self-describing: scrypt$salt$key") }) });
}

QJsonObject rolloutChecklist()
{
    return doc(QJsonArray { heading(1, QStringLiteral("Rollout checklist")),
        taskList({ { QStringLiteral("Hash all existing passwords (migration script)"), true },
            { QStringLiteral("Announce the sign-in change to users"), true },
            { QStringLiteral("Remove NOTES_PASSWORD from production env"), false },
            { QStringLiteral("Watch 401 rate for a week"), false } }) });
}

QJsonObject csvFormat()
{
    return doc(QJsonArray { heading(1, QStringLiteral("CSV format")),
        paragraph(QStringLiteral("RFC 4180, UTF-8 without BOM, CRLF line endings.")),
        codeBlock(QStringLiteral("csv"),
            QStringLiteral("invoice_id,customer,item,amount\nINV-1042,\"Acme, Inc.\",Pro plan,49.00\n"
                           "INV-1043,\"Jo \"\"JJ\"\" Smith\",Seats x3,27.00")) });
}

QJsonObject rankingNotes()
{
    return doc(QJsonArray { heading(1, QStringLiteral("Ranking notes")),
        paragraph(QJsonArray { text(QStringLiteral("Titles weigh ")), text(QStringLiteral("A"), { kBold }),
            text(QStringLiteral(", bodies ")), text(QStringLiteral("D"), { kBold }), text(QStringLiteral(".")) }),
        codeBlock(QStringLiteral("sql"),
            QStringLiteral("SELECT id, ts_rank_cd(search_vector, q) AS rank\nFROM notes, "
                           "plainto_tsquery('english', $1) q\nWHERE search_vector @@ q\nORDER BY rank "
                           "DESC LIMIT 20;")) });
}

QString insertPage(DemoState &state, const InitiativeRef &initiative, const QString &parent, const QString &title,
    const QVariant &content, int order)
{
    QString id = state.rng.id();
    const qint64 created = initiative.createdAt + qint64(3600) * (order + 1) + state.rng.range(0, 3000);
    state.writer.insert(QStringLiteral("pages"),
        { { QStringLiteral("id"), id }, { QStringLiteral("initiativeId"), initiative.id },
            { QStringLiteral("parentPageId"), nullable(parent) }, { QStringLiteral("title"), title },
            { QStringLiteral("content"), content }, { QStringLiteral("sortOrder"), order },
            { QStringLiteral("createdAt"), created },
            { QStringLiteral("updatedAt"), created + state.rng.range(60, 86400) } });
    return id;
}

QStringList seedPages(DemoState &state)
{
    QStringList ids; // [user-auth root, threat model, billing root]
    for (const InitiativeRef &initiative : std::as_const(state.initiatives)) {
        const QString root = insertPage(state, initiative, {}, initiative.name, toText(rootDocument(initiative)), 0);
        if (initiative.slug == u"user-auth") {
            const QString threat
                = insertPage(state, initiative, root, QStringLiteral("Threat model"), toText(threatModel()), 0);
            const QString decisionsId
                = insertPage(state, initiative, root, QStringLiteral("Decisions"), toText(decisions()), 1);
            insertPage(
                state, initiative, decisionsId, QStringLiteral("ADR-001: scrypt over bcrypt"), toText(adrScrypt()), 0);
            insertPage(state, initiative, root, QStringLiteral("Rollout checklist"), toText(rolloutChecklist()), 2);
            ids << root << threat;
        } else if (initiative.slug == u"billing-export") {
            insertPage(state, initiative, root, QStringLiteral("CSV format"), toText(csvFormat()), 0);
            // Written outside the editor and cut off: the content does not parse.
            insertPage(state, initiative, root, QStringLiteral("Finance requirements (imported)"),
                QStringLiteral("{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"te"),
                1);
            ids << root;
        } else {
            insertPage(state, initiative, root, QStringLiteral("Ranking notes"), toText(rankingNotes()), 0);
        }
    }
    return ids;
}

void seedProposals(DemoState &state, const QStringList &pageIds)
{
    struct Spec
    {
        const char *agent;
        int initiative;
        const char *targetType;
        QString targetId;
        const char *title, *summary, *content, *status;
    };
    const QVector<Spec> specs {
        { "quiet-heron", 0, "page", pageIds.value(1), "Add OIDC risks to the threat model",
            "Two new attacks: ID-token replay and mix-up between issuers.",
            "## ID-token replay\n\nValidate `nonce` and `exp`; reject tokens older than **5 minutes**.\n\n## Issuer "
            "mix-up\n\n"
            "- pin the `iss` per workspace\n- never accept `alg: none`\n",
            "pending" },
        { "quiet-heron", 0, "phase", {}, "New phase: admin-enforced SSO",
            "Split enforcement out of the OIDC phase so sign-in can ship first.",
            "### Scope\n\n1. Workspace setting *Require SSO*\n2. Block password login when set\n3. Break-glass owner "
            "account\n",
            "pending" },
        { "eager-mole", 0, "task", state.task(QStringLiteral("Add rotateIfStale()")).id,
            "Tighten rotateIfStale acceptance criteria", "Spell out that the old token must stop working at once.",
            "- [x] new token after 15 minutes\n- [x] old token rejected immediately\n- [ ] header documented in "
            "README\n",
            "accepted" },
        { "eager-mole", 0, "task", {}, "New task: expire sessions after 30 days",
            "Absolute lifetime on top of rotation.",
            "Add `expiresAt` to `Session`; reject after **30 days** regardless of rotation.", "dismissed" },
        { "noble-crane", 1, "phase", state.phases.value(7).id, "Run the monthly export at 06:00 Europe/Berlin",
            "Finance starts at 8; the export must be ready.", "```cron\n0 6 1 * *\n```\nTime zone: `Europe/Berlin`.",
            "pending" },
        { "witty-puffin", 1, "page", pageIds.value(2), "Link the CSV format page from the root",
            "Small navigation fix.", "Add a *See also* list with the CSV format page.", "accepted" },
        { "witty-puffin", 1, "page", {}, "New page: export FAQ for finance",
            "Answers the five questions finance asked.",
            "**Q:** Why are amounts in euros with a dot?\n\n**A:** RFC 4180 has no locale; Excel imports it correctly.",
            "dismissed" },
    };
    int order = 0;
    qint64 created = state.daysAgo(5);
    for (const Spec &spec : specs) {
        created += state.rng.range(1200, 30000);
        const QJsonObject metadata { { QStringLiteral("model"), QStringLiteral("claude-sonnet-4-5") },
            { QStringLiteral("confidence"), state.rng.range(55, 95) / 100.0 },
            { QStringLiteral("sourceTaskId"), state.agent(QString::fromLatin1(spec.agent)).taskId } };
        state.writer.insert(QStringLiteral("proposals"),
            { { QStringLiteral("id"), state.rng.id() },
                { QStringLiteral("agentId"), state.agent(QString::fromLatin1(spec.agent)).id },
                { QStringLiteral("initiativeId"), state.initiatives.at(spec.initiative).id },
                { QStringLiteral("targetType"), QString::fromLatin1(spec.targetType) },
                { QStringLiteral("targetId"), nullable(spec.targetId) },
                { QStringLiteral("title"), QString::fromUtf8(spec.title) },
                { QStringLiteral("summary"), QString::fromUtf8(spec.summary) },
                { QStringLiteral("content"), QString::fromUtf8(spec.content) },
                { QStringLiteral("metadata"),
                    QString::fromUtf8(QJsonDocument(metadata).toJson(QJsonDocument::Compact)) },
                { QStringLiteral("status"), QString::fromLatin1(spec.status) },
                { QStringLiteral("sortOrder"), order++ }, { QStringLiteral("createdAt"), created },
                { QStringLiteral("updatedAt"), created + 300 } });
    }
}

void seedChats(DemoState &state)
{
    struct Line
    {
        const char *role, *content;
        const char *changeSummary; // assistant messages that applied changes
    };
    struct Session
    {
        const char *targetType;
        QString targetId;
        int initiative;
        const char *agent, *mode, *status;
        QVector<Line> lines;
    };
    const QVector<Session> sessions {
        { "phase", state.phases.value(2).id, 0, "swift-falcon", "refine", "active",
            { { "system", "Chat started for phase **Rate-limit sign-in attempts**.", nullptr },
                { "user", "Split the rate-limit phase: per-IP first, account lockout second.", nullptr },
                { "assistant",
                    "Done. I moved *Lock account after 10 failures* behind the sliding-window task and added a "
                    "dependency:\n\n"
                    "| Task | Now depends on |\n|---|---|\n| Lock account | Sliding window counter |\n",
                    "Reordered 2 tasks, added 1 dependency" },
                { "user", "Also add Retry-After to the 429 response.", nullptr },
                { "assistant", "Added task `Return Retry-After on 429` (execute, medium).", "Created 1 task" } } },
        { "task", state.task(QStringLiteral("Stream rows instead of buffering")).id, 1, "sunny-gecko", "refine",
            "closed",
            { { "system", "Chat started for task **Stream rows instead of buffering**.", nullptr },
                { "user", "Is streaming worth it for 14k rows?", nullptr },
                { "assistant",
                    "Probably not today, but the March export will have ~60k rows. I would keep it, low priority.",
                    nullptr },
                { "user", "OK, set it to low.", nullptr },
                { "assistant", "Priority set to **low**.", "Changed priority of 1 task" } } },
        { "phase", state.phases.value(7).id, 1, "noble-crane", "plan", "active",
            { { "system", "Chat started for phase **Scheduled monthly exports**.", nullptr },
                { "user", "Draft the tasks for the schedule; keep email delivery separate.", nullptr },
                { "assistant",
                    "Here is a plan:\n\n1. Cron job on the worker\n2. Email delivery with attachment\n\n"
                    "```cron\n0 6 1 * *\n```",
                    "Created 2 tasks" } } },
    };
    qint64 created = state.daysAgo(2);
    for (const Session &session : sessions) {
        const QString sessionId = state.rng.id();
        const AgentRef agent = state.agent(QString::fromLatin1(session.agent));
        const QString initiativeId = state.initiatives.at(session.initiative).id;
        const qint64 start = created;
        state.writer.insert(QStringLiteral("chat_sessions"),
            { { QStringLiteral("id"), sessionId },
                { QStringLiteral("targetType"), QString::fromLatin1(session.targetType) },
                { QStringLiteral("targetId"), session.targetId }, { QStringLiteral("initiativeId"), initiativeId },
                { QStringLiteral("agentId"), agent.id },
                { QStringLiteral("status"), QString::fromLatin1(session.status) },
                { QStringLiteral("createdAt"), start },
                { QStringLiteral("updatedAt"), start + 60 * session.lines.size() * 3 } });
        for (const Line &line : session.lines) {
            created += state.rng.range(20, 240);
            QString changeSetId;
            if (line.changeSummary) {
                changeSetId = state.rng.id();
                state.writer.insert(QStringLiteral("change_sets"),
                    { { QStringLiteral("id"), changeSetId }, { QStringLiteral("agentId"), agent.id },
                        { QStringLiteral("initiativeId"), initiativeId },
                        { QStringLiteral("mode"), QString::fromLatin1(session.mode) },
                        { QStringLiteral("summary"), QString::fromUtf8(line.changeSummary) },
                        { QStringLiteral("status"),
                            state.rng.chance(80) ? QStringLiteral("applied") : QStringLiteral("reverted") },
                        { QStringLiteral("createdAt"), created } });
            }
            state.writer.insert(QStringLiteral("chat_messages"),
                { { QStringLiteral("id"), state.rng.id() }, { QStringLiteral("chatSessionId"), sessionId },
                    { QStringLiteral("role"), QString::fromLatin1(line.role) },
                    { QStringLiteral("content"), QString::fromUtf8(line.content) },
                    { QStringLiteral("changeSetId"), nullable(changeSetId) },
                    { QStringLiteral("createdAt"), created } });
        }
        created += qint64(3600) * 5;
    }
}

} // namespace

void seedKnowledge(DemoState &state)
{
    const QStringList pageIds = seedPages(state);
    seedProposals(state, pageIds);
    seedChats(state);
}

} // namespace cwi::demo
