#include "filesview.h"
#include "viewnames.h"

#include "elidedlabel.h"
#include "insight/insightindex.h"
#include "reloadwhenshown.h"
#include "render/htmlwriter.h"

#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
enum EditRole
{
    AgentRole = Qt::UserRole + 1,
    SessionRole,
    LineRole,
};
constexpr int kTopFiles = 500;
} // namespace

FilesView::FilesView(AppContext *context, InsightIndex *index, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_index(index)
    , m_initiative(new QComboBox(this))
    , m_files(new QTreeWidget(this))
    , m_editsTitle(new ElidedLabel(tr("Select a file to list its edits."), this))
    , m_edits(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("filesView"));
    connect(&m_jobs, &JobTracker::busyChanged, this, &FilesView::busyChanged);
    m_initiative->addItem(tr("Every initiative"), QString());
    m_initiative->setToolTip(tr("Files touched by the agents of this initiative"));
    m_initiative->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_initiative->setMinimumContentsLength(20);
    m_files->setHeaderLabels({ tr("File"), tr("Edits"), tr("Reads"), tr("Sessions") });
    m_files->setRootIsDecorated(false);
    m_files->setUniformRowHeights(true);
    m_files->setSortingEnabled(true);
    m_files->setAlternatingRowColors(true);
    m_files->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c <= 3; ++c)
        m_files->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_files->header()->setStretchLastSection(false);
    m_files->setTextElideMode(Qt::ElideMiddle); // the file name is at the end of a long path
    m_files->setToolTip(tr("Files by how often agents edited and read them; select one to list its edits"));
    m_edits->setHeaderLabels({ tr("Time"), tr("Agent"), tr("Session"), tr("Tool"), tr("Initiative") });
    m_edits->setRootIsDecorated(false);
    m_edits->setUniformRowHeights(true);
    m_edits->setAlternatingRowColors(true);
    m_edits->setToolTip(tr("Enter or double click: open the diff in the transcript"));
    m_edits->header()->setStretchLastSection(true);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_editsTitle);
    lowerLayout->addWidget(m_edits, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_files);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_initiative);
    layout->addWidget(splitter, 1);

    connect(m_initiative, &QComboBox::activated, this, &FilesView::reload);
    connect(m_files, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showEdits(item->text(0));
    });
    connect(m_edits, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openEdit(item); });
    auto *refresh = new ReloadWhenShown(this, [this] {
        refreshInitiatives();
        reload();
    });
    connect(m_index, &InsightIndex::updated, refresh, &ReloadWhenShown::request);
    refresh->request();
}

void FilesView::refreshInitiatives()
{
    const InsightReader reader = m_index->reader();
    m_jobs.run(
        kInitiativesChannel, [reader] { return reader.initiatives(); },
        [this](const QVector<QPair<QString, QString>> &initiatives) {
            const QString current = m_initiative->currentData().toString();
            m_initiative->clear();
            m_initiative->addItem(tr("Every initiative"), QString());
            for (const auto &[id, name] : initiatives)
                m_initiative->addItem(name, id);
            m_initiative->setCurrentIndex(qMax(0, m_initiative->findData(current)));
        });
}

void FilesView::reload()
{
    const InsightReader reader = m_index->reader();
    const QString initiative = m_initiative->currentData().toString();
    m_jobs.run(
        kFilesChannel, [reader, initiative] { return reader.topFiles(initiative, kTopFiles); },
        [this](const QVector<FileStat> &files) {
            const QString current = m_files->currentItem() ? m_files->currentItem()->text(0) : QString();
            m_files->setSortingEnabled(false);
            m_files->clear();
            QList<QTreeWidgetItem *> items;
            for (const FileStat &f : files) {
                auto *item = new QTreeWidgetItem;
                item->setText(0, f.path);
                item->setToolTip(0, render::plainToolTip(f.path));
                item->setData(1, Qt::DisplayRole, f.edits);
                item->setData(2, Qt::DisplayRole, f.reads);
                item->setData(3, Qt::DisplayRole, f.sessions);
                for (int c = 1; c <= 3; ++c)
                    item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
                items.append(item);
            }
            m_files->addTopLevelItems(items);
            m_files->setSortingEnabled(true);
            m_files->sortByColumn(1, Qt::DescendingOrder);
            for (QTreeWidgetItem *item : std::as_const(items)) {
                if (item->text(0) == current)
                    m_files->setCurrentItem(item);
            }
            if (items.isEmpty() && !m_index->hasFacts())
                m_editsTitle->setFullText(m_index->notReadyText()); // an empty list is not "no files"
            else if (!m_files->currentItem())
                m_editsTitle->setFullText(tr("Select a file to list its edits."));
        });
}

void FilesView::showEdits(const QString &path)
{
    const InsightReader reader = m_index->reader();
    m_jobs.run(
        kEditsChannel, [reader, path] { return reader.fileEdits(path); },
        [this, path](const QVector<FileEdit> &edits) {
            m_editsTitle->setFullText(tr("%n edit(s) of %1", nullptr, int(edits.size())).arg(path));
            m_edits->clear();
            const QLocale locale;
            for (const FileEdit &e : edits) {
                auto *item = new QTreeWidgetItem(m_edits);
                item->setText(0,
                    e.atMs > 0 ? locale.toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat)
                               : QString());
                item->setText(1, e.agentName);
                item->setText(2, QString::number(e.sessionNumber));
                item->setText(3, e.tool);
                item->setText(4, e.initiativeName);
                item->setData(0, AgentRole, e.agentId);
                item->setData(0, SessionRole, e.sessionNumber);
                item->setData(0, LineRole, e.line);
            }
            for (int c = 0; c < 4; ++c)
                m_edits->resizeColumnToContents(c);
        });
}

void FilesView::openEdit(QTreeWidgetItem *item)
{
    if (!item)
        return;
    m_context->navigate({ u"agent_log"_s,
        u"%1/%2/%3"_s.arg(item->data(0, AgentRole).toString())
            .arg(item->data(0, SessionRole).toLongLong())
            .arg(item->data(0, LineRole).toLongLong()) });
}

Pane::Info FilesView::paneInfo() const
{
    return { QStringLiteral("filesPage"), tr("Files"), QKeySequence(Qt::CTRL | Qt::Key_5), Place::Page,
        tr("Files agents read and edited most (Ctrl+5)"), tr("&Files"), viewName(ViewName::Files) };
}

} // namespace cwi
