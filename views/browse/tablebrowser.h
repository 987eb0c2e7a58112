#pragma once

// The table browser: any table of the file in a QTableView over a TableModel, with a filter
// field per column, one global search, sorting by any column, raw mode, copy and export.

#include "appcontext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;
class QMenu;

namespace cwi {

class CellDelegate;
class FilterHeader;
class TableModel;

class TableBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit TableBrowser(AppContext *context, QWidget *parent = nullptr);

    // Shows TABLE; with FIELD/VALUE set, starts with that column filtered to "=VALUE".
    void showTable(const QString &table, const QString &field = {}, const QString &value = {});
    // Shows TABLE and selects the row with this id once it is loaded (filtered on the id).
    void showRow(const QString &table, const QString &id);
    QString currentTable() const;
    TableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    bool isBusy() const;

    void copySelection() const; // tab-separated, Ctrl+C
    QVector<EntityRef> selectedRefs() const; // the selected rows (or the current one)
    void exportView(); // asks for a file, CSV or JSON by suffix
    void reload(); // live refresh and F5

    // Lets the window add entity actions (retry, resolve, ...) to the row context menu.
    using MenuHook = std::function<void(QMenu *, const EntityRef &)>;
    void setContextMenuHook(MenuHook hook) { m_menuHook = std::move(hook); }

Q_SIGNALS:
    void rowActivated(const cwi::EntityRef &ref); // the current row changed
    void busyChanged(bool busy);
    void statusMessage(const QString &message);

private:
    void resetModel();
    void arrangeColumns();
    void applyFilters();
    void updateCountLabel();
    void emitCurrent();
    void prefetchVisible();
    void showContextMenu(const QPoint &pos);

    AppContext *m_context;
    TableModel *m_model = nullptr;
    QTableView *m_view;
    FilterHeader *m_header;
    CellDelegate *m_delegate;
    QLineEdit *m_search;
    QLabel *m_title;
    QLabel *m_count;
    QToolButton *m_raw;
    QTimer *m_debounce;
    QString m_pendingSelectId;
    MenuHook m_menuHook;
};

} // namespace cwi
