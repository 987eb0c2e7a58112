#pragma once

// What a text renderer noticed while turning stored text into HTML for a QTextDocument.
// The renderers are pure functions: they never open links, never fetch images, never touch
// files; everything they produce is escaped HTML plus this summary.

#include <QString>

namespace cwi {

struct RenderInfo
{
    bool truncated = false; // only the first part of the input was rendered
    bool parseError = false; // the input did not parse; a note and the raw text were shown
    bool depthCapped = false; // nesting deeper than the cap was flattened
    int unknownNodeTypes = 0; // Tiptap nodes/marks the renderer does not know (text shown)
    int unsafeLinks = 0; // javascript:, file:, data: and other non-web links (marked)
    QString message; // one line for the user when something above is set
};

// Limits shared by both renderers. Input beyond maxInputChars is not parsed at all; output is
// cut once it passes maxOutputChars; visible nesting stops at maxVisibleDepth (deeper levels
// are shown at that depth), so a 10,000-deep list neither overflows nor indents forever.
struct RenderLimits
{
    qsizetype maxInputChars = qsizetype(2) * 1024 * 1024;
    qsizetype maxOutputChars = qsizetype(768) * 1024; // what QTextDocument lays out in about half a second
    int maxVisibleDepth = 12;
    // Full length of the stored text when the caller passes only its first part (a database
    // prefix read); -1 when the text given is all there is.
    qint64 sourceChars = -1;
};

} // namespace cwi
