#include "filterheader.h"

#include <QLineEdit>
#include <QScrollBar>

namespace cwi {

FilterHeader::FilterHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
    setSortIndicatorShown(true);
    setHighlightSections(true);
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(this, &QHeaderView::sectionResized, this, &FilterHeader::placeEditors);
    connect(this, &QHeaderView::sectionMoved, this, &FilterHeader::placeEditors);
}

void FilterHeader::setColumnCount(int columns)
{
    qDeleteAll(m_editors);
    m_editors.clear();
    for (int column = 0; column < columns; ++column) {
        auto *editor = new QLineEdit(this);
        editor->setPlaceholderText(tr("filter"));
        editor->setClearButtonEnabled(true);
        editor->setToolTip(tr("Contains by default. Prefixes: =x  !=x  <x  >x  <=x  >=x  NULL  !NULL"));
        editor->setFrame(true);
        connect(editor, &QLineEdit::textChanged, this,
            [this, column](const QString &text) { Q_EMIT filterChanged(column, text); });
        m_editors.append(editor);
        editor->show();
    }
    placeEditors();
    updateGeometry();
}

QString FilterHeader::filterText(int column) const
{
    return column >= 0 && column < m_editors.size() ? m_editors.at(column)->text() : QString();
}

void FilterHeader::setFilterText(int column, const QString &text)
{
    if (column >= 0 && column < m_editors.size())
        m_editors.at(column)->setText(text);
}

void FilterHeader::setFilterTextSilently(int column, const QString &text)
{
    if (column < 0 || column >= m_editors.size())
        return;
    const QSignalBlocker block(m_editors.at(column));
    m_editors.at(column)->setText(text);
}

void FilterHeader::clearFilters()
{
    for (QLineEdit *editor : std::as_const(m_editors)) {
        const QSignalBlocker block(editor);
        editor->clear();
    }
}

bool FilterHeader::hasFilters() const
{
    return std::any_of(
        m_editors.cbegin(), m_editors.cend(), [](QLineEdit *editor) { return !editor->text().isEmpty(); });
}

void FilterHeader::followScrollBar(QScrollBar *bar)
{
    // Queued behind the view's own connection, which moves the header's offset first.
    connect(bar, &QScrollBar::valueChanged, this, &FilterHeader::placeEditors);
}

QSize FilterHeader::sizeHint() const
{
    QSize size = QHeaderView::sizeHint();
    if (!m_editors.isEmpty())
        size.setHeight(size.height() + m_editors.first()->sizeHint().height() + 4);
    return size;
}

void FilterHeader::updateGeometries()
{
    if (!m_editors.isEmpty())
        setViewportMargins(0, 0, 0, m_editors.first()->sizeHint().height() + 4);
    else
        setViewportMargins(0, 0, 0, 0);
    QHeaderView::updateGeometries();
    placeEditors();
}

void FilterHeader::placeEditors()
{
    if (m_editors.isEmpty())
        return;
    const int editorHeight = m_editors.first()->sizeHint().height();
    const int top = QHeaderView::sizeHint().height() + 1;
    for (int column = 0; column < m_editors.size(); ++column) {
        QLineEdit *editor = m_editors.at(column);
        if (isSectionHidden(column)) {
            editor->hide();
            continue;
        }
        editor->setGeometry(sectionViewportPosition(column) + 1, top, sectionSize(column) - 2, editorHeight);
        editor->show();
    }
}

} // namespace cwi
