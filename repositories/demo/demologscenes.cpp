#include "demologscenes.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace cwi::demo {

namespace {

using S = StreamJsonSession;

// Claude Code's Read output: right-aligned line numbers, an arrow, the line.
QString numbered(const QByteArray &content, int from = 0, int to = 1 << 30)
{
    QString out;
    const QList<QByteArray> lines = content.split('\n');
    for (int i = std::max(0, from); i < std::min(int(lines.size()), to); ++i) {
        if (i == lines.size() - 1 && lines.at(i).isEmpty())
            break;
        out += QStringLiteral("%1→").arg(i + 1, 6) + QString::fromUtf8(lines.at(i)) + u'\n';
    }
    return out;
}

int lineIndexOf(const QByteArray &content, const QByteArray &text)
{
    const QList<QByteArray> lines = content.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(text.split('\n').constFirst()))
            return i;
    }
    return 0;
}

QJsonObject structuredPatch(const QString &file, const QByteArray &content, const Topic &topic)
{
    const QList<QByteArray> lines = content.split('\n');
    const int at = lineIndexOf(content, topic.oldText);
    const int first = std::max(0, at - 3);
    const int last = std::min(int(lines.size()) - 1, at + 3);
    const QList<QByteArray> added = topic.newText.split('\n');
    QJsonArray hunkLines;
    for (int i = first; i <= last; ++i) {
        if (i == at) {
            hunkLines.append(QString(u'-' + QString::fromUtf8(lines.at(i))));
            for (const QByteArray &line : added)
                hunkLines.append(QString(u'+' + QString::fromUtf8(line)));
        } else {
            hunkLines.append(QString(u' ' + QString::fromUtf8(lines.at(i))));
        }
    }
    const int oldLines = last - first + 1;
    const QJsonObject hunk { { QStringLiteral("oldStart"), first + 1 }, { QStringLiteral("oldLines"), oldLines },
        { QStringLiteral("newStart"), first + 1 }, { QStringLiteral("newLines"), oldLines - 1 + int(added.size()) },
        { QStringLiteral("lines"), hunkLines } };
    return { { QStringLiteral("filePath"), file }, { QStringLiteral("oldString"), QString::fromUtf8(topic.oldText) },
        { QStringLiteral("newString"), QString::fromUtf8(topic.newText) },
        { QStringLiteral("originalFile"), QString::fromUtf8(content) },
        { QStringLiteral("structuredPatch"), QJsonArray { hunk } }, { QStringLiteral("userModified"), false },
        { QStringLiteral("replaceAll"), false } };
}

} // namespace

QVector<Topic> logTopics()
{
    return {
        { QStringLiteral("src/auth/session.ts"), "const sessions = new Map<string, Session>();",
            "const sessions = new Map<string, Session>();\nconst ROTATE_AFTER_MS = 15 * 60 * 1000;",
            QStringLiteral("requireSession"), QStringLiteral("npx vitest run src/auth"),
            QStringLiteral(
                " FAIL  src/auth/session.test.ts > rotates a stale session\nAssertionError: expected 'a3f9…' not "
                "to be 'a3f9…'\n\n Test Files  1 failed | 3 passed (4)\n      Tests  1 failed | 17 passed (18)") },
        { QStringLiteral("src/routes/users.ts"), "  if (user.password !== req.body.password) {",
            "  if (!(await verifyPassword(req.body.password ?? \"\", user.password))) {", QStringLiteral("password"),
            QStringLiteral("npx vitest run src/routes"),
            QStringLiteral(
                "src/routes/users.ts(24,19): error TS2304: Cannot find name 'verifyPassword'.\n\nFound 1 error "
                "in src/routes/users.ts:24") },
        { QStringLiteral("worker/queue/queue.go"), "\t\t\t\ttime.Sleep(time.Second)",
            "\t\t\t\ttime.Sleep(time.Duration(1<<job.Tries) * time.Second)", QStringLiteral("Tries"),
            QStringLiteral("cd worker && go test ./..."),
            QStringLiteral("--- FAIL: TestRunRetries (2.00s)\n    queue_test.go:31: want 3 tries, got 2\nFAIL\nFAIL\t"
                           "github.com/orbit/notes/worker/queue\t2.014s") },
        { QStringLiteral("src/routes/notes.ts"), "  const limit = Math.min(Number(req.query.limit ?? 50), 200);",
            "  const limit = clampLimit(req.query.limit);", QStringLiteral("limit"), QStringLiteral("npm test"),
            QStringLiteral(" FAIL  src/routes/notes.test.ts > caps the page size\nReferenceError: clampLimit is not "
                           "defined\n\n Tests  1 failed | 11 passed (12)") },
        { QStringLiteral("src/server.ts"), "app.use(\"/users\", usersRouter);",
            "app.use(\"/users\", usersRouter);\napp.get(\"/billing/export/:month\", (req, res) => "
            "exportInvoices(req.params.month, res));",
            QStringLiteral("Router"), QStringLiteral("npm run build && npm test"),
            QStringLiteral("src/server.ts(15,52): error TS2304: Cannot find name 'exportInvoices'.") },
    };
}

