#pragma once

// A horizontal header with a filter field under every column title. Typing emits
// filterChanged(column, text); the table browser debounces and compiles it.

#include <QHeaderView>
#include <QVector>

class QLineEdit;
class QScrollBar;

namespace cwi {

class FilterHeader : public QHeaderView
{
    Q_OBJECT
public:
    explicit FilterHeader(QWidget *parent = nullptr);

    void setColumnCount(int columns); // rebuilds the fields (after a model reset)
    QString filterText(int column) const;
    QLineEdit *editor(int column) const { return m_editors.value(column); }
    void setFilterText(int column, const QString &text); // as if typed
    void setFilterTextSilently(int column, const QString &text); // no filterChanged
    void clearFilters();
    bool hasFilters() const;
    // Keeps the fields under their titles while the table scrolls sideways (the header's
    // offset follows this scroll bar; the fields are ours to move).
    void followScrollBar(QScrollBar *bar);

    QSize sizeHint() const override;

Q_SIGNALS:
    void filterChanged(int column, const QString &text);

protected:
    void updateGeometries() override;

private:
    void placeEditors();
    QVector<QLineEdit *> m_editors;
};

} // namespace cwi
