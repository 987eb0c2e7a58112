#pragma once

// The detail pane's content, built from a row, the rows that point at it and the labels of
// what its foreign keys point at. Pure (no widgets, no SQL), so it is tested on its own.
//
// Links it writes: cwi:open/TABLE/ID (a row), cwi:filter/TABLE/FIELD/VALUE (a filtered list),
// cwi:expand/FIELD (show a long JSON value in full), cwi:log/AGENT_ID, cwi:review/PHASE_ID.

#include "rowreader.h"
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
    QString error;
};

class DetailHtml
{
public:
    static constexpr int kFoldedJsonLines = 14;
    static QString build(const DetailData &data, const QSet<QString> &expanded);
};

} // namespace cwi
