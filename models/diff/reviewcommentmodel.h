#pragma once

// The review-comment pane: every comment of the phase with file, line, type, author, first line
// of the body, age and resolved state; outdated ones (not in the current diff) are marked, never
// dropped. ReviewCommentFilterModel filters by state (unresolved / resolved / all) and file.

#include "entities.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QVector>

namespace cwi {

class ReviewCommentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FileColumn,
        LineColumn,
        TypeColumn,
        AuthorColumn,
        BodyColumn,
        AgeColumn,
        ResolvedColumn,
        ColumnCount
    };
    enum Role
    {
        CommentIdRole = Qt::UserRole + 1,
        FilePathRole,
        ResolvedRole,
        OutdatedRole,
        LineNumberRole,
        LineTypeRole,
        UpdatedAtRole, // the raw stored value: what an optimistic write must see
    };

    explicit ReviewCommentModel(QObject *parent = nullptr);

    void setComments(const QVector<ReviewComment> &comments);
    void setOutdated(const QSet<QString> &ids);
    // The clock ages are measured against (tests pin it); the current time when invalid.
    void setNow(const QDateTime &now);

    const QVector<ReviewComment> &comments() const { return m_comments; }
    int rowOf(const QString &id) const;
    static QString ageText(const QDateTime &then, const QDateTime &now);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<ReviewComment> m_comments;
    QSet<QString> m_outdated;
    QDateTime m_now;
};

class ReviewCommentFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum StateFilter
    {
        Unresolved,
        Resolved,
        All
    };

    explicit ReviewCommentFilterModel(QObject *parent = nullptr);
    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_state; }
    void setFileFilter(const QString &path); // exact file path; empty for all files

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StateFilter m_state = All;
    QString m_file;
};

} // namespace cwi
