#include "cellviewer.h"

#include "browse/cellformat.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cwi {

namespace {
constexpr qsizetype kMaxBlobBytes = qsizetype(64) * 1024; // a hex dump of more reads nobody
}

CellViewer::CellViewer(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_note(new QLabel(this))
    , m_mode(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("cellViewer"));
    setWindowTitle(tr("Cell viewer"));
    resize(720, 520);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_mode->addItem(tr("Text"), TextMode);
    m_mode->addItem(tr("JSON (pretty)"), JsonMode);
    m_mode->setToolTip(tr("Show the value as stored, or pretty-printed when it is JSON"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyButton = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copyButton->setToolTip(tr("Copy what is shown to the clipboard"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_mode);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &CellViewer::render);
    connect(copyButton, &QPushButton::clicked, this, &CellViewer::copy);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void CellViewer::setValue(const QString &title, const QVariant &value)
{
    m_title->setText(title);
    m_value = value;
    // JSON reads better pretty; everything else as stored.
    const bool json = !value.isNull() && value.typeId() != QMetaType::QByteArray
        && !CellFormat::prettyJson(value.toString().left(qsizetype(4) * 1024 * 1024)).isEmpty()
        && value.toString().trimmed().size() > 1;
    const QSignalBlocker block(m_mode);
    m_mode->setCurrentIndex(json ? JsonMode : TextMode);
    render();
}

CellViewer::Mode CellViewer::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void CellViewer::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(mode));
}

QString CellViewer::shownText() const
{
    return m_text->toPlainText();
}

void CellViewer::copy() const
{
    QGuiApplication::clipboard()->setText(shownText());
}

void CellViewer::render()
{
    const QLocale locale;
    if (m_value.isNull()) {
        m_text->setPlainText(QString());
        m_text->setPlaceholderText(tr("NULL (no value)"));
        m_note->setText(tr("NULL"));
        return;
    }
    m_text->setPlaceholderText(tr("(empty text)"));
    if (m_value.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = m_value.toByteArray();
        m_text->setPlainText(QString::fromLatin1(bytes.left(kMaxBlobBytes).toHex(' ')));
        m_note->setText(
            tr("blob of %1; hex%2")
                .arg(locale.formattedDataSize(bytes.size()),
                    bytes.size() > kMaxBlobBytes ? tr(", first %1 shown").arg(locale.formattedDataSize(kMaxBlobBytes))
                                                 : QString()));
        return;
    }
    const QString text = m_value.toString();
    QString shown = text;
    QString note = tr("%1 characters").arg(locale.toString(text.size()));
    if (mode() == JsonMode) {
        const QString pretty = CellFormat::prettyJson(text);
        if (pretty.isEmpty())
            note += tr(" · does not parse as JSON; shown as stored");
        else
            shown = pretty;
    }
    m_text->setPlainText(shown);
    m_note->setText(note);
}

} // namespace cwi
