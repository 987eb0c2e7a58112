#pragma once

// Filter of the transcript tree (a TranscriptModel) by event kind. A line is kept when its kind
// is wanted or when one of its child lines is (a Task call stays for its sub-agent's errors).
// It walks the outline and the line kinds (TranscriptModel::setLineKinds), not the rows, so
// filtering a 100k-line session parses only the rows that are then shown.

#include <QSortFilterProxyModel>

namespace cwi {

class TranscriptFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Filter
    {
        AllEvents,
        TextEvents,
        ToolEvents,
        ErrorEvents,
        ThinkingEvents,
        SystemEvents,
        FilterCount
    };

    explicit TranscriptFilterModel(QObject *parent = nullptr);
    void setEventFilter(Filter filter);
    static QString filterName(Filter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool lineMatches(int line) const;
    bool subtreeMatches(int line) const;
    Filter m_filter = AllEvents;
};

} // namespace cwi