// Which part of the code an agent's task is about.
int topicFor(const QString &taskName, int initiative)
{
    const auto has
        = [&taskName](const char *word) { return taskName.contains(QLatin1StringView(word), Qt::CaseInsensitive); };
    if (initiative == 1 || has("csv") || has("billing"))
        return ServerTopic;
    if (initiative == 2 || has("search") || has("arrow"))
        return NotesTopic;
    if (has("worker") || has("flaky"))
        return QueueTopic;
    if (has("session") || has("rotat") || has("rename"))
        return SessionTopic;
    return UsersTopic;
}

void writeTodos(S &s, DemoRandom &rng, const QString &task, const QString &activeFile)
{
    const auto todo = [](const QString &content, const char *status, const QString &active) {
        return QJsonObject { { QStringLiteral("content"), content },
            { QStringLiteral("status"), QString::fromLatin1(status) }, { QStringLiteral("activeForm"), active } };
    };
    const QJsonArray todos { todo(QStringLiteral("Read %1").arg(activeFile), "in_progress",
                                 QStringLiteral("Reading %1").arg(activeFile)),
        todo(QStringLiteral("Implement: %1").arg(task), "pending", QStringLiteral("Implementing")),
        todo(QStringLiteral("Run the tests"), "pending", QStringLiteral("Running the tests")),
        todo(QStringLiteral("Report back"), "pending", QStringLiteral("Reporting back")) };
    const QStringList ids
        = s.assistant({ S::toolUse(QStringLiteral("TodoWrite"), { { QStringLiteral("todos"), todos } }, rng) });
    s.toolResult(ids.last(),
        QStringLiteral("Todos have been modified successfully. Ensure that you continue to use the todo list to "
                       "track your progress."),
        false);
}

