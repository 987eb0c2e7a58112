#pragma once

// How the inspector reads a file, and what it leaves beside it.
//
// A WAL database needs its -shm (and -wal) to be read. Where the folder may be written, SQLite
// creates them; where it may not (a read-only mount, another user's folder), the file is opened
// as SQLite documents for read-only WAL access: with `readonly_shm` when a -shm exists (a writer
// may be running: its shared memory is read, never written), else `immutable` (no writer can
// exist without a -shm; a -wal left by a crashed writer is then not read, and the mode says so).
//
// The inspector removes the -wal and -shm it created when its last connection to the file
// closes, never ones that were there before, and never while another process has them open.

#include <QString>

namespace cwi {

class Database;

enum class ReadAccess
{
    Normal, // rollback journal, or WAL in a folder SQLite may write
    ReadOnlyShm, // WAL, folder not writable, -shm present: readonly_shm=1
    Immutable, // WAL, folder not writable, no -shm: immutable=1
};

// The access mode DATABASE reads with, in words for the user ("" for Normal).
QString readAccessDescription(const Database &database);

// Its short name for a status bar: "read-only WAL", "immutable" ("" for Normal).
QString readAccessName(const Database &database);

} // namespace cwi
