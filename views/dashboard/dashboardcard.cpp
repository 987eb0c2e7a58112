#include "dashboardcard.h"

#include "dashboardsnapshot.h"
#include "linktext.h"
#include "statuscolors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace cwi {

DashboardCard::DashboardCard(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_content(new QVBoxLayout)
{
    setObjectName(QStringLiteral("dashboardCard"));
    setFrameShape(QFrame::NoFrame);
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(
        QStringLiteral("QFrame#dashboardCard { background: palette(base); border: 1px solid palette(midlight);"
                       " border-radius: 10px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 14);
    layout->setSpacing(8);
    auto *heading = new QLabel(title.toUpper(), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setBold(true);
    font.setLetterSpacing(QFont::PercentageSpacing, 106);
    heading->setFont(font);
    heading->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(heading);
    m_content->setSpacing(6);
    layout->addLayout(m_content);
    layout->addStretch(1);
}

LinkText *DashboardCard::addText(const QString &html)
{
    auto *text = new LinkText(html, this);
    connect(text, &LinkText::linkActivated, this, &DashboardCard::linkActivated);
    m_content->addWidget(text);
    return text;
}

QWidget *DashboardCard::metricWidget(
    const QString &number, const QString &caption, const QString &href, const QColor &color)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 12, 0);
    layout->setSpacing(0);
    const QString shown = href.isEmpty()
        ? number
        : QStringLiteral("<a href=\"%1\" style=\"color:%2; text-decoration:none\">%3</a>")
              .arg(href, color.name(), number);
    auto *value = new QLabel(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color.name(), shown), box);
    value->setTextFormat(Qt::RichText);
    value->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 2.1);
    big.setBold(true);
    value->setFont(big);
    connect(value, &QLabel::linkActivated, this, &DashboardCard::linkActivated);
    auto *label = new QLabel(caption, box);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true); // a narrow page wraps the caption instead of scrolling sideways
    layout->addWidget(value);
    layout->addWidget(label);
    return box;
}

StatusBarWidget::StatusBarWidget(const QString &table, const QVector<StatusCount> &counts, QWidget *parent)
    : QWidget(parent)
    , m_table(table)
{
    for (const StatusCount &c : counts) {
        if (c.count > 0)
            m_segments.append({ statusColor(table, QStringLiteral("status"), c.status), c.count });
    }
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void StatusBarWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar = QRectF(rect()).adjusted(0, 2, 0, -2);
    QPainterPath clip;
    clip.addRoundedRect(bar, bar.height() / 2, bar.height() / 2);
    painter.setClipPath(clip);
    painter.fillRect(bar, palette().color(QPalette::Midlight));
    qint64 total = 0;
    for (const auto &segment : m_segments)
        total += segment.second;
    if (total == 0)
        return;
    qreal x = bar.left();
    for (const auto &[color, count] : m_segments) {
        const qreal w = bar.width() * qreal(count) / qreal(total);
        painter.fillRect(QRectF(x, bar.top(), w, bar.height()), color);
        x += w;
    }
}

} // namespace cwi
