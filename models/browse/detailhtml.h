#pragma once

// The detail pane's content, built from a row, the rows that point at it and the labels of
// what its foreign keys point at. Pure (no widgets, no SQL), so it is tested on its own.
//
// Links it writes: cwi:open/TABLE/ID (a row), cwi:filter/TABLE/FIELD/VALUE (a filtered list),
// cwi:expand/FIELD (show a long JSON value in full), cwi:fold/FIELD (fold it again; "-FIELD" folds a
// short one to its summary), cwi:unfold/FIELD, cwi:log/AGENT_ID, cwi:review/PHASE_ID.
// EXPANDED holds FIELD for long values shown in full and "-FIELD" for short values folded.

#include "rowvalues.h"
#include "transcript/logloader.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace cwi {

struct DetailData
{
    QString table;
    QString id;
    TableInfo info;
    std::optional<RowRecord> row;
    QVector<Relation> relations;
    QHash<QString, QString> referenceLabels; // logical field -> label of the referenced row
    std::optional<LogTotals> logTotals; // agents, tasks, initiatives: what their agents' sessions cost
    bool logTotalsPending = false; // ... known when the log index has been built
    QString error;
};

class DetailHtml
{
public:
    static constexpr int kFoldedJsonLines = 14;
    // LABEL_WIDTH: pixels of the field-name column (the view measures its longest name), so that
    // a long value never squeezes the names to a letter per line; 0 leaves it to the layout.
    // kStacked: a pane too narrow for names beside values: each name on a line of its own,
    // its value below it (a name is never broken inside a word).
    static constexpr int kStacked = -1;
    static QString build(const DetailData &data, const QSet<QString> &expanded, int labelWidth = 0);
    // The names the form shows in its first column (for the view to measure).
    static QStringList labels(const DetailData &data);
};

} // namespace cwi
