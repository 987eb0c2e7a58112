#include "docommand.h"

#include "actions.h"
#include "database.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

constexpr int kApplied = 0;
constexpr int kBadArguments = 2;
constexpr int kNotApplied = 3;
constexpr int kBusy = 4;

QString shown(const QVariant &value, bool stampNow = false)
{
    if (stampNow)
        return u"now"_s;
    if (!value.isValid() || value.isNull())
        return u"NULL"_s;
    if (value.typeId() == QMetaType::QString) {
        QString text = value.toString();
        text.replace(u'\n', u"\\n"_s);
        return u'"' + (text.size() > 80 ? text.left(77) + u"..." : text) + u'"';
    }
    return value.toString();
}

void printPlan(const ActionPlan &plan, QTextStream &out)
{
    for (const RowChange &row : plan.rows) {
        if (row.op == RowOp::Check)
            continue;
        const QString op = row.op == RowOp::Insert ? u"added"_s : row.op == RowOp::Delete ? u"deleted"_s : u"changed"_s;
        out << "  " << row.table << ' ' << row.id << " (" << op << ")\n";
        for (const FieldChange &c : row.changes) {
            if (row.op == RowOp::Insert)
                out << "    " << c.field << ": " << shown(c.after, c.stampNow) << '\n';
            else if (row.op == RowOp::Delete)
                out << "    " << c.field << ": " << shown(c.before) << '\n';
            else
                out << "    " << c.field << ": " << shown(c.before) << " -> " << shown(c.after, c.stampNow) << '\n';
        }
    }
}

} // namespace

QString doCommandUsage()
{
    QString text = u"Usage: cw-inspector FILE --edit --do ACTION ID [ARG...]\nActions:\n"_s;
    for (const ActionInfo &info : actionCatalogue()) {
        QString args = u"ID"_s;
        if (info.name == u"create-comment")
            args = u"PHASE_ID FILE LINE added|removed|context BODY [AUTHOR]"_s;
        else if (info.arg == ActionArg::Text)
            args += u" TEXT"_s;
        else if (info.arg == ActionArg::Status)
            args += u" STATUS"_s;
        text += u"  "_s + info.name.leftJustified(22) + args + u'\n';
    }
    text += u"  "_s + QStringLiteral("undo").leftJustified(22) + u"last | JOURNAL_ID\n";
    text += u"Exit: 0 applied, 3 changed meanwhile or not valid, 4 database busy, 2 bad arguments or file.\n"_s;
    return text;
}

int runDoCommand(const QString &dbPath, const QStringList &args, const QString &journalPath, QTextStream &out,
    QTextStream &err, int busyTimeoutMs)
{
    const bool undo = !args.isEmpty() && args.first() == u"undo";
    if (args.size() < 2 || (!undo && !actionInfo(args.first()))) {
        if (!args.isEmpty() && !undo && !actionInfo(args.first()))
            err << "Unknown action: " << args.first() << '\n';
        err << doCommandUsage();
        return kBadArguments;
    }
    OpenOptions options;
    if (busyTimeoutMs >= 0)
        options.busyTimeoutMs = busyTimeoutMs;
    const Database::OpenResult opened = Database::open(dbPath, options);
    if (!opened.database) {
        err << opened.message << '\n';
        return opened.error == OpenError::Locked ? kBusy : kBadArguments; // a lock is "busy", as in a write
    }
    QString error;
    if (!opened.database->enableWriting(&error)) {
        err << error << '\n';
        return kBadArguments;
    }
    Actions actions(opened.database, journalPath);
    if (!actions.journalError().isEmpty()) {
        err << actions.journalError() << " Nothing was written.\n";
        return kBadArguments;
    }
    WriteResult result;
    if (undo) { // undo last | undo JOURNAL_ID: the same optimistic check as Ctrl+Z
        bool isNumber = false;
        const qint64 journalId = args.at(1).toLongLong(&isNumber);
        if (args.at(1) != u"last" && !isNumber) {
            err << "undo takes \"last\" or a journal entry number (see the History)\n";
            return kBadArguments;
        }
        result = isNumber ? actions.undo(journalId) : actions.undoLast();
    } else {
        const ActionPlan plan = actions.plan(args.at(0), { args.at(1) }, args.mid(2));
        if (!plan.isValid()) {
            err << (plan.notValid.isEmpty() ? u"Nothing to change."_s : plan.notValid) << '\n';
            return plan.badArguments ? kBadArguments : kNotApplied;
        }
        result = actions.apply(plan);
    }
    switch (result.outcome) {
    case WriteOutcome::Applied:
        out << "Applied: " << result.plan.title << " (journal #" << result.journalId << ")\n";
        printPlan(result.plan, out);
        return kApplied;
    case WriteOutcome::ChangedMeanwhile:
    case WriteOutcome::NotValid:
        err << result.message << '\n';
        return kNotApplied;
    case WriteOutcome::Busy:
        err << result.message << '\n';
        return kBusy;
    case WriteOutcome::ReadOnly:
    case WriteOutcome::Failed:
        break;
    }
    err << result.message << '\n';
    return kBadArguments;
}

} // namespace cwi
