// Review comments on the user-auth phase, anchored to real lines of the demo repository's diff
// (merge base .. cw/user-auth). The line numbers come from replaying the repository script, so
// they are the same with or without git.

#include "democontext.h"
#include "demorepo.h"

namespace cwi::demo {

namespace {

struct CommentSpec
{
    const char *path;
    const char *needle; // text of the commented line
    const char *lineType; // added / context: new side; removed: old side
    const char *author;
    bool resolved;
    const char *body;
};

const QVector<CommentSpec> kComments {
    { "src/routes/users.ts", "const ok = await verifyPassword(", "added", "you", false,
        "SSO users have no password hash: `user.password` is NULL and `verifyPassword()` calls `split` on it. Guard "
        "it and answer 401." },
    { "src/routes/users.ts", "if (user.password !== req.body.password) {", "removed", "you", true,
        "Good riddance: a plaintext comparison, and not constant-time either." },
    { "src/routes/users.ts", "usersRouter.post(\"/login\"", "added", "dana", false,
        "Renaming `/check` to `/login` breaks the mobile client. Keep `/check` as an alias for one release?" },
    { "src/auth/session.ts", "const ROTATE_AFTER_MS", "added", "you", false,
        "Make the window configurable (`SESSION_ROTATE_MINUTES`), ops will ask." },
    { "src/auth/session.ts", "const token = req.header(\"x-session-token\");", "context", "dana", true,
        "Header name matches the README now." },
    { "src/db/connection.ts", "max: Number(process.env.DB_POOL_SIZE", "added", "you", true,
        "Thanks for making the pool size configurable." },
    { "src/auth/basic.ts", "export function basicAuth(", "removed", "you", true,
        "Double-check nothing else imports `basicAuth` — the worker had a copy once." },
    { "docs/Sécurité notes.md", "TODO : limiter les tentatives", "added", "dana", false,
        "This TODO is the rate-limit phase; link the task instead of leaving it here." },
    { "README.md", "`POST /users/login` returns a session token", "added", "you", false,
        "Mention that the token comes back in the `x-session-token` response header after rotation." },
};

// 1-based number of the first line of CONTENT that contains NEEDLE, 0 when none does.
int lineOf(const QByteArray &content, const QByteArray &needle)
{
    const QList<QByteArray> lines = content.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(needle))
            return i + 1;
    }
    return 0;
}

void insertComment(DemoState &state, const QString &path, int line, const QString &type, const QString &author,
    bool resolved, const QString &body, qint64 created)
{
    state.writer.insert(QStringLiteral("review_comments"),
        { { QStringLiteral("id"), state.rng.id() }, { QStringLiteral("phaseId"), state.reviewPhaseId },
            { QStringLiteral("filePath"), path }, { QStringLiteral("lineNumber"), line },
            { QStringLiteral("lineType"), type }, { QStringLiteral("body"), body },
            { QStringLiteral("author"), author }, { QStringLiteral("resolved"), resolved ? 1 : 0 },
            { QStringLiteral("createdAt"), created },
            { QStringLiteral("updatedAt"), created + (resolved ? 5400 : 0) } });
}

} // namespace

void seedReview(DemoState &state)
{
    if (state.reviewPhaseId.isEmpty())
        return;
    const RepoSnapshot snapshot = replayDemoRepo(demoRepoScript(state.baseTime));
    qint64 created = state.daysAgo(2.5);
    for (const CommentSpec &spec : kComments) {
        const QString path = QString::fromUtf8(spec.path);
        const QString type = QString::fromLatin1(spec.lineType);
        const RepoFiles &side = type == u"removed" ? snapshot.base : snapshot.authTip;
        const int line = lineOf(side.value(path), QByteArray(spec.needle));
        Q_ASSERT_X(line > 0, "demo review comment", spec.needle);
        created += state.rng.range(60, 1800);
        insertComment(state, path, line, type, QString::fromLatin1(spec.author), spec.resolved,
            QString::fromUtf8(spec.body), created);
    }
    // Outdated: the file was on the branch when the comment was written and was deleted a day
    // before the demo's "now": the review shows the comment with the code it was written on.
    const int adminLine = lineOf(demoAdminRoutes(), "adminRouter.post(\"/users/:id/disable\"");
    Q_ASSERT(adminLine > 0);
    insertComment(state, QStringLiteral("src/routes/admin.ts"), adminLine, QStringLiteral("added"),
        QStringLiteral("you"), false, QStringLiteral("Check the admin role here as well, not only in the UI."),
        created + 600);
}

} // namespace cwi::demo
