#include "dependencysection.h"

#include "render/htmlwriter.h"
#include "render/inertdocument.h"
#include "statuscolors.h"
#include "tasktree/tasktreemodel.h"

#include <QCoreApplication>
#include <QUrl>

namespace cwi {

namespace {

const QString Status = QStringLiteral("status");

QString tableNoun(const QString &table, qsizetype n)
{
    const bool phase = table == QLatin1StringView("phases");
    return n == 1 ? (phase ? QCoreApplication::translate("DependencySection", "phase")
                           : QCoreApplication::translate("DependencySection", "task"))
                  : (phase ? QCoreApplication::translate("DependencySection", "phases")
                           : QCoreApplication::translate("DependencySection", "tasks"));
}

} // namespace

DependencySection::DependencySection(QWidget *parent)
    : QTextBrowser(parent)
{
    setDocument(new InertTextDocument(this)); // file content: loads nothing
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    setMinimumHeight(80);
    document()->setDocumentMargin(8);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        bool ok = false;
        const int n = url.path().toInt(&ok);
        if (url.scheme() == QLatin1StringView("link") && ok && n >= 0 && n < m_links.size())
            Q_EMIT entityActivated(m_links.at(n));
    });
    showFor(nullptr, {});
}

QString DependencySection::link(const QString &table, const QString &id, const QString &text)
{
    m_links.append({ table, id });
    return QStringLiteral("<a href=\"link:%1\">%2</a>").arg(m_links.size() - 1).arg(render::escaped(text));
}

QString DependencySection::badge(const QString &table, const QString &value) const
{
    const QColor color = statusColor(table, Status, value);
    return QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>")
        .arg(color.name(), render::escaped(statusLabel(table, Status, value)));
}

void DependencySection::showFor(const TaskTreeModel *model, const QModelIndex &index)
{
    m_links.clear();
    const QString table = index.isValid() ? index.data(TaskTreeModel::TableRole).toString() : QString();
    if (!model || table.isEmpty() || table == QLatin1StringView("initiatives")) {
        QString hint = tr("Select a task or phase to see what it waits on and what waits on it.");
        if (model && table == QLatin1StringView("initiatives"))
            hint = tr("<b>%1</b> — %2 of %3 tasks completed. %4<br>%5")
                       .arg(render::escaped(index.data(Qt::DisplayRole).toString()))
                       .arg(index.data(TaskTreeModel::ProgressDoneRole).toInt())
                       .arg(index.data(TaskTreeModel::ProgressTotalRole).toInt())
                       .arg(render::escaped(model->countsText(index)), hint);
        setHtml(QStringLiteral("<p style=\"color:gray\">%1</p>").arg(hint));
        return;
    }
    const QString id = index.data(TaskTreeModel::IdRole).toString();
    const QString status = index.data(TaskTreeModel::StatusRole).toString();
    const TaskDependencies &deps = model->dependencies();
    const bool isTask = table == QLatin1StringView("tasks");

    QString html
        = QStringLiteral("<p><b>%1</b> &nbsp;%2").arg(link(table, id, index.data().toString()), badge(table, status));
    const QString agentId = index.data(TaskTreeModel::AgentIdRole).toString();
    if (!agentId.isEmpty())
        html += tr(" &nbsp;· agent %1")
                    .arg(link(QStringLiteral("agents"), agentId, index.data(TaskTreeModel::AgentNameRole).toString()));
    const int total = index.data(TaskTreeModel::ProgressTotalRole).toInt();
    if (total > 0)
        html += tr(" &nbsp;· %1 of %2 %3 completed (%4)")
                    .arg(index.data(TaskTreeModel::ProgressDoneRole).toInt())
                    .arg(total)
                    .arg(isTask ? tr("sub-tasks") : tr("tasks"), render::escaped(model->countsText(index)));
    if (!isTask) {
        const int comments = model->snapshot().unresolvedCommentsByPhase.value(id);
        if (comments > 0)
            html += tr(" &nbsp;· <span style=\"color:%1\">%2 unresolved review comment(s)</span>")
                        .arg(statusColor(table, Status, QStringLiteral("pending_review")).name())
                        .arg(comments);
    }
    html += QStringLiteral("</p>");

    // Only rows that have not started are "waiting"; a phase in review waits on people, not on work.
    const bool waiting = status == QLatin1StringView("pending") || status == QLatin1StringView("blocked")
        || status == QLatin1StringView("approved");
    const QString reason = deps.waitReason(table, id);
    if (waiting && !reason.isEmpty())
        html += tr("<p style=\"color:%1\"><b>Why it waits:</b> %2</p>")
                    .arg(statusColor(table, Status, QStringLiteral("blocked")).name(), render::escaped(reason));
    else if (waiting)
        html += tr("<p><b>Why it waits:</b> nothing it depends on is unfinished; it is ready to start.</p>");

    auto list = [&](const QString &title, const QVector<DependencyItem> &items) {
        if (items.isEmpty()) {
            html += QStringLiteral("<p><b>%1:</b> <span style=\"color:gray\">%2</span></p>").arg(title, tr("none"));
            return;
        }
        html += QStringLiteral("<p><b>%1 %2 %3:</b><br>")
                    .arg(title)
                    .arg(items.size())
                    .arg(tableNoun(table, items.size()));
        QStringList entries;
        for (const DependencyItem &item : items) {
            if (item.missing)
                entries.append(tr("&nbsp;&nbsp;• %1 <i>(missing row)</i>").arg(render::escaped(item.id)));
            else
                entries.append(QStringLiteral("&nbsp;&nbsp;• %1 &nbsp;%2")
                                   .arg(link(item.table, item.id, item.name), badge(item.table, item.status)));
        }
        html += entries.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
    };
    list(tr("Depends on"), deps.dependsOn(table, id));
    list(tr("Needed by"), deps.dependents(table, id));
    setHtml(html);
}

} // namespace cwi
