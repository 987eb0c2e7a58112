#include "reviewheader.h"

#include "diff/reviewsession.h"
#include "render/htmlwriter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {
QString shortRef(const QString &ref)
{
    const bool hash
        = ref.size() == 40 && std::all_of(ref.cbegin(), ref.cend(), [](QChar c) { return c.isLetterOrNumber(); });
    return hash ? ref.left(10) : ref;
}
} // namespace

ReviewHeader::ReviewHeader(ReviewSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_project(new QComboBox(this))
    , m_base(new QComboBox(this))
    , m_head(new QComboBox(this))
    , m_baseOrigin(new QLabel(this))
    , m_compare(new QPushButton(tr("Compare"), this))
    , m_defaults(new QPushButton(tr("Defaults"), this))
    , m_summary(new QLabel(this))
    , m_readOnly(new QLabel(this))
{
    for (QLabel *label : { m_title, m_subtitle, m_baseOrigin, m_summary, m_readOnly })
        label->setTextFormat(Qt::PlainText); // names, branches, paths from the file: never markup
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_project->setToolTip(tr("Project (repository) of the initiative"));
    for (QComboBox *box : { m_base, m_head }) {
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
    }
    for (QComboBox *box : { m_project, m_base, m_head }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    m_base->setToolTip(tr("Base: a branch, tag or commit. Remembered for this phase."));
    m_head->setToolTip(tr("Head: a branch, tag or commit. Remembered for this phase."));
    m_baseOrigin->setStyleSheet(u"color: #656d76;"_s);
    m_defaults->setToolTip(tr("Forget the refs chosen for this phase: phase merge base (or merge-base of the "
                              "default branch) against the initiative branch"));
    m_readOnly->setStyleSheet(u"color: #9a6700;"_s);
    m_readOnly->setObjectName(u"reviewEditingHint"_s);
    m_readOnly->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Long lines wrap instead of widening the window past small screens.
    for (QLabel *label : { m_subtitle, m_baseOrigin, m_readOnly })
        label->setWordWrap(true);
    // A name from the file can be one word longer than any screen: the title and subtitle take the
    // width the page gives them (the rest of such a word is cut, the whole text is in the tool tip).
    for (QLabel *label : { m_title, m_subtitle })
        label->setSizePolicy(QSizePolicy::Ignored, label->sizePolicy().verticalPolicy());

    auto *refs = new QHBoxLayout;
    refs->addWidget(m_project);
    refs->addSpacing(8);
    refs->addWidget(new QLabel(tr("Base"), this));
    refs->addWidget(m_base);
    refs->addWidget(new QLabel(u"…"_s, this));
    refs->addWidget(new QLabel(tr("Head"), this));
    refs->addWidget(m_head);
    refs->addWidget(m_compare);
    refs->addWidget(m_defaults);
    refs->addWidget(m_baseOrigin, 1);
    auto *status = new QHBoxLayout;
    // The hint takes the room the summary leaves (it wrapped to three lines of 200 px beside a
    // summary that kept the whole row).
    status->addWidget(m_summary);
    status->addWidget(m_readOnly, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addLayout(refs);
    layout->addLayout(status);

    connect(m_project, &QComboBox::activated, this, [this](int index) { m_session->selectProject(index); });
    connect(m_compare, &QPushButton::clicked, this, &ReviewHeader::applyRefs);
    connect(m_base->lineEdit(), &QLineEdit::returnPressed, this, &ReviewHeader::applyRefs);
    connect(m_head->lineEdit(), &QLineEdit::returnPressed, this, &ReviewHeader::applyRefs);
    connect(m_defaults, &QPushButton::clicked, this, [this] { m_session->setRefs({}, {}); });
}

void ReviewHeader::setSession(ReviewSession *session)
{
    m_session = session;
    refresh();
}

void ReviewHeader::applyRefs()
{
    m_session->setRefs(m_base->currentText(), m_head->currentText());
}

void ReviewHeader::setEditing(bool canEdit, const QString &whyReadOnly)
{
    m_readOnly->setText(canEdit ? tr("Editing on: click a line number or press C to comment") : whyReadOnly);
    m_readOnly->setStyleSheet(canEdit ? u"color: #1a7f37;"_s : u"color: #9a6700;"_s);
}

void ReviewHeader::refresh()
{
    const ReviewTarget &t = m_session->target();
    m_title->setText(t.phase.name.isEmpty() ? tr("Review") : tr("Review · %1").arg(t.phase.name));
    m_title->setToolTip(render::plainToolTip(m_title->text()));
    QStringList parts;
    if (!t.initiative.name.isEmpty())
        parts << tr("Initiative %1").arg(t.initiative.name);
    if (!t.initiative.branch.isEmpty())
        parts << tr("branch %1").arg(t.initiative.branch);
    if (!t.phase.status.isEmpty())
        parts << tr("phase %1").arg(t.phase.status);
    if (const ReviewProject *p = m_session->currentProject(); p && p->clone.found())
        parts << tr("clone %1 (%2)").arg(p->clone.folder, cloneSourceName(p->clone.source));
    m_subtitle->setText(parts.join(u" · "_s));
    m_subtitle->setToolTip(render::plainToolTip(m_subtitle->text()));

    const QSignalBlocker blockProject(m_project);
    m_project->clear();
    for (const ReviewProject &p : m_session->projects())
        m_project->addItem(p.project.name.isEmpty() ? p.project.id : p.project.name);
    m_project->setCurrentIndex(m_session->projectIndex());
    m_project->setVisible(m_session->projects().size() > 1);

    if (const ReviewProject *p = m_session->currentProject()) {
        for (QComboBox *box : { m_base, m_head }) {
            const QSignalBlocker block(box);
            box->clear();
            box->addItems(p->refNames);
        }
        m_base->setEditText(shortRef(p->base));
        m_head->setEditText(p->head);
        m_base->setToolTip(
            p->baseSha.isEmpty() ? QString() : render::plainToolTip(tr("Base commit %1").arg(p->baseSha)));
        m_head->setToolTip(
            p->headSha.isEmpty() ? QString() : render::plainToolTip(tr("Head commit %1").arg(p->headSha)));
        m_baseOrigin->setText(p->baseOrigin.isEmpty() ? QString() : tr("base: %1").arg(p->baseOrigin));
    }
    const bool haveClone = m_session->currentProject() && m_session->currentProject()->clone.found();
    for (QWidget *w : std::initializer_list<QWidget *> { m_base, m_head, m_compare, m_defaults })
        w->setEnabled(haveClone && !m_session->isBusy());
    m_summary->setText(m_session->summary());
}

} // namespace cwi
