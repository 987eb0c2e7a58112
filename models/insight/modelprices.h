#pragma once

// List prices of Anthropic models (USD per million tokens), to estimate the cost of one API
// message: the stream only states a session's total (the result line). Cache writes cost 1.25x
// and cache reads 0.1x the input price.

#include "insight/insighttypes.h"

#include <QString>

namespace cwi {

struct ModelPrice
{
    double input = 0;
    double output = 0;
};

ModelPrice modelPrice(const QString &model); // by family (opus, sonnet, haiku) and version
double estimateCostUsd(const QString &model, const TokenCounts &tokens);

} // namespace cwi
