#pragma once

// The table browser: any table of the file in a QTableView over a TableModel, with a filter
// field per column, one global search, sorting by any column, raw mode, copy and export.

#include "appcontext.h"
#include "jobtracker.h"
#include "pane.h"
#include "tablequery.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;
class QMenu;
class QStackedWidget;

namespace cwi {

class CellDelegate;
class CellViewer;
class FilterHeader;
class TableModel;

class TableBrowser : public QWidget, public Pane
{
    Q_OBJECT
public:
    explicit TableBrowser(AppContext *context, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;

    // Shows TABLE; with FIELD/VALUE set, starts with that column filtered to "=VALUE".
    void showTable(const QString &table, const QString &field = {}, const QString &value = {});
    // Shows a table exactly as QUERY has it: filters in their fields, search, sort (Back/Forward).
    void showQuery(const TableQuery &query);
    // Shows TABLE and selects the row with this id once it is loaded (filtered on the id).
    void showRow(const QString &table, const QString &id);
    QString currentTable() const;
    TableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    bool isBusy() const;
    bool showsEmptyState() const; // "no table open" instead of a blank grid
    JobTracker *jobs() const override { return &m_jobs; }

    void copySelection() const; // tab-separated, Ctrl+C
    QVector<EntityRef> selectedRefs() const; // the selected rows (or the current one)
    void exportView(); // asks for a file, CSV or JSON by suffix
    void exportTo(const QString &path); // in the background, with progress; columns as shown
    void reload(); // live refresh and F5
    void clearFilters(); // every column filter and the search
    void goToRow(int row); // 1-based, as the position label counts; selects it
    // The grid takes the keyboard (a table opened from a link or --view answers Ctrl+End at once).
    void focusRows();
    void askGoToRow(); // Ctrl+G
    QString positionText() const { return m_positionText; } // "rows 1–23 of 60"
    QAction *goToRowAction() const { return m_goToRow; }
    // The current cell in full (text or pretty JSON, with copy); follows the current cell while open.
    void viewCell();
    CellViewer *cellViewer() const { return m_cellViewer; }

    // Lets the window add entity actions (retry, resolve, ...) to the row context menu; they act on
    // every selected row (the clicked one first).
    using MenuHook = std::function<void(QMenu *, const QVector<EntityRef> &)>;
    void setContextMenuHook(MenuHook hook) { m_menuHook = std::move(hook); }

Q_SIGNALS:
    void rowActivated(const cwi::EntityRef &ref); // the current row changed
    void busyChanged(bool busy);
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void resetModel();
    void arrangeColumns();
    void applyFilters();
    void updateCountLabel();
    void updatePosition();
    void updateCellViewer();
    void emitCurrent();
    void prefetchVisible();
    void showEmptyState(); // no table yet: say how to open one, with links to the common ones
    void showContextMenu(const QPoint &pos);

    AppContext *m_context;
    TableModel *m_model = nullptr;
    mutable JobTracker m_jobs; // follows the model's reads; the export on its own channel
    static constexpr int kExportChannel = 1;
    QTableView *m_view;
    FilterHeader *m_header;
    CellDelegate *m_delegate;
    QLineEdit *m_search;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    QLabel *m_title;
    QLabel *m_count;
    QToolButton *m_raw;
    QToolButton *m_clearFilters;
    QAction *m_goToRow;
    QAction *m_viewCell;
    CellViewer *m_cellViewer = nullptr;
    QString m_positionText;
    QTimer *m_debounce;
    QString m_pendingSelectId;
    MenuHook m_menuHook;
};

} // namespace cwi
