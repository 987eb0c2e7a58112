#pragma once

// Tiptap (ProseMirror) JSON, as stored in pages.content and phases.content, to HTML for a
// QTextDocument / QTextBrowser. Pure: no I/O, no link is ever opened, no image is fetched
// (images become a text placeholder). Every piece of stored text is HTML-escaped.
//
// Empty content gives a note; invalid JSON gives a note plus the raw text; more than
// limits.maxInputChars renders the first part and says so; nesting of any depth is walked
// without recursion and shown flattened beyond limits.maxVisibleDepth.

#include "renderinfo.h"

#include <QString>

namespace cwi {

QString tiptapToHtml(const QString &json, RenderInfo *info = nullptr, const RenderLimits &limits = {});

// The document's words (every "text" value, in order, blocks separated by newlines), for
// searching content without matching JSON keys like "type". Text that is not Tiptap JSON is
// returned as it is.
QString tiptapToPlainText(const QString &json);

} // namespace cwi