// One round of work on TOPIC: explore, edit, test (failing first), fix, test again.
void writeRound(S &s, DemoRandom &rng, const Topic &topic, const QByteArray &content, const QString &task,
    const QString &cwd, bool firstRound)
{
    const QString file = cwd + u'/' + topic.path;
    QStringList ids;
    if (firstRound) {
        ids = s.assistant(
            { S::thinking(QStringLiteral("The task is \"%1\". Before changing anything I want to see how %2 is used "
                                         "and which tests cover it.")
                              .arg(task, topic.grep),
                  rng),
                S::text(QStringLiteral("I'll start by looking at the project layout and `%1`.").arg(topic.path)),
                S::toolUse(
                    QStringLiteral("Glob"), { { QStringLiteral("pattern"), QStringLiteral("**/*.{ts,go}") } }, rng) });
        s.toolResult(ids.last(),
            QStringLiteral("%1/src/server.ts\n%1/src/routes/users.ts\n%1/src/routes/notes.ts\n%1/src/auth/session.ts\n"
                           "%1/src/auth/basic.ts\n%1/src/db/pool.ts\n%1/worker/main.go\n%1/worker/queue/queue.go")
                .arg(cwd),
            false);
    } else {
        s.assistant(
            { S::text(QStringLiteral("That part is done. The same pattern is needed in `%1`.").arg(topic.path)) });
    }
    ids = s.assistant({ S::toolUse(QStringLiteral("Read"), { { QStringLiteral("file_path"), file } }, rng) });
    s.toolResult(ids.last(), numbered(content), false);
    if (rng.chance(40))
        s.streamEvent(QStringLiteral("Now I understand the"));
    ids = s.assistant({ S::toolUse(QStringLiteral("Grep"),
        { { QStringLiteral("pattern"), topic.grep }, { QStringLiteral("path"), cwd },
            { QStringLiteral("output_mode"), QStringLiteral("files_with_matches") } },
        rng) });
    s.toolResult(ids.last(), QStringLiteral("Found 2 files\n%1\n%2/src/server.ts").arg(file, cwd), false);

    const int at = lineIndexOf(content, topic.oldText);
    ids = s.assistant({ S::text(QStringLiteral("Now the change itself:")),
        S::toolUse(QStringLiteral("Edit"),
            { { QStringLiteral("file_path"), file }, { QStringLiteral("old_string"), QString::fromUtf8(topic.oldText) },
                { QStringLiteral("new_string"), QString::fromUtf8(topic.newText) } },
            rng) });
    QByteArray edited = content;
    edited.replace(topic.oldText, topic.newText);
    s.toolResult(ids.last(),
        QString(QStringLiteral("The file %1 has been updated. Here's the result of running `cat -n` on a "
                               "snippet of the edited file:\n")
                    .arg(file)
            + numbered(edited, at - 4, at + 6)),
        false, structuredPatch(file, content, topic));

    // A sub-agent checks the other callers; its lines carry parent_tool_use_id.
    if (rng.chance(55)) {
        ids = s.assistant({ S::toolUse(QStringLiteral("Task"),
            { { QStringLiteral("description"), QStringLiteral("Find other callers") },
                { QStringLiteral("prompt"),
                    QStringLiteral("List every use of %1 outside %2 and say "
                                   "whether the change affects it.")
                        .arg(topic.grep, topic.path) },
                { QStringLiteral("subagent_type"), QStringLiteral("general-purpose") } },
            rng) });
        const QString taskId = ids.last();
        const QStringList sub = s.assistant(
            { S::toolUse(QStringLiteral("Grep"),
                { { QStringLiteral("pattern"), topic.grep },
                    { QStringLiteral("output_mode"), QStringLiteral("content") }, { QStringLiteral("-n"), true } },
                rng) },
            taskId);
        s.toolResult(sub.last(),
            QStringLiteral("src/server.ts:14:app.use(\"/users\", usersRouter);\n%1:%2:%3")
                .arg(topic.path)
                .arg(at + 1)
                .arg(QString::fromUtf8(topic.oldText.split('\n').constFirst())),
            false, {}, taskId);
        s.assistant({ S::text(QStringLiteral("Only `src/server.ts` uses it, through the router; nothing else needs to "
                                             "change.")) },
            taskId);
        s.toolResult(taskId,
            QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                { QStringLiteral("text"),
                    QStringLiteral("One other use: src/server.ts. "
                                   "Not affected.") } } },
            false,
            { { QStringLiteral("status"), QStringLiteral("completed") },
                { QStringLiteral("totalDurationMs"), rng.range(4000, 30000) },
                { QStringLiteral("totalToolUseCount"), 1 } });
    }

    ids = s.assistant({ S::toolUse(QStringLiteral("Bash"),
        { { QStringLiteral("command"), topic.test },
            { QStringLiteral("description"), QStringLiteral("Run the tests") } },
        rng) });
    s.toolResult(ids.last(), topic.failure, true);
    const QString testFile = file.section(u'.', 0, 0)
        + (topic.path.endsWith(u".go") ? QStringLiteral("_test.go") : QStringLiteral(".test.ts"));
    ids = s.assistant(
        { S::thinking(QStringLiteral("The failure is mine: the test expects the old behaviour. I'll add a "
                                     "focused test for the new one and fix the import."),
              rng),
            S::toolUse(QStringLiteral("Write"),
                { { QStringLiteral("file_path"), testFile },
                    { QStringLiteral("content"),
                        QStringLiteral("import { describe, expect, it, vi } from "
                                       "\"vitest\";\n\ndescribe(\"%1\", () => {\n  "
                                       "it(\"covers the new behaviour\", () => {\n"
                                       "    vi.useFakeTimers();\n"
                                       "    expect(true).toBe(true);\n  });\n});\n")
                            .arg(topic.grep) } },
                rng) });
    s.toolResult(ids.last(), QStringLiteral("File created successfully at: %1").arg(testFile), false);
    if (rng.chance(25)) {
        s.apiRetry(1);
        s.apiRetry(2);
    }
    ids = s.assistant({ S::toolUse(QStringLiteral("Bash"),
        { { QStringLiteral("command"), topic.test },
            { QStringLiteral("description"), QStringLiteral("Run the tests again") } },
        rng) });
    s.toolResult(ids.last(),
        QStringLiteral(" ✓ all tests passed\n\n Test Files  4 passed (4)\n      Tests  18 passed (18)\n"
                       "   Duration  1.42s"),
        false);
}

QString finalReport(const QString &task, const Topic &topic)
{
    return QStringLiteral("## Done: %1\n\n- Changed `%2`\n- Added a focused test\n\n| Check | Result |\n|---|---|\n"
                          "| tests | 18 passed |\n| typecheck | clean |\n\n```diff\n- %3\n+ %4\n```\n")
        .arg(task, topic.path, QString::fromUtf8(topic.oldText).trimmed(),
            QString::fromUtf8(topic.newText.split('\n').constFirst()).trimmed());
}

} // namespace cwi::demo
