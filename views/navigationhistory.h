#pragma once

// Back and Forward over the places visited: rows, tables and reviews. A table remembers its
// filters, search and sort as they were when the user left it, so Back returns to the list as seen.

#include "appcontext.h"
#include "browse/tablemodel.h" // TableQuery

#include <QObject>
#include <QVector>

#include <functional>
#include <optional>

class QAction;

namespace cwi {

class NavigationHistory : public QObject
{
    Q_OBJECT
public:
    struct Visit
    {
        EntityRef ref;
        std::optional<TableQuery> table;
    };
    // TABLE_STATE: how the list of a place looks now (nullopt: not shown). REVISIT: go there again.
    NavigationHistory(std::function<std::optional<TableQuery>(const EntityRef &)> tableState,
        std::function<void(const Visit &)> revisit, QObject *parent);

    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }

    void push(const EntityRef &ref, const std::optional<TableQuery> &table = std::nullopt);
    void clear(); // a new file: nothing to go back to
    void back() { goTo(m_index - 1); }
    void forward() { goTo(m_index + 1); }

private:
    void goTo(int index);
    void rememberTableState();
    void updateActions();

    std::function<std::optional<TableQuery>(const EntityRef &)> m_tableState;
    std::function<void(const Visit &)> m_revisit;
    QAction *m_back;
    QAction *m_forward;
    QVector<Visit> m_visits;
    int m_index = -1;
    bool m_revisiting = false;
};

} // namespace cwi
