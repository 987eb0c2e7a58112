#include "tablemodel.h"

#include "cellformat.h"

#include "../asyncjob.h"
#include <QFont>
#include <QFuture>
#include <QGuiApplication>
#include <QPalette>

#include <QtConcurrent/QtConcurrentRun>

namespace cwi {

TableModel::TableModel(std::shared_ptr<Database> database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(std::move(database))
    , m_reader(m_database)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{ }

TableModel::~TableModel()
{
    m_cancel->store(true);
}

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
    const bool wasBusy = isBusy();
    beginResetModel();
    m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    ++m_generation;
    m_query = query;
    m_columns = m_reader.columns(query.table);
    m_fields.clear();
    const TableInfo *info = tableInfo();
    for (const QString &column : std::as_const(m_columns)) {
        const int i = info ? info->columnIndex(column) : -1;
        const QString logical = i >= 0 ? info->columns.at(i).logicalName : QString();
        m_fields.append(info && info->spec && !logical.isEmpty() ? info->spec->field(logical) : nullptr);
    }
    m_pages.clear();
    m_inFlight.clear();
    m_waiting.clear();
    m_anchors.clear();
    m_anchorsPending = false;
    m_count = -1;
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
    setBusyState(wasBusy);
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
    m_countPending = true;
    const quint64 generation = m_generation;
    auto cancel = m_cancel;
    const TableReader reader = m_reader;
    const TableQuery query = m_query;
    runAsync(
        this,
        [reader, query, cancel]() {
            QString error;
            const qint64 count = reader.count(query, &error, cancel.get());
            return std::pair { count, error };
        },
        [this, generation](const std::pair<qint64, QString> &result) {
            if (generation != m_generation)
                return;
            const bool wasBusy = isBusy();
            m_countPending = false;
            if (result.first < 0) {
                m_error = result.second;
                Q_EMIT errorOccurred(m_error);
                setBusyState(wasBusy);
                return;
            }
            m_count = result.first;
            const int rows = int(qMin<qint64>(m_count, std::numeric_limits<int>::max()));
            if (rows > m_rows) {
                beginInsertRows({}, m_rows, rows - 1);
                m_rows = rows;
                endInsertRows();
            } else if (rows < m_rows) {
                beginRemoveRows({}, rows, m_rows - 1);
                m_rows = rows;
                endRemoveRows();
            }
            Q_EMIT countChanged(m_count);
            setBusyState(wasBusy);
        });
}

void TableModel::startAnchors()
{
    if (m_anchorsPending)
        return;
    m_anchorsPending = true;
    const quint64 generation = m_generation;
    auto cancel = m_cancel;
    const TableReader reader = m_reader;
    const TableQuery query = m_query;
    runAsync(
        this, [reader, query, cancel]() { return reader.anchors(query, kPageSize, cancel.get()); },
        [this, generation](const QVector<RowKey> &anchors) {
            if (generation != m_generation)
                return;
            m_anchorsPending = false;
            m_anchors = anchors;
            if (m_rows > 0) // placeholders can now be filled: views ask again
                Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, columnCount() - 1), { LoadedRole });
        });
}

void TableModel::requestPage(int page) const
{
    if (page < 0 || m_inFlight.contains(page) || m_columns.isEmpty())
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
    const Page *previous = m_pages.object(page - 1);
    const Page *next = m_pages.object(page + 1);
    const int lastPage = m_count >= 0 ? int((m_count - 1) / kPageSize) : -1;
    if (page == 0) {
        from = From::Start;
    } else if (previous && previous->size() == kPageSize) {
        from = From::AfterKey;
        key = previous->last().key;
    } else if (next && !next->isEmpty()) {
        from = From::BeforeKey;
        key = next->first().key;
    } else if (page == lastPage) {
        from = From::End;
        limit = int(m_count - qint64(page) * kPageSize);
    } else if (m_inFlight.contains(page - 1) || m_inFlight.contains(page + 1)) {
        m_waiting.insert(page); // a neighbour is on its way and gives the key: asked again when it lands
        return;
    } else if (m_anchors.size() >= page) {
        from = From::AfterKey;
        key = m_anchors.at(page - 1);
    } else {
        const_cast<TableModel *>(this)->startAnchors();
        return;
    }
    const bool wasBusy = isBusy();
    m_inFlight.insert(page);
    const quint64 generation = m_generation;
    auto cancel = m_cancel;
    const TableReader reader = m_reader;
    const TableQuery query = m_query;
    runAsync(
        const_cast<TableModel *>(this),
        [reader, query, cancel, from, key, limit, page, generation]() {
            PageResult result { generation, page, {} };
            const bool backwards = from == From::BeforeKey || from == From::End;
            result.data = backwards ? reader.pageBefore(query, key, limit, cancel.get())
                                    : reader.pageAfter(query, key, limit, cancel.get());
            return result;
        },
        [this](const PageResult &result) { const_cast<TableModel *>(this)->applyPage(result); });
    const_cast<TableModel *>(this)->setBusyState(wasBusy);
}

