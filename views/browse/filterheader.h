#pragma once

// A horizontal header with a filter field under every column title. Typing emits
// filterChanged(column, text); the table browser debounces and compiles it.

#include <QHeaderView>
#include <QVector>

class QLineEdit;

namespace cwi {

class FilterHeader : public QHeaderView
{
    Q_OBJECT
public:
    explicit FilterHeader(QWidget *parent = nullptr);

    void setColumnCount(int columns); // rebuilds the fields (after a model reset)
    QString filterText(int column) const;
    void setFilterText(int column, const QString &text); // as if typed
    void setFilterTextSilently(int column, const QString &text); // no filterChanged
    void clearFilters();

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
