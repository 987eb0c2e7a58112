#include "knowledgeviewbase.h"

namespace cwi {

KnowledgeViewBase::KnowledgeViewBase(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
{
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

void KnowledgeViewBase::startOne()
{
    if (m_inFlight++ == 0)
        Q_EMIT busyChanged(true);
}

void KnowledgeViewBase::finishOne()
{
    if (--m_inFlight == 0)
        Q_EMIT busyChanged(false);
}

} // namespace cwi
