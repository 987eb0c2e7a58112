#include "filemenu.h"

#include "plainmessagebox.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMenu>
#include <QMimeData>
#include <QSettings>

namespace cwi {

namespace {
constexpr int kMaxRecent = 10;
const QString kRecentKey = QStringLiteral("recentFiles");
} // namespace

FileMenu::FileMenu(QMenu *menu, QSettings *settings, Open open, std::function<bool()> editing, QWidget *window)
    : QObject(menu)
    , m_settings(settings)
    , m_openFile(std::move(open))
    , m_editing(std::move(editing))
    , m_window(window)
{
    m_open
        = menu->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"), this, &FileMenu::chooseFile);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(tr("Open a Codewalkers database (Ctrl+O); you can also drop a file on the window"));
    m_open->setIconText(tr("Open"));
    m_recent = menu->addMenu(tr("Open &recent"));
    m_reopen = menu->addAction(tr("Re&open"), this, [this] {
        if (!m_lastPath.isEmpty())
            m_openFile(m_lastPath, m_editing());
    });
    m_reopen->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    menu->addAction(tr("Open &demo database"), this, &FileMenu::openDemo);
    updateRecent();
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

bool FileMenu::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::DragEnter) {
        auto *enter = static_cast<QDragEnterEvent *>(event);
        if (enter->mimeData()->hasUrls() && enter->mimeData()->urls().value(0).isLocalFile())
            enter->acceptProposedAction();
        return true;
    }
    if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QString path = drop->mimeData()->urls().value(0).toLocalFile();
        if (!path.isEmpty()) {
            drop->acceptProposedAction();
            m_openFile(path, false);
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void FileMenu::reportOpenError(const QString &message)
{
    const auto answer = plainMessageBox(m_window, QMessageBox::Warning, tr("Cannot open this file"),
        message + u"\n\n" + tr("Choose another file?"), QMessageBox::Open | QMessageBox::Close, QMessageBox::Open);
    if (answer == QMessageBox::Open)
        chooseFile();
}

void FileMenu::opened(const QString &path)
{
    m_lastPath = path;
    QStringList recent = m_settings->value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    m_settings->setValue(kRecentKey, recent);
    m_settings->setValue(QStringLiteral("lastFile"), path);
    updateRecent();
}

void FileMenu::chooseFile()
{
    const QString start = m_lastPath.isEmpty() ? QString() : QFileInfo(m_lastPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open a Codewalkers database"), start,
        tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        m_openFile(path, false);
}

void FileMenu::openDemo()
{
    if (!m_demoProvider)
        return;
    QString error;
    const QString path = m_demoProvider(&error);
    if (path.isEmpty()) {
        plainMessageBox(m_window, QMessageBox::Warning, tr("Demo database"), error);
        return;
    }
    m_openFile(path, false);
}

void FileMenu::updateRecent()
{
    m_recent->clear();
    const QStringList recent = m_settings->value(kRecentKey).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString &path = recent.at(i);
        QAction *action = m_recent->addAction(
            QStringLiteral("&%1  %2").arg(i + 1).arg(path), this, [this, path] { m_openFile(path, false); });
        action->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty()) {
        m_recent->addAction(tr("(none yet)"))->setEnabled(false);
    } else {
        m_recent->addSeparator();
        m_recent->addAction(tr("Clear list"), this, [this] {
            m_settings->remove(kRecentKey);
            updateRecent();
        });
    }
    m_reopen->setEnabled(!m_lastPath.isEmpty());
}

} // namespace cwi
