#pragma once

// The cell viewer (as DB Browser for SQLite has one): a long value of the table browser in full,
// as text or as pretty-printed JSON, with Copy. The value comes from the loaded row; nothing is
// read from the file for it.

#include <QDialog>
#include <QVariant>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace cwi {

class CellViewer : public QDialog
{
    Q_OBJECT
public:
    enum Mode
    {
        TextMode,
        JsonMode,
    };

    explicit CellViewer(QWidget *parent = nullptr);

    // TITLE names the cell ("tasks.description, row 12"); VALUE is the stored value.
    void setValue(const QString &title, const QVariant &value);
    QString shownText() const;
    Mode mode() const;
    void setMode(Mode mode);
    void copy() const;

private:
    void render();

    QVariant m_value;
    QLabel *m_title;
    QLabel *m_note;
    QComboBox *m_mode;
    QPlainTextEdit *m_text;
};

} // namespace cwi
