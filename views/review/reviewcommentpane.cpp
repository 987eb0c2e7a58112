#include "reviewcommentpane.h"

#include "diff/reviewcommentmodel.h"
#include "render/htmlwriter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace cwi {

using namespace Qt::StringLiterals;

ReviewCommentPane::ReviewCommentPane(ReviewCommentModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new ReviewCommentFilterModel(this))
    , m_state(new QComboBox(this))
    , m_file(new QComboBox(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_resolve(new QPushButton(tr("Resolve"), this))
    , m_unresolve(new QPushButton(tr("Unresolve"), this))
{
    m_summary->setTextFormat(Qt::PlainText); // text from the file, never markup
    setObjectName(u"reviewCommentPane"_s);
    m_filter->setSourceModel(model);
    m_state->addItem(tr("All comments"), int(ReviewCommentFilterModel::All));
    m_state->addItem(tr("Unresolved"), int(ReviewCommentFilterModel::Unresolved));
    m_state->addItem(tr("Resolved"), int(ReviewCommentFilterModel::Resolved));
    m_file->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_file->setMinimumContentsLength(12);

    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ReviewCommentModel::FileColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ReviewCommentModel::BodyColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(ReviewCommentModel::FileColumn, 150);
    m_view->setColumnWidth(ReviewCommentModel::LineColumn, 90);
    m_view->setColumnWidth(ReviewCommentModel::TypeColumn, 62);
    m_view->setColumnWidth(ReviewCommentModel::AuthorColumn, 52);
    m_view->setColumnWidth(ReviewCommentModel::AgeColumn, 76);
    m_view->setColumnWidth(ReviewCommentModel::ResolvedColumn, 62);
    m_view->header()->setMinimumSectionSize(40);
    // What was said comes right after where: the comment is what a reviewer scans for.
    m_view->header()->moveSection(ReviewCommentModel::BodyColumn, ReviewCommentModel::TypeColumn);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_state);
    filters->addWidget(m_file, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_resolve);
    buttons->addWidget(m_unresolve);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_state, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setStateFilter(ReviewCommentFilterModel::StateFilter(m_state->currentData().toInt())); });
    connect(m_file, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setFileFilter(m_file->currentData().toString()); });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT commentActivated(current.data(ReviewCommentModel::CommentIdRole).toString());
        });
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT commentActivated(index.data(ReviewCommentModel::CommentIdRole).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReviewCommentPane::updateButtons);
    connect(m_resolve, &QPushButton::clicked, this, [this] { Q_EMIT resolveRequested(selectedIds(), true); });
    connect(m_unresolve, &QPushButton::clicked, this, [this] { Q_EMIT resolveRequested(selectedIds(), false); });
    connect(model, &QAbstractItemModel::modelReset, this, &ReviewCommentPane::refresh);
    connect(model, &QAbstractItemModel::dataChanged, this, &ReviewCommentPane::refresh);
    refresh();
}

void ReviewCommentPane::setCanEdit(bool canEdit, const QString &whyNot)
{
    m_canEdit = canEdit;
    m_whyNot = whyNot;
    updateButtons();
}

void ReviewCommentPane::selectComment(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) { // hidden by the filters: show everything rather than lose it
        m_state->setCurrentIndex(0);
        m_file->setCurrentIndex(0);
        index = m_filter->mapFromSource(m_model->index(row, 0));
    }
    const QSignalBlocker blocker(m_view->selectionModel());
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    updateButtons();
}

QStringList ReviewCommentPane::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids << index.data(ReviewCommentModel::CommentIdRole).toString();
    return ids;
}

void ReviewCommentPane::refresh()
{
    const QVector<ReviewComment> &comments = m_model->comments();
    int unresolved = 0;
    int outdated = 0;
    QStringList files;
    for (int i = 0; i < comments.size(); ++i) {
        const ReviewComment &c = comments.at(i);
        unresolved += c.resolved ? 0 : 1;
        outdated += m_model->index(i, 0).data(ReviewCommentModel::OutdatedRole).toBool() ? 1 : 0;
        if (!files.contains(c.filePath))
            files << c.filePath;
    }
    files.sort();
    m_summary->setText(tr("%1 comments · %2 unresolved%3")
                           .arg(comments.size())
                           .arg(unresolved)
                           .arg(outdated ? tr(" · %1 outdated").arg(outdated) : QString()));
    const QString current = m_file->currentData().toString();
    const QSignalBlocker blocker(m_file);
    m_file->clear();
    m_file->addItem(tr("All files"), QString());
    for (const QString &f : std::as_const(files))
        m_file->addItem(f, f);
    m_file->setCurrentIndex(qMax(0, m_file->findData(current)));
    m_filter->setFileFilter(m_file->currentData().toString());
    updateButtons();
}

void ReviewCommentPane::updateButtons()
{
    bool anyOpen = false;
    bool anyResolved = false;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const bool resolved = index.data(ReviewCommentModel::ResolvedRole).toBool();
        anyOpen |= !resolved;
        anyResolved |= resolved;
    }
    m_resolve->setEnabled(m_canEdit && anyOpen);
    m_unresolve->setEnabled(m_canEdit && anyResolved);
    const QString tip = m_canEdit ? QString() : render::plainToolTip(m_whyNot);
    m_resolve->setToolTip(tip.isEmpty() ? tr("Resolve the selected comments") : tip);
    m_unresolve->setToolTip(tip.isEmpty() ? tr("Reopen the selected comments") : tip);
}

} // namespace cwi
