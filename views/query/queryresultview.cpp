#include "queryresultview.h"

#include "browse/celldelegate.h"
#include "browse/tablemodel.h"
#include "query/querymodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace cwi {

namespace {

QString seconds(qint64 ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("QueryResultView", "%1 ms").arg(ms);
    return QCoreApplication::translate("QueryResultView", "%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 2));
}

} // namespace

QueryResultView::QueryResultView(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new QueryModel(context->database(), this))
    , m_view(new QTableView(this))
    , m_delegate(new CellDelegate(this))
    , m_planView(new QTreeView(this))
    , m_plan(new QStandardItemModel(this))
    , m_stack(new QStackedWidget(this))
    , m_status(new QLabel(this))
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("queryResult"));
    m_view->setObjectName(QStringLiteral("queryResultGrid"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setDefaultSectionSize(150);
    m_view->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_planView->setObjectName(QStringLiteral("queryPlan"));
    m_planView->setModel(m_plan);
    m_planView->setHeaderHidden(false);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_planView);
    m_status->setObjectName(QStringLiteral("queryStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(6, 3, 6, 3);
    m_status->setText(tr("Ctrl+Enter runs the statement under the cursor. Nothing you run here can change the file."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_status);
    layout->addWidget(m_stack, 1);

    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, &QueryResultView::updateStatus);
    connect(m_model, &QueryModel::stateChanged, this, &QueryResultView::onStateChanged);
    m_jobs.follow(m_model->jobs()); // busy: the plan here, or the model's runs
    connect(&m_jobs, &JobTracker::busyChanged, this, &QueryResultView::busyChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Fit the columns to the first rows once they are known; never wider than a third of the view.
        QTimer::singleShot(0, this, [this] {
            m_view->resizeColumnsToContents();
            const int widest = qMax(120, m_view->viewport()->width() / 3);
            for (int c = 0; c < m_model->columnCount(); ++c) {
                // A badge is wider than its text.
                const bool badge
                    = m_model->headerData(c, Qt::Horizontal, TableModel::FieldKindRole).toInt() == int(FieldKind::Enum);
                m_view->setColumnWidth(c, qMin(widest, qMax(60, m_view->columnWidth(c) + (badge ? 28 : 0))));
            }
        });
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &QueryResultView::prefetchVisible);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &QueryResultView::prefetchVisible);
}

QueryResultView::~QueryResultView() = default; // the tracker cancels a running plan

void QueryResultView::run(const QString &sql)
{
    m_sql = sql;
    m_reported = false;
    m_stack->setCurrentWidget(m_view);
    m_model->run(sql);
    m_ticker->start();
    updateStatus();
}

void QueryResultView::explain(const QString &sql)
{
    const auto database = m_context->database();
    if (!database)
        return;
    m_model->cancel();
    m_sql = sql;
    m_reported = false;
    m_plan->clear();
    m_stack->setCurrentWidget(m_planView);
    m_status->setText(tr("Explaining…"));
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_jobs.run(
        [sql, database](const CancelToken &cancel) { return QueryPlanner::explain(database, sql, cancel.flag()); },
        [this, clock](const QueryPlan &plan) {
            showPlan(plan);
            Q_EMIT finished(m_sql, -1, clock->elapsed(), !plan.outcome.ok(), plan.outcome.errorOffset);
        });
}

void QueryResultView::showPlan(const QueryPlan &plan)
{
    if (!plan.outcome.ok()) {
        m_status->setText(plan.outcome.message);
        m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
        return;
    }
    QueryPlanner::fillModel(m_plan, plan);
    m_planView->expandAll();
    m_status->setStyleSheet(plan.hints.isEmpty() ? QString() : QStringLiteral("color: #a15c00;"));
    m_status->setText(plan.hints.isEmpty() ? tr("Query plan: every table is read through an index or is small.")
                                           : plan.hints.join(u'\n'));
}

void QueryResultView::cancel()
{
    if (m_jobs.isBusy(0)) { // the plan
        m_jobs.cancel();
        m_status->setText(tr("Cancelled."));
    }
    m_model->cancel();
}

bool QueryResultView::isBusy() const
{
    return m_jobs.isBusy();
}

bool QueryResultView::showsPlan() const
{
    return m_stack->currentWidget() == m_planView;
}

void QueryResultView::setRawMode(bool raw)
{
    m_model->setRawMode(raw);
}

QString QueryResultView::statusText() const
{
    return m_status->text();
}

void QueryResultView::prefetchVisible()
{
    if (m_model->rowCount() == 0)
        return;
    const int first = m_view->rowAt(0);
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    m_model->prefetch(qMax(0, first), last);
    // At the bottom of what is known: count on.
    if (last >= m_model->rowCount() - 1 && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void QueryResultView::onStateChanged()
{
    updateStatus();
    const QueryModel::State state = m_model->state();
    if (state == QueryModel::State::Running)
        return;
    m_ticker->stop();
    if (m_reported || m_stack->currentWidget() != m_view)
        return;
    m_reported = true;
    const bool failed = state == QueryModel::State::Failed;
    Q_EMIT finished(m_sql, m_model->countKnown() ? m_model->rowsKnown() : -1, m_model->elapsedMs(), failed,
        failed ? m_model->failure().errorOffset : -1);
}

void QueryResultView::updateStatus()
{
    if (m_stack->currentWidget() != m_view)
        return;
    const QLocale locale;
    QString text;
    QString style;
    switch (m_model->state()) {
    case QueryModel::State::Idle:
        return;
    case QueryModel::State::Running:
        text = m_model->firstPageMs() >= 0
            ? tr("%1 rows so far · first rows in %2 · counting… (Esc cancels)")
                  .arg(locale.toString(m_model->rowsKnown()), seconds(m_model->firstPageMs()))
            : tr("Running… %1 (Esc cancels)").arg(seconds(m_model->elapsedMs()));
        break;
    case QueryModel::State::Done: {
        const qint64 count = m_model->rowsKnown();
        const QString rows = !m_model->countKnown()
            ? tr("at least %1 rows (counting stopped to keep the file free; scroll down to count on)")
                  .arg(locale.toString(count))
            : (count == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(count)));
        text = tr("%1 · first rows in %2 · %3 in all")
                   .arg(rows, seconds(qMax<qint64>(0, m_model->firstPageMs())), seconds(m_model->elapsedMs()));
        if (m_model->columnCount() == 0)
            text = tr("Done in %1; the statement returns no columns.").arg(seconds(m_model->elapsedMs()));
        break;
    }
    case QueryModel::State::Cancelled:
        text = tr("Cancelled after %1.").arg(seconds(m_model->elapsedMs()));
        break;
    case QueryModel::State::Failed: {
        text = m_model->failure().message;
        style = QStringLiteral("color: #c62828;");
        break;
    }
    }
    m_status->setStyleSheet(style);
    m_status->setText(text);
}

} // namespace cwi
