#pragma once

// The names --view takes, kept once: each pane's Pane::Info::view comes from here, and --help
// lists them with their arguments before any window (or pane) exists.

#include <QString>
#include <QStringList>

namespace cwi {

enum class ViewName
{
    Dashboard,
    Table,
    Tasks,
    Detail,
    Log,
    Review,
    Graph,
    Pages,
    Proposals,
    Chat,
    Messages,
    Conversations,
    History,
    Search,
    Files,
    Activity,
    Timeline,
};

QString viewName(ViewName view); // "log"
QStringList viewSynopses(); // every view with its arguments ("log:AGENT_ID[/SESSION]"), in --help's order

} // namespace cwi
