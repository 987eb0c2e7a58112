#include "referencelabels.h"

#include "database.h"
#include "rowreader.h"

namespace cwi {

ReferenceLabels::ReferenceLabels(std::shared_ptr<Database> database, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
{ }

bool ReferenceLabels::isReference(const FieldSpec *field, const QVariant &value)
{
    return field && !field->references.isEmpty() && !value.isNull();
}

QString ReferenceLabels::label(const FieldSpec *field, const QVariant &value) const
{
    if (!isReference(field, value) || !m_database)
        return {};
    const QString id = value.toString();
    const auto known = m_labels.constFind(field->references);
    if (known != m_labels.cend()) {
        const auto label = known->constFind(id);
        if (label != known->cend())
            return *label;
    }
    m_wanted[field->references].insert(id);
    if (!m_scheduled && !m_jobs.isBusy()) {
        m_scheduled = true; // one batch for every cell painted in this turn
        QMetaObject::invokeMethod(const_cast<ReferenceLabels *>(this), &ReferenceLabels::start, Qt::QueuedConnection);
    }
    return {};
}

QString ReferenceLabels::toolTip(const FieldSpec *field, const QVariant &value) const
{
    if (!isReference(field, value))
        return {};
    const QString name = label(field, value);
    return field->references + u' ' + value.toString() + (name.isEmpty() ? QString() : QString(u'\n' + name));
}

void ReferenceLabels::start()
{
    m_scheduled = false;
    if (m_wanted.isEmpty() || m_jobs.isBusy())
        return;
    QHash<QString, QStringList> wanted;
    for (auto it = m_wanted.cbegin(); it != m_wanted.cend(); ++it)
        wanted.insert(it.key(), QStringList(it->cbegin(), it->cend()));
    m_wanted.clear();
    const RowReader reader(m_database);
    m_jobs.run(
        [reader, wanted] {
            QHash<QString, QHash<QString, QString>> found;
            for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
                QHash<QString, QString> labels = reader.labels(it.key(), it.value());
                for (const QString &id : it.value())
                    labels.insert(id, labels.value(id)); // "" remembers "not found": asked once
                found.insert(it.key(), labels);
            }
            return found;
        },
        [this](const QHash<QString, QHash<QString, QString>> &found) {
            for (auto it = found.cbegin(); it != found.cend(); ++it) {
                QHash<QString, QString> &labels = m_labels[it.key()];
                if (labels.size() > kMaxLabels) // bounded: what scrolled away is asked again
                    labels.clear();
                labels.insert(it.value());
            }
            Q_EMIT arrived();
            if (!m_wanted.isEmpty())
                start();
        });
}

} // namespace cwi
