// The demo project's history as data: a notes API in TypeScript with a Go export worker.
// Later versions of a file are derived from earlier ones by small replacements, the way real
// commits touch a few lines.

#include "demorepo.h"

#include <QHash>

namespace cwi::demo {

namespace {

QByteArray edit(QByteArray text, const QVector<std::pair<QByteArray, QByteArray>> &replacements)
{
    for (const auto &[from, to] : replacements) {
        Q_ASSERT_X(text.contains(from), "demo repo", from.constData());
        text.replace(from, to);
    }
    return text;
}

const char kReadme[] = R"md(# orbit-notes

A small notes service: a TypeScript HTTP API (`src/`) and a Go worker that exports
notes to object storage (`worker/`).

## Running

```sh
npm install
npm run dev
```

The API listens on port 8080. The worker reads jobs from the `exports` queue.
)md";

const char kPackageJson[] = R"json({
  "name": "orbit-notes",
  "version": "0.4.2",
  "private": true,
  "type": "module",
  "scripts": {
    "dev": "tsx watch src/server.ts",
    "build": "tsc -p .",
    "test": "vitest run"
  },
  "dependencies": {
    "express": "^4.19.2",
    "pg": "^8.11.5"
  },
  "devDependencies": {
    "@types/express": "^4.17.21",
    "tsx": "^4.7.2",
    "typescript": "^5.4.5",
    "vitest": "^1.6.0"
  }
}
)json";

const char kTsconfig[] = R"json({
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "outDir": "dist"
  },
  "include": ["src"]
}
)json";

const char kGitignore[] = "node_modules/\ndist/\n.env\nworker/bin/\n";

const char kServer[] = R"ts(import express from "express";
import { pool } from "./db/pool.js";
import { notesRouter } from "./routes/notes.js";
import { usersRouter } from "./routes/users.js";
import { basicAuth } from "./auth/basic.js";

const app = express();
app.use(express.json());

app.get("/health", async (_req, res) => {
  await pool.query("SELECT 1");
  res.json({ ok: true });
});

app.use("/users", usersRouter);
app.use("/notes", basicAuth, notesRouter);

const port = Number(process.env.PORT ?? 8080);
app.listen(port, () => {
  console.log(`orbit-notes listening on ${port}`);
});
)ts";

const char kUsers[] = R"ts(import { Router } from "express";
import { pool } from "../db/pool.js";

export const usersRouter = Router();

usersRouter.post("/", async (req, res) => {
  const { email, password } = req.body;
  if (!email || !password) {
    return res.status(400).json({ error: "email and password are required" });
  }
  const { rows } = await pool.query(
    "INSERT INTO users (email, password) VALUES ($1, $2) RETURNING id",
    [email, password],
  );
  res.status(201).json({ id: rows[0].id });
});

usersRouter.post("/check", async (req, res) => {
  const { rows } = await pool.query("SELECT * FROM users WHERE email = $1", [req.body.email]);
  const user = rows[0];
  if (!user) {
    return res.status(404).json({ error: "no such user" });
  }
  if (user.password !== req.body.password) {
    return res.status(401).json({ error: "wrong password" });
  }
  res.json({ id: user.id });
});
)ts";

const char kNotes[] = R"ts(import { Router } from "express";
import { pool } from "../db/pool.js";

export const notesRouter = Router();

notesRouter.get("/", async (req, res) => {
  const limit = Math.min(Number(req.query.limit ?? 50), 200);
  const { rows } = await pool.query(
    "SELECT id, title, updated_at FROM notes WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT $2",
    [res.locals.userId, limit],
  );
  res.json(rows);
});

notesRouter.post("/", async (req, res) => {
  const { title, body } = req.body;
  const { rows } = await pool.query(
    "INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3) RETURNING id",
    [res.locals.userId, title, body ?? ""],
  );
  res.status(201).json({ id: rows[0].id });
});
)ts";

const char kSession[] = R"ts(import type { NextFunction, Request, Response } from "express";
import { randomBytes } from "node:crypto";

export interface Session {
  token: string;
  userId: string;
  createdAt: number;
}

const sessions = new Map<string, Session>();

export function createSession(userId: string): Session {
  const session = { token: randomBytes(24).toString("hex"), userId, createdAt: Date.now() };
  sessions.set(session.token, session);
  return session;
}

