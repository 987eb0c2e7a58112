#pragma once

// Chat sessions dock: the sessions of a phase or task (or of an initiative), and the selected
// session's messages as a conversation, with the change set an assistant message applied.

#include "knowledge/namelookup.h"
#include "knowledgeviewbase.h"

class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

namespace cwi {

class ChatSessionListModel;
class DocumentBrowser;

class ChatView : public KnowledgeViewBase
{
    Q_OBJECT
public:
    explicit ChatView(AppContext *ctx, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;

    ChatSessionListModel *model() const { return m_model; }
    DocumentBrowser *document() const { return m_document; }
    QString currentSessionId() const { return m_sessionId; }

public Q_SLOTS:
    void reload() override;
    // "phase" or "task" and its id: only that target's sessions.
    void showTarget(const QString &targetType, const QString &targetId);
    void showInitiative(const QString &initiativeId);
    void showSession(const QString &sessionId);

private:
    struct Sessions
    {
        QVector<ChatSession> sessions;
        NameMap names;
    };
    void loadSessions();
    void loadConversation(bool keepScroll);
    void updateScopeLabel();

    ChatSessionListModel *m_model;
    QComboBox *m_initiatives;
    QLabel *m_scope;
    QToolButton *m_clearScope;
    QTableView *m_table;
    DocumentBrowser *m_document;
    NameMap m_names;
    QString m_targetType;
    QString m_targetId;
    QString m_sessionId;
    QString m_wantedSession;
    QString m_wantedInitiative;
};

} // namespace cwi
