#include "tablemodel.h"

#include "cellformat.h"
#include "referencelabels.h"
#include "render/htmlwriter.h"
#include "rowreader.h"
#include "tablereader.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace cwi {

TableModel::TableModel(std::shared_ptr<Database> database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(std::move(database))
    , m_labels(new ReferenceLabels(m_database, this))
{
    connect(&m_jobs, &JobTracker::busyChanged, this, &TableModel::busyChanged);
    m_jobs.follow(m_labels->jobs()); // busy while names are read, as while rows are
    connect(m_labels, &ReferenceLabels::arrived, this, [this] {
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1), { Qt::DisplayRole });
    });
}

TableModel::~TableModel() = default;

const TableInfo *TableModel::tableInfo() const
{
    return m_database->schema().table(m_query.table);
}

QString TableModel::columnName(int column) const
{
    return m_columns.value(column);
}

int TableModel::columnOf(const QString &name) const
{
    const int real = m_columns.indexOf(name);
    if (real >= 0)
        return real;
    const TableInfo *info = tableInfo();
    return info && info->has(name) ? m_columns.indexOf(info->column(name)) : -1;
}

void TableModel::setQuery(const TableQuery &query)
{
    if (!m_columns.isEmpty() && query.table == m_query.table && m_rows > 0) {
        // Another filter or order of the same table: the old rows stay on screen until the first
        // page of the new query replaces them (applyPage), so the view never flashes empty.
        cancelReads();
        m_query = query;
        m_replacing = true;
        m_waiting.clear();
        m_anchors.clear();
        m_error.clear();
        requestPage(0);
        return;
    }
    m_replacing = false;
    beginResetModel();
    cancelReads();
    m_query = query;
    m_columns = TableReader(m_database).columns(query.table);
    m_fields.clear();
    const TableInfo *info = tableInfo();
    for (const QString &column : std::as_const(m_columns)) {
        const int i = info ? info->columnIndex(column) : -1;
        const QString logical = i >= 0 ? info->columns.at(i).logicalName : QString();
        m_fields.append(info && info->spec && !logical.isEmpty() ? info->spec->field(logical) : nullptr);
    }
    m_pages.clear();
    m_waiting.clear();
    m_anchors.clear();
    m_count = -1;
    m_countEstimated = false;
    m_rows = 0;
    m_error.clear();
    endResetModel();
    if (m_columns.isEmpty()) {
        m_error = u"No table " + query.table;
        Q_EMIT errorOccurred(m_error);
        return;
    }
    requestPage(0);
    startCount();
}

void TableModel::setRawMode(bool raw)
{
    if (m_raw == raw)
        return;
    m_raw = raw;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1));
}

void TableModel::sort(int column, Qt::SortOrder order)
{
    TableQuery query = m_query;
    query.sortColumn = m_columns.value(column);
    query.order = order;
    if (!(query == m_query))
        setQuery(query);
}

void TableModel::startCount()
{
    const TableReader reader(m_database);
    const TableQuery query = m_query;
    m_jobs.run(
        CountChannel,
        [reader, query](const CancelToken &cancel) {
            QString error;
            const qint64 count = reader.count(query, &error, cancel.flag());
            return std::pair { count, error };
        },
        [this](const std::pair<qint64, QString> &result) {
            if (result.first < 0) {
                m_error = result.second;
                Q_EMIT errorOccurred(m_error);
                return;
            }
            const bool moved = m_countEstimated && m_count != result.first;
            m_count = result.first;
            m_countEstimated = false;
            setRowCount(int(qMin<qint64>(m_count, std::numeric_limits<int>::max())));
            if (moved) {
                // Pages counted back from an estimated end sit at the wrong rows: read them again.
                m_pages.removeIf([](const auto &it) { return it->fromEnd; });
                if (m_rows > 0)
                    Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1));
            }
            Q_EMIT countChanged(m_count);
            finishReload();
        });
}

void TableModel::setRowCount(int rows)
{
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    }
}

void TableModel::startAnchors()
{
    if (m_jobs.isBusy(AnchorsChannel))
        return;
    const TableReader reader(m_database);
    const TableQuery query = m_query;
    m_jobs.run(
        AnchorsChannel,
        [reader, query](const CancelToken &cancel) { return reader.anchors(query, kPageSize, cancel.flag()); },
        [this](const QVector<RowKey> &anchors) {
            m_anchors = anchors;
            if (m_rows > 0) // placeholders can now be filled: views ask again
                Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1), { LoadedRole });
        });
}