export function requireSession(req: Request, res: Response, next: NextFunction) {
  const token = req.header("x-session-token");
  const session = token ? sessions.get(token) : undefined;
  if (!session) {
    return res.status(401).json({ error: "not signed in" });
  }
  res.locals.userId = session.userId;
  next();
}
)ts";

const char kBasic[] = R"ts(import type { NextFunction, Request, Response } from "express";

// Legacy: HTTP basic auth against a single shared password. Replaced by sessions.
export function basicAuth(req: Request, res: Response, next: NextFunction) {
  const header = req.header("authorization") ?? "";
  const [scheme, encoded] = header.split(" ");
  if (scheme !== "Basic" || !encoded) {
    return res.status(401).set("WWW-Authenticate", "Basic").end();
  }
  const [user, password] = Buffer.from(encoded, "base64").toString().split(":");
  if (password !== process.env.NOTES_PASSWORD) {
    return res.status(401).end();
  }
  res.locals.userId = user;
  next();
}
)ts";

const char kPool[] = R"ts(import pg from "pg";

// One pool for the whole process; the worker has its own.
export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

// Runs FN inside BEGIN/COMMIT on one client; rolls back when it throws.
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
)ts";

const char kGoMod[] = "module github.com/orbit/notes/worker\n\ngo 1.22\n";

const char kWorkerMain[] = R"go(package main

import (
	"context"
	"log"
	"os"
	"os/signal"

	"github.com/orbit/notes/worker/queue"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	q, err := queue.Open(os.Getenv("QUEUE_URL"), "exports")
	if err != nil {
		log.Fatalf("open queue: %v", err)
	}
	log.Printf("export worker started")
	if err := q.Run(ctx, exportNote); err != nil {
		log.Fatalf("worker stopped: %v", err)
	}
}

func exportNote(ctx context.Context, job queue.Job) error {
	log.Printf("exporting note %s", job.NoteID)
	return nil
}
)go";

const char kQueue[] = R"go(package queue

import (
	"context"
	"errors"
	"time"
)

// Job is one export request.
type Job struct {
	ID     string
	NoteID string
	Tries  int
}

type Queue struct {
	name string
	jobs chan Job
}

func Open(url, name string) (*Queue, error) {
	if url == "" {
		return nil, errors.New("queue url is empty")
	}
	return &Queue{name: name, jobs: make(chan Job, 64)}, nil
}

func (q *Queue) Run(ctx context.Context, handle func(context.Context, Job) error) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case job := <-q.jobs:
			if err := handle(ctx, job); err != nil {
				job.Tries++
				time.Sleep(time.Second)
				q.jobs <- job
			}
		}
	}
}
)go";

const char kCi[] = R"yml(name: ci
on: [push, pull_request]
jobs:
  api:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm ci && npm run build && npm test
  worker:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with: { go-version: "1.22" }
      - run: cd worker && go vet ./... && go test ./...
)yml";

const char kPassword[] = R"ts(import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 64;

// Stored as "scrypt$<salt hex>$<key hex>".
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString("hex")}$${key.toString("hex")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, keyHex] = stored.split("$");
  if (scheme !== "scrypt" || !saltHex || !keyHex) {
    return false;
  }
  const expected = Buffer.from(keyHex, "hex");
  const actual = await scryptAsync(password, Buffer.from(saltHex, "hex"), expected.length);
  return timingSafeEqual(actual, expected);
}
)ts";

const char kPasswordTest[] = R"ts(import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.js";

describe("password hashing", () => {
  it("verifies the password it hashed", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const stored = await hashPassword("hunter2");
    expect(await verifyPassword("hunter3", stored)).toBe(false);
  });

  it("rejects a malformed hash instead of throwing", async () => {
    expect(await verifyPassword("x", "plaintext")).toBe(false);
  });
});
)ts";

const char kSessionTest[] = R"ts(import { describe, expect, it, vi } from "vitest";
import { createSession, rotateIfStale } from "./session.js";

describe("session rotation", () => {
  it("keeps a fresh session", () => {
    const session = createSession("u1");
    expect(rotateIfStale(session).token).toBe(session.token);
  });

  it("rotates a session older than the rotation window", () => {
    vi.useFakeTimers();
    const session = createSession("u1");
    vi.advanceTimersByTime(16 * 60 * 1000);
    expect(rotateIfStale(session).token).not.toBe(session.token);
    vi.useRealTimers();
  });
});
)ts";

