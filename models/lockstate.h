#pragma once

// Whether the inspector waits on another process's lock right now (a wait seen within the last
// 1.5 s): the status bar shows it, so a server holding the file reads as a state, not as a
// frozen window.

namespace cwi {

bool waitingOnLock();

} // namespace cwi
