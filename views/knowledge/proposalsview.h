#pragma once

// Proposals dock: proposals of an initiative or of an agent, filtered by status, with the
// selected one's markdown content rendered and its metadata pretty-printed.

#include "knowledge/namelookup.h"
#include "knowledgeviewbase.h"

class QComboBox;
class QLabel;
class QTableView;

namespace cwi {

class DocumentBrowser;
class ProposalListModel;

class ProposalsView : public KnowledgeViewBase
{
    Q_OBJECT
public:
    explicit ProposalsView(AppContext *ctx, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;

    ProposalListModel *model() const { return m_model; }
    DocumentBrowser *document() const { return m_document; }

public Q_SLOTS:
    void reload() override;
    void showInitiative(const QString &initiativeId); // clears the agent filter
    void showAgent(const QString &agentId); // clears the initiative filter
    void showProposal(const QString &proposalId);
    void setStatusFilter(const QString &status); // empty: all

private:
    struct Result
    {
        QVector<Proposal> proposals;
        NameMap names;
    };
    void loadProposals();
    void showCurrent();
    static void fill(
        QComboBox *combo, const QString &allLabel, const QVector<QPair<QString, QString>> &items, const QString &keep);

    ProposalListModel *m_model;
    QComboBox *m_initiatives;
    QComboBox *m_agents;
    QComboBox *m_status;
    QLabel *m_count;
    QTableView *m_table;
    DocumentBrowser *m_document;
    NameMap m_names;
    QString m_wantedProposal;
    QString m_wantedInitiative;
    QString m_wantedAgent;
};

} // namespace cwi
