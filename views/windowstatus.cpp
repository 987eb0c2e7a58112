#include "windowstatus.h"

#include "elidedlabel.h"
#include "lockstate.h"
#include "readaccesstext.h"
#include "render/htmlwriter.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTime>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // text from the file, never markup
    return label;
}
} // namespace

WindowStatus::WindowStatus(AppContext *context, QStatusBar *bar, QWidget *leading, QWidget *trailing)
    : QObject(bar)
    , m_context(context)
    , m_bar(bar)
    , m_message(new ElidedLabel(bar))
    , m_file(plainLabel(bar))
    , m_schema(plainLabel(bar))
    , m_change(plainLabel(bar))
{
    if (leading)
        bar->addPermanentWidget(leading);
    // The messages (showMessage) in a label that takes the room the permanent labels leave and
    // elides a longer text (all of it in the tool tip): never drawn over the file's name. It is the
    // first permanent widget after LEADING, so the status bar's own message area before it is empty.
    m_message->setObjectName(u"statusMessage"_s);
    bar->addPermanentWidget(m_message, 1);
    connect(bar, &QStatusBar::messageChanged, m_message, &ElidedLabel::setFullText);
    bar->addPermanentWidget(m_file);
    bar->addPermanentWidget(m_schema);
    bar->addPermanentWidget(m_change);
    if (trailing)
        bar->addPermanentWidget(trailing);
    // Another process holds the file's lock and a read waits for it (up to the busy timeout):
    // said here while it lasts, so the panes still loading do not look frozen.
    QLabel *lock = plainLabel(bar);
    lock->setText(tr("waiting for another process's lock…"));
    lock->setObjectName(u"lockWait"_s);
    lock->setStyleSheet(u"color: #b35900; font-weight: 600;"_s);
    lock->setToolTip(tr("Another process (the Codewalkers server, most likely) holds a lock on the file. "
                        "Reads wait for it up to the busy timeout, then say the file is locked."));
    lock->hide();
    bar->insertPermanentWidget(leading ? 1 : 0, lock); // before the messages
    auto *lockPoll = new QTimer(this);
    lockPoll->setInterval(250);
    connect(lockPoll, &QTimer::timeout, lock, [lock] { lock->setVisible(waitingOnLock()); });
    lockPoll->start();
    connect(m_context, &AppContext::databaseChanged, this, &WindowStatus::update);
    connect(m_context, &AppContext::writableChanged, this, &WindowStatus::update);
    update();
}

void WindowStatus::update()
{
    const auto db = m_context->database();
    if (!db) {
        m_bar->window()->setWindowTitle(tr("Codewalkers Inspector"));
        m_file->setText(tr("No file open"));
        m_schema->clear();
        return;
    }
    // The file and whether it can be written.
    m_bar->window()->setWindowTitle(tr("%1 — %2 — Codewalkers Inspector")
                                        .arg(QFileInfo(m_context->databasePath()).fileName(),
                                            m_context->isWritable() ? tr("editing") : tr("read-only")));
    const QFileInfo info(m_context->databasePath());
    const ReadAccessText access = readAccessText(*db); // read-only WAL modes say which one
    m_file->setText(info.fileName() + u"  " + QLocale().formattedDataSize(info.size())
        + (access.description.isEmpty() ? QString() : u"  · "_s + access.name));
    m_file->setToolTip(render::plainToolTip(
        m_context->databasePath() + (access.description.isEmpty() ? QString() : u"\n"_s + access.description)));
    const SchemaMap &schema = m_context->schema();
    m_schema->setText(tr("%1 · %2 migrations").arg(nameStyleName(schema.nameStyle())).arg(schema.migrations().size()));
    m_schema->setToolTip(
        schema.problem().isEmpty() ? tr("Complete Codewalkers schema") : render::plainToolTip(schema.problem()));
}

void WindowStatus::showOpening(const QString &path)
{
    m_bar->window()->setWindowTitle(QFileInfo(path).fileName() + u" — " + tr("Codewalkers Inspector"));
    m_file->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_file->setToolTip(path);
    m_schema->setText(tr("Loading…"));
}

void WindowStatus::showRefused(const QString &message)
{
    // The labels and the title say what is open now (the file before, or none), not the
    // "Opening … Loading…" shown while the refused file was being looked at.
    update();
    m_bar->showMessage(message, 15000);
}

void WindowStatus::showLive(bool on)
{
    m_change->setText(on ? tr("live") : tr("live refresh off"));
}

void WindowStatus::showChangeSeen()
{
    m_change->setText(tr("change seen %1").arg(QTime::currentTime().toString(u"HH:mm:ss"_s)));
}

} // namespace cwi
