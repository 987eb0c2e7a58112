#pragma once

// One table of the file (known or not) as a QAbstractTableModel over the repository layer's
// keyset pages. Rows arrive from its JobTracker's workers, never from the UI thread; the model
// fetches the pages around what the view shows and keeps a bounded number of them, so memory
// does not grow with scrolling. Rows show before the count is known; the count follows.

#include "catalog.h"
#include "jobtracker.h"
#include "schemamap.h"
#include "tablequery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <atomic>
#include <memory>

namespace cwi {

class Database;

class ReferenceLabels;

class TableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        RawValueRole = Qt::UserRole + 1, // the value as stored (also the sort role)
        RowIdRole,
        IsNullRole,
        FieldKindRole, // int(FieldKind), -1 for columns the catalogue does not know
        EnumBadgeRole, // for enum cells: the value, so a delegate can paint a badge
        LoadedRole, // false while the row's page is still on its way
        BadgeFieldRole, // "table.logicalField" of an enum cell when its column is not the model's own table's
        ReferenceRole, // foreign-key cells: the referenced table (the cell's raw value is its id)
    };

    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 40;

    explicit TableModel(std::shared_ptr<Database> database, QObject *parent = nullptr);
    ~TableModel() override;

    void setQuery(const TableQuery &query);
    const TableQuery &query() const { return m_query; }
    QString tableName() const { return m_query.table; }
    const TableInfo *tableInfo() const;
    QString columnName(int column) const;
    int columnOf(const QString &logicalOrRealName) const;
    qint64 totalCount() const { return m_count; }
    // True while totalCount() is max(rowid), read with the first page, until count(*) lands.
    bool isCountEstimated() const { return m_countEstimated; }
    int cachedPageCount() const { return int(m_pages.size()); } // at most kMaxCachedPages
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const { return &m_jobs; }
    QString lastError() const { return m_error; }

    void setRawMode(bool raw);
    bool rawMode() const { return m_raw; }

    // Ask for the rows FIRST..LAST (what the view shows) and a page around them: the pages under
    // the viewport first, then their neighbours. Pages still on their way that are no longer
    // near the viewport are cancelled (their reads stop, their results are dropped).
    void prefetch(int first, int last);
    bool isPageInFlight(int page) const { return page >= 0 && m_jobs.isBusy(page); }
    // Re-read count and the cached pages; rows are updated where they are, new rows appended.
    void reload();
    // Row of the record with this rowid among the cached rows, -1 if not loaded.
    int rowForRowId(qint64 rowid) const;
    QVariant rawValue(int row, int column) const;
    QString idAt(int row) const; // the "id" column, if the table has one

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    void busyChanged(bool busy);
    void countChanged(qint64 count);
    void errorOccurred(const QString &message);
    void reloaded();

private:
    struct Page
    {
        QVector<TableRow> rows;
        quint64 lastUse = 0;
        bool fromEnd = false; // placed by counting back from the end: moves if the count does
    };
    struct PageResult
    {
        int page = -1;
        bool fromEnd = false;
        TablePage data;
        qint64 estimate = -1; // with the first page: max(rowid), until the count lands
    };
    // Channels of m_jobs: a page's read runs on the channel of its number.
    enum Channel
    {
        CountChannel = -1,
        AnchorsChannel = -2,
    };

    const TableRow *rowAt(int row) const;
    void requestPage(int page) const;
    void startCount();
    void setRowCount(int rows);
    void startAnchors();
    void applyPage(const PageResult &result);
    void evictPages();
    QString display(const QVariant &value, int column) const;
    void finishReload(); // says reloaded() once the reload's reads have all landed
    void cancelReads(); // every read of the query (pages, count, anchors), not the names

    std::shared_ptr<Database> m_database;
    TableQuery m_query;
    QStringList m_columns;
    QVector<const FieldSpec *> m_fields;
    mutable JobTracker m_jobs; // a new query or a reload cancels every channel: older reads are stale
    mutable QHash<int, Page> m_pages;
    mutable QSet<int> m_waiting; // pages that wait for a neighbour's key
    mutable quint64 m_useClock = 0;
    QVector<RowKey> m_anchors;
    qint64 m_count = -1;
    bool m_countEstimated = false;
    int m_rows = 0; // rows announced to views
    bool m_raw = false;
    bool m_reloading = false;
    bool m_replacing = false; // the rows shown are the previous query's, until its first page lands
    ReferenceLabels *m_labels; // foreign-key names of the cells views paint
    QString m_error;
};

} // namespace cwi
