#include "knowledgeviewbase.h"

#include "reloadwhenshown.h"

#include <QHeaderView>
#include <QResizeEvent>
#include <QSplitter>

namespace cwi {

KnowledgeViewBase::KnowledgeViewBase(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
{
    connect(&m_jobs, &JobTracker::busyChanged, this, &KnowledgeViewBase::busyChanged);
    // A change or a new file while hidden (a tabbed-away dock) is read when the view is shown
    // again, so neither a busy server nor a large file makes every closed dock read its tables.
    auto *refresh = new ReloadWhenShown(this, [this] { reload(); });
    connect(ctx, &AppContext::dataChanged, refresh, &ReloadWhenShown::request);
    connect(ctx, &AppContext::databaseChanged, refresh, &ReloadWhenShown::request);
}

void KnowledgeViewBase::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_narrow = event->size().width() < 760;
    if (m_adaptive && m_adaptive->orientation() != (m_narrow ? Qt::Vertical : Qt::Horizontal))
        m_adaptive->setOrientation(m_narrow ? Qt::Vertical : Qt::Horizontal);
    if (m_adaptiveHeader)
        setAdaptiveColumn(m_adaptiveHeader, m_adaptiveColumn, m_narrowWidth);
}

void KnowledgeViewBase::setAdaptiveColumn(QHeaderView *header, int column, int narrowWidth)
{
    m_adaptiveHeader = header;
    m_adaptiveColumn = column;
    m_narrowWidth = narrowWidth;
    const QHeaderView::ResizeMode mode = m_narrow ? QHeaderView::Interactive : QHeaderView::Stretch;
    if (header->sectionResizeMode(column) == mode)
        return;
    header->setSectionResizeMode(column, mode);
    if (m_narrow)
        header->resizeSection(column, narrowWidth);
}

} // namespace cwi
