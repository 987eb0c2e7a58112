#include "reviewtypes.h"

#include <QCoreApplication>

namespace cwi {

QString cloneSourceName(CloneLocation::Source source)
{
    switch (source) {
    case CloneLocation::None:
        return QCoreApplication::translate("CloneLocation", "not found");
    case CloneLocation::ProjectUrl:
        return QCoreApplication::translate("CloneLocation", "project URL");
    case CloneLocation::AgentWorktree:
        return QCoreApplication::translate("CloneLocation", "agent worktree");
    case CloneLocation::Remembered:
        return QCoreApplication::translate("CloneLocation", "chosen folder");
    }
    return {};
}

} // namespace cwi
