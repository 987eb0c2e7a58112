#pragma once

// Conversations dock: inter-agent questions and answers, filterable by pending / answered and
// by agent, the selected one shown with links to its agents, initiative, phase and task.

#include "knowledge/namelookup.h"
#include "knowledgeviewbase.h"

class QComboBox;
class QLabel;
class QTableView;

namespace cwi {

class ConversationListModel;
class DocumentBrowser;

class ConversationsView : public KnowledgeViewBase
{
    Q_OBJECT
public:
    explicit ConversationsView(AppContext *ctx, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;

    ConversationListModel *model() const { return m_model; }
    DocumentBrowser *document() const { return m_document; }
    int pendingCount() const;
    QTableView *listView() const { return m_table; }
    QVector<EntityRef> selectedRefs() const; // the current conversation, for actions

public Q_SLOTS:
    void reload() override;
    void showConversation(const QString &conversationId);
    void showPending(); // "every pending question in one click"
    void showAgent(const QString &agentId);

private:
    struct Loaded
    {
        QVector<Conversation> conversations;
        NameMap names;
        Directory directory;
    };
    void applyFilters();
    void showCurrent();

    ConversationListModel *m_model;
    QComboBox *m_state;
    QComboBox *m_agents;
    QLabel *m_count;
    QTableView *m_table;
    DocumentBrowser *m_document;
    NameMap m_names;
    QString m_wantedId;
    QString m_wantedAgent;
};

} // namespace cwi
