#include "logsearchbar.h"

#include "transcript/logsearch.h"

#include <QAction>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

QToolButton *textButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

} // namespace

LogSearchBar::LogSearchBar(LogSearch *search, QWidget *parent)
    : QWidget(parent)
    , m_search(search)
    , m_edit(new QLineEdit)
    , m_hits(new QLabel)
    , m_progress(new QProgressBar)
    , m_cancel(new QAction(tr("Cancel"), this))
    , m_progressTimer(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_edit->setPlaceholderText(tr("Search this session (Ctrl+F)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(tr("Enter: search the whole session, then next hit; Shift+Enter: previous hit"));
    m_edit->setMaximumWidth(260);
    // Room for a word or two: at 1024 px the row's buttons go to its » menu first.
    m_edit->setMinimumWidth(m_edit->fontMetrics().averageCharWidth() * 14);
    layout->addWidget(m_edit);
    connect(m_edit, &QLineEdit::returnPressed, this, [this]() {
        if (m_edit->text() == m_search->needle() && m_search->hitCount() > 0)
            (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) ? m_search->findPrevious()
                                                                       : m_search->findNext();
        else
            m_search->find(m_edit->text());
    });
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_search->find({});
    });

    auto *prev = new QAction(u"▲"_s, this);
    prev->setToolTip(tr("Previous hit (Shift+F3)"));
    prev->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    connect(prev, &QAction::triggered, m_search, &LogSearch::findPrevious);
    auto *next = new QAction(u"▼"_s, this);
    next->setToolTip(tr("Next hit (F3)"));
    next->setShortcut(QKeySequence(Qt::Key_F3));
    connect(next, &QAction::triggered, m_search, &LogSearch::findNext);
    for (QAction *action : { prev, next }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        layout->addWidget(textButton(action));
    }

    m_hits->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_hits->setMinimumWidth(150);
    m_hits->setStyleSheet(u"color:#616161; padding:0 6px"_s);
    layout->addWidget(m_hits);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(60);
    // The progress bar and Cancel show only while a search runs: at rest they were an empty
    // box and a greyed button that squeezed the search field to "Sea..." at 1024 px.
    m_progress->setVisible(false);
    m_progress->setToolTip(tr("Search progress over the whole session"));
    layout->addWidget(m_progress);
    m_cancel->setToolTip(tr("Stop searching"));
    connect(m_cancel, &QAction::triggered, m_search, &LogSearch::cancel);
    m_cancelButton = textButton(m_cancel);
    m_cancelButton->setVisible(false);
    layout->addWidget(m_cancelButton);

    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this]() { m_progress->setValue(m_search->progress()); });
    connect(m_search, &LogSearch::changed, this, &LogSearchBar::showState);
}

void LogSearchBar::focusSearch()
{
    m_edit->setFocus();
    m_edit->selectAll();
}

void LogSearchBar::showState()
{
    m_hits->setText(m_search->hitText());
    const bool searching = m_search->isSearching();
    searching ? m_progressTimer->start() : m_progressTimer->stop();
    m_progress->setVisible(searching);
    m_progress->setValue(m_search->progress());
    m_cancel->setEnabled(searching);
    m_cancelButton->setVisible(searching);
}

} // namespace cwi
