#pragma once

// Hits of a full-text search over every agent's log, newest first: time, agent, session, kind,
// initiative and the snippet. The snippet is log text: SnippetHtmlRole escapes it through the one
// escaper (render::escaped) and only then turns the index's match marks into <b>.

#include "insight/insighttypes.h"

#include <QAbstractTableModel>

namespace cwi {

// FTS5 snippet() text with \x01 ... \x02 around matches -> escaped HTML with <b> around them.
QString snippetHtml(const QString &snippet);

class SearchResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        AgentColumn,
        SessionColumn,
        KindColumn,
        InitiativeColumn,
        SnippetColumn,
        ColumnCount
    };
    enum Role
    {
        AgentIdRole = Qt::UserRole + 1,
        SessionRole,
        LineRole,
        SnippetHtmlRole,
    };

    explicit SearchResultModel(QObject *parent = nullptr);

    void setHits(const QVector<SearchHit> &hits);
    const SearchHit *hit(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<SearchHit> m_hits;
};

} // namespace cwi
