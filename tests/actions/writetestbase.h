#pragma once

// Shared by the write-path tests: a fresh seeded fixture file per test function, opened as the
// window would (read-only connection + optional write connection), with its own journal.

#include "actionfixture.h"
#include "catalog.h"
#include "database.h"
#include "writes/actions.h"

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <memory>

namespace cwi::test {

// Not a test class itself (no slots): the test classes derive from it.
class WriteTestBase : public QObject
{
protected:
    QTemporaryDir m_dir { tempDirTemplate() };
    QString m_path;
    QString m_journal;
    std::shared_ptr<Database> m_db;
    std::unique_ptr<Actions> m_actions;

    void newJournal()
    {
        m_journal
            = m_dir.filePath(QStringLiteral("journal-") + QString::number(QRandomGenerator::global()->generate()));
    }

    void closeAll()
    {
        m_actions.reset();
        m_db.reset();
    }

    bool open(NameStyle style, TimestampUnit unit, bool writable = true)
    {
        m_path = m_dir.filePath(
            QStringLiteral("cw-") + QString::number(QRandomGenerator::global()->generate()) + QStringLiteral(".db"));
        if (!test::seedActionFixture(m_path, style, unit))
            return false;
        Database::OpenResult opened = Database::open(m_path);
        if (!opened.database)
            return false;
        m_db = opened.database;
        QString error;
        if (writable && !m_db->enableWriting(&error))
            return false;
        m_actions = std::make_unique<Actions>(m_db, m_journal);
        return m_actions->journalError().isEmpty();
    }

    // VALUE (typed dump text) is "now" in UNIT, between FROM and TO.
    static bool isNow(const QString &value, TimestampUnit unit, const QDateTime &from, const QDateTime &to)
    {
        if (unit == TimestampUnit::IsoText) {
            if (!value.startsWith(u"text:") || !value.endsWith(u'Z') || value.size() != 5 + 24)
                return false;
            const QDateTime at = QDateTime::fromString(value.mid(5), Qt::ISODateWithMs);
            return at.isValid() && at >= from.addMSecs(-1000) && at <= to.addMSecs(1000);
        }
        if (!value.startsWith(u"int:"))
            return false;
        const qint64 n = value.mid(4).toLongLong();
        if (unit == TimestampUnit::Milliseconds)
            return n >= from.toMSecsSinceEpoch() && n <= to.toMSecsSinceEpoch();
        return n >= from.toSecsSinceEpoch() && n <= to.toSecsSinceEpoch();
    }

    // "field=typed;..." -> map (the expectations of the data tables)
    static QMap<QString, QString> parseFields(const QString &text)
    {
        QMap<QString, QString> fields;
        for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
            const qsizetype eq = part.indexOf(u'=');
            fields.insert(part.left(eq), part.mid(eq + 1));
        }
        return fields;
    }

    // Dump row with logical field names.
    static QMap<QString, QString> logical(const QMap<QString, QString> &row)
    {
        QMap<QString, QString> out;
        for (auto it = row.cbegin(); it != row.cend(); ++it)
            out.insert(Catalog::toCamelCase(it.key()), it.value());
        return out;
    }
};

} // namespace cwi::test
