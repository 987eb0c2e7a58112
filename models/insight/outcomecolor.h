#pragma once

// Colour of an agent session's outcome as the insight index names it: "success", "failed",
// "running", "no result" (cut off, crashed); anything else is unknownStatusColor(). Defined in
// statuscolors.cpp beside every other status colour (the one place they live).

#include <QColor>
#include <QString>

namespace cwi {

QColor sessionOutcomeColor(const QString &outcome);

} // namespace cwi
