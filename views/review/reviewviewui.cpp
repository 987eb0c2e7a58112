// ReviewView's widgets and their connections: header (title, project, base/head), file list,
// the diff with its delegate, the comment pane, and the keyboard.

#include "reviewview.h"

#include "appcontext.h"
#include "database.h"
#include "diff/difffilelistmodel.h"
#include "diff/diffmodel.h"
#include "diff/reviewcommentmodel.h"
#include "diff/reviewsession.h"
#include "diffdelegate.h"
#include "reviewcommentpane.h"
#include "writes/actions.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {
enum Page
{
    MessagePage,
    ContentPage
};
} // namespace

void ReviewView::buildUi()
{
    m_title = new QLabel(this);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_project = new QComboBox(this);
    m_project->setToolTip(u"Project (repository) of the initiative"_s);
    m_base = new QComboBox(this);
    m_head = new QComboBox(this);
    for (QComboBox *box : { m_base, m_head }) {
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMinimumContentsLength(18);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    m_base->setToolTip(u"Base: a branch, tag or commit. Remembered for this phase."_s);
    m_head->setToolTip(u"Head: a branch, tag or commit. Remembered for this phase."_s);
    m_baseOrigin = new QLabel(this);
    m_baseOrigin->setStyleSheet(u"color: #656d76;"_s);
    m_compare = new QPushButton(u"Compare"_s, this);
    m_defaults = new QPushButton(u"Defaults"_s, this);
    m_defaults->setToolTip(u"Forget the refs chosen for this phase: phase merge base (or merge-base of the default "
                           "branch) against the initiative branch"_s);
    m_summary = new QLabel(this);
    m_readOnly = new QLabel(this);
    m_readOnly->setStyleSheet(u"color: #9a6700;"_s);
    // Long lines wrap instead of widening the window past small screens.
    for (QLabel *label : { m_subtitle, m_baseOrigin, m_readOnly })
        label->setWordWrap(true);
    for (QComboBox *box : { m_project, m_base, m_head }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }

    auto *refs = new QHBoxLayout;
    refs->addWidget(m_project);
    refs->addSpacing(8);
    refs->addWidget(new QLabel(u"Base"_s, this));
    refs->addWidget(m_base);
    refs->addWidget(new QLabel(u"…"_s, this));
    refs->addWidget(new QLabel(u"Head"_s, this));
    refs->addWidget(m_head);
    refs->addWidget(m_compare);
    refs->addWidget(m_defaults);
    refs->addWidget(m_baseOrigin, 1);
    auto *status = new QHBoxLayout;
    status->addWidget(m_summary, 1);
    status->addWidget(m_readOnly);

    // The message page: loading, failures, and "needs a folder" with its button.
    auto *messagePage = new QWidget(this);
    m_message = new QLabel(messagePage);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseFolder = new QPushButton(u"Choose clone folder…"_s, messagePage);
    auto *messageLayout = new QVBoxLayout(messagePage);
    messageLayout->addStretch(1);
    messageLayout->addWidget(m_message);
    messageLayout->addWidget(m_chooseFolder, 0, Qt::AlignHCenter);
    messageLayout->addStretch(2);

    m_fileFilter->setSourceModel(m_session->fileModel());
    m_fileFilter->setFilterKeyColumn(DiffFileListModel::PathColumn);
    m_fileFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setPlaceholderText(u"Filter files"_s);
    m_filterEdit->setClearButtonEnabled(true);
    m_fileView = new QTreeView(this);
    m_fileView->setModel(m_fileFilter);
    m_fileView->setRootIsDecorated(false);
    m_fileView->setUniformRowHeights(true);
    m_fileView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fileView->setTextElideMode(Qt::ElideMiddle); // the file name matters more than its folders
    m_fileView->header()->setStretchLastSection(false);
    m_fileView->header()->setSectionResizeMode(DiffFileListModel::PathColumn, QHeaderView::Stretch);
    m_fileView->hideColumn(DiffFileListModel::StatusColumn);
    for (int c : { int(DiffFileListModel::AddedColumn), int(DiffFileListModel::RemovedColumn),
             int(DiffFileListModel::CommentsColumn) })
        m_fileView->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    auto *files = new QWidget(this);
    auto *filesLayout = new QVBoxLayout(files);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    filesLayout->addWidget(m_filterEdit);
    filesLayout->addWidget(m_fileView, 1);

    m_fileHeader = new QLabel(this);
    m_fileHeader->setTextFormat(Qt::RichText);
    m_fileHeader->setStyleSheet(u"QLabel { background: #f6f8fa; border: 1px solid #d0d7de; padding: 6px; }"_s);
    m_diffView = new QListView(this);
    m_diffView->setModel(m_diff);
    m_delegate = new DiffDelegate(m_diffView);
    m_diffView->setItemDelegate(m_delegate);
    m_diffView->setUniformItemSizes(false);
    m_diffView->setResizeMode(QListView::Adjust);
    m_diffView->setLayoutMode(QListView::Batched);
    m_diffView->setBatchSize(2000);
    m_diffView->setMouseTracking(true);
    m_diffView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_diffView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A scroll bar that comes and goes would change the width comment cards were wrapped for.
    m_diffView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_diffView->setSpacing(0);
    m_diffView->viewport()->installEventFilter(this);
    m_diffView->setStyleSheet(u"QListView { background: white; border: 1px solid #d0d7de; border-top: none; }"_s);
    auto *diffPane = new QWidget(this);
    auto *diffLayout = new QVBoxLayout(diffPane);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->setSpacing(0);
    diffLayout->addWidget(m_fileHeader);
    diffLayout->addWidget(m_diffView, 1);

    m_pane = new ReviewCommentPane(m_session->commentModel(), this);

    // The pane sits under the diff, where its columns have room; the main window may dock it.
    // Loading, failures and "needs a folder" replace the diff only: the pane keeps listing comments.
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(messagePage);
    m_stack->addWidget(diffPane);
    auto *center = new QSplitter(Qt::Vertical, this);
    center->addWidget(m_stack);
    center->addWidget(m_pane);
    center->setStretchFactor(0, 1);
    center->setStretchFactor(1, 0);
    center->setSizes({ 560, 200 });
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(files);
    splitter->addWidget(center);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 300, 1300 });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addLayout(refs);
    layout->addLayout(status);
    layout->addWidget(splitter, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_fileFilter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_fileView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                showFile(current.data(DiffFileListModel::FileIndexRole).toInt());
        });
    connect(m_project, &QComboBox::activated, m_session, &ReviewSession::selectProject);
    connect(m_compare, &QPushButton::clicked, this, &ReviewView::applyRefs);
    connect(m_base->lineEdit(), &QLineEdit::returnPressed, this, &ReviewView::applyRefs);
    connect(m_head->lineEdit(), &QLineEdit::returnPressed, this, &ReviewView::applyRefs);
    connect(m_defaults, &QPushButton::clicked, this, [this] { m_session->setRefs({}, {}); });
    connect(m_chooseFolder, &QPushButton::clicked, this, &ReviewView::chooseFolder);
    connect(m_pane, &ReviewCommentPane::commentActivated, this, &ReviewView::revealComment);
    connect(m_pane, &ReviewCommentPane::resolveRequested, this, &ReviewView::resolve);
    connect(m_delegate, &DiffDelegate::expandRequested, m_diff, &DiffModel::expand);
    connect(m_delegate, &DiffDelegate::gutterClicked, this, [this](const QModelIndex &index) {
        if (canEdit())
            addCommentAtRow(index.row());
    });
    connect(m_delegate, &DiffDelegate::commentAction, this,
        [this](const QModelIndex &index, DiffDelegate::CommentAction action) {
            const QString id = index.data(DiffModel::CommentIdRole).toString();
            switch (action) {
            case DiffDelegate::CommentAction::Toggle:
                m_diff->setCommentExpanded(id, !index.data(DiffModel::ExpandedRole).toBool());
                m_diffView->doItemsLayout();
                break;
            case DiffDelegate::CommentAction::Resolve:
                resolve({ id }, true);
                break;
            case DiffDelegate::CommentAction::Unresolve:
                resolve({ id }, false);
                break;
            case DiffDelegate::CommentAction::Edit:
                editComment(id);
                break;
            case DiffDelegate::CommentAction::Delete:
                deleteComment(id);
                break;
            case DiffDelegate::CommentAction::None:
                break;
            }
        });
    // Keyboard: C (or Enter on a line) comments the current line; Enter shows a collapsed diff.
    auto *comment = new QShortcut(QKeySequence(Qt::Key_C), m_diffView, nullptr, nullptr, Qt::WidgetShortcut);
    connect(comment, &QShortcut::activated, this, [this] {
        const QModelIndex current = m_diffView->currentIndex();
        if (current.isValid() && canEdit())
            addCommentAtRow(current.row());
    });
    // Alt+Down / Alt+Up: next / previous file, wherever the focus is in the review.
    const auto stepFile = [this](int step) {
        const QModelIndex current = m_fileView->currentIndex();
        const int row = current.isValid() ? current.row() + step : 0;
        const QModelIndex next = m_fileFilter->index(row, 0);
        if (next.isValid())
            m_fileView->setCurrentIndex(next);
    };
    auto *nextFile
        = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(nextFile, &QShortcut::activated, this, [stepFile] { stepFile(1); });
    auto *previousFile
        = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(previousFile, &QShortcut::activated, this, [stepFile] { stepFile(-1); });
    connect(m_diffView, &QListView::activated, this, [this](const QModelIndex &index) {
        const auto kind = DiffModel::RowKind(index.data(DiffModel::RowKindRole).toInt());
        if (kind == DiffModel::CollapsedRow)
            m_diff->expand();
        else if (kind == DiffModel::LineRow && canEdit())
            addCommentAtRow(index.row());
    });
}

} // namespace cwi
