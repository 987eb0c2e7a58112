#include "readaccesstext.h"

#include "readaccess.h"

namespace cwi {

ReadAccessText readAccessText(const Database &database)
{
    return { readAccessName(database), readAccessDescription(database) };
}

} // namespace cwi
