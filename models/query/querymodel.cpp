#include "querymodel.h"

#include "browse/cellformat.h"
#include "browse/referencelabels.h"
#include "browse/tablemodel.h"
#include "database.h"
#include "query/queryrunner.h"
#include "render/htmlwriter.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <climits>

namespace cwi {

QueryModel::QueryModel(std::shared_ptr<Database> database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(std::move(database))
    , m_labels(new ReferenceLabels(m_database, this))
{
    connect(&m_jobs, &JobTracker::busyChanged, this, &QueryModel::busyChanged);
    // Foreign keys show the name of the row they point at, as in the table browser.
    connect(m_labels, &ReferenceLabels::arrived, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { Qt::DisplayRole });
    });
}

QueryModel::~QueryModel() = default; // the tracker cancels the runs

void QueryModel::run(const QString &sql)
{
    m_jobs.cancelAll(); // the old runs stop; their results are dropped by the tracker
    beginResetModel();
    m_sql = sql;
    m_pages.clear();
    m_columns.clear();
    m_fields.clear();
    m_fieldTables.clear();
    m_rows = 0;
    m_countKnown = false;
    m_counting = false;
    m_failure = {};
    m_firstPageMs = -1;
    m_elapsedMs = 0;
    m_state = State::Running;
    m_clock.start();
    endResetModel();
    requestPage(0, false); // the first rows at once (says busyChanged(true))...
    requestCount(); // ...and the count beside them
    Q_EMIT stateChanged();
}

void QueryModel::cancel()
{
    if (!m_jobs.isBusy())
        return;
    // The runs come back Cancelled within milliseconds; say so now, they are dropped then.
    m_jobs.cancelAll();
    m_counting = false;
    m_state = State::Cancelled;
    m_elapsedMs = m_clock.elapsed();
    Q_EMIT stateChanged();
}

int QueryModel::rowsHeld() const
{
    int rows = 0;
    for (const Page &page : std::as_const(m_pages))
        rows += int(page.rows.size());
    return rows;
}

void QueryModel::setRawMode(bool raw)
{
    if (m_raw == raw)
        return;
    m_raw = raw;
    if (m_rows > 0 && !m_columns.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void QueryModel::prefetch(int first, int last)
{
    if (m_state == State::Cancelled || m_state == State::Failed)
        return;
    for (int page = qMax(0, first) / kPageRows; page <= qMax(0, last) / kPageRows; ++page) {
        if (qint64(page) * kPageRows >= m_rows)
            break;
        if (auto it = m_pages.find(page); it != m_pages.end())
            it->lastUse = ++m_useClock;
        else
            requestPage(page, false);
    }
}

void QueryModel::requestPage(int page, bool counting) const
{
    if (m_jobs.isBusy(page) || !m_database)
        return;
    if (counting)
        m_counting = true;
    auto *self = const_cast<QueryModel *>(this);
    const QueryRunner runner(m_database->path(), { m_database->busyTimeoutMs(), kMaxCellChars });
    const qint64 offset = qint64(page) * kPageRows;
    const int budget = counting ? kStepBudgetMs : 0;
    // A page's run is the channel of its number; a newer run() or a cancel() drops it.
    m_jobs.run(
        page,
        [runner, sql = m_sql, offset, budget](
            const CancelToken &cancel) { return runner.page(sql, offset, kPageRows, budget, cancel.flag()); },
        [self, page, counting](const QueryRows &result) {
            if (counting)
                self->m_counting = false;
            self->applyPage(page, result);
        });
}

void QueryModel::requestCount()
{
    // Runs as "page" kCountJob: a run with no rows, counting for at most kCountBudgetMs.
    if (m_jobs.isBusy(kCountJob) || !m_database)
        return;
    m_counting = true;
    const QueryRunner runner(m_database->path(), { m_database->busyTimeoutMs(), kMaxCellChars });
    m_jobs.run(
        kCountJob,
        [runner, sql = m_sql](
            const CancelToken &cancel) { return runner.page(sql, 0, 0, kCountBudgetMs, cancel.flag()); },
        [this](const QueryRows &result) {
            m_counting = false;
            applyPage(kCountJob, result);
        });
}

void QueryModel::applyPage(int page, const QueryRows &result)
{
    if (!result.ok()) {
        m_state = result.status == QueryStatus::Cancelled ? State::Cancelled : State::Failed;
        m_failure = result;
        m_elapsedMs = m_clock.elapsed();
        Q_EMIT stateChanged();
        return;
    }
    if (m_columns.isEmpty() && !result.columns.isEmpty()) {
        beginResetModel();
        m_columns = result.columns;
        const SchemaMap &schema = m_database->schema();
        for (const QueryColumn &column : std::as_const(m_columns)) {
            const TableInfo *table = column.table.isEmpty() ? nullptr : schema.table(column.table);
            const int at = table ? table->columnIndex(column.column) : -1;
            const QString logical = at >= 0 ? table->columns.at(at).logicalName : QString();
            m_fields.append(table && table->spec && !logical.isEmpty() ? table->spec->field(logical) : nullptr);
            m_fieldTables.append(logical.isEmpty() ? QString() : table->name + u'.' + logical);
        }
        endResetModel();
    }
    if (!result.rows.isEmpty() && page != kCountJob) {
        m_pages.insert(page, { result.rows, ++m_useClock });
        evictPages(page);
    }
    if (result.countKnown && !(page == 0 && m_countKnown)) {
        m_countKnown = true;
        setRowCount(result.rowsSeen);
    } else if (!m_countKnown) {
        setRowCount(qMax(m_rows, result.rowsSeen));
    }
    if (page == 0 && m_firstPageMs < 0 && m_columns.size() > 0)
        m_firstPageMs = m_clock.elapsed();
    if (!result.rows.isEmpty() && !m_columns.isEmpty()) {
        const int first = int(qMin<qint64>(qint64(page) * kPageRows, INT_MAX));
        const int last = qMin(rowCount() - 1, first + int(result.rows.size()) - 1);
        if (last >= first)
            Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    }
    if (!m_jobs.isBusy() && m_state == State::Running) {
        m_state = State::Done;
        m_elapsedMs = m_clock.elapsed();
    }
    Q_EMIT stateChanged();
}

void QueryModel::evictPages(int keep)
{
    while (m_pages.size() > kMaxPages) {
        auto oldest = m_pages.cend();
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            if (it.key() != keep && (oldest == m_pages.cend() || it->lastUse < oldest->lastUse))
                oldest = it;
        }
        if (oldest == m_pages.cend())
            return;
        m_pages.erase(oldest);
    }
}

void QueryModel::setRowCount(qint64 rows)
{
    const int shown = rowCount();
    const int wanted = int(qMin<qint64>(rows, INT_MAX));
    if (wanted > shown) {
        beginInsertRows({}, shown, wanted - 1);
        m_rows = rows;
        endInsertRows();
    } else if (wanted < shown) {
        beginRemoveRows({}, wanted, shown - 1);
        m_rows = rows;
        endRemoveRows();
    } else {
        m_rows = rows;
    }
}

bool QueryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_countKnown && !m_counting && m_rows > 0
        && (m_state == State::Done || m_state == State::Running);
}

void QueryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    requestPage(int(m_rows / kPageRows), true); // reads the last page and counts on from there
}

const QVariantList *QueryModel::rowAt(int row) const
{
    const int page = row / kPageRows;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_state != State::Cancelled && m_state != State::Failed)
            requestPage(page, false);
        return nullptr;
    }
    it->lastUse = ++m_useClock;
    const int at = row % kPageRows;
    return at < it->rows.size() ? &it->rows.at(at) : nullptr;
}

int QueryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_columns.isEmpty() ? 0 : int(qMin<qint64>(m_rows, INT_MAX));
}

int QueryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant QueryModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const QVariantList *row = rowAt(index.row());
    if (!row) {
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? QStringLiteral("…") : QString();
        if (role == TableModel::LoadedRole)
            return false;
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    }
    QVariant value = row->value(index.column());
    const FieldSpec *field = m_fields.value(index.column());
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
    case TableModel::RawValueRole:
        return value;
    case Qt::ToolTipRole:
        if (reference)
            return render::plainToolTip(m_labels->toolTip(field, value));
        return render::plainToolTip(CellFormat::toolTip(value, field));
    case TableModel::ReferenceRole:
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
    case Qt::TextAlignmentRole: {
        const int type = value.typeId();
        if (!value.isNull() && (type == QMetaType::LongLong || type == QMetaType::Double)
            && !(field && field->kind == FieldKind::Timestamp) && !(field && field->kind == FieldKind::Boolean))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    case TableModel::IsNullRole:
        return value.isNull();
    case TableModel::FieldKindRole:
        return field ? int(field->kind) : -1;
    case TableModel::EnumBadgeRole:
        if (!m_raw && field && field->kind == FieldKind::Enum && !value.isNull())
            return value.toString();
        return {};
    case TableModel::BadgeFieldRole:
        return m_fieldTables.value(index.column());
    case TableModel::LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant QueryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_columns.size())
        return {};
    const QueryColumn &column = m_columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return column.name;
    case Qt::ToolTipRole: {
        const SchemaMap &schema = m_database->schema();
        QString tip = CellFormat::columnToolTip(column.column.isEmpty() ? column.name : column.column,
            m_fields.value(section), column.table.isEmpty() ? nullptr : schema.table(column.table));
        if (!column.table.isEmpty())
            tip += u"\n" + tr("From %1.%2").arg(column.table, column.column);
        return render::plainToolTip(tip);
    }
    case TableModel::FieldKindRole:
        return m_fields.value(section) ? int(m_fields.value(section)->kind) : -1;
    default:
        return {};
    }
}

} // namespace cwi
