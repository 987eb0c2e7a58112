#include "reviewmessagepage.h"

#include "appcontext.h"
#include "diff/difffilelistmodel.h"
#include "diff/reviewphases.h"
#include "diff/reviewsession.h"
#include "statuscolors.h"

#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

ReviewMessagePage::ReviewMessagePage(ReviewSession *session, AppContext *ctx, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_ctx(ctx)
    , m_message(new QLabel(this))
    , m_chooseFolder(new QPushButton(tr("Choose clone folder…"), this))
    , m_choosePhase(new QPushButton(tr("Choose a phase…"), this))
{
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // messages carry project names and URLs from the file
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choosePhase->setObjectName(u"choosePhase"_s);
    m_choosePhase->setToolTip(tr("The phases of the file, those waiting for review first, then the newest"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_message);
    layout->addWidget(m_chooseFolder, 0, Qt::AlignHCenter);
    layout->addWidget(m_choosePhase, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    connect(m_chooseFolder, &QPushButton::clicked, this, &ReviewMessagePage::chooseFolder);
    connect(m_choosePhase, &QPushButton::clicked, this, &ReviewMessagePage::choosePhase);
}

void ReviewMessagePage::showState()
{
    using State = ReviewSession::State;
    const State state = m_session->state();
    m_chooseFolder->setVisible(state == State::NeedsFolder);
    m_choosePhase->setVisible(state == State::Empty);
    switch (state) {
    case State::Empty:
        m_message->setText(tr("Choose a phase to review its diff: here, \"open review\" on a phase in the detail "
                              "pane, or Ctrl+K and the phase's name."));
        break;
    case State::Loading:
    case State::NeedsFolder:
    case State::Failed:
        m_message->setText(m_session->message());
        break;
    case State::Parsing:
        break;
    case State::Ready:
        if (m_session->fileModel()->rowCount() == 0)
            m_message->setText(tr("No changes between base and head."));
        break;
    }
}

void ReviewMessagePage::chooseFolder()
{
    const ReviewProject *p = m_session->currentProject();
    const QString name = p ? p->project.name : QString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Clone folder of %1").arg(name));
    if (!folder.isEmpty())
        m_session->setCloneFolder(folder);
}

void ReviewMessagePage::choosePhase()
{
    const auto db = m_ctx->database();
    if (!db)
        return;
    m_choosePhase->setEnabled(false);
    m_jobs.run([db] { return loadPhasesToReview(db); },
        [this](const QVector<Phase> &phases) {
            m_choosePhase->setEnabled(true);
            QMenu menu(this);
            if (phases.isEmpty())
                menu.addAction(tr("The file has no phases"))->setEnabled(false);
            for (const Phase &phase : std::as_const(phases).mid(0, 60)) {
                const QString name = phase.name.isEmpty() ? phase.id : phase.name;
                const QString label = QString(name).replace(u'&', u"&&"_s) + u"  ("_s
                    + statusLabel(u"phases"_s, u"status"_s, phase.status) + u')';
                const QString id = phase.id;
                menu.addAction(label, this, [this, id] { m_ctx->navigate({ u"review"_s, id }); });
            }
            menu.exec(m_choosePhase->mapToGlobal(QPoint(0, m_choosePhase->height())));
        });
}

} // namespace cwi
