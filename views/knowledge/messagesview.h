#pragma once

// Messages dock: agent <-> user message threads, newest thread first, with messages that still
// need a response highlighted and counted.

#include "knowledgeviewbase.h"

class QLabel;
class QPushButton;
class QTreeView;

namespace cwi {

class DocumentBrowser;
class MessageThreadModel;

class MessagesView : public KnowledgeViewBase
{
    Q_OBJECT
public:
    explicit MessagesView(AppContext *ctx, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;

    // Messages with requiresResponse set and status 'pending' (for the dashboard).
    int pendingResponseCount() const;
    MessageThreadModel *model() const { return m_model; }
    DocumentBrowser *document() const { return m_document; }

public Q_SLOTS:
    void reload() override;
    void showMessage(const QString &messageId);
    // Selects the next message that needs a response (wraps around).
    void showNextPending();

Q_SIGNALS:
    void pendingResponseCountChanged(int count);

private:
    void showCurrent();

    MessageThreadModel *m_model;
    QLabel *m_summary;
    QPushButton *m_nextPending;
    QTreeView *m_tree;
    DocumentBrowser *m_document;
    QString m_currentId;
    QString m_wantedId;
};

} // namespace cwi
