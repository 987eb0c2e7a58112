#include "proposalsview.h"
#include "viewnames.h"

#include "documentbrowser.h"
#include "knowledge/knowledgereader.h"
#include "knowledge/proposallistmodel.h"
#include "render/htmlwriter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
enum Channel
{
    DirectoryChannel,
    ProposalsChannel,
    LocateChannel
};
}

ProposalsView::ProposalsView(AppContext *ctx, QWidget *parent)
    : KnowledgeViewBase(ctx, parent)
    , m_model(new ProposalListModel(this))
    , m_initiatives(new QComboBox(this))
    , m_agents(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_document(new DocumentBrowser(ctx, this))
{
    m_count->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(u"ProposalsView"_s);
    m_status->addItem(tr("Any status"), QString());
    for (const QString &status : { u"pending"_s, u"accepted"_s, u"dismissed"_s })
        m_status->addItem(status, status);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setAdaptiveColumn(m_table->horizontalHeader(), ProposalListModel::TitleColumn, 240);
    m_table->horizontalHeader()->setSectionResizeMode(ProposalListModel::TargetColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(ProposalListModel::TargetColumn, 150);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_initiatives, 2);
    bar->addWidget(m_agents, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_count);
    auto *splitter = new QSplitter(this);
    setAdaptiveSplitter(splitter);
    splitter->addWidget(m_table);
    splitter->addWidget(m_document);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_initiatives, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_initiatives->currentData().toString().isEmpty()) {
            const QSignalBlocker blocker(m_agents);
            m_agents->setCurrentIndex(0);
        }
        loadProposals();
    });
    connect(m_agents, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_agents->currentData().toString().isEmpty()) {
            const QSignalBlocker blocker(m_initiatives);
            m_initiatives->setCurrentIndex(0);
        }
        loadProposals();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setStatusFilter(m_status->currentData().toString());
        m_count->setText(tr("%1 shown").arg(m_model->rowCount()));
        showCurrent();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showCurrent(); });
    reload();
}

void ProposalsView::fill(
    QComboBox *combo, const QString &allLabel, const QVector<QPair<QString, QString>> &items, const QString &keep)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(allLabel, QString());
    for (const auto &[id, name] : items)
        combo->addItem(name, id);
    combo->setCurrentIndex(qMax(0, combo->findData(keep)));
}

void ProposalsView::reload()
{
    load<Directory>(
        DirectoryChannel, [](std::shared_ptr<Database> db) { return readDirectory(db); },
        [this](const Directory &directory) {
            fill(m_initiatives, tr("All initiatives"), directory.initiatives,
                m_wantedInitiative.isEmpty() ? m_initiatives->currentData().toString() : m_wantedInitiative);
            fill(m_agents, tr("All agents"), directory.agents,
                m_wantedAgent.isEmpty() ? m_agents->currentData().toString() : m_wantedAgent);
            m_wantedInitiative.clear();
            m_wantedAgent.clear();
            loadProposals();
        });
}

void ProposalsView::showInitiative(const QString &initiativeId)
{
    m_wantedInitiative = initiativeId;
    m_wantedAgent.clear();
    const int index = m_initiatives->findData(initiativeId);
    if (index >= 0)
        m_initiatives->setCurrentIndex(index);
}

void ProposalsView::showAgent(const QString &agentId)
{
    m_wantedAgent = agentId;
    m_wantedInitiative.clear();
    const int index = m_agents->findData(agentId);
    if (index >= 0)
        m_agents->setCurrentIndex(index);
}

void ProposalsView::setStatusFilter(const QString &status)
{
    m_status->setCurrentIndex(qMax(0, m_status->findData(status)));
}

void ProposalsView::showProposal(const QString &proposalId)
{
    m_wantedProposal = proposalId;
    load<std::optional<Proposal>>(
        LocateChannel, [proposalId](std::shared_ptr<Database> db) { return KnowledgeReader(db).proposal(proposalId); },
        [this](const std::optional<Proposal> &proposal) {
            if (!proposal)
                return;
            if (m_model->rowOf(proposal->id) >= 0) {
                m_table->selectRow(m_model->rowOf(proposal->id));
                return;
            }
            setStatusFilter(QString());
            showInitiative(proposal->initiativeId); // reloads and then selects m_wantedProposal
            loadProposals();
        });
}

void ProposalsView::loadProposals()
{
    const QString initiativeId
        = m_wantedInitiative.isEmpty() ? m_initiatives->currentData().toString() : m_wantedInitiative;
    const QString agentId = m_wantedAgent.isEmpty() ? m_agents->currentData().toString() : m_wantedAgent;
    load<Result>(
        ProposalsChannel,
        [initiativeId, agentId](std::shared_ptr<Database> db) {
            Result result;
            result.proposals = KnowledgeReader(db).proposals(initiativeId, agentId);
            NameRequest request;
            for (const Proposal &p : std::as_const(result.proposals)) {
                request.agents.insert(p.agentId);
                request.initiatives.insert(p.initiativeId);
                if (p.targetType == "page"_L1)
                    request.pages.insert(p.targetId);
                else
                    (p.targetType == "phase"_L1 ? request.phases : request.tasks).insert(p.targetId);
            }
            result.names = lookupNames(db, request);
            return result;
        },
        [this](const Result &result) {
            const QString keep = m_wantedProposal.isEmpty()
                ? m_table->currentIndex().data(ProposalListModel::IdRole).toString()
                : m_wantedProposal;
            m_names = result.names;
            m_model->setProposals(result.proposals, m_names);
            m_count->setText(tr("%1 shown").arg(m_model->rowCount()));
            const int row = m_model->rowOf(keep);
            if (row >= 0)
                m_wantedProposal.clear();
            if (m_model->rowCount() > 0)
                m_table->selectRow(qMax(0, row));
            showCurrent();
        });
}

void ProposalsView::showCurrent()
{
    const Proposal *p = m_model->proposal(m_table->currentIndex().row());
    if (!p) {
        m_document->showHtml(render::noteHtml(
            m_model->rowCount() == 0 ? tr("No proposals match the filters.") : tr("Select a proposal to read it.")));
        return;
    }
    m_document->showHtml(proposalHtml(*p, m_names));
}

Pane::Info ProposalsView::paneInfo() const
{
    return { QStringLiteral("proposalsDock"), tr("Proposals"), QKeySequence(Qt::ALT | Qt::Key_6), Place::BottomDock, {},
        {}, viewName(ViewName::Proposals) };
}

Pane::Fit ProposalsView::canShow(const EntityRef &ref) const
{
    if (ref.id.isEmpty())
        return CannotShow;
    if (ref.table == u"initiatives")
        return Follows; // its list shows the initiative's
    return ref.table == u"proposals" ? Shows : CannotShow;
}

void ProposalsView::showEntity(const EntityRef &ref)
{
    if (ref.table == u"initiatives")
        showInitiative(ref.id);
    else
        showProposal(ref.id);
}

bool ProposalsView::showView(const QStringList &args, EntityRef *, QString *)
{
    if (args.size() > 1)
        return false;
    if (args.size() == 1)
        showProposal(args.first());
    return true;
}

} // namespace cwi
