#include "historyview.h"
#include "viewnames.h"

#include "actions/actionservice.h"
#include "actions/historymodel.h"
#include "browse/cellformat.h"
#include "plainmessagebox.h"
#include "render/htmlwriter.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

HistoryView::HistoryView(AppContext *context, ActionService *actions, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_actions(actions)
    , m_model(new HistoryModel(this))
    , m_heading(new QLabel(this))
    , m_list(new QTreeView(this))
    , m_details(new QTreeWidget(this))
    , m_undo(new QPushButton(tr("Undo selected"), this))
{
    setObjectName(u"historyView"_s);
    m_list->setObjectName(u"historyList"_s);
    m_details->setObjectName(u"historyDetails"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_heading, 1);
    bar->addWidget(m_undo);
    layout->addLayout(bar);

    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(HistoryModel::ActionColumn, QHeaderView::Stretch);
    m_details->setColumnCount(3);
    m_details->setHeaderLabels({ tr("Field"), tr("Before"), tr("After") });
    m_details->setRootIsDecorated(true);
    m_details->setSelectionMode(QAbstractItemView::NoSelection);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryView::showSelected);
    connect(m_undo, &QPushButton::clicked, this, &HistoryView::undoSelected);
    connect(m_list, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString table = index.data(HistoryModel::TableRole).toString();
        if (!table.isEmpty())
            m_context->navigate({ table, index.data(HistoryModel::RowIdRole).toString() });
    });
    // Another file opened (its journal, or none), or an action written or undone.
    connect(m_actions, &ActionService::changed, this, &HistoryView::reload);
    connect(m_actions, &ActionService::journalChanged, this, &HistoryView::reload);
    reload();
}

void HistoryView::reload()
{
    const qint64 selected = m_list->currentIndex().data(HistoryModel::EntryIdRole).toLongLong();
    m_model->setEntries(m_actions->history());
    const QString file = QFileInfo(m_actions->filePath()).fileName();
    m_heading->setText(file.isEmpty()
            ? tr("No database open")
            : tr("<b>%1</b> — %n action(s) in the journal", nullptr, m_model->rowCount()).arg(render::escaped(file)));
    if (!m_actions->journalError().isEmpty())
        m_heading->setText(u"<span style='color:#b3261e'>"_s + render::escaped(m_actions->journalError()) + u"</span>");
    for (int c = 0; c < HistoryModel::ColumnCount; ++c) {
        if (c != HistoryModel::ActionColumn)
            m_list->resizeColumnToContents(c);
    }
    QModelIndex current = m_model->index(0, 0);
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->index(r, 0).data(HistoryModel::EntryIdRole).toLongLong() == selected)
            current = m_model->index(r, 0);
    }
    if (current.isValid())
        m_list->setCurrentIndex(current);
    showSelected();
}

void HistoryView::showSelected()
{
    m_details->clear();
    const JournalEntry *e = m_model->entry(m_list->currentIndex());
    m_undo->setEnabled(
        e && m_actions->isWritable() && m_list->currentIndex().data(HistoryModel::UndoableRole).toBool());
    m_undo->setToolTip(m_actions->isAvailable() && !m_actions->isWritable()
            ? tr("Read-only: switch on editing to undo.")
            : tr("Revert this action if its rows are still as it left them."));
    if (!e)
        return;
    for (const RowChange &row : e->rows) {
        const QString op = row.op == RowOp::Insert ? tr("added")
            : row.op == RowOp::Delete              ? tr("deleted")
                                                   : tr("changed");
        auto *header = new QTreeWidgetItem(m_details, { row.table + u' ' + row.id + u" (" + op + u')' });
        header->setFirstColumnSpanned(true);
        for (const FieldChange &c : row.changes) {
            new QTreeWidgetItem(header,
                { c.field, row.op == RowOp::Insert ? u"—"_s : CellFormat::inlineValue(c.before, c.field),
                    row.op == RowOp::Delete ? u"—"_s : CellFormat::inlineValue(c.after, c.field) });
        }
    }
    if (!e->message.isEmpty() && (e->outcome != WriteOutcome::Applied || e->pending)) {
        auto *message = new QTreeWidgetItem(m_details, { HistoryModel::outcomeText(*e) + u": " + e->message });
        message->setFirstColumnSpanned(true);
    }
    m_details->expandAll();
    m_details->resizeColumnToContents(0);
    m_details->resizeColumnToContents(1);
}

void HistoryView::undoSelected()
{
    const JournalEntry *e = m_model->entry(m_list->currentIndex());
    if (!e || !m_actions->isAvailable())
        return;
    const WriteResult result = m_actions->undo(e->id);
    Q_EMIT statusMessage(result.applied() ? tr("%1 — done.").arg(result.plan.title) : result.message);
    if (result.applied() || result.outcome == WriteOutcome::ChangedMeanwhile)
        m_context->notifyDataChanged();
    if (!result.applied())
        plainMessageBox(this, QMessageBox::Information, tr("Not undone"), result.message);
}

Pane::Info HistoryView::paneInfo() const
{
    return { QStringLiteral("historyDock"), tr("History"), QKeySequence(Qt::ALT | Qt::Key_9), Place::BottomDock, {}, {},
        viewName(ViewName::History) };
}

} // namespace cwi