void TableModel::applyPage(const PageResult &result)
{
    if (result.generation != m_generation)
        return;
    const bool wasBusy = isBusy();
    m_inFlight.remove(result.page);
    if (!result.data.ok) {
        if (!result.data.cancelled) {
            m_error = result.data.error;
            Q_EMIT errorOccurred(m_error);
        }
        setBusyState(wasBusy);
        return;
    }
    m_pages.insert(result.page, new Page(result.data.rows));
    for (int neighbour : { result.page - 1, result.page + 1 }) {
        if (m_waiting.remove(neighbour))
            requestPage(neighbour);
    }
    const int first = result.page * kPageSize;
    const int loaded = first + int(result.data.rows.size());
    if (m_count < 0 && loaded > m_rows) { // data before count
        beginInsertRows({}, m_rows, loaded - 1);
        m_rows = loaded;
        endInsertRows();
    }
    const int last = qMin(first + kPageSize, m_rows) - 1;
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    if (m_reloading && m_inFlight.isEmpty() && !m_countPending) {
        m_reloading = false;
        Q_EMIT reloaded();
    }
    setBusyState(wasBusy);
}

void TableModel::reload()
{
    if (m_columns.isEmpty())
        return;
    const bool wasBusy = isBusy();
    ++m_generation; // results of the old pass are stale; the cached rows stay on screen meanwhile
    m_inFlight.clear();
    m_waiting.clear();
    m_anchors.clear();
    m_anchorsPending = false;
    m_reloading = true;
    QList<int> pages = m_pages.keys();
    std::sort(pages.begin(), pages.end());
    if (pages.isEmpty() || pages.first() != 0)
        pages.prepend(0);
    startCount();
    for (int page : std::as_const(pages))
        requestPage(page);
    setBusyState(wasBusy);
}

void TableModel::setBusyState(bool wasBusy)
{
    if (wasBusy != isBusy())
        Q_EMIT busyChanged(isBusy());
}

void TableModel::prefetch(int first, int last)
{
    if (m_columns.isEmpty() || first < 0)
        return;
    const int firstPage = qMax(0, first / kPageSize - 1);
    const int lastPage = qMin(last / kPageSize + 1, m_count >= 0 ? int((m_count - 1) / kPageSize) : last / kPageSize);
    for (int page = firstPage; page <= lastPage; ++page) {
        if (!m_pages.object(page)) // object() also marks a cached page as just used
            requestPage(page);
    }
}

const TableRow *TableModel::rowAt(int row) const
{
    const Page *page = m_pages.object(row / kPageSize);
    if (!page) {
        requestPage(row / kPageSize);
        return nullptr;
    }
    const int offset = row % kPageSize;
    return offset < page->size() ? &page->at(offset) : nullptr;
}

int TableModel::rowForRowId(qint64 rowid) const
{
    const QList<int> pages = m_pages.keys();
    for (int number : pages) {
        const Page *page = m_pages.object(number);
        for (int i = 0; i < page->size(); ++i) {
            if (page->at(i).rowid == rowid)
                return number * kPageSize + i;
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
    QVariant value = row->values.value(index.column()); // not const: returned by move
    switch (role) {
    case Qt::DisplayRole:
        if (!m_raw && field && field->kind == FieldKind::Boolean && !value.isNull())
            return {};
        return CellFormat::display(value, field, m_raw);
    case Qt::EditRole:
    case RawValueRole:
        return value;
    case Qt::ToolTipRole:
        return CellFormat::toolTip(value, field);
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
        return CellFormat::columnToolTip(m_columns.at(section), field, tableInfo());
    default:
        return {};
    }
}

} // namespace cwi