const char kSecurityNotes[] = R"md(# Sécurité — notes de revue

- Les mots de passe sont hachés avec scrypt (sel de 16 octets, clé de 64 octets).
- Les jetons de session tournent après 15 minutes d'activité.
- L'ancien helper « basic auth » est supprimé ; plus de mot de passe partagé.
- TODO : limiter les tentatives de connexion par adresse IP.
)md";

// On cw/user-auth for a while, then moved to a phase of its own: the demo's outdated comment was
// written on it.
const char kAdmin[] = R"ts(import { Router } from "express";
import { db as pool } from "../db/connection.js";
import { requireSession } from "../auth/session.js";

export const adminRouter = Router();

adminRouter.get("/users", requireSession, async (req, res) => {
  const { rows } = await pool.query(
    "SELECT id, email, disabled_at FROM users ORDER BY email LIMIT 200",
  );
  res.json(rows);
});

// The admin UI only shows the "Disable" button to admins.
adminRouter.post("/users/:id/disable", requireSession, async (req, res) => {
  await pool.query("UPDATE users SET disabled_at = now() WHERE id = $1", [req.params.id]);
  res.status(204).end();
});
)ts";

const char kBillingExport[] = R"ts(import type { Response } from "express";
import { pool } from "../db/pool.js";

// Streams the invoices of one month as CSV, one row per line item.
export async function exportInvoices(month: string, res: Response) {
  const { rows } = await pool.query(
    "SELECT invoice_id, customer, item, amount_cents FROM invoice_items WHERE month = $1 ORDER BY invoice_id",
    [month],
  );
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.write("invoice_id,customer,item,amount\n");
  for (const row of rows) {
    const amount = (row.amount_cents / 100).toFixed(2);
    res.write(`${row.invoice_id},"${row.customer.replaceAll('"', '""')}",${row.item},${amount}\n`);
  }
  res.end();
}
)ts";

} // namespace

QByteArray demoAdminRoutes()
{
    return QByteArray(kAdmin);
}

namespace {

QByteArray pngBytes()
{
    static const char data[]
        = "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x0c\x00\x00"
          "\x00\x0c\x08\x02\x00\x00\x00\xd9\x17\xcb\xb0\x00\x00\x00\x1f\x49\x44\x41\x54\x78\xda\x63"
          "\xf8\x0f\x03\xd6\x4d\xdf\x20\x08\x53\x84\x81\x7a\x8a\xf0\xc8\xc1\x45\xa8\xa8\x68\x58\xfb"
          "\x0e\x00\x8b\x40\x51\x90\xb5\x6c\x5c\x4f\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
    return QByteArray(data, sizeof(data) - 1);
}

QByteArray bytes(const char *text)
{
    return QByteArray(text);
}

} // namespace

