// The widgets of manual actions on a real fixture: context menus say why an action is disabled,
// the runner applies and makes the views reload, the confirmation shows old → new, the History
// lists the journal and undoes, the edit-mode toggle refuses a read-only file.

#include "actionfixture.h"
#include "actions/actiondialog.h"
#include "actions/actionmenu.h"
#include "actions/actionrunner.h"
#include "actions/actionservice.h"
#include "actions/editmode.h"
#include "actions/historymodel.h"
#include "actions/historyview.h"
#include "appcontext.h"
#include "database.h"
#include "fixtures.h"
#include "writes/actions.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace cwi;

class TestActionViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir { test::tempDirTemplate() };
    QString m_path;
    AppContext *m_context = nullptr;
    std::unique_ptr<Actions> m_actions;
    int m_serial = 0;

    void openFixture(bool writable)
    {
        m_path = m_dir.filePath(u"cw-"_s + QString::number(++m_serial) + u".db");
        QVERIFY(test::seedActionFixture(m_path, NameStyle::SnakeCase, TimestampUnit::Seconds));
        Database::OpenResult opened = Database::open(m_path);
        QVERIFY(opened.database);
        if (writable)
            QVERIFY(opened.database->enableWriting(nullptr));
        m_context->setDatabase(opened.database);
        m_actions
            = std::make_unique<Actions>(opened.database, m_dir.filePath(u"journal-"_s + QString::number(m_serial)));
    }

    // Saves a screenshot when CWI_SHOTS names a folder (to look at the widgets by eye).
    static void shoot(QWidget *widget, const QString &name)
    {
        const QString folder = qEnvironmentVariable("CWI_SHOTS");
        if (!folder.isEmpty())
            widget->grab().save(folder + u'/' + name + u".png");
    }

    static QAction *find(QMenu &menu, const QString &prefix)
    {
        for (QAction *a : menu.actions()) {
            if (a->text().startsWith(prefix))
                return a;
        }
        return nullptr;
    }

