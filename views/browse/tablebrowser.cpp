#include "tablebrowser.h"
#include "viewnames.h"

#include "browse/tableexport.h"
#include "browse/tablemodel.h"
#include "celldelegate.h"
#include "cellviewer.h"
#include "filterheader.h"
#include "plainmessagebox.h"
#include "render/htmlwriter.h"
#include "toolrow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cwi {

namespace {
// The pause after the last key before a filter runs: quick open's. A query the next key makes
// stale is cancelled (its progress handler stops SQLite), so a short pause costs little; at
// 250 ms it was most of the `=name` filter's 341 ms on a million rows.
constexpr int kDebounceMs = 150;
} // namespace

TableBrowser::TableBrowser(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_view(new QTableView(this))
    , m_header(new FilterHeader(m_view))
    , m_delegate(new CellDelegate(this))
    , m_search(new QLineEdit(this))
    , m_pages(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_title(new QLabel(this))
    , m_count(new QLabel(this))
    , m_raw(new QToolButton(this))
    , m_clearFilters(new QToolButton(this))
    , m_goToRow(new QAction(tr("&Go to row…"), this))
    , m_viewCell(new QAction(tr("&View value…"), this))
    , m_debounce(new QTimer(this))
{
    m_count->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_title->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(QStringLiteral("tableBrowser"));
    connect(&m_jobs, &JobTracker::busyChanged, this, &TableBrowser::busyChanged);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_search->setPlaceholderText(tr("Search all columns…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Rows that contain this text in any column"));
    m_search->setMinimumWidth(180);
    m_search->setMaximumWidth(360);
    m_raw->setObjectName(QStringLiteral("rawMode"));
    m_raw->setText(tr("Raw"));
    m_raw->setCheckable(true);
    m_raw->setToolTip(
        tr("Show values exactly as stored (timestamps as numbers, booleans as 0/1, foreign keys as ids)"));
    m_clearFilters->setObjectName(QStringLiteral("clearFilters"));
    m_clearFilters->setText(tr("Clear filters"));
    m_clearFilters->setToolTip(tr("Clear every column filter and the search"));
    m_clearFilters->setEnabled(false);
    m_goToRow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_goToRow->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_goToRow->setToolTip(tr("Scroll to a row by its number (Ctrl+G)"));
    addAction(m_goToRow);
    m_viewCell->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_viewCell->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_viewCell->setToolTip(tr("Show the current cell in full: text or pretty JSON, with copy (Ctrl+I, double-click)"));
    addAction(m_viewCell);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Export the filtered, sorted rows to CSV or JSON"));
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new ToolRow(this);
    bar->addLeading(m_title);
    bar->addLeadingSpacing(12);
    bar->addLeading(m_count);
    bar->addTrailing(m_search, 1);
    bar->addTrailing(m_clearFilters);
    bar->addTrailing(m_raw);
    bar->addTrailing(exportButton);

    m_view->setHorizontalHeader(m_header);
    m_header->followScrollBar(m_view->horizontalScrollBar());
    m_view->setItemDelegate(m_delegate);
    m_view->setSortingEnabled(false); // the header click sorts in SQL, see below
    m_header->setSortIndicatorShown(true); // setSortingEnabled(false) hid the arrow; the SQL sort shows it
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

    auto *grid = new QWidget(this);
    auto *gridLayout = new QVBoxLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(0);
    gridLayout->addWidget(bar);
    gridLayout->addWidget(m_view, 1);
    m_empty->setObjectName(QStringLiteral("tableEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(24, 24, 24, 24);
    m_empty->setTextFormat(Qt::RichText);
    connect(m_empty, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(u"cwi:table/"))
            m_context->navigate({ link.mid(10), {} });
    });
    m_pages->addWidget(m_empty);
    m_pages->addWidget(grid);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    showEmptyState();

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
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &TableBrowser::updatePosition);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &TableBrowser::updatePosition);
    m_view->viewport()->installEventFilter(this); // a taller window shows more rows: the position follows
    m_view->installEventFilter(this); // Ctrl+End before any row is current
    connect(m_clearFilters, &QToolButton::clicked, this, &TableBrowser::clearFilters);
    connect(m_goToRow, &QAction::triggered, this, &TableBrowser::askGoToRow);
    connect(m_viewCell, &QAction::triggered, this, &TableBrowser::viewCell);
    connect(m_view, &QTableView::doubleClicked, this, &TableBrowser::viewCell);
    connect(m_view, &QTableView::customContextMenuRequested, this, &TableBrowser::showContextMenu);

    auto *copy = new QAction(tr("Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &TableBrowser::copySelection);
    m_view->addAction(copy);
    // Another process committed, an action wrote, or F5: rows update in place.
    connect(m_context, &AppContext::dataChanged, this, &TableBrowser::reload);
    connect(m_context, &AppContext::databaseChanged, this, [this] {
        if (m_model)
            m_model->deleteLater();
        m_model = nullptr;
        m_view->setModel(nullptr);
        showEmptyState();
    });
}

bool TableBrowser::showsEmptyState() const
{
    return m_pages->currentWidget() == m_empty;
}

void TableBrowser::showEmptyState()
{
    QString text = u"<p style=\"font-size:large;\"><b>" + tr("No table open") + u"</b></p><p>"
        + tr("Choose one in the <b>Tables</b> pane (Alt+1), or jump to any row or table with <b>Ctrl+K</b>.") + u"</p>";
    const auto db = m_context->database();
    QStringList links;
    if (db) {
        for (const QString &table : { QStringLiteral("tasks"), QStringLiteral("agents"), QStringLiteral("phases"),
                 QStringLiteral("initiatives"), QStringLiteral("review_comments"), QStringLiteral("conversations") }) {
            if (const TableInfo *info = m_context->schema().table(table))
                links.append(u"<a href=\"cwi:table/" + table + u"\">"
                    + (info->spec ? info->spec->title : table).toHtmlEscaped() + u"</a>");
        }
    }
    if (!links.isEmpty())
        text += u"<p>" + tr("Open:") + u" " + links.join(QStringLiteral(" · ")) + u"</p>";
    m_empty->setText(text);
    m_pages->setCurrentWidget(m_empty);
}

bool TableBrowser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &TableBrowser::updatePosition);
    // With no current row QTableView takes any move to the first cell, so the first Ctrl+End in
    // a table just opened would go nowhere: go to the last (or first) row, as asked.
    if (watched == m_view && event->type() == QEvent::KeyPress && m_model && !m_view->currentIndex().isValid()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & Qt::ControlModifier && (key->key() == Qt::Key_End || key->key() == Qt::Key_Home)) {
            goToRow(key->key() == Qt::Key_End ? m_model->rowCount() : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString TableBrowser::currentTable() const
{
    return m_model ? m_model->tableName() : QString();
}

bool TableBrowser::isBusy() const
{
    return m_jobs.isBusy();
}

void TableBrowser::resetModel()
{
    if (m_model) {
        m_model->jobs()->cancelAll();
        m_model->deleteLater();
    }
    m_model = nullptr;
    const auto db = m_context->database();
    if (!db)
        return;
    m_model = new TableModel(db, this);
    m_view->setModel(m_model);
    m_pages->setCurrentIndex(1);
    connect(m_model, &TableModel::countChanged, this, &TableBrowser::updateCountLabel);
    m_jobs.follow(m_model->jobs());
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
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TableBrowser::updateCellViewer);
}

void TableBrowser::showTable(const QString &table, const QString &field, const QString &value)
{
    if (!m_context->database())
        return;
    m_pendingSelectId.clear(); // a row asked for in the table shown before is not one of this one
    resetModel();
    TableQuery query;
    query.table = table;
    const TableInfo *info = m_context->schema().table(table);
    m_header->clearFilters();
    {
        const QSignalBlocker block(m_search);
        m_search->clear();
    }
    if (info && !field.isEmpty()) {
        const QString column = info->has(field) ? info->column(field) : field;
        query.filters.append({ column, value.isNull() ? QStringLiteral("NULL") : QString(u'=' + value) });
    }
    // Newest first: what a user looks for first. By the creation time where an index keeps
    // that order; else by rowid, the order rows were added in. Sorting a million unindexed
    // rows (with their content) for one page would read the whole table (issue 10).
    query.order = Qt::DescendingOrder;
    if (info && info->has(QStringLiteral("createdAt")) && info->isIndexed(info->column(QStringLiteral("createdAt"))))
        query.sortColumn = info->column(QStringLiteral("createdAt"));
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
    m_title->setToolTip(render::plainToolTip(table));
    updateCountLabel();
}

void TableBrowser::showQuery(const TableQuery &query)
{
    if (m_model && m_model->query() == query)
        return; // already as it was: keep the place and the selection
    showTable(query.table);
    if (!m_model)
        return;
    for (const ColumnFilter &filter : query.filters)
        m_header->setFilterTextSilently(m_model->columnOf(filter.column), filter.expression);
    {
        const QSignalBlocker block(m_search);
        m_search->setText(query.search);
    }
    m_header->setSortIndicator(m_model->columnOf(query.sortColumn), query.order);
    m_model->setQuery(query);
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
            // The name column: wide, but never more than half of a narrow grid (1024 px screen).
            width = header->visualIndex(column) == 0 && info && info->spec
                ? std::clamp(m_view->viewport()->width() / 2, 150, 300)
                : 150;
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
    if (query == m_model->query()) {
        updateCountLabel();
        return;
    }
    m_model->setQuery(query); // cancels the previous query's workers
    updateCountLabel();
}

void TableBrowser::updateCountLabel()
{
    if (!m_model)
        return;
    const bool filtered = !m_model->query().filters.isEmpty() || !m_model->query().search.isEmpty();
    m_clearFilters->setEnabled(filtered || m_header->hasFilters() || !m_search->text().isEmpty());
    updatePosition();
}

void TableBrowser::updatePosition()
{
    if (!m_model)
        return;
    const qint64 count = m_model->totalCount();
    const QLocale locale;
    // An estimate (max(rowid)) reads as one, "≈1.0M", until count(*) lands.
    const auto rough = [&locale](qint64 n) {
        return n >= 1'000'000 ? locale.toString(double(n) / 1e6, 'f', 1) + u'M'
            : n >= 1'000      ? locale.toString(double(n) / 1e3, 'f', 0) + u'k'
                              : locale.toString(n);
    };
    const QString total = m_model->isCountEstimated() ? tr("≈%1").arg(rough(count)) : locale.toString(count);
    QString text;
    if (count < 0) {
        text = tr("counting…");
    } else if (count == 0) {
        text = tr("no rows");
    } else {
        // What the view shows, as DB Browser for SQLite says it: "rows 1–23 of 60".
        const int first = qMax(0, m_view->rowAt(0));
        int last = m_view->rowAt(m_view->viewport()->height() - 1);
        if (last < 0)
            last = int(qMin<qint64>(count, m_model->rowCount())) - 1;
        text = tr("rows %1–%2 of %3").arg(locale.toString(first + 1), locale.toString(last + 1), total);
    }
    m_positionText = text;
    if (!m_model->query().filters.isEmpty() || !m_model->query().search.isEmpty())
        text += tr(" (filtered)");
    if (m_model->isBusy())
        text += tr("  · loading");
    m_count->setText(text);
}

void TableBrowser::clearFilters()
{
    m_header->clearFilters();
    {
        const QSignalBlocker block(m_search);
        m_search->clear();
    }
    m_debounce->stop();
    applyFilters();
    updateCountLabel();
}

void TableBrowser::focusRows()
{
    m_view->setFocus(Qt::OtherFocusReason);
}

void TableBrowser::goToRow(int row)
{
    if (!m_model || row < 1 || row > m_model->rowCount())
        return;
    // The current column, else the first one shown (not logical column 0, which the grid may show
    // further right: centring on it scrolled the name column out of view).
    const int column = m_view->currentIndex().isValid() ? m_view->currentIndex().column()
                                                        : qMax(0, m_view->horizontalHeader()->logicalIndex(0));
    const QModelIndex index = m_model->index(row - 1, column);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows); // whatever keys are held
    m_view->setFocus();
    prefetchVisible();
}

void TableBrowser::viewCell()
{
    if (!m_model || !m_view->currentIndex().isValid())
        return;
    if (!m_cellViewer)
        m_cellViewer = new CellViewer(this);
    updateCellViewer();
    m_cellViewer->show();
    m_cellViewer->raise();
}

void TableBrowser::updateCellViewer()
{
    if (!m_cellViewer || !m_model)
        return;
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !index.data(TableModel::LoadedRole).toBool())
        return;
    const QString id = m_model->idAt(index.row());
    m_cellViewer->setValue(tr("%1.%2, row %3%4")
                               .arg(m_model->tableName(), m_model->columnName(index.column()),
                                   QLocale().toString(index.row() + 1), id.isEmpty() ? QString() : u" (" + id + u')'),
        index.data(TableModel::RawValueRole));
}

