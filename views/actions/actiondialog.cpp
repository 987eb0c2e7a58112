#include "actiondialog.h"

#include "browse/cellformat.h"
#include "entities.h"
#include "render/htmlwriter.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cwi {

ActionDialog::ActionDialog(const ActionInfo &info, std::function<ActionPlan(const QString &)> planner,
    const QString &context, const QString &initialArgument, const QStringList &choices, QWidget *parent)
    : QDialog(parent)
    , m_info(info)
    , m_planner(std::move(planner))
{
    setWindowTitle(info.label.endsWith(u'…') ? info.label.chopped(1) : info.label);
    auto *layout = new QVBoxLayout(this);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_warning = new QLabel(this);
    m_warning->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_warning->setWordWrap(true);
    m_warning->setObjectName(u"actionWarning"_s);
    m_warning->setStyleSheet(u"QLabel#actionWarning { background: #fff4d6; color: #5c4300; border: 1px solid #e6c35c;"
                             u" border-radius: 4px; padding: 6px; }"_s);
    layout->addWidget(m_warning);

    if (!context.isEmpty()) {
        auto *contextLabel = new QLabel(context, this);
        contextLabel->setTextFormat(Qt::PlainText); // text from the file, never markup
        contextLabel->setWordWrap(true);
        contextLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        contextLabel->setStyleSheet(u"QLabel { background: palette(alternate-base); padding: 6px;"
                                    u" border-left: 3px solid palette(mid); }"_s);
        layout->addWidget(contextLabel);
    }
    if (info.arg == ActionArg::Text) {
        m_text = new QPlainTextEdit(this);
        m_text->setPlainText(initialArgument);
        m_text->setPlaceholderText(tr("Type here…"));
        m_text->setTabChangesFocus(true);
        m_text->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_text->setMinimumHeight(90);
        layout->addWidget(m_text, 1);
        connect(m_text, &QPlainTextEdit::textChanged, this, &ActionDialog::replan);
    } else if (info.arg == ActionArg::Status) {
        m_choices = new QComboBox(this);
        m_choices->addItems(choices);
        m_choices->setCurrentText(initialArgument);
        layout->addWidget(m_choices);
        connect(m_choices, &QComboBox::currentTextChanged, this, &ActionDialog::replan);
    }

    auto *changesLabel = new QLabel(tr("What will change:"), this);
    layout->addWidget(changesLabel);
    m_changes = new QTreeWidget(this);
    m_changes->setColumnCount(3);
    m_changes->setHeaderLabels({ tr("Field"), tr("Now"), tr("After") });
    m_changes->setRootIsDecorated(false);
    m_changes->setUniformRowHeights(true);
    m_changes->setSelectionMode(QAbstractItemView::NoSelection);
    m_changes->header()->setStretchLastSection(true);
    m_changes->setMinimumHeight(120);
    layout->addWidget(m_changes, 1);

    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText); // text from the file, never markup
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"QLabel { color: #b3261e; }"_s);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    resize(660, info.arg == ActionArg::Text ? 460 : 340);
    replan();
}

QString ActionDialog::argument() const
{
    if (m_text)
        return m_text->toPlainText();
    if (m_choices)
        return m_choices->currentText();
    return {};
}

void ActionDialog::replan()
{
    m_plan = m_planner(argument());
    m_title->setText(m_plan.title.isEmpty() ? windowTitle() : m_plan.title);
    m_warning->setText(m_plan.warning);
    m_warning->setVisible(!m_plan.warning.isEmpty());
    // An empty text is not an error to shout about while the user has not typed yet.
    const bool quiet = m_text && m_text->toPlainText().trimmed().isEmpty();
    m_problem->setText(quiet ? QString() : m_plan.notValid);
    m_problem->setVisible(!quiet && !m_plan.notValid.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_plan.isValid());

    m_changes->clear();
    const bool severalRows = std::count_if(m_plan.rows.cbegin(), m_plan.rows.cend(), [](const RowChange &r) {
        return r.op != RowOp::Check;
    }) > 1;
    for (const RowChange &row : std::as_const(m_plan.rows)) {
        if (row.op == RowOp::Check)
            continue;
        if (severalRows || row.op != RowOp::Update) {
            const QString what = row.op == RowOp::Insert ? tr("new row in ")
                : row.op == RowOp::Delete                ? tr("delete from ")
                                                         : QString();
            auto *header = new QTreeWidgetItem(m_changes, { what + row.table + u' ' + row.id });
            header->setFirstColumnSpanned(true);
            QFont bold = header->font(0);
            bold.setBold(true);
            header->setFont(0, bold);
        }
        for (const FieldChange &change : row.changes) {
            const QString before
                = row.op == RowOp::Insert ? u"—"_s : CellFormat::inlineValue(change.before, change.field);
            const QString after = row.op == RowOp::Delete ? u"—"_s
                : change.stampNow                         ? tr("now")
                                                          : CellFormat::inlineValue(change.after, change.field);
            auto *item = new QTreeWidgetItem(m_changes, { change.field, before, u"→  "_s + after });
            item->setToolTip(1, render::plainToolTip(before));
            item->setToolTip(2, render::plainToolTip(after));
        }
    }
    m_changes->resizeColumnToContents(0);
    m_changes->setColumnWidth(0, m_changes->columnWidth(0) + 16);
    m_changes->resizeColumnToContents(1);
    m_changes->setColumnWidth(1, qBound(140, m_changes->columnWidth(1) + 16, 260));
}

} // namespace cwi