QVector<RepoCommit> demoRepoScript(qint64 baseTime)
{
    const qint64 day = 86400;
    const QString main = QStringLiteral("main");
    const QString auth = kAuthBranch;
    QVector<RepoCommit> script;

    script.append({ main, {}, QStringLiteral("Initial commit: notes API and export worker"), baseTime - 60 * day, {},
        {},
        { { QStringLiteral("README.md"), bytes(kReadme) }, { QStringLiteral("package.json"), bytes(kPackageJson) },
            { QStringLiteral("tsconfig.json"), bytes(kTsconfig) }, { QStringLiteral(".gitignore"), bytes(kGitignore) },
            { QStringLiteral("src/server.ts"), bytes(kServer) },
            { QStringLiteral("src/routes/users.ts"), bytes(kUsers) },
            { QStringLiteral("src/routes/notes.ts"), bytes(kNotes) },
            { QStringLiteral("src/auth/session.ts"), bytes(kSession) },
            { QStringLiteral("src/auth/basic.ts"), bytes(kBasic) }, { QStringLiteral("src/db/pool.ts"), bytes(kPool) },
            { QStringLiteral("worker/go.mod"), bytes(kGoMod) },
            { QStringLiteral("worker/main.go"), bytes(kWorkerMain) },
            { QStringLiteral("worker/queue/queue.go"), bytes(kQueue) } } });
    script.append({ main, {}, QStringLiteral("ci: build, lint and test both halves on every push"),
        baseTime - 58 * day + 5400, {}, {}, { { QStringLiteral(".github/workflows/ci.yml"), bytes(kCi) } } });

    const QByteArray users1 = edit(bytes(kUsers),
        { { "import { pool } from \"../db/pool.js\";\n",
              "import { pool } from \"../db/pool.js\";\nimport { createSession } from \"../auth/session.js\";\n"
              "import { hashPassword, verifyPassword } from \"../auth/password.js\";\n" },
            { "    [email, password],\n", "    [email, await hashPassword(password)],\n" },
            { "usersRouter.post(\"/check\"", "usersRouter.post(\"/login\"" },
            { "  if (user.password !== req.body.password) {\n    return res.status(401).json({ error: \"wrong "
              "password\" });\n"
              "  }\n  res.json({ id: user.id });\n",
                "  const ok = await verifyPassword(req.body.password ?? \"\", user.password);\n  if (!ok) {\n"
                "    return res.status(401).json({ error: \"wrong email or password\" });\n  }\n"
                "  const session = createSession(user.id);\n  res.json({ id: user.id, token: session.token });\n" } });
    const QByteArray package1 = edit(bytes(kPackageJson), { { "\"version\": \"0.4.2\"", "\"version\": \"0.5.0\"" } });
    script.append({ auth, main, QStringLiteral("auth: hash passwords with scrypt, add /users/login"),
        baseTime - 40 * day + 3600, {}, {},
        { { QStringLiteral("src/auth/password.ts"), bytes(kPassword) },
            { QStringLiteral("src/routes/users.ts"), users1 }, { QStringLiteral("package.json"), package1 } } });

    const QByteArray session1 = edit(bytes(kSession),
        { { "const sessions = new Map<string, Session>();\n",
              "const sessions = new Map<string, Session>();\nconst ROTATE_AFTER_MS = 15 * 60 * 1000;\n" },
            { "  return session;\n}\n\nexport function requireSession",
                "  return session;\n}\n\n// A session older than the window gets a new token; the old one stops "
                "working.\n"
                "export function rotateIfStale(session: Session): Session {\n"
                "  if (Date.now() - session.createdAt < ROTATE_AFTER_MS) {\n    return session;\n  }\n"
                "  sessions.delete(session.token);\n  return createSession(session.userId);\n}\n\nexport function "
                "requireSession" },
            { "  res.locals.userId = session.userId;\n",
                "  const current = rotateIfStale(session);\n  if (current !== session) {\n"
                "    res.setHeader(\"x-session-token\", current.token);\n  }\n  res.locals.userId = "
                "current.userId;\n" } });
    const QByteArray server1 = edit(bytes(kServer),
        { { "import { pool } from \"./db/pool.js\";", "import { db } from \"./db/connection.js\";" },
            { "import { basicAuth } from \"./auth/basic.js\";",
                "import { requireSession } from \"./auth/session.js\";" },
            { "await pool.query(\"SELECT 1\");", "await db.query(\"SELECT 1\");" },
            { "app.use(\"/notes\", basicAuth, notesRouter);", "app.use(\"/notes\", requireSession, notesRouter);" } });
    const QByteArray connection = edit(bytes(kPool),
        { { "export const pool = new pg.Pool({", "export const db = new pg.Pool({" },
            { "await pool.connect();", "await db.connect();" },
            { "  max: 10,\n", "  max: Number(process.env.DB_POOL_SIZE ?? 10),\n" } });
    const QByteArray notes1 = edit(bytes(kNotes),
        { { "import { pool } from \"../db/pool.js\";", "import { db as pool } from \"../db/connection.js\";" } });
    const QByteArray users2 = edit(users1,
        { { "import { pool } from \"../db/pool.js\";", "import { db as pool } from \"../db/connection.js\";" } });
    script.append({ auth, {}, QStringLiteral("auth: rotate session tokens, sessions replace basic auth on /notes"),
        baseTime - 38 * day + 7200, { { QStringLiteral("src/db/pool.ts"), QStringLiteral("src/db/connection.ts") } },
        {},
        { { QStringLiteral("src/auth/session.ts"), session1 }, { QStringLiteral("src/server.ts"), server1 },
            { QStringLiteral("src/db/connection.ts"), connection }, { QStringLiteral("src/routes/notes.ts"), notes1 },
            { QStringLiteral("src/routes/users.ts"), users2 } } });

    const QByteArray readme1 = edit(bytes(kReadme),
        { { "from the `exports` queue.\n",
            "from the `exports` queue.\n\n## Signing in\n\n"
            "`POST /users/login` returns a session token; send it as `x-session-token`.\n"
            "Tokens rotate after 15 minutes (see docs/auth-flow.png).\n" } });
    script.append({ auth, {}, QStringLiteral("auth: drop the legacy basic-auth helper, document the flow"),
        baseTime - 36 * day + 1800, {}, { QStringLiteral("src/auth/basic.ts") },
        { { QStringLiteral("docs/auth-flow.png"), pngBytes() },
            { QStringLiteral("docs/Sécurité notes.md"), bytes(kSecurityNotes) },
            { QStringLiteral("README.md"), readme1 } } });
    script.append({ auth, {}, QStringLiteral("auth: tests for password hashing and session rotation"),
        baseTime - 35 * day + 9000, {}, {},
        { { QStringLiteral("src/auth/password.test.ts"), bytes(kPasswordTest) },
            { QStringLiteral("src/auth/session.test.ts"), bytes(kSessionTest) } } });

    script.append({ auth, {}, QStringLiteral("admin: list and disable users"), baseTime - 34 * day + 2400, {}, {},
        { { QStringLiteral("src/routes/admin.ts"), bytes(kAdmin) } } });
    // After the review comments were written (demoreview.cpp): the comment on admin.ts is outdated.
    script.append({ auth, {}, QStringLiteral("admin: move the admin routes to a phase of their own"),
        baseTime - 1 * day + 1200, {}, { QStringLiteral("src/routes/admin.ts") }, {} });

    const QByteArray queue1 = edit(bytes(kQueue),
        { { "\t\t\t\tjob.Tries++\n\t\t\t\ttime.Sleep(time.Second)\n",
            "\t\t\t\tjob.Tries++\n\t\t\t\tif job.Tries >= 5 {\n\t\t\t\t\tcontinue // give up; the job is "
            "logged by handle\n\t\t\t\t}\n\t\t\t\ttime.Sleep(time.Duration(1<<job.Tries) * time.Second)\n" } });
    script.append({ main, {}, QStringLiteral("worker: retry failed export jobs with exponential backoff"),
        baseTime - 30 * day + 4000, {}, {}, { { QStringLiteral("worker/queue/queue.go"), queue1 } } });

    const QByteArray server2 = edit(bytes(kServer),
        { { "import { usersRouter } from \"./routes/users.js\";\n",
              "import { usersRouter } from \"./routes/users.js\";\n"
              "import { exportInvoices } from \"./billing/export.js\";\n" },
            { "app.use(\"/users\", usersRouter);\n",
                "app.use(\"/users\", usersRouter);\napp.get(\"/billing/export/:month\", "
                "(req, res) => exportInvoices(req.params.month, res));\n" } });
    script.append({ QString(kBillingBranch), main, QStringLiteral("billing: CSV export of a month's invoices"),
        baseTime - 20 * day + 2000, {}, {},
        { { QStringLiteral("src/billing/export.ts"), bytes(kBillingExport) },
            { QStringLiteral("src/server.ts"), server2 } } });
    return script;
}

RepoSnapshot replayDemoRepo(const QVector<RepoCommit> &script)
{
    QHash<QString, RepoFiles> branches;
    RepoSnapshot snapshot;
    for (const RepoCommit &commit : script) {
        if (!branches.contains(commit.branch)) {
            branches.insert(commit.branch, branches.value(commit.from));
            if (commit.branch == kAuthBranch)
                snapshot.base = branches.value(commit.from);
        }
        RepoFiles &files = branches[commit.branch];
        for (const auto &[from, to] : commit.renames)
            files.insert(to, files.take(from));
        for (const QString &path : commit.deletes)
            files.remove(path);
        for (const auto &[path, content] : commit.writes)
            files.insert(path, content);
    }
    snapshot.authTip = branches.value(QString(kAuthBranch));
    return snapshot;
}

} // namespace cwi::demo
