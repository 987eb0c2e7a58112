#pragma once

// The built-in demo: a fresh Codewalkers database filled with deterministic, realistic rows and
// a real git repository beside it, so every view (review included) has something to show.

#include <QString>

namespace cwi {

struct DemoResult
{
    bool ok = false;
    QString error; // why it failed; with ok == true, a warning (e.g. git is missing)
    QString databasePath;
    QString repositoryPath;
};

// Creates a fresh demo database at DATABASE_PATH (must not exist) from the embedded migrations
// (MigrationRunner) plus deterministic seeded rows, and a real git repository at REPOSITORY_PATH
// (created with git through QProcess, argument lists, no shell) whose path projects.url points at.
// If git is not installed the database is still created, the project url points at the missing
// folder, and DemoResult::error says so (ok stays true). The same SEED gives the same rows.
DemoResult createDemoDatabase(const QString &databasePath, const QString &repositoryPath, quint32 seed = 1);

// For `--demo`: FOLDER/demo.db and the repository FOLDER/orbit-notes. An existing demo.db is
// reused as it is (the user may have edited it); otherwise both are created. When a leftover
// repository folder is in the way, a fresh sibling (orbit-notes-2, ...) is used instead.
DemoResult ensureDemoDatabase(const QString &folder);

} // namespace cwi
