#pragma once

// Inline Markdown (one paragraph's text) to HTML: emphasis, strong, strike, code spans, links,
// autolinks, images as text placeholders, hard breaks. Raw HTML is escaped, never interpreted.

#include "renderinfo.h"

#include <QString>

namespace cwi::render {

QString markdownInlineToHtml(QStringView text, RenderInfo *info);

} // namespace cwi::render
