#pragma once

// Markdown (proposal content, chat messages, agent messages) to HTML for a QTextDocument.
// A CommonMark subset with GitHub tables and task lists: headings, paragraphs, emphasis,
// strike, code spans and fenced code, links, bullet / ordered / task lists (nested),
// blockquotes, rules, tables. Pure and safe like tiptapToHtml: raw HTML in the text is shown
// escaped, images become a text placeholder, links are kept but never followed, containers are
// tracked on a heap stack so any nesting depth is fine (shown flattened past the cap).

#include "renderinfo.h"

#include <QString>

namespace cwi {

QString markdownToHtml(const QString &text, RenderInfo *info = nullptr, const RenderLimits &limits = {});

} // namespace cwi
