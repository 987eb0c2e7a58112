#include "knowledgeviewbase.h"

namespace cwi {

KnowledgeViewBase::KnowledgeViewBase(AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
{
    connect(ctx, &AppContext::dataChanged, this, [this] { reload(); });
    connect(ctx, &AppContext::databaseChanged, this, [this] { reload(); });
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
