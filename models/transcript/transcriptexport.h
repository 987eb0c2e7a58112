#pragma once

// Export of one session: JSONL (the chunks' bytes joined, byte for byte) or Markdown (the
// readable transcript). exportSession() is the headless entry point behind
// `cw-inspector FILE --export-session AGENT_ID:SESSION --format jsonl|md [-o OUT]`.

#include "transcript.h"

#include <QString>

#include <memory>

namespace cwi {

class Database;

// The readable transcript: every line in tree order, sub-agent lines and results quoted under
// their call, thinking and tool inputs included.
QString transcriptMarkdown(const Transcript &transcript, const QString &title);

// Exit codes: 0 written; 1 the output could not be written (nothing at OUTPATH changed); 2 bad
// arguments (format, unknown agent or session) or an output path refused by refuseOutputPath. OUTPATH empty writes to
// stdout. ERROR gets a one-line message.
int exportSession(const std::shared_ptr<Database> &db, const QString &agentId, qint64 session, const QString &format,
    const QString &outPath, QString *error);

} // namespace cwi