void TableBrowser::askGoToRow()
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    bool ok = false;
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + 1 : 1;
    const int row = QInputDialog::getInt(this, tr("Go to row"),
        tr("Row (1–%1):").arg(QLocale().toString(m_model->rowCount())), current, 1, m_model->rowCount(), 1, &ok);
    if (ok)
        goToRow(row);
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
    if (!path.isEmpty())
        exportTo(path);
}

void TableBrowser::exportTo(const QString &path)
{
    if (!m_model || !m_context->database() || path.isEmpty())
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
    const std::shared_ptr<Database> database = m_context->database();
    const TableQuery query = m_model->query();
    const QString databasePath = m_context->databasePath();
    QVector<int> columns; // as the grid shows them: moved and hidden columns included
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(logical))
            columns.append(logical);
    }
    // The user's Cancel stops the export and still reports; the tracker only drops the report
    // when this browser is gone.
    m_jobs.add(
        kExportChannel,
        [database, query, format, path, databasePath, cancel, progressRows, columns] {
            return exportTable(
                database, query, format, path, databasePath, cancel.get(),
                [progressRows](qint64 rows) { *progressRows = rows; }, columns);
        },
        [this, dialog, path](const ExportResult &result) {
            dialog->close();
            if (result.ok)
                Q_EMIT statusMessage(tr("Exported %1 rows to %2").arg(QLocale().toString(result.rows), path));
            else if (result.cancelled)
                Q_EMIT statusMessage(tr("Export cancelled; nothing was written"));
            else
                plainMessageBox(this, QMessageBox::Warning, tr("Export failed"),
                    tr("Could not export to %1:\n%2").arg(path, result.error));
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
    // Right-click on a row outside the selection selects it, as file managers do; on a selected
    // row the menu acts on the whole selection ("Retry (3)").
    if (!m_view->selectionModel()->isRowSelected(index.row(), {})) {
        m_view->setCurrentIndex(index);
        m_view->selectRow(index.row());
    } else {
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate); // "View value…"
    }
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
    QAction *clear = menu.addAction(tr("Clear all filters"), this, &TableBrowser::clearFilters);
    clear->setEnabled(m_clearFilters->isEnabled());
    menu.addAction(m_viewCell);
    menu.addAction(m_goToRow);
    if (m_menuHook && !ref.id.isEmpty()) {
        menu.addSeparator();
        QVector<EntityRef> refs { ref };
        for (const EntityRef &selected : selectedRefs()) {
            if (!(selected == ref))
                refs.append(selected);
        }
        m_menuHook(&menu, refs);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

Pane::Info TableBrowser::paneInfo() const
{
    return { QStringLiteral("tablePage"), tr("Tables"), QKeySequence(Qt::CTRL | Qt::Key_2), Place::Page,
        tr("Any table of the file, filtered and sorted (Ctrl+2)"), tr("&Tables"), viewName(ViewName::Table) };
}

// A table is shown here; a row of another table too while this page is shown (the grid follows).
Pane::Fit TableBrowser::canShow(const EntityRef &ref) const
{
    const auto db = m_context->database();
    if (!db || !m_context->schema().hasTable(ref.table))
        return CannotShow;
    if (ref.id.isEmpty())
        return Shows;
    return !isHidden() && currentTable() != ref.table ? Follows : CannotShow;
}

void TableBrowser::showEntity(const EntityRef &ref)
{
    if (!ref.id.isEmpty()) {
        showRow(ref.table, ref.id);
        return;
    }
    showTable(ref.table);
    focusRows();
}

bool TableBrowser::showView(const QStringList &args, EntityRef *, QString *error)
{
    if (args.size() != 1)
        return false;
    const auto db = m_context->database();
    if (!db || !m_context->schema().hasTable(args.first())) {
        *error = tr("No table %1 in this file").arg(args.first());
        return false;
    }
    showEntity({ args.first(), {} });
    return true;
}

} // namespace cwi
