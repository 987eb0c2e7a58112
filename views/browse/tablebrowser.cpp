#include "tablebrowser.h"

#include "browse/tableexport.h"
#include "browse/tablemodel.h"
#include "celldelegate.h"
#include "filterheader.h"

#include "asyncjob.h"
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <QtConcurrent/QtConcurrentRun>

namespace cwi {

namespace {
constexpr int kDebounceMs = 250;
}

TableBrowser::TableBrowser(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_view(new QTableView(this))
    , m_header(new FilterHeader(m_view))
    , m_delegate(new CellDelegate(this))
    , m_search(new QLineEdit(this))
    , m_title(new QLabel(this))
    , m_count(new QLabel(this))
    , m_raw(new QToolButton(this))
    , m_debounce(new QTimer(this))
{
    m_count->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_title->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(QStringLiteral("tableBrowser"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_search->setPlaceholderText(tr("Search all columns…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Rows that contain this text in any column"));
    m_search->setMinimumWidth(240);
    m_search->setMaximumWidth(360);
    m_raw->setText(tr("Raw"));
    m_raw->setCheckable(true);
    m_raw->setToolTip(tr("Show values exactly as stored (timestamps as numbers, booleans as 0/1)"));
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Export the filtered, sorted rows to CSV or JSON"));
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(m_title);
    bar->addSpacing(12);
    bar->addWidget(m_count);
    bar->addStretch(1);
    bar->addWidget(m_search);
    bar->addWidget(m_raw);
    bar->addWidget(exportButton);

    m_view->setHorizontalHeader(m_header);
    m_view->setItemDelegate(m_delegate);
    m_view->setSortingEnabled(false); // the header click sorts in SQL, see below
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setDefaultSectionSize(150);
    m_view->horizontalHeader()->setMinimumSectionSize(48);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &TableBrowser::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_header, &FilterHeader::filterChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_header, &QHeaderView::sectionClicked, this, [this](int section) {
        if (!m_model)
            return;
        const bool same = m_model->query().sortColumn == m_model->columnName(section);
        const Qt::SortOrder order
            = same && m_model->query().order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
        m_header->setSortIndicator(section, order);
        m_model->sort(section, order);
    });
    connect(m_raw, &QToolButton::toggled, this, [this](bool raw) {
        if (m_model)
            m_model->setRawMode(raw);
    });
    connect(exportButton, &QToolButton::clicked, this, &TableBrowser::exportView);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &TableBrowser::prefetchVisible);
    connect(m_view, &QTableView::customContextMenuRequested, this, &TableBrowser::showContextMenu);

    auto *copy = new QAction(tr("Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &TableBrowser::copySelection);
    m_view->addAction(copy);
    // Another process committed, an action wrote, or F5: rows update in place.
    connect(m_context, &AppContext::dataChanged, this, &TableBrowser::reload);
}

QString TableBrowser::currentTable() const
{
    return m_model ? m_model->tableName() : QString();
}

bool TableBrowser::isBusy() const
{
    return m_model && m_model->isBusy();
}

void TableBrowser::resetModel()
{
    if (m_model)
        m_model->deleteLater();
    m_model = nullptr;
    const auto db = m_context->database();
    if (!db)
        return;
    m_model = new TableModel(db, this);
    m_view->setModel(m_model);
    connect(m_model, &TableModel::countChanged, this, &TableBrowser::updateCountLabel);
    connect(m_model, &TableModel::busyChanged, this, &TableBrowser::busyChanged);
    connect(m_model, &TableModel::busyChanged, this, &TableBrowser::updateCountLabel);
    connect(m_model, &TableModel::errorOccurred, this, [this](const QString &message) {
        m_count->setText(u"⚠ " + message);
        Q_EMIT statusMessage(message);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_pendingSelectId.isEmpty())
            return;
        for (int row = 0; row < qMin(m_model->rowCount(), TableModel::kPageSize); ++row) {
            if (m_model->idAt(row) == m_pendingSelectId) {
                m_pendingSelectId.clear();
                m_view->selectRow(row);
                m_view->scrollTo(m_model->index(row, 0));
                return;
            }
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TableBrowser::emitCurrent);
}

void TableBrowser::showTable(const QString &table, const QString &field, const QString &value)
{
    if (!m_context->database())
        return;
    resetModel();
    TableQuery query;
    query.table = table;
    const TableInfo *info = m_context->database()->schema().table(table);
    m_header->clearFilters();
    {
        const QSignalBlocker block(m_search);
        m_search->clear();
    }
    if (info && !field.isEmpty()) {
        const QString column = info->has(field) ? info->column(field) : field;
        query.filters.append({ column, value.isNull() ? QStringLiteral("NULL") : QString(u'=' + value) });
    }
    // Newest first where the table has a creation time: what a user looks for first.
    if (info && info->has(QStringLiteral("createdAt"))) {
        query.sortColumn = info->column(QStringLiteral("createdAt"));
        query.order = Qt::DescendingOrder;
    }
    m_model->setRawMode(m_raw->isChecked());
    m_delegate->setTable(table);
    m_model->setQuery(query);
    m_header->setColumnCount(m_model->columnCount());
    for (const ColumnFilter &filter : std::as_const(query.filters)) {
        const int column = m_model->columnOf(filter.column);
        if (column >= 0) {
            // Reflect the filter in its field without re-triggering it.
            const QSignalBlocker block(m_header);
            m_header->setFilterTextSilently(column, filter.expression);
        }
    }
    arrangeColumns();
    const int sortColumn = m_model->columnOf(query.sortColumn);
    m_header->setSortIndicator(sortColumn, query.order);
    const QString title = info && info->spec ? info->spec->title : table;
    m_title->setText(title);
    m_title->setToolTip(table);
    updateCountLabel();
}

void TableBrowser::arrangeColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const TableInfo *info = m_model->tableInfo();
    // What names a row and its state first; ids are long and mostly for links.
    int visual = 0;
    if (info && info->spec) {
        for (const QString &field : { info->spec->displayField, QStringLiteral("status") }) {
            const int column = m_model->columnOf(field);
            if (!field.isEmpty() && column >= 0 && header->visualIndex(column) >= visual)
                header->moveSection(header->visualIndex(column), visual++);
        }
    }
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const int kind = m_model->headerData(column, Qt::Horizontal, TableModel::FieldKindRole).toInt();
        int width = 150;
        switch (FieldKind(kind)) {
        case FieldKind::Enum:
            width = 120;
            break;
        case FieldKind::Boolean:
        case FieldKind::Integer:
            width = 90;
            break;
        case FieldKind::Timestamp:
            width = 150;
            break;
        default:
            width = header->visualIndex(column) == 0 && info && info->spec ? 300 : 150;
        }
        header->resizeSection(column, width);
    }
}

void TableBrowser::showRow(const QString &table, const QString &id)
{
    showTable(table, QStringLiteral("id"), id);
    m_pendingSelectId = id;
}

void TableBrowser::applyFilters()
{
    if (!m_model)
        return;
    TableQuery query = m_model->query();
    query.filters.clear();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const QString text = m_header->filterText(column);
        if (!text.isEmpty())
            query.filters.append({ m_model->columnName(column), text });
    }
    query.search = m_search->text();
    if (query == m_model->query())
        return;
    m_model->setQuery(query); // cancels the previous query's workers
    updateCountLabel();
}

void TableBrowser::updateCountLabel()
{
    if (!m_model)
        return;
    const qint64 count = m_model->totalCount();
    const QLocale locale;
    // An estimate (max(rowid)) reads as one, "≈1.0M rows", until count(*) lands.
    const auto rough = [&locale](qint64 n) {
        return n >= 1'000'000 ? locale.toString(double(n) / 1e6, 'f', 1) + u'M'
            : n >= 1'000      ? locale.toString(double(n) / 1e3, 'f', 0) + u'k'
                              : locale.toString(n);
    };
    QString text = count < 0          ? tr("counting…")
        : m_model->isCountEstimated() ? tr("≈%1 rows").arg(rough(count))
                                      : tr("%1 rows").arg(locale.toString(count));
    if (!m_model->query().filters.isEmpty() || !m_model->query().search.isEmpty())
        text += tr(" (filtered)");
    if (m_model->isBusy())
        text += tr("  · loading");
    m_count->setText(text);
}

void TableBrowser::prefetchVisible()
{
    if (!m_model)
        return;
    const int first = m_view->rowAt(0);
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    m_model->prefetch(qMax(0, first), last);
}

void TableBrowser::emitCurrent()
{
    if (!m_model)
        return;
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString id = m_model->idAt(current.row());
    Q_EMIT rowActivated({ m_model->tableName(), id });
}

QVector<EntityRef> TableBrowser::selectedRefs() const
{
    QVector<EntityRef> refs;
    if (!m_model || !m_view->selectionModel())
        return refs;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex());
    for (const QModelIndex &index : std::as_const(rows)) {
        const QString id = m_model->idAt(index.row());
        if (!id.isEmpty())
            refs.append({ m_model->tableName(), id });
    }
    return refs;
}

void TableBrowser::copySelection() const
{
    if (!m_model || !m_view->selectionModel())
        return;
    QModelIndexList indexes = m_view->selectionModel()->selectedIndexes();
    if (indexes.isEmpty() && m_view->currentIndex().isValid())
        indexes.append(m_view->currentIndex());
    std::sort(indexes.begin(), indexes.end());
    QString text;
    int row = -1;
    for (const QModelIndex &index : std::as_const(indexes)) {
        if (row >= 0)
            text += index.row() == row ? u'\t' : u'\n';
        row = index.row();
        const QVariant value = index.data(TableModel::RawValueRole);
        QString cell = value.isNull() ? QString() : value.toString();
        cell.replace(u'\t', u' ').replace(u'\n', u' ');
        text += cell;
    }
    QGuiApplication::clipboard()->setText(text);
}

void TableBrowser::exportView()
{
    if (!m_model || !m_context->database())
        return;
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(m_model->tableName()),
        m_model->tableName() + QStringLiteral(".csv"), tr("CSV (*.csv);;JSON (*.json)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const ExportFormat format
        = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? ExportFormat::Json : ExportFormat::Csv;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    auto progressRows = std::make_shared<std::atomic<qint64>>(0);
    const qint64 total = qMax<qint64>(1, m_model->totalCount());
    auto *dialog = new QProgressDialog(tr("Exporting %1…").arg(m_model->tableName()), tr("Cancel"), 0, 1000, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *poll = new QTimer(dialog);
    connect(poll, &QTimer::timeout, dialog,
        [dialog, progressRows, total] { dialog->setValue(int(1000 * qMin<qint64>(total, *progressRows) / total)); });
    poll->start(100);
    connect(dialog, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    const TableReader reader(m_context->database());
    const TableQuery query = m_model->query();
    const QString databasePath = m_context->database()->path();
    runAsync(
        this,
        [reader, query, format, path, databasePath, cancel, progressRows] {
            return exportTable(reader, query, format, path, databasePath, cancel.get(),
                [progressRows](qint64 rows) { *progressRows = rows; });
        },
        [this, dialog, path](const ExportResult &result) {
            dialog->close();
            if (result.ok)
                Q_EMIT statusMessage(tr("Exported %1 rows to %2").arg(QLocale().toString(result.rows), path));
            else if (result.cancelled)
                Q_EMIT statusMessage(tr("Export cancelled; nothing was written"));
            else
                QMessageBox::warning(
                    this, tr("Export failed"), tr("Could not export to %1:\n%2").arg(path, result.error));
        });
}

void TableBrowser::reload()
{
    if (m_model)
        m_model->reload();
}

void TableBrowser::showContextMenu(const QPoint &pos)
{
    if (!m_model)
        return;
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    const EntityRef ref { m_model->tableName(), m_model->idAt(index.row()) };
    QMenu menu(this);
    menu.addAction(tr("Copy"), this, &TableBrowser::copySelection);
    QAction *copyId = menu.addAction(tr("Copy id"), this, [ref] { QGuiApplication::clipboard()->setText(ref.id); });
    copyId->setEnabled(!ref.id.isEmpty());
    const QVariant value = index.data(TableModel::RawValueRole);
    const QString column = m_model->columnName(index.column());
    menu.addAction(tr("Filter to this value"), this, [this, column, value] {
        const int c = m_model->columnOf(column);
        m_header->setFilterText(c, value.isNull() ? QStringLiteral("NULL") : QString(u'=' + value.toString()));
    });
    if (m_menuHook && !ref.id.isEmpty()) {
        menu.addSeparator();
        m_menuHook(&menu, ref);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace cwi
