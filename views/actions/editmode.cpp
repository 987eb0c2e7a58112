#include "editmode.h"

#include <QAction>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace cwi {

EditModeToggle::EditModeToggle(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_action(new QAction(tr("Editing"), this))
{
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(u"Ctrl+E"_s, QKeySequence::PortableText));
    connect(m_action, &QAction::triggered, this, [this](bool on) { setEditing(on); });
    connect(m_context, &AppContext::databaseChanged, this, &EditModeToggle::sync);
    connect(m_context, &AppContext::writableChanged, this, &EditModeToggle::sync);
    sync();
}

QLabel *EditModeToggle::createBadge(QWidget *parent)
{
    auto *badge = new QLabel(parent);
    badge->setObjectName(u"editModeBadge"_s);
    badge->setAlignment(Qt::AlignCenter);
    m_badges.append(badge);
    sync();
    return badge;
}

bool EditModeToggle::setEditing(bool on, QString *error)
{
    QString problem;
    if (!m_context->hasDatabase()) {
        problem = tr("No database is open.");
    } else if (!on) {
        m_context->disableWriting();
    } else if (!m_context->isWritable()) {
        m_context->enableWriting(&problem);
    }
    sync();
    if (!problem.isEmpty() && on) {
        if (error)
            *error = problem;
        Q_EMIT message(problem);
        return false;
    }
    Q_EMIT message(on ? tr("Editing is on: actions write to the file (each asks first, Ctrl+Z undoes).")
                      : tr("Read-only: nothing can be written."));
    return true;
}

void EditModeToggle::sync()
{
    const bool editing = m_context->isWritable();
    m_action->setEnabled(m_context->hasDatabase());
    m_action->setChecked(editing);
    m_action->setToolTip(editing ? tr("Editing: the inspector may write to the file. Click to go read-only.")
                                 : tr("Read-only. Click to allow manual actions to write to the file."));
    for (const QPointer<QLabel> &badge : std::as_const(m_badges)) {
        if (!badge)
            continue;
        badge->setText(editing ? tr("EDITING") : tr("Read-only"));
        badge->setToolTip(m_action->toolTip());
        badge->setStyleSheet(editing ? u"QLabel { background: #f5a623; color: #2b1d00; font-weight: bold;"
                                       u" border-radius: 3px; padding: 1px 8px; }"_s
                                     : u"QLabel { background: palette(midlight); color: palette(text);"
                                       u" border-radius: 3px; padding: 1px 8px; }"_s);
    }
    Q_EMIT editingChanged(editing);
}

} // namespace cwi
