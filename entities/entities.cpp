#include "entities.h"

#include <QTimeZone>

namespace cwi {

namespace {
constexpr qint64 kMillisecondsThreshold = 100'000'000'000; // NOTES.md: above 1e11 it is milliseconds
}

QDateTime Timestamp::interpret(const QVariant &raw)
{
    if (raw.isNull() || !raw.isValid())
        return {};
    if (raw.typeId() == QMetaType::QString || raw.typeId() == QMetaType::QByteArray) {
        const QString text = raw.toString().trimmed();
        bool isNumber = false;
        const qint64 number = text.toLongLong(&isNumber);
        if (!isNumber) {
            QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!parsed.isValid())
                parsed = QDateTime::fromString(text, Qt::ISODate);
            if (!parsed.isValid()) // SQLite's own "YYYY-MM-DD HH:MM:SS", UTC
                parsed = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            if (parsed.isValid() && parsed.timeSpec() == Qt::LocalTime && !text.contains(u'+') && !text.endsWith(u'Z'))
                parsed.setTimeZone(QTimeZone::utc());
            return parsed;
        }
        return interpret(QVariant(number));
    }
    bool ok = false;
    const qint64 value = raw.toLongLong(&ok);
    if (!ok)
        return {};
    if (value > kMillisecondsThreshold || value < -kMillisecondsThreshold)
        return QDateTime::fromMSecsSinceEpoch(value, QTimeZone::utc());
    return QDateTime::fromSecsSinceEpoch(value, QTimeZone::utc());
}

QDateTime Timestamp::toDateTime() const
{
    return interpret(raw);
}

} // namespace cwi
