#include "reviewdiffpane.h"

#include "diff/diffmodel.h"
#include "diffdelegate.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QResizeEvent>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace cwi {

using namespace Qt::StringLiterals;

ReviewDiffPane::ReviewDiffPane(DiffModel *diff, QWidget *parent)
    : QWidget(parent)
    , m_filesToggle(new QToolButton(this))
    , m_header(new QLabel(this))
    , m_narrowHint(new QLabel(this))
    , m_sideBySide(new QCheckBox(tr("Side by side"), this))
    , m_wrap(new QCheckBox(tr("Wrap lines"), this))
    , m_wholeFile(new QPushButton(tr("Whole file"), this))
    , m_viewed(new QCheckBox(tr("Viewed"), this))
    , m_commentsToggle(new QToolButton(this))
    , m_view(new QListView(this))
    , m_delegate(new DiffDelegate(m_view))
{
    m_filesToggle->setObjectName(u"fileTreeToggle"_s);
    m_filesToggle->setText(tr("Files"));
    m_filesToggle->setCheckable(true);
    m_filesToggle->setChecked(true);
    m_filesToggle->setToolTip(tr("Show or hide the file tree (T; remembered)"));
    m_commentsToggle->setObjectName(u"commentListToggle"_s);
    m_commentsToggle->setText(tr("Comments"));
    m_commentsToggle->setCheckable(true);
    m_commentsToggle->setChecked(true);
    m_commentsToggle->setToolTip(tr("Show or hide the comment list under the diff (L; remembered)"));
    m_narrowHint->setObjectName(u"sideBySideHint"_s);
    m_narrowHint->setTextFormat(Qt::PlainText);
    m_narrowHint->setWordWrap(true);
    m_narrowHint->setStyleSheet(
        u"QLabel { color: #9a6700; background: #fff8c5; border: 1px solid #d0d7de; border-top: none; padding: 2px 6px; }"_s);
    m_narrowHint->hide();
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_sideBySide->setObjectName(u"sideBySideToggle"_s);
    m_sideBySide->setToolTip(tr("Old and new side by side instead of one unified column (remembered)"));
    m_wrap->setObjectName(u"wrapToggle"_s);
    m_wrap->setToolTip(tr("Wrap long lines instead of cutting them at the edge (remembered)"));
    m_wholeFile->setObjectName(u"wholeFileButton"_s);
    m_wholeFile->setToolTip(tr("Show the unchanged lines too: the whole file at the head (git show)"));
    m_viewed->setObjectName(u"viewedToggle"_s);
    m_viewed->setToolTip(tr("Mark this file as read (kept until its content changes)"));
    m_bar = new QWidget(this);
    m_bar->setObjectName(u"reviewFileBar"_s);
    m_bar->setStyleSheet(u"#reviewFileBar { background: #f6f8fa; border: 1px solid #d0d7de; }"_s);
    m_barLayout = new QGridLayout(m_bar);
    m_barLayout->setContentsMargins(6, 4, 6, 4);
    m_barLayout->setVerticalSpacing(2);
    m_barLayout->setColumnStretch(1, 1);
    m_bar->installEventFilter(this);
    arrangeBar();

    m_view->setModel(diff);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(false);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(2000);
    m_view->setMouseTracking(true);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A scroll bar that comes and goes would change the width comment cards were wrapped for.
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_view->setSpacing(0);
    m_view->viewport()->installEventFilter(this);
    m_view->setStyleSheet(u"QListView { background: white; border: 1px solid #d0d7de; border-top: none; }"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(m_narrowHint);
    layout->addWidget(m_view, 1);

    connect(m_viewed, &QCheckBox::toggled, this, &ReviewDiffPane::viewedToggled);
    connect(m_sideBySide, &QCheckBox::toggled, this, &ReviewDiffPane::sideBySideToggled);
    connect(m_wrap, &QCheckBox::toggled, this, [this](bool on) {
        m_delegate->setWrapLines(on);
        m_view->doItemsLayout();
        Q_EMIT wrapToggled(on);
    });
    connect(m_wholeFile, &QPushButton::clicked, this, &ReviewDiffPane::wholeFileRequested);
    connect(m_filesToggle, &QToolButton::toggled, this, &ReviewDiffPane::fileTreeToggled);
    connect(m_commentsToggle, &QToolButton::toggled, this, &ReviewDiffPane::commentListToggled);
}

void ReviewDiffPane::setCommentListShown(bool shown)
{
    const QSignalBlocker block(m_commentsToggle);
    m_commentsToggle->setChecked(shown);
}

void ReviewDiffPane::setFileTreeShown(bool shown)
{
    const QSignalBlocker block(m_filesToggle);
    m_filesToggle->setChecked(shown);
}

void ReviewDiffPane::setNarrowHint(const QString &text)
{
    m_narrowHint->setText(text);
    m_narrowHint->setVisible(!text.isEmpty());
}

QString ReviewDiffPane::narrowHint() const
{
    return m_narrowHint->text();
}

void ReviewDiffPane::setFileHeader(const QString &html)
{
    m_header->setText(html);
    arrangeBar();
}

// The file's path, status and counts beside the toggles while they fit on one line; on a narrow
// pane (1024 px with the file tree shown, a rename's two paths) on a line of their own above
// them, rather than broken over three lines between them.
void ReviewDiffPane::arrangeBar()
{
    QTextDocument header;
    header.setDefaultFont(m_header->font());
    header.setHtml(m_header->text());
    int needed = int(std::ceil(header.idealWidth())) + m_filesToggle->sizeHint().width();
    const QList<QWidget *> controls { m_sideBySide, m_wrap, m_wholeFile, m_viewed, m_commentsToggle };
    for (QWidget *w : controls)
        needed += w->sizeHint().width() + m_barLayout->horizontalSpacing();
    const QMargins margins = m_barLayout->contentsMargins();
    const bool twoRows = m_bar->width() - margins.left() - margins.right() < needed;
    if (m_barLayout->count() > 0 && twoRows == m_barTwoRows)
        return;
    m_barTwoRows = twoRows;
    m_barLayout->addWidget(m_filesToggle, 0, 0);
    m_barLayout->addWidget(m_header, 0, 1, 1, twoRows ? int(controls.size()) + 1 : 1);
    for (int i = 0; i < controls.size(); ++i)
        m_barLayout->addWidget(controls.at(i), twoRows ? 1 : 0, 2 + i);
}

void ReviewDiffPane::setViewed(bool viewed)
{
    const QSignalBlocker block(m_viewed);
    m_viewed->setChecked(viewed);
}

void ReviewDiffPane::setSideBySide(bool on)
{
    const QSignalBlocker block(m_sideBySide);
    m_sideBySide->setChecked(on);
}

void ReviewDiffPane::setWrapLines(bool on)
{
    const QSignalBlocker block(m_wrap);
    m_wrap->setChecked(on);
    m_delegate->setWrapLines(on);
    m_view->doItemsLayout();
}

bool ReviewDiffPane::sideBySide() const
{
    return m_sideBySide->isChecked();
}

bool ReviewDiffPane::wrapLines() const
{
    return m_wrap->isChecked();
}

bool ReviewDiffPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_bar && event->type() == QEvent::Resize)
        arrangeBar();
    // Comment cards wrap to the viewport width: lay the rows out again at once when it changes,
    // rather than after QListView's delayed relayout (a screenshot or a quick look sees gaps).
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        if (resize->size().width() != resize->oldSize().width()) {
            Q_EMIT viewportWidthChanged(resize->size().width());
            m_view->doItemsLayout();
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cwi