void TableModel::requestPage(int page) const
{
    if (page < 0 || isPageInFlight(page) || m_columns.isEmpty())
        return;
    enum class From
    {
        Start,
        AfterKey,
        BeforeKey,
        End
    } from;
    std::optional<RowKey> key;
    int limit = kPageSize;
    const auto previous = m_pages.constFind(page - 1);
    const auto next = m_pages.constFind(page + 1);
    const int lastPage = m_count >= 0 ? int((m_count - 1) / kPageSize) : -1;
    if (page == 0) {
        from = From::Start;
    } else if (previous != m_pages.cend() && previous->rows.size() == kPageSize) {
        from = From::AfterKey;
        key = previous->rows.last().key;
    } else if (next != m_pages.cend() && !next->rows.isEmpty()) {
        from = From::BeforeKey;
        key = next->rows.first().key;
    } else if (page == lastPage) {
        from = From::End;
        limit = int(m_count - qint64(page) * kPageSize);
    } else if (isPageInFlight(page - 1) || isPageInFlight(page + 1)) {
        m_waiting.insert(page); // a neighbour is on its way and gives the key: asked again when it lands
        return;
    } else if (m_anchors.size() >= page) {
        from = From::AfterKey;
        key = m_anchors.at(page - 1);
    } else {
        const_cast<TableModel *>(this)->startAnchors();
        return;
    }
    // Placed from the end (directly, or after/before a page that was) while the count is a guess.
    const bool fromEnd = from == From::End
        || (from == From::AfterKey && previous != m_pages.cend() && previous->fromEnd)
        || (from == From::BeforeKey && next != m_pages.cend() && next->fromEnd);
    const bool wantEstimate = page == 0 && m_count < 0;
    const TableReader reader(m_database);
    const TableQuery query = m_query;
    // Each page is its own channel: a page that leaves the viewport is cancelled alone (prefetch).
    m_jobs.run(
        page,
        [reader, query, from, key, limit, page, fromEnd, wantEstimate](const CancelToken &cancel) {
            PageResult result { page, fromEnd, {}, -1 };
            const bool backwards = from == From::BeforeKey || from == From::End;
            result.data = backwards ? reader.pageBefore(query, key, limit, cancel.flag())
                                    : reader.pageAfter(query, key, limit, cancel.flag());
            // A full first page means a long table: its size from max(rowid), until count(*) lands.
            if (wantEstimate && result.data.ok && result.data.rows.size() == limit)
                result.estimate = reader.estimateCount(query);
            return result;
        },
        [this](const PageResult &result) { const_cast<TableModel *>(this)->applyPage(result); });
}

void TableModel::applyPage(const PageResult &result)
{
    if (m_replacing) {
        // The first page of a new filter or order: now the old rows go.
        beginResetModel();
        m_replacing = false;
        m_pages.clear();
        m_rows = 0;
        m_count = -1;
        m_countEstimated = false;
        endResetModel();
        if (result.data.ok)
            startCount();
    }
    if (!result.data.ok) {
        if (!result.data.cancelled) {
            m_error = result.data.error;
            Q_EMIT errorOccurred(m_error);
        }
        return;
    }
    m_pages.insert(result.page, { result.data.rows, ++m_useClock, result.fromEnd && m_countEstimated });
    for (int neighbour : { result.page - 1, result.page + 1 }) {
        if (m_waiting.remove(neighbour))
            requestPage(neighbour);
    }
    const int first = result.page * kPageSize;
    const int loaded = first + int(result.data.rows.size());
    if (m_count < 0 && result.estimate > loaded) { // a long table: rows up to its estimated end
        m_count = result.estimate;
        m_countEstimated = true;
        setRowCount(int(qMin<qint64>(m_count, std::numeric_limits<int>::max())));
        Q_EMIT countChanged(m_count);
    } else if (m_count < 0 && loaded > m_rows) { // data before count
        setRowCount(loaded);
    }
    const int last = qMin(first + kPageSize, m_rows) - 1;
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    evictPages();
    finishReload();
}

void TableModel::finishReload()
{
    if (m_reloading && !m_jobs.isBusy()) {
        m_reloading = false;
        Q_EMIT reloaded();
    }
}

