#include "querypage.h"

#include "browse/tableexport.h"
#include "elidedlabel.h"
#include "plainmessagebox.h"
#include "query/querylibrary.h"
#include "query/querymodel.h"
#include "queryresultview.h"
#include "render/htmlwriter.h"
#include "sqleditor.h"
#include "toolrow.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QShortcut>
#include <QShowEvent>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace cwi {

namespace {

QToolButton *toolButton(QWidget *parent, const QString &text, const QString &tip, const char *name)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setObjectName(QString::fromLatin1(name));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QString firstLine(const QString &sql)
{
    for (const QString &line : sql.split(u'\n')) {
        QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QStringLiteral("--")))
            return trimmed;
    }
    return sql.simplified();
}

} // namespace

QueryPage::QueryPage(AppContext *context, const QString &dataFolder, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_dataFolder(dataFolder)
    , m_editor(new SqlEditor(this))
    , m_results(new QTabWidget(this))
    , m_split(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("queryPage"));
    connect(&m_jobs, &JobTracker::busyChanged, this, &QueryPage::busyChanged);
    m_run = toolButton(
        this, tr("Run"), tr("Run the statement under the cursor, or the selection (Ctrl+Enter)"), "queryRun");
    m_cancel = toolButton(this, tr("Cancel"), tr("Stop the running statement (Esc)"), "queryCancel");
    m_explain = toolButton(this, tr("Explain"),
        tr("Show how SQLite will run the statement, and whether it reads a big table whole (Ctrl+Shift+Enter)"),
        "queryExplain");
    auto *newTab = toolButton(
        this, tr("New tab"), tr("Keep this result and show the next one in a new tab (Ctrl+T)"), "queryNewTab");
    m_raw = toolButton(
        this, tr("Raw"), tr("Show values exactly as stored (timestamps as numbers, booleans as 0/1)"), "queryRaw");
    m_raw->setCheckable(true);
    m_export = toolButton(this, tr("Export…"),
        tr("Run the tab's statement again and write every row to CSV or JSON, in the background"), "queryExport");
    auto *save = toolButton(this, tr("Save…"), tr("Save the editor's text as a named query (Ctrl+S)"), "querySave");
    m_libraryToggle = toolButton(this, tr("History"),
        tr("Show or hide the history, the saved queries and the examples (Ctrl+H)"), "queryLibraryToggle");
    m_libraryToggle->setCheckable(true);
    auto *readOnly = new ElidedLabel(tr("Read-only: nothing run here changes the file"), this);
    readOnly->setEnabled(false);

    auto *bar = new ToolRow(this);
    for (QToolButton *button : { m_run, m_cancel, m_explain, newTab })
        bar->addLeading(button);
    bar->addLeadingSpacing(12);
    bar->addLeading(readOnly, 1);
    for (QToolButton *button : { m_raw, m_export, save, m_libraryToggle })
        bar->addTrailing(button);

    m_results->setObjectName(QStringLiteral("queryResults"));
    m_results->setDocumentMode(true);
    m_results->setTabsClosable(true);
    m_results->setMovable(true);
    m_split->addWidget(m_editor);
    m_split->addWidget(m_results);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 3);
    m_split->setChildrenCollapsible(false);
    m_editor->setMinimumHeight(80);

    auto *side = new QSplitter(Qt::Horizontal, this);
    side->addWidget(m_split);
    m_libraryPanel = createLibraryPanel();
    side->addWidget(m_libraryPanel);
    side->setStretchFactor(0, 4);
    side->setStretchFactor(1, 1);
    side->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(side, 1);

    connect(m_libraryToggle, &QToolButton::toggled, m_libraryPanel, &QWidget::setVisible);
    connect(m_libraryToggle, &QToolButton::clicked, this, [this] { m_libraryChosen = true; });
    connect(m_run, &QToolButton::clicked, this, &QueryPage::runStatement);
    connect(m_cancel, &QToolButton::clicked, this, &QueryPage::cancel);
    connect(m_explain, &QToolButton::clicked, this, &QueryPage::explainStatement);
    connect(newTab, &QToolButton::clicked, this, [this] { m_results->setCurrentWidget(addResultTab()); });
    connect(m_export, &QToolButton::clicked, this, &QueryPage::exportResult);
    connect(save, &QToolButton::clicked, this, &QueryPage::saveQuery);
    connect(m_raw, &QToolButton::toggled, this, [this](bool raw) {
        for (int i = 0; i < m_results->count(); ++i)
            static_cast<QueryResultView *>(m_results->widget(i))->setRawMode(raw);
    });
    connect(m_editor, &SqlEditor::runRequested, this, &QueryPage::runStatement);
    connect(m_editor, &SqlEditor::cancelRequested, this, &QueryPage::cancel);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] { m_editor->markError(-1); });
    connect(m_results, &QTabWidget::tabCloseRequested, this, [this](int index) {
        auto *view = static_cast<QueryResultView *>(m_results->widget(index));
        view->cancel();
        m_runStart.remove(view);
        m_results->removeTab(index);
        view->deleteLater();
        if (m_results->count() == 0)
            addResultTab();
        updateActions();
    });
    connect(m_results, &QTabWidget::currentChanged, this, &QueryPage::updateActions);

    // WHAT names the key in Help > Keyboard shortcuts.
    const auto shortcut = [this](const QKeySequence &keys, const QString &what, auto slot) {
        auto *s = new QShortcut(keys, this, slot);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        s->setWhatsThis(what);
    };
    const QString run = tr("Query: run the statement under the cursor or the selection");
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), run, [this] { runStatement(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), run, [this] { runStatement(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), tr("Query: show the statement's query plan"),
        [this] { explainStatement(); });
    shortcut(QKeySequence(Qt::Key_Escape), tr("Query: cancel the running statement"), [this] { cancel(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_T), tr("Query: new result tab"),
        [this] { m_results->setCurrentWidget(addResultTab()); });
    shortcut(QKeySequence::Save, tr("Query: save the query"), [this] { saveQuery(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_H), tr("Query: show or hide the history, saved queries and examples"),
        [this] { m_libraryToggle->click(); });

    connect(m_context, &AppContext::databaseChanged, this, &QueryPage::onDatabaseChanged);
    onDatabaseChanged();
}

QueryPage::~QueryPage() = default;

QWidget *QueryPage::createLibraryPanel()
{
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("queryLibrary"));
    tabs->setDocumentMode(true);
    tabs->setMinimumWidth(200);

    auto *historyPane = new QWidget(tabs);
    m_historySearch = new QLineEdit(historyPane);
    m_historySearch->setPlaceholderText(tr("Search history…"));
    m_historySearch->setClearButtonEnabled(true);
    m_history = new QListWidget(historyPane);
    m_history->setObjectName(QStringLiteral("queryHistory"));
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(2, 2, 2, 2);
    historyLayout->addWidget(m_historySearch);
    historyLayout->addWidget(m_history, 1);
    m_saved = new QListWidget(tabs);
    m_saved->setObjectName(QStringLiteral("querySaved"));
    m_saved->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(tr("Delete saved query"), m_saved);
    m_saved->addAction(remove);
    m_examples = new QListWidget(tabs);
    m_examples->setObjectName(QStringLiteral("queryExamples"));
    tabs->addTab(historyPane, tr("History"));
    tabs->addTab(m_saved, tr("Saved"));
    tabs->addTab(m_examples, tr("Examples"));
    for (QListWidget *list : { m_history, m_saved, m_examples }) {
        list->setWordWrap(true);
        list->setTextElideMode(Qt::ElideRight);
        list->setToolTip(tr("Double-click (or Enter) puts the query into the editor"));
        connect(list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { setSql(item->data(Qt::UserRole).toString()); });
    }
    connect(m_historySearch, &QLineEdit::textChanged, this, &QueryPage::refreshHistory);
    connect(remove, &QAction::triggered, this, [this] {
        QListWidgetItem *item = m_saved->currentItem();
        QString error;
        if (item && m_library && !m_library->remove(item->text(), &error))
            Q_EMIT statusMessage(tr("Could not delete the saved query: %1").arg(error));
        refreshSaved();
    });
    return tabs;
}

void QueryPage::showEvent(QShowEvent *event)
{
    // The history beside the editor wants 200 px: on a page narrower than 600 px (1024 px
    // beside both side panes) the editor and the results would keep under 300 px; the
    // History button (Ctrl+H) shows it. What the user chose stays.
    if (!m_libraryChosen) {
        m_libraryChosen = true;
        m_libraryToggle->setChecked(width() >= 600);
        m_libraryPanel->setVisible(m_libraryToggle->isChecked());
    }
    QWidget::showEvent(event);
}

void QueryPage::onDatabaseChanged()
{
    for (int i = m_results->count() - 1; i >= 0; --i) {
        auto *view = static_cast<QueryResultView *>(m_results->widget(i));
        view->cancel();
        m_results->removeTab(i);
        view->deleteLater();
    }
    m_runStart.clear();
    m_tabSerial = 0; // the new file's first result is "Result 1"
    const auto database = m_context->database();
    m_library = database ? std::make_unique<QueryLibrary>(m_dataFolder, m_context->databasePath()) : nullptr;
    QStringList words;
    m_examples->clear();
    if (database) {
        const SchemaMap &schema = m_context->schema();
        for (const QString &table : schema.tableNames()) {
            words.append(table);
            if (const TableInfo *info = schema.table(table)) {
                for (const ColumnInfo &column : info->columns)
                    words.append(column.name);
            }
        }
        for (const SavedQuery &example : QueryLibrary::examples(schema)) {
            auto *item = new QListWidgetItem(example.name, m_examples);
            item->setData(Qt::UserRole, example.sql);
            item->setToolTip(render::plainToolTip(example.sql));
        }
    }
    m_editor->setCompletionWords(words);
    addResultTab();
    refreshHistory();
    refreshSaved();
    updateActions();
}

QueryResultView *QueryPage::addResultTab()
{
    auto *view = new QueryResultView(m_context, m_results);
    view->setRawMode(m_raw->isChecked());
    const int index = m_results->addTab(view, tr("Result %1").arg(++m_tabSerial));
    m_jobs.follow(view->jobs());
    connect(view, &QueryResultView::busyChanged, this, &QueryPage::updateActions);
    connect(view, &QueryResultView::finished, this,
        [this, view](const QString &sql, qint64 rows, qint64 ms, bool failed, int errorOffset) {
            onFinished(view, sql, rows, ms, failed, errorOffset);
        });
    if (m_results->count() == 1)
        m_results->setCurrentIndex(index);
    return view;
}

QueryResultView *QueryPage::currentResult() const
{
    return static_cast<QueryResultView *>(m_results->currentWidget());
}

bool QueryPage::isBusy() const
{
    return m_jobs.isBusy();
}

void QueryPage::runStatement()
{
    int start = 0;
    const QString sql = m_editor->statementToRun(&start);
    if (sql.trimmed().isEmpty() || !m_context->database())
        return;
    QueryResultView *view = currentResult() ? currentResult() : addResultTab();
    m_runStart.insert(view, start);
    m_editor->markError(-1);
    m_results->setTabText(
        m_results->indexOf(view), QFontMetrics(font()).elidedText(firstLine(sql), Qt::ElideRight, 180));
    m_results->setTabToolTip(m_results->indexOf(view), sql);
    view->run(sql);
    updateActions();
}

void QueryPage::explainStatement()
{
    int start = 0;
    const QString sql = m_editor->statementToRun(&start);
    if (sql.trimmed().isEmpty() || !m_context->database())
        return;
    QueryResultView *view = currentResult() ? currentResult() : addResultTab();
    m_runStart.insert(view, start);
    m_editor->markError(-1);
    m_results->setTabText(m_results->indexOf(view),
        tr("Plan: %1").arg(QFontMetrics(font()).elidedText(firstLine(sql), Qt::ElideRight, 150)));
    view->explain(sql);
    updateActions();
}

void QueryPage::cancel()
{
    for (int i = 0; i < m_results->count(); ++i)
        static_cast<QueryResultView *>(m_results->widget(i))->cancel();
    updateActions();
}

void QueryPage::onFinished(
    QueryResultView *view, const QString &sql, qint64 rows, qint64 ms, bool failed, int errorOffset)
{
    if (failed && errorOffset >= 0 && m_runStart.contains(view)) {
        const int position = m_runStart.value(view) + errorOffset;
        m_editor->markError(position);
        const QTextBlock block = m_editor->document()->findBlock(position);
        Q_EMIT statusMessage(
            tr("Error at line %1, column %2").arg(block.blockNumber() + 1).arg(position - block.position() + 1));
    }
    if (m_library) {
        QString error;
        if (!m_library->addHistory({ sql.trimmed(), QDateTime::currentDateTimeUtc(), rows, ms, failed }, &error))
            Q_EMIT statusMessage(tr("Could not keep the query history: %1").arg(error));
        refreshHistory();
    }
    updateActions();
}

void QueryPage::refreshHistory()
{
    m_history->clear();
    if (!m_library)
        return;
    const QLocale locale;
    for (const HistoryEntry &entry : m_library->history(m_historySearch->text())) {
        const QString when = locale.toString(entry.ranAt.toLocalTime(), QLocale::ShortFormat);
        const QString result = entry.failed ? tr("failed")
            : entry.rows >= 0               ? tr("%1 rows").arg(locale.toString(entry.rows))
                                            : tr("done");
        auto *item = new QListWidgetItem(firstLine(entry.sql) + u'\n' + when + u" · " + result, m_history);
        item->setData(Qt::UserRole, entry.sql);
        item->setToolTip(render::plainToolTip(entry.sql));
    }
}

void QueryPage::refreshSaved()
{
    m_saved->clear();
    if (!m_library)
        return;
    for (const SavedQuery &query : m_library->saved()) {
        auto *item = new QListWidgetItem(query.name, m_saved);
        item->setData(Qt::UserRole, query.sql);
        item->setToolTip(render::plainToolTip(query.sql));
    }
}

void QueryPage::setSql(const QString &sql)
{
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(sql);
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
}

void QueryPage::saveQuery()
{
    const QString sql = m_editor->toPlainText().trimmed();
    if (sql.isEmpty() || !m_library)
        return;
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Save query"), tr("Name:"), QLineEdit::Normal, firstLine(sql).left(60), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    QString error;
    if (!m_library->save({ name.trimmed(), sql }, &error))
        plainMessageBox(this, QMessageBox::Warning, tr("Save query"), tr("Could not save the query: %1").arg(error));
    refreshSaved();
}

void QueryPage::exportResult()
{
    QueryResultView *view = currentResult();
    const auto database = m_context->database();
    if (!view || view->sql().isEmpty() || !database || view->showsPlan())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export query result"), QStringLiteral("query.csv"), tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    const ExportFormat format
        = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? ExportFormat::Json : ExportFormat::Csv;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    auto progressRows = std::make_shared<std::atomic<qint64>>(0);
    auto *dialog = new QProgressDialog(tr("Exporting the query result…"), tr("Cancel"), 0, 0, this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *poll = new QTimer(dialog);
    connect(poll, &QTimer::timeout, dialog, [dialog, progressRows] {
        dialog->setLabelText(tr("Exporting the query result… %1 rows").arg(QLocale().toString(qint64(*progressRows))));
    });
    poll->start(100);
    connect(dialog, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    // The user's Cancel stops the export and still reports; the tracker only drops the report
    // when this page is gone.
    m_jobs.add(
        kExportChannel,
        [database, sql = view->sql(), format, path, cancel, progressRows] {
            return exportQuery(
                database, sql, format, path, cancel.get(), [progressRows](qint64 rows) { *progressRows = rows; });
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

void QueryPage::updateActions()
{
    const bool hasFile = m_context->database() != nullptr;
    const bool busy = isBusy();
    m_run->setEnabled(hasFile);
    m_explain->setEnabled(hasFile);
    m_cancel->setEnabled(busy);
    QueryResultView *view = currentResult();
    m_export->setEnabled(hasFile && view && !view->sql().isEmpty() && !view->showsPlan());
}

Pane::Info QueryPage::paneInfo() const
{
    return { QStringLiteral("queryPage"), tr("Query"), QKeySequence(Qt::CTRL | Qt::Key_4), Place::Page,
        tr("Read-only SQL over the file (Ctrl+4)"), tr("&Query"), {} };
}

} // namespace cwi
