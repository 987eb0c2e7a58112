#pragma once

// Line-level Markdown recognisers for the block parser in markdownrenderer.cpp: list markers,
// rules, ATX headings, code fences and GitHub table rows. Pure functions of one line.

#include <QString>
#include <QStringList>
#include <QStringView>

namespace cwi::render::md {

struct ListMarker
{
    bool ok = false;
    bool ordered = false;
    QChar bullet; // '-', '*', '+' or the ordered delimiter '.' / ')'
    int start = 1;
    qsizetype width = 0; // marker plus the spaces after it
};

qsizetype leadingSpaces(QStringView s, qsizetype from = 0);
bool isBlank(QStringView s);
bool isRule(QStringView s); // ---, ***, ___ (spaces allowed)
ListMarker listMarker(QStringView s); // at the start of S
int headingLevel(QStringView s); // 1-6 for "# ..." lines, else 0
QString fenceOf(QStringView s); // "```" / "~~~~" opening a fence, else empty
QStringList tableCells(QStringView row); // cells of "| a | b |", \| kept as |
bool isTableDelimiter(QStringView s); // "|---|:--:|"

} // namespace cwi::render::md
