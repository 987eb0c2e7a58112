#include "statuscolors.h"
#include "insight/outcomecolor.h"

#include "catalog.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QPainter>
#include <QPixmap>

namespace cwi {

namespace {

// Hues chosen to stay distinguishable for the common kinds of colour blindness: state is
// carried by blue (working), green (done), amber (needs a human), red (failed / stuck), grey (idle).
const QColor Working(0x1e, 0x6f, 0xd9);
const QColor Done(0x2e, 0x8b, 0x57);
const QColor Attention(0xe0, 0x8a, 0x00);
const QColor Failed(0xd0, 0x3b, 0x3b);
const QColor Idle(0x8a, 0x94, 0xa6);
const QColor Retired(0xb4, 0xb9, 0xc2);
const QColor Approved(0x12, 0x9c, 0x9c);
const QColor Unknown(0x9c, 0x3c, 0xc4);

// Meaning of a value wherever it appears (status, priority, lineType, ...).
QColor genericColor(const QString &value)
{
    static const QHash<QString, QColor> colors = {
        // progress of work
        { QStringLiteral("pending"), Idle },
        { QStringLiteral("idle"), Idle },
        { QStringLiteral("in_progress"), Working },
        { QStringLiteral("running"), Working },
        { QStringLiteral("active"), Working },
        { QStringLiteral("approved"), Approved },
        { QStringLiteral("completed"), Done },
        { QStringLiteral("merged"), Done },
        { QStringLiteral("answered"), Done },
        { QStringLiteral("accepted"), Done },
        { QStringLiteral("pending_review"), Attention },
        { QStringLiteral("waiting_for_input"), Attention },
        { QStringLiteral("blocked"), Failed },
        { QStringLiteral("crashed"), Failed },
        { QStringLiteral("conflict"), Failed },
        { QStringLiteral("archived"), Retired },
        { QStringLiteral("stopped"), Retired },
        { QStringLiteral("abandoned"), Retired },
        { QStringLiteral("closed"), Retired },
        { QStringLiteral("dismissed"), Retired },
        // priority
        { QStringLiteral("high"), Failed },
        { QStringLiteral("medium"), Attention },
        { QStringLiteral("low"), Idle },
        // diff lines
        { QStringLiteral("added"), Done },
        { QStringLiteral("removed"), Failed },
        { QStringLiteral("context"), Idle },
        // files of a diff
        { QStringLiteral("modified"), Working },
        { QStringLiteral("renamed"), Approved },
        { QStringLiteral("copied"), Approved },
        { QStringLiteral("deleted"), Failed },
        { QStringLiteral("binary"), Retired },
    };
    return colors.value(value);
}

// Categories and modes have no good/bad meaning: distinct calm hues.
QColor kindColor(const QString &value)
{
    static const QHash<QString, QColor> colors = {
        { QStringLiteral("execute"), QColor(0x3a, 0x7b, 0xd5) },
        { QStringLiteral("research"), QColor(0x8e, 0x5c, 0xc8) },
        { QStringLiteral("discuss"), QColor(0xc2, 0x6d, 0x2e) },
        { QStringLiteral("plan"), QColor(0x2b, 0x9a, 0x8f) },
        { QStringLiteral("detail"), QColor(0x5a, 0x8f, 0x29) },
        { QStringLiteral("refine"), QColor(0xb0, 0x4a, 0x8c) },
        { QStringLiteral("verify"), QColor(0x1f, 0x8a, 0x5b) },
        { QStringLiteral("merge"), QColor(0x6b, 0x6f, 0xd6) },
        { QStringLiteral("review"), QColor(0xc0, 0x8b, 0x1c) },
        { QStringLiteral("auto"), QColor(0x70, 0x78, 0x88) },
        { QStringLiteral("agent"), QColor(0x3a, 0x7b, 0xd5) },
        { QStringLiteral("user"), QColor(0xc2, 0x6d, 0x2e) },
        { QStringLiteral("assistant"), QColor(0x8e, 0x5c, 0xc8) },
        { QStringLiteral("system"), QColor(0x70, 0x78, 0x88) },
        { QStringLiteral("page"), QColor(0x2b, 0x9a, 0x8f) },
        { QStringLiteral("phase"), QColor(0x6b, 0x6f, 0xd6) },
        { QStringLiteral("task"), QColor(0x3a, 0x7b, 0xd5) },
    };
    return colors.value(value);
}

const FieldSpec *enumField(const QString &table, const QString &field)
{
    const TableSpec *spec = Catalog::table(table);
    const FieldSpec *f = spec ? spec->field(field) : nullptr;
    return (f && f->kind == FieldKind::Enum) ? f : nullptr;
}

} // namespace

QColor unknownStatusColor()
{
    return Unknown;
}

QColor sessionOutcomeColor(const QString &outcome)
{
    if (outcome == QLatin1StringView("success"))
        return Done;
    if (outcome == QLatin1StringView("failed"))
        return Failed;
    if (outcome == QLatin1StringView("running"))
        return Working;
    if (outcome == QLatin1StringView("no result"))
        return Attention;
    return Unknown;
}

bool isKnownStatus(const QString &table, const QString &field, const QString &value)
{
    const FieldSpec *f = enumField(table, field);
    return !f || value.isEmpty() || f->enumValues.contains(value);
}

QColor statusColor(const QString &table, const QString &field, const QString &value)
{
    if (value.isEmpty())
        return Retired;
    if (!isKnownStatus(table, field, value))
        return Unknown;
    if (field == QLatin1StringView("category") || field == QLatin1StringView("mode")
        || field == QLatin1StringView("type") || field.endsWith(QLatin1StringView("Type"))
        || field == QLatin1StringView("role")) {
        const QColor c = kindColor(value);
        if (c.isValid())
            return c;
    }
    // A pending conversation or proposal waits for someone: that needs attention, not patience.
    if (value == QLatin1StringView("pending")
        && (table == QLatin1StringView("conversations") || table == QLatin1StringView("proposals")))
        return Attention;
    const QColor c = genericColor(value);
    return c.isValid() ? c : Idle;
}

QString statusLabel(const QString &table, const QString &field, const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("—");
    QString label = value;
    label.replace(u'_', u' ');
    label[0] = label[0].toUpper();
    if (!isKnownStatus(table, field, value))
        label += QStringLiteral(" (unknown)");
    return label;
}

QIcon statusIcon(const QString &table, const QString &field, const QString &value)
{
    static QMutex mutex;
    static QHash<QRgb, QIcon> cache;
    const QColor color = statusColor(table, field, value);
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(color.rgb());
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    for (int size : { 12, 16, 24 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color.darker(130), size / 12.0));
        painter.setBrush(color);
        const qreal margin = size * 0.2;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(color.rgb(), icon);
    return icon;
}

QColor contrastingTextColor(const QColor &background)
{
    const double luminance = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace cwi
