#include "indexstatus.h"

#include "insight/insightindex.h"
#include "render/htmlwriter.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSettings>
#include <QToolButton>

namespace cwi {

IndexStatus::IndexStatus(InsightIndex *index, QWidget *parent)
    : QWidget(parent)
    , m_index(index)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(110);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop indexing the logs (it goes on from here with the next change, or View > Index "
                            "agent logs)"));
    m_cancel->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, m_index, &InsightIndex::cancel);
    connect(m_index, &InsightIndex::busyChanged, this, &IndexStatus::update);
    connect(m_index, &InsightIndex::progressChanged, this, &IndexStatus::update);
    connect(m_index, &InsightIndex::updated, this, &IndexStatus::update);
    update();
}

QString IndexStatus::text() const
{
    return m_label->text();
}

void IndexStatus::update()
{
    const bool busy = m_index->isBusy();
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    setVisible(m_index->isEnabled());
    if (busy) {
        m_progress->setValue(m_index->progressPermille());
        m_label->setText(m_index->isTextPass() ? tr("Indexing log text %1%").arg(m_index->progressPermille() / 10)
                                               : tr("Indexing logs %1%").arg(m_index->progressPermille() / 10));
    } else if (!m_index->lastError().isEmpty()) {
        m_label->setText(tr("Index: failed"));
    } else if (m_index->lastRun().cancelled) {
        m_label->setText(tr("Index: stopped"));
    } else {
        m_label->setText(m_index->hasText() ? tr("Index: up to date") : QString());
    }
    const InsightRunResult &run = m_index->lastRun();
    QString tip
        = tr("Insight index of the agent logs (search, files, activity, timeline).\nKept in %1\n(deleting it is "
             "safe: it is rebuilt).")
              .arg(m_index->sidecarPath());
    if (run.chunks > 0)
        tip += tr("\nLast run: %1 chunks, %2 in %3 s")
                   .arg(run.chunks)
                   .arg(QLocale().formattedDataSize(run.bytes))
                   .arg(run.seconds, 0, 'f', 1);
    if (!m_index->lastError().isEmpty())
        tip += u'\n' + m_index->lastError();
    m_label->setToolTip(render::plainToolTip(tip));
}

QAction *IndexStatus::createSwitch(InsightIndex *index, QSettings *settings, QObject *parent)
{
    const QString key = QStringLiteral("insight/enabled");
    index->setEnabled(settings->value(key, true).toBool());
    auto *toggle = new QAction(tr("Index agent &logs"), parent);
    toggle->setCheckable(true);
    toggle->setChecked(index->isEnabled());
    toggle->setToolTip(tr("Keep an index of every agent log in the cache folder (search, files, activity, timeline, "
                          "the dashboard's cost card)"));
    connect(toggle, &QAction::toggled, index, [index, settings, key](bool on) {
        settings->setValue(key, on);
        index->setEnabled(on);
    });
    return toggle;
}

} // namespace cwi
