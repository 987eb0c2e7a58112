#pragma once

// The one text diff of the application: Myers' O(ND) algorithm on sequences of interned
// elements, used on lines (the transcript's Edit / MultiEdit view) and on tokens (the review's
// changed words within a changed line pair). Its work is bounded: above a budget of
// (N + M) * D steps it stops and reports the differing middle as one deletion and one insertion
// (after trimming what both ends have in common), so a huge or completely different input costs
// bounded time and memory instead of freezing the caller.

#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVector>

namespace cwi::textdiff {

struct Edit
{
    enum Kind : quint8
    {
        Equal,
        Delete, // elements of the old sequence
        Insert, // elements of the new sequence
    };
    Kind kind = Equal;
    int oldIndex = 0; // first old element (Equal, Delete); where the run sits otherwise
    int newIndex = 0; // first new element (Equal, Insert); where the run sits otherwise
    int count = 0;

    friend bool operator==(const Edit &, const Edit &) = default;
};

// (N + M) * D: about 20 ms of work; beyond it the middle is reported as replaced.
constexpr qint64 kDefaultMaxWork = 20'000'000;
// Edit distance beyond which the trace's memory (about D² ints) is not spent.
constexpr int kMaxEditDistance = 2000;

struct Result
{
    QVector<Edit> edits; // runs in order; adjacent runs of one kind are merged
    bool exact = true; // false: the budget ran out and the middle is one Delete + one Insert
};

// The shortest edit script turning A into B (elements compared by value).
Result diffSequences(const QVector<quint32> &a, const QVector<quint32> &b, qint64 maxWork = kDefaultMaxWork);

// Lines compared as whole strings.
Result diffLines(const QStringList &a, const QStringList &b, qint64 maxWork = kDefaultMaxWork);

// A line cut into tokens: runs of letters, digits and '_'; runs of white space; any other
// character alone. Spans are [start, start + length) into the line.
struct Span
{
    int start = 0;
    int length = 0;

    friend bool operator==(const Span &, const Span &) = default;
};
QVector<Span> tokenize(QStringView text);

// The changed characters of a line pair, from a diff of their tokens. Empty on both sides when
// the lines share nothing but white space (highlighting everything would say nothing).
struct WordChanges
{
    QVector<Span> oldSpans;
    QVector<Span> newSpans;
};
WordChanges diffWords(QStringView oldLine, QStringView newLine);

// A unified diff of two texts split at '\n': lines prefixed ' ', '-', '+', CONTEXT unchanged
// lines around each change, "@@ … @@" between hunks that are far apart.
QString unifiedDiff(const QString &oldText, const QString &newText, int context = 3);

} // namespace cwi::textdiff