private Q_SLOTS:
    void init() { m_context = new AppContext(this); }
    void cleanup()
    {
        m_actions.reset();
        delete m_context;
    }

    void menuExplainsDisabledActions()
    {
        openFixture(true);
        QWidget window;
        ActionService service(m_actions.get());
        ActionRunner runner(m_context, &service, &window);
        QMenu menu;
        QCOMPARE(ActionMenu::populate(&menu, EntityRef { u"tasks"_s, u"T-done"_s }, &runner), 2);
        QAction *retry = find(menu, u"Retry"_s);
        QVERIFY(retry);
        QVERIFY(!retry->isEnabled());
        QVERIFY(retry->toolTip().contains(u"completed"));
        QCOMPARE(retry->shortcut(), QKeySequence(u"Ctrl+Shift+R"_s));
        QVERIFY(find(menu, u"Set status"_s)->isEnabled());

        QMenu several;
        ActionMenu::populate(&several, { { u"tasks"_s, u"T-blocked"_s }, { u"tasks"_s, u"T-done"_s } }, &runner);
        QVERIFY(find(several, u"Retry (2)"_s)->isEnabled());
        QVERIFY(!find(several, u"Set status"_s)); // a one-row action is not offered for two rows

        QMenu none;
        QCOMPARE(ActionMenu::populate(&none, EntityRef { u"agent_log_chunks"_s, u"x"_s }, &runner), 0);
    }

    void readOnlyMenuSaysHowToEdit()
    {
        openFixture(false);
        QWidget window;
        ActionService service(m_actions.get());
        ActionRunner runner(m_context, &service, &window);
        QMenu menu;
        ActionMenu::populate(&menu, EntityRef { u"review_comments"_s, u"RC-open"_s }, &runner);
        QVERIFY(!menu.actions().isEmpty());
        for (QAction *a : menu.actions()) {
            if (a->isSeparator())
                continue;
            QVERIFY(!a->isEnabled());
            QVERIFY(a->toolTip().contains(u"editing"));
        }
        QVERIFY(!runner.undoAction()->isEnabled());
    }

    void runnerAppliesReloadsAndUndoes()
    {
        openFixture(true);
        QWidget window;
        ActionService service(m_actions.get());
        ActionRunner runner(m_context, &service, &window);
        runner.setInteractive(false);
        QSignalSpy reload(m_context, &AppContext::dataChanged);
        QSignalSpy status(&runner, &ActionRunner::statusMessage);
        const test::Dump before = test::dumpAll(m_path);

        runner.trigger(u"resolve-comment"_s, { u"RC-open"_s });
        QCOMPARE(reload.size(), 1);
        QVERIFY(status.last().first().toString().contains(u"done"));
        QVERIFY(runner.undoAction()->isEnabled());
        QVERIFY(runner.undoAction()->text().startsWith(u"Undo Resolve"));
        QCOMPARE(runner.undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));

        runner.trigger(u"answer-conversation"_s, { u"C-pending"_s }, u"Use v2"_s);
        QCOMPARE(reload.size(), 2);
        QCOMPARE(test::dumpAll(m_path).value(u"conversations/C-pending"_s).value(u"answer"_s), u"text:Use v2"_s);

        runner.undoAction()->trigger();
        runner.undoAction()->trigger();
        QCOMPARE(reload.size(), 4);
        QCOMPARE(test::dumpAll(m_path), before);
        QVERIFY(!runner.undoAction()->isEnabled());

        // Not valid: nothing reloads, the status bar says why.
        runner.trigger(u"retry-task"_s, { u"T-done"_s });
        QCOMPARE(reload.size(), 4);
        QVERIFY(status.last().first().toString().contains(u"completed"));
    }

    void shortcutsActOnTheSelection()
    {
        openFixture(true);
        QWidget window;
        ActionService service(m_actions.get());
        ActionRunner runner(m_context, &service, &window);
        runner.setInteractive(false);
        QVector<EntityRef> selection { { u"agents"_s, u"A-dismissed"_s } };
        ActionMenu::installShortcuts(&window, &runner, [&selection] { return selection; });
        QAction *undismiss = nullptr;
        for (QAction *a : window.actions()) {
            if (a->shortcut() == QKeySequence(u"Ctrl+Shift+U"_s))
                undismiss = a;
        }
        QVERIFY(undismiss);
        undismiss->trigger();
        QCOMPARE(test::dumpAll(m_path).value(u"agents/A-dismissed"_s).value(u"user_dismissed_at"_s), u"null"_s);
    }

    void confirmationShowsOldAndNew()
    {
        openFixture(true);
        const ActionInfo *info = actionInfo(u"answer-conversation"_s);
        Actions *actions = m_actions.get();
        const ActionPrompt prompt = actions->prompt(info->name, u"C-pending"_s);
        QVERIFY(prompt.context.contains(u"Which API?"));
        ActionDialog dialog(*info,
            [actions](
                const QString &text) { return actions->plan(u"answer-conversation"_s, { u"C-pending"_s }, { text }); },
            prompt.context, {}, {});
        QPushButton *apply = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!apply->isEnabled()); // nothing typed yet
        dialog.findChild<QPlainTextEdit *>()->setPlainText(u"Use the v2 API; v1 is going away."_s);
        QVERIFY(apply->isEnabled());
        QVERIFY(dialog.plan().isValid());
        const QTreeWidget *changes = dialog.findChild<QTreeWidget *>();
        QStringList rows;
        for (int i = 0; i < changes->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = changes->topLevelItem(i);
            rows.append(item->text(0) + u": " + item->text(1) + u' ' + item->text(2));
        }
        QVERIFY2(rows.contains(u"status: “pending” →  “answered”"_s), qPrintable(rows.join(u" | ")));
        const QString stamp = rows.filter(u"updatedAt: "_s).value(0);
        QVERIFY2(stamp.startsWith(u"updatedAt: 1700000000  (2023-11-1"_s) && stamp.endsWith(u"→  now"_s),
            qPrintable(stamp)); // the raw value and the date it means
        dialog.show();
        shoot(&dialog, u"action-dialog-answer"_s);

        const ActionInfo *status = actionInfo(u"set-task-status"_s);
        const ActionPrompt statusPrompt = actions->prompt(status->name, u"T-done"_s);
        QVERIFY(!statusPrompt.choices.contains(u"completed"_s));
        ActionDialog advanced(
            *status, [actions](const QString &s) { return actions->planSetTaskStatus(u"T-done"_s, s); },
            statusPrompt.context, statusPrompt.choices.value(0), statusPrompt.choices);
        QVERIFY(advanced.findChild<QLabel *>(u"actionWarning"_s)->text().contains(u"Advanced"));
        advanced.show();
        shoot(&advanced, u"action-dialog-status"_s);
    }

    void historyListsAndUndoes()
    {
        openFixture(true);
        HistoryModel probe;
        QAbstractItemModelTester tester(&probe, QAbstractItemModelTester::FailureReportingMode::QtTest);
        probe.setEntries(m_actions->history());
        QVERIFY(m_actions->apply(m_actions->planRetryTasks({ u"T-blocked"_s })).applied());
        QVERIFY(m_actions->apply(m_actions->planDismissAgent(u"A-idle"_s)).applied());
        const ActionPlan stale = m_actions->planResolveComments({ u"RC-open"_s });
        const QString other = test::openRaw(m_path);
        QVERIFY(test::exec(other, u"UPDATE review_comments SET resolved = 1 WHERE id = 'RC-open'"_s));
        test::closeRaw(other);
        QCOMPARE(m_actions->apply(stale).outcome, WriteOutcome::ChangedMeanwhile);
        probe.setEntries(m_actions->history());
        QCOMPARE(probe.rowCount(), 3);

        ActionService service(m_actions.get());
        HistoryView view(m_context, &service);
        view.resize(720, 420);
        QCOMPARE(view.model()->rowCount(), 3);
        const QModelIndex newest = view.model()->index(0, HistoryModel::OutcomeColumn);
        QCOMPARE(newest.data().toString(), u"changed meanwhile"_s);
        QCOMPARE(
            view.model()->index(1, HistoryModel::ActionColumn).data().toString(), u"Dismiss agent “agent-A-idle”"_s);
        auto *list = view.findChild<QTreeView *>(u"historyList"_s);
        QVERIFY(list);
        list->setCurrentIndex(view.model()->index(1, 0));
        QPushButton *undo = nullptr;
        for (QPushButton *b : view.findChildren<QPushButton *>()) {
            if (b->text().startsWith(u"Undo"))
                undo = b;
        }
        QVERIFY(undo && undo->isEnabled());
        view.show();
        shoot(&view, u"history-view"_s);
        QSignalSpy reload(m_context, &AppContext::dataChanged);
        undo->click();
        QCOMPARE(reload.size(), 1);
        QCOMPARE(view.model()->rowCount(), 4); // the undo is journaled too
        QCOMPARE(test::dumpAll(m_path).value(u"agents/A-idle"_s).value(u"user_dismissed_at"_s), u"null"_s);
        QCOMPARE(view.model()->index(2, HistoryModel::OutcomeColumn).data().toString(), u"undone"_s);
    }

    void editModeRefusesAReadOnlyFile()
    {
        openFixture(false);
        EditModeToggle toggle(m_context);
        QWidget bar;
        QLabel *badge = toggle.createBadge(&bar);
        QCOMPARE(badge->text(), u"Read-only"_s);
        QVERIFY(!toggle.action()->isChecked());
        QVERIFY(toggle.setEditing(true));
        QCOMPARE(badge->text(), u"EDITING"_s);
        QVERIFY(toggle.action()->isChecked());
        QVERIFY(toggle.setEditing(false));
        QCOMPARE(badge->text(), u"Read-only"_s);

        QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        QSignalSpy messages(&toggle, &EditModeToggle::message);
        QString error;
        QVERIFY(!toggle.setEditing(true, &error));
        QVERIFY(error.contains(u"read-only"));
        QCOMPARE(messages.size(), 1);
        QVERIFY(!toggle.action()->isChecked());
        QVERIFY(!m_context->database()->isWritable());
        QCOMPARE(badge->text(), u"Read-only"_s);
    }
};

QTEST_MAIN(TestActionViews)
#include "tst_actionviews.moc"
