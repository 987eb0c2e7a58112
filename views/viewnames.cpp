#include "viewnames.h"

#include <iterator>

namespace cwi {

namespace {

struct ViewSpec
{
    ViewName view;
    const char *name;
    const char *arguments; // after the name, as --help shows them
};

// In --help's order; one entry per ViewName.
constexpr ViewSpec kViews[] = {
    { ViewName::Dashboard, "dashboard", "" },
    { ViewName::Table, "table", ":NAME" },
    { ViewName::Tasks, "tasks", "" },
    { ViewName::Detail, "detail", ":TABLE:ID" },
    { ViewName::Log, "log", ":AGENT_ID[/SESSION]" },
    { ViewName::Review, "review", ":PHASE_ID" },
    { ViewName::Graph, "graph", ":PHASE_OR_INITIATIVE_ID" },
    { ViewName::Pages, "pages", "[:PAGE_ID]" },
    { ViewName::Proposals, "proposals", "[:ID]" },
    { ViewName::Chat, "chat", "[:SESSION_ID]" },
    { ViewName::Messages, "messages", "[:ID]" },
    { ViewName::Conversations, "conversations", "[:ID]" },
    { ViewName::History, "history", "" },
    { ViewName::Search, "search", "[:QUERY]" },
    { ViewName::Files, "files", "" },
    { ViewName::Activity, "activity", "" },
    { ViewName::Timeline, "timeline", "" },
};
static_assert(std::size(kViews) == std::size_t(ViewName::Timeline) + 1, "one entry per ViewName");

} // namespace

QString viewName(ViewName view)
{
    for (const ViewSpec &spec : kViews) {
        if (spec.view == view)
            return QString::fromLatin1(spec.name);
    }
    return {};
}

QStringList viewSynopses()
{
    QStringList out;
    for (const ViewSpec &spec : kViews)
        out.append(QString::fromLatin1(spec.name) + QString::fromLatin1(spec.arguments));
    return out;
}

} // namespace cwi
