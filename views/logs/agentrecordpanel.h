#pragma once

// The agent's own row beside its log: status, mode, provider, account, task, initiative,
// worktree, pid, exit code, the prompt it was spawned with, result JSON and pending questions.
// Task and initiative are links: clicking one asks the window to show that row.

#include "transcript/logloader.h"

#include <QTextBrowser>

namespace cwi {

class AppContext;

class AgentRecordPanel : public QTextBrowser
{
    Q_OBJECT
public:
    explicit AgentRecordPanel(AppContext *ctx, QWidget *parent = nullptr);

    void showRecord(const AgentLogs &logs);
    void showMessage(const QString &message);

private:
    AppContext *m_ctx;
};

} // namespace cwi
