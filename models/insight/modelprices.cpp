#include "modelprices.h"

using namespace Qt::StringLiterals;

namespace cwi {

ModelPrice modelPrice(const QString &model)
{
    const QString m = model.toLower();
    if (m.contains(u"opus"_s)) {
        if (m.contains(u"4-5"_s) || m.contains(u"4-6"_s) || m.contains(u"4.5"_s))
            return { 5, 25 };
        return { 15, 75 };
    }
    if (m.contains(u"haiku"_s)) {
        if (m.contains(u"3-5"_s))
            return { 0.8, 4 };
        if (m.contains(u"haiku-3"_s) || m.contains(u"3-haiku"_s))
            return { 0.25, 1.25 };
        return { 1, 5 };
    }
    return { 3, 15 }; // sonnet, and the default for a model we do not know
}

double estimateCostUsd(const QString &model, const TokenCounts &t)
{
    const ModelPrice p = modelPrice(model);
    return (double(t.input) * p.input + double(t.cacheCreation) * p.input * 1.25 + double(t.cacheRead) * p.input * 0.1
               + double(t.output) * p.output)
        / 1e6;
}

} // namespace cwi
