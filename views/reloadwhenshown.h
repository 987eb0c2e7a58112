#pragma once

// Reads a page's data only when somebody can see it. request() reloads a visible page at once;
// a hidden one (another page of the window, a tabbed-away dock) is marked stale and reloads when
// it is shown. So a large file's start-up, or a busy server's every change, does not make every
// hidden page query the file.

#include <QObject>

#include <functional>

class QWidget;

namespace cwi {

class ReloadWhenShown : public QObject
{
    Q_OBJECT
public:
    ReloadWhenShown(QWidget *page, std::function<void()> reload);

    void request();
    bool isStale() const { return m_stale; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_page;
    std::function<void()> m_reload;
    bool m_stale = false;
};

} // namespace cwi
