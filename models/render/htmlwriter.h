#pragma once

// Small helpers shared by the Tiptap and Markdown renderers: escaping, links, notes.

#include "renderinfo.h"

#include <QString>

namespace cwi::render {

// HTML-escapes text (& < > " ') so nothing in stored text becomes markup.
QString escaped(QStringView text);

// A tool tip that may carry text from the file. Qt shows a tool tip as rich text when it looks
// like markup (Qt::mightBeRichText), so such text is escaped and wrapped (lines kept); other
// text is returned as it is, which Qt already shows plainly.
QString plainToolTip(const QString &text);

// True for the link schemes the app may offer to open in a browser (http, https, mailto).
// Everything else (javascript:, file:, data:, relative paths) is shown but marked.
bool isWebLink(const QString &href);

// <a href> around already-escaped inner HTML. The href is kept (escaped) so a view can show
// it and ask before opening; unsafe schemes get a visible warning after the text.
QString linkHtml(const QString &href, const QString &innerHtml, RenderInfo *info);

// A subtle grey note block ("Content is empty", "Shown: first 2 MB of 100 MB", ...).
QString noteHtml(const QString &text);

// The raw text in a monospace block, cut at maxChars (marked when cut).
QString rawTextHtml(QStringView text, qsizetype maxChars);

QString monospaceFamily();

} // namespace cwi::render
