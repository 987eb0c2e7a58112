#include "streamjsonstream.h"

#include <QList>

#include <utility>

namespace cwi::bench {

namespace {

constexpr char kModel[] = "claude-sonnet-4-5-20250929";

// Words and code lines, already JSON-escaped. Text is glued from them, which keeps 1 GB cheap.
const QList<QByteArray> &words()
{
    static const QList<QByteArray> list
        = QByteArray("the task agent phase review branch merge worktree test tests failing passes function module "
                     "schema migration column index query handler router request response error retry timeout "
                     "config build lint type interface component state store hook render update delete create "
                     "I will now check read the file first then run suite fix this \\\"quoted\\\" value → done ✓ "
                     "café naïve because so that and with from into over under after before while each every")
              .split(' ');
    return list;
}

const QList<QByteArray> &codeLines()
{
    static const QList<QByteArray> list {
        "import { Injectable } from '@nestjs/common';",
        "export async function findByAgentId(agentId: string): Promise<LogChunk[]> {",
        "  const rows = await db.select().from(agentLogChunks).where(eq(agentLogChunks.agentId, agentId));",
        "  if (!task) throw new Error(`Task ${taskId} not found`);",
        "  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt * 1000) }));",
        "}",
        "",
        "describe('TaskRepository', () => {",
        "  it('retries a crashed task', async () => {",
        "    expect(result.status).toBe(\\\"pending\\\");",
        "\\tconst phase = phases.find((p) => p.id === phaseId);",
        "// TODO(cw): the dispatcher should skip blocked phases",
        "  for (const dep of dependencies) await this.tasks.createDependency(task.id, dep);",
        "export const tasks = sqliteTable('tasks', {",
        "  parentTaskId: text('parent_task_id').references((): AnySQLiteColumn => tasks.id),",
        "});",
    };
    return list;
}

} // namespace

StreamJsonStream::StreamJsonStream(BenchRandom &rng, const QByteArray &sessionId, const QByteArray &cwd)
    : m_rng(rng)
    , m_sessionId(sessionId)
    , m_cwd(cwd)
{
    m_queue.append(envelope("\"system\",\"subtype\":\"init\",\"cwd\":\"" + m_cwd
        + "\",\"tools\":[\"Task\",\"Bash\",\"Glob\",\"Grep\",\"Read\",\"Edit\",\"Write\",\"TodoWrite\","
          "\"WebFetch\"],\"mcp_servers\":[],\"model\":\""
        + kModel
        + "\",\"permissionMode\":\"bypassPermissions\",\"slash_commands\":[\"compact\",\"review\"],"
          "\"apiKeySource\":\"none\",\"claude_code_version\":\"2.0.14\",\"output_style\":\"default\""));
}

QByteArray StreamJsonStream::envelope(const QByteArray &typeAndBody)
{
    return "{\"type\":" + typeAndBody + ",\"session_id\":\"" + m_sessionId + "\",\"uuid\":\"" + m_rng.uuid() + "\"}";
}

QByteArray StreamJsonStream::filePath()
{
    static const QList<QByteArray> dirs { "src/db", "src/agents", "src/dispatch", "src/api", "test", "web/src" };
    static const QList<QByteArray> files { "tasks.ts", "phases.ts", "schema.ts", "index.ts", "router.ts", "manager.ts",
        "dispatcher.test.ts", "TaskTree.tsx" };
    return m_cwd + '/' + m_rng.pick(dirs) + '/' + m_rng.pick(files);
}

static QByteArray prose(BenchRandom &rng, int length)
{
    QByteArray out;
    out.reserve(length + 16);
    while (out.size() < length) {
        out += rng.pick(words());
        out += rng.chance(0.06) ? ". " : " ";
        if (rng.chance(0.01))
            out += "\\n\\n";
    }
    return out;
}

static QByteArray code(BenchRandom &rng, int lines, bool numbered)
{
    QByteArray out;
    for (int i = 1; i <= lines; ++i) {
        if (numbered)
            out += QByteArray::number(i).rightJustified(6, ' ') + "→";
        out += rng.pick(codeLines());
        out += "\\n";
    }
    return out;
}

QByteArray StreamJsonStream::toolResultLine(const QByteArray &toolUseId, const QByteArray &content, bool isError,
    const QByteArray &extra, const QByteArray &parentToolUseId)
{
    return envelope("\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"" + toolUseId
        + "\",\"type\":\"tool_result\",\"content\":\"" + content + "\",\"is_error\":" + (isError ? "true" : "false")
        + "}]},\"parent_tool_use_id\":" + (parentToolUseId.isEmpty() ? QByteArray("null") : '"' + parentToolUseId + '"')
        + extra);
}

// A tool_use block; RESULTLINE receives the matching user line.
QByteArray StreamJsonStream::toolUse(QByteArray *resultLine, const QByteArray &parent)
{
    const QByteArray id = "toolu_01" + m_rng.base62(22);
    const int kind = m_rng.range(0, 9);
    QByteArray name, input, content, extra;
    bool isError = false;
    if (kind <= 3) {
        const QByteArray path = filePath();
        name = "Read";
        input = "{\"file_path\":\"" + path + "\"}";
        content = code(m_rng, m_rng.range(4, 40), true);
    } else if (kind <= 5) {
        name = "Bash";
        input = "{\"command\":\"npm test -- " + m_rng.pick(words()) + "\",\"description\":\"Run the tests\"}";
        isError = m_rng.chance(0.15);
        content = (isError ? "Exit code 1\\n" : "") + prose(m_rng, m_rng.range(80, 1400));
    } else if (kind == 6) {
        const QByteArray path = filePath();
        name = "Edit";
        const QByteArray before = m_rng.pick(codeLines()), after = m_rng.pick(codeLines());
        input = "{\"file_path\":\"" + path + "\",\"old_string\":\"" + before + "\",\"new_string\":\"" + after + "\"}";
        content = "The file " + path + " has been updated. Here's the result of running `cat -n` on a snippet:\\n"
            + code(m_rng, m_rng.range(3, 12), true);
        extra = ",\"tool_use_result\":{\"filePath\":\"" + path
            + "\",\"structuredPatch\":[{\"oldStart\":" + QByteArray::number(m_rng.range(1, 400))
            + ",\"oldLines\":1,\"newStart\":12,\"newLines\":1,\"lines\":[\"-" + before + "\",\"+" + after + "\"]}]}";
    } else if (kind == 7) {
        name = "Grep";
        input = "{\"pattern\":\"" + m_rng.pick(words()) + "\",\"path\":\"src\",\"output_mode\":\"files_with_matches\"}";
        for (int i = m_rng.range(1, 8); i > 0; --i)
            content += filePath() + "\\n";
    } else if (kind == 8 && parent.isEmpty()) {
        name = "Task";
        input = "{\"description\":\"Explore the code\",\"prompt\":\"" + prose(m_rng, 300)
            + "\",\"subagent_type\":\"general-purpose\"}";
        // The sub-agent's own lines come before the Task's result.
        for (int i = m_rng.range(1, 3); i > 0; --i) {
            QByteArray subResult;
            const QByteArray block = toolUse(&subResult, id);
            queueAssistant({ block }, id);
            m_queue.append(subResult);
        }
        content = prose(m_rng, m_rng.range(200, 900));
    } else {
        name = "TodoWrite";
        input = "{\"todos\":[{\"content\":\"" + prose(m_rng, 40) + "\",\"status\":\"in_progress\",\"activeForm\":\""
            + prose(m_rng, 30) + "\"}]}";
        content = "Todos have been modified successfully.";
    }
    *resultLine = toolResultLine(id, content, isError, extra, parent);
    return "{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"input\":" + input + '}';
}

void StreamJsonStream::queueAssistant(const QVector<QByteArray> &blocks, const QByteArray &parent)
{
    const QByteArray messageId = "msg_01" + m_rng.base62(22);
    m_cacheRead += m_rng.range(1500, 3000);
    const qint64 output = m_rng.range(40, 900);
    m_outputTokens += output;
    const QByteArray usage = "{\"input_tokens\":" + QByteArray::number(m_rng.range(3, 12))
        + ",\"cache_creation_input_tokens\":" + QByteArray::number(m_rng.range(200, 4000))
        + ",\"cache_read_input_tokens\":" + QByteArray::number(9000 + m_cacheRead % 140000)
        + ",\"output_tokens\":" + QByteArray::number(output) + ",\"service_tier\":\"standard\"}";
    for (const QByteArray &block : blocks) {
        m_queue.append(envelope("\"assistant\",\"message\":{\"model\":\"" + QByteArray(kModel) + "\",\"id\":\""
            + messageId + "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[" + block
            + "],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" + usage
            + "},\"parent_tool_use_id\":" + (parent.isEmpty() ? QByteArray("null") : '"' + parent + '"')));
    }
}

void StreamJsonStream::queueTurn()
{
    ++m_turns;
    if (m_rng.chance(0.004))
        m_queue.append(envelope("\"system\",\"subtype\":\"api_retry\",\"attempt\":1,\"max_retries\":10,"
                                "\"retry_delay_ms\":1200,\"error_status\":529,\"error\":\"overloaded_error\""));
    if (m_turns % 2500 == 0)
        m_queue.append(envelope("\"system\",\"subtype\":\"compact_boundary\",\"compact_metadata\":{\"trigger\":"
                                "\"auto\",\"pre_tokens\":158000}"));
    if (m_rng.chance(0.05))
        m_queue.append(envelope("\"stream_event\",\"event\":{\"type\":\"content_block_delta\",\"index\":0,"
                                "\"delta\":{\"type\":\"text_delta\",\"text\":\""
            + prose(m_rng, 40) + "\"}},\"parent_tool_use_id\":null"));
    QVector<QByteArray> blocks;
    if (m_rng.chance(0.3))
        blocks.append("{\"type\":\"thinking\",\"thinking\":\"" + prose(m_rng, m_rng.range(150, 1200))
            + "\",\"signature\":\"Eu" + m_rng.base62(40) + "\"}");
    if (m_rng.chance(0.6))
        blocks.append("{\"type\":\"text\",\"text\":\"" + prose(m_rng, m_rng.range(40, 700)) + "\"}");
    QVector<QByteArray> results;
    const int tools = blocks.isEmpty() ? m_rng.range(1, 2) : m_rng.range(0, 2);
    QVector<QByteArray> pending; // sub-agent lines queued by toolUse() go after this message
    for (int i = 0; i < tools; ++i) {
        QByteArray result;
        const int before = int(m_queue.size());
        blocks.append(toolUse(&result, {}));
        pending += m_queue.mid(before);
        m_queue.resize(before);
        results.append(result);
    }
    queueAssistant(blocks, {});
    m_queue += pending;
    m_queue += results;
}

void StreamJsonStream::appendLine()
{
    if (m_queue.isEmpty())
        queueTurn();
    m_buffer += m_queue.takeFirst();
    m_buffer += '\n';
    ++m_lines;
}

QByteArray StreamJsonStream::nextChunk(int size)
{
    while (m_buffer.size() < size)
        appendLine();
    int cut = size;
    while (cut < m_buffer.size() && (uchar(m_buffer.at(cut)) & 0xC0) == 0x80) // UTF-8 continuation byte
        ++cut;
    QByteArray chunk = m_buffer.left(cut);
    m_buffer.remove(0, cut);
    m_bytes += chunk.size();
    return chunk;
}

QByteArray StreamJsonStream::finish(bool crashed)
{
    if (crashed) {
        if (m_buffer.size() < 2)
            appendLine();
        QByteArray chunk = m_buffer.left(m_buffer.size() / 2); // the pipe closed mid-line
        while (!chunk.isEmpty() && (uchar(chunk.back()) & 0x80))
            chunk.chop(1);
        m_bytes += chunk.size();
        return chunk;
    }
    while (!m_queue.isEmpty())
        appendLine();
    m_buffer
        += envelope("\"result\",\"subtype\":\"success\",\"is_error\":false,\"duration_ms\":"
               + QByteArray::number(m_turns * 9000) + ",\"duration_api_ms\":" + QByteArray::number(m_turns * 7000)
               + ",\"num_turns\":" + QByteArray::number(m_turns) + ",\"result\":\"" + prose(m_rng, 300)
               + "\",\"total_cost_usd\":" + QByteArray::number(m_outputTokens * 15.0 / 1e6 + m_cacheRead * 0.3 / 1e6)
               + ",\"usage\":{\"input_tokens\":" + QByteArray::number(m_turns * 7)
               + ",\"output_tokens\":" + QByteArray::number(m_outputTokens)
               + ",\"cache_read_input_tokens\":" + QByteArray::number(m_cacheRead) + "},\"permission_denials\":[]")
        + '\n';
    ++m_lines;
    m_bytes += m_buffer.size();
    return std::exchange(m_buffer, {});
}

} // namespace cwi::bench
