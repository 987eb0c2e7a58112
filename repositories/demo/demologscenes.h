#pragma once

// Private to the demo seeder: the scenes an agent session is made of (a todo list, rounds of
// explore / edit / failing test / fix / passing test on one file, a final report). The files
// come from the demo repository, so Read and Edit show real code.

#include "demostreamjson.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace cwi::demo {

struct Topic
{
    QString path; // file the agent works on (content from the demo repository)
    QByteArray oldText; // one line it replaces
    QByteArray newText;
    QString grep; // symbol it searches for
    QString test; // test command
    QString failure; // what the first test run says
};

enum TopicId
{
    SessionTopic,
    UsersTopic,
    QueueTopic,
    NotesTopic,
    ServerTopic,
    TopicCount
};

QVector<Topic> logTopics();
// Which part of the code a task is about (INITIATIVE: index in DemoState::initiatives, or -1).
int topicFor(const QString &taskName, int initiative);

void writeTodos(StreamJsonSession &s, DemoRandom &rng, const QString &task, const QString &activeFile);
// One round of work on TOPIC (CONTENT: the file before the edit); FIRSTROUND also lists the files.
void writeRound(StreamJsonSession &s, DemoRandom &rng, const Topic &topic, const QByteArray &content,
    const QString &task, const QString &cwd, bool firstRound);
QString finalReport(const QString &task, const Topic &topic);

} // namespace cwi::demo
