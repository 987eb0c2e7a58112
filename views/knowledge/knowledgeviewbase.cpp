#include "knowledgeviewbase.h"

#include <QHeaderView>
#include <QResizeEvent>
#include <QSplitter>

namespace cwi {

KnowledgeViewBase::KnowledgeViewBase(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
{
    connect(&m_jobs, &JobTracker::busyChanged, this, &KnowledgeViewBase::busyChanged);
    connect(ctx, &AppContext::dataChanged, this, &KnowledgeViewBase::onDataChanged);
    connect(ctx, &AppContext::databaseChanged, this, [this] { reload(); });
}

void KnowledgeViewBase::onDataChanged()
{
    if (isVisible())
        reload();
    else
        m_stale = true;
}

void KnowledgeViewBase::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        reload();
    }
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
