#include "reviewtypes.h"

namespace cwi {

using namespace Qt::StringLiterals;

QString cloneSourceName(CloneLocation::Source source)
{
    switch (source) {
    case CloneLocation::None:
        return u"not found"_s;
    case CloneLocation::ProjectUrl:
        return u"project URL"_s;
    case CloneLocation::AgentWorktree:
        return u"agent worktree"_s;
    case CloneLocation::Remembered:
        return u"chosen folder"_s;
    }
    return {};
}

} // namespace cwi
