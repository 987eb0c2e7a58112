#include "writes/writeplan.h"

using namespace Qt::StringLiterals;

namespace cwi {

QString writeOutcomeName(WriteOutcome outcome)
{
    switch (outcome) {
    case WriteOutcome::Applied:
        return u"applied"_s;
    case WriteOutcome::ChangedMeanwhile:
        return u"changed meanwhile"_s;
    case WriteOutcome::NotValid:
        return u"not valid"_s;
    case WriteOutcome::Busy:
        return u"busy"_s;
    case WriteOutcome::ReadOnly:
        return u"read-only"_s;
    case WriteOutcome::Failed:
        break;
    }
    return u"failed"_s;
}

QString ActionPlan::primaryTable() const
{
    for (const RowChange &row : rows) {
        if (row.op != RowOp::Check)
            return row.table;
    }
    return {};
}

QString ActionPlan::primaryId() const
{
    for (const RowChange &row : rows) {
        if (row.op != RowOp::Check)
            return row.id;
    }
    return {};
}

} // namespace cwi