void TableModel::evictPages()
{
    while (m_pages.size() > kMaxCachedPages) {
        auto oldest = m_pages.cbegin();
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

void TableModel::reload()
{
    if (m_columns.isEmpty() || m_replacing) // a replacing query reads fresh rows anyway
        return;
    cancelReads(); // results of the old pass are stale; the cached rows stay on screen meanwhile
    m_waiting.clear();
    m_anchors.clear();
    m_reloading = true;
    QList<int> pages = m_pages.keys();
    std::sort(pages.begin(), pages.end());
    if (pages.isEmpty() || pages.first() != 0)
        pages.prepend(0);
    startCount();
    for (int page : std::as_const(pages))
        requestPage(page);
}

void TableModel::cancelReads()
{
    // Names (m_labels) do not depend on the query: a batch of them on its way stays good.
    const QList<int> channels = m_jobs.busyChannels();
    for (int channel : channels)
        m_jobs.cancel(channel);
}

void TableModel::prefetch(int first, int last)
{
    if (m_columns.isEmpty() || first < 0 || m_replacing)
        return;
    const int maxPage = m_count >= 0 ? int((m_count - 1) / kPageSize) : last / kPageSize;
    const int visibleFirst = first / kPageSize;
    const int visibleLast = qMin(last / kPageSize, maxPage);
    const int firstPage = qMax(0, visibleFirst - 1);
    const int lastPage = qMin(visibleLast + 1, maxPage);
    // What left the viewport (a jump, a scrollbar drag) is no longer worth reading.
    const QList<int> inFlight = m_jobs.busyChannels();
    for (int page : inFlight) {
        if (page >= 0 && (page < firstPage || page > lastPage))
            m_jobs.cancel(page);
    }
    m_waiting.removeIf([&](int page) { return page < firstPage || page > lastPage; });
    // The pages under the viewport first, then one on each side.
    QVector<int> order;
    for (int page = visibleFirst; page <= visibleLast; ++page)
        order.append(page);
    order << firstPage << lastPage;
    for (int page : std::as_const(order)) {
        auto it = m_pages.find(page);
        if (it != m_pages.end())
            it->lastUse = ++m_useClock;
        else
            requestPage(page);
    }
}

const TableRow *TableModel::rowAt(int row) const
{
    const auto it = m_pages.find(row / kPageSize);
    if (it == m_pages.end()) {
        if (!m_replacing) // old rows on screen: their pages belong to the previous query
            requestPage(row / kPageSize);
        return nullptr;
    }
    const int offset = row % kPageSize;
    return offset < it->rows.size() ? &it->rows.at(offset) : nullptr;
}

int TableModel::rowForRowId(qint64 rowid) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).rowid == rowid)
                return it.key() * kPageSize + i;
        }
    }
    return -1;
}

QVariant TableModel::rawValue(int row, int column) const
{
    const TableRow *r = rowAt(row);
    return r ? r->values.value(column) : QVariant();
}

QString TableModel::idAt(int row) const
{
    const int column = columnOf(QStringLiteral("id"));
    return column >= 0 ? rawValue(row, column).toString() : QString();
}

int TableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TableModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const TableRow *row = rowAt(index.row());
    const FieldSpec *field = m_fields.value(index.column());
    if (!row) {
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? QStringLiteral("…") : QString();
        if (role == LoadedRole)
            return false;
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    }
    QVariant value = row->values.value(index.column());
    const bool reference = ReferenceLabels::isReference(field, value);
    switch (role) {
    case Qt::DisplayRole:
        if (reference && !m_raw) {
            const QString label = m_labels->label(field, value);
            if (!label.isEmpty())
                return CellFormat::elide(label);
        }
        if (!m_raw && field && field->kind == FieldKind::Boolean && !value.isNull())
            return {};
        return CellFormat::display(value, field, m_raw);
    case Qt::EditRole:
    case RawValueRole:
        return value;
    case Qt::ToolTipRole:
        if (reference)
            return render::plainToolTip(m_labels->toolTip(field, value));
        return render::plainToolTip(CellFormat::toolTip(value, field));
    case ReferenceRole:
        return reference ? field->references : QVariant();
    case Qt::CheckStateRole:
        if (!m_raw && field && field->kind == FieldKind::Boolean && !value.isNull())
            return CellFormat::isTrue(value) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (value.isNull())
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (value.isNull()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (field && (field->kind == FieldKind::Integer) && !value.isNull())
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RowIdRole:
        return row->rowid;
    case IsNullRole:
        return value.isNull();
    case FieldKindRole:
        return field ? int(field->kind) : -1;
    case EnumBadgeRole:
        if (!m_raw && field && field->kind == FieldKind::Enum && !value.isNull())
            return value.toString();
        return {};
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    const FieldSpec *field = m_fields.value(section);
    switch (role) {
    case Qt::DisplayRole:
        return m_columns.at(section);
    case FieldKindRole:
        return field ? int(field->kind) : -1;
    case Qt::ToolTipRole:
        return render::plainToolTip(CellFormat::columnToolTip(m_columns.at(section), field, tableInfo()));
    default:
        return {};
    }
}

} // namespace cwi
