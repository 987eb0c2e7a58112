#pragma once

// How one transcript event reads: a short header, a body shown in the row, and an optional
// detail shown when the row is expanded. Shared by the transcript model and the Markdown export.

#include "streamevent.h"

#include <QString>

namespace cwi {

class Transcript;

enum class BodyFormat : quint8
{
    Plain,
    Markdown,
    Monospace,
    Diff,
    Note
};

struct EventPresentation
{
    QString header;
    QString body;
    BodyFormat format = BodyFormat::Plain;
    QString detail; // empty: nothing to expand
    BodyFormat detailFormat = BodyFormat::Monospace;
    bool error = false;
    bool failedCall = false; // a tool call whose result is an error
    bool dim = false; // thinking, notes, skipped lines
};

// How much of a long text goes into a presentation: the screen caps bodies (and says "expand or
// export to see all"); an export is complete, nothing cut and no such note.
enum class Extent : quint8
{
    Screen,
    Complete
};

// LINE is the event's line in TRANSCRIPT (used to find a result's call and a call's result);
// TRANSCRIPT may be null.
EventPresentation presentEvent(const TranscriptEvent &event, const Transcript *transcript = nullptr, int line = -1,
    Extent extent = Extent::Screen);

// "Read  src/main.cpp", "Bash  make -j2", ... : the one-line summary of a tool call.
QString toolCallSummary(const QString &toolName, const QJsonObject &input);
// Diff lines ('-', '+', ' ' prefixes) for Edit / MultiEdit / Write input; empty for other tools.
QString toolCallDiff(const QString &toolName, const QJsonObject &input, Extent extent = Extent::Screen);
// Diff lines of a result's tool_use_result.structuredPatch; empty when there is none.
QString structuredPatchDiff(const QJsonObject &toolUseResult);

QString formatDuration(qint64 ms);
QString formatTokens(qint64 tokens); // 1234567 -> "1.2M"
QString formatCost(double usd); // "$0.25", "—" when unknown

} // namespace cwi
