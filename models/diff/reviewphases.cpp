#include "reviewphases.h"

#include "workrepositories.h"

#include <algorithm>

namespace cwi {

QVector<Phase> loadPhasesToReview(const std::shared_ptr<Database> &db)
{
    if (!db)
        return {};
    QVector<Phase> phases = makePhaseRepository(db)->findAll();
    std::stable_sort(phases.begin(), phases.end(), [](const Phase &a, const Phase &b) {
        const bool ra = a.status == u"pending_review", rb = b.status == u"pending_review";
        if (ra != rb)
            return ra;
        return a.createdAt.toDateTime() > b.createdAt.toDateTime();
    });
    return phases;
}

} // namespace cwi
