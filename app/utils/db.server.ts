// The one door to the database: the only app module that imports db/.
// One connection per process, kept across dev reloads.
import type { Statement } from "better-sqlite3";
import { count, sql, type SQL } from "drizzle-orm";
import { statfsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { createDatabase, type AppDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { deferStatement, flushStatements } from "../../db/calibration-summaries";
import { boardStates, lapsedStatement, requiredRows } from "../../db/board-summaries";
import * as tables from "../../db/schema";
import { DEMO_PASSWORD, demoUsers } from "../../db/demo-logins";
import { inspectDatabaseFile, planDatabaseSetup, type SetupOptions } from "./database-setup.server";
import { getEnv } from "./env.server";
import { hashPassword } from "./password.server";

export const schema = tables;

/** A "contains" pattern for SQL LIKE with % and _ in the text taken literally (use with `escape '\\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type DatabaseHealth = { ok: true } | { ok: false; problem: string };

/**
 * Whether the database can take a write, checked without writing (the health
 * route): it answers a query, the connection can take the write lock (a
 * read-only file or filesystem, or a writer holding the lock past the busy
 * timeout, fail here), and the filesystem holding it has at least
 * `HEALTH_MIN_FREE_MB` free, since a full disk only shows when a commit fails.
 */
export function checkDatabaseHealth(): DatabaseHealth {
  const client = getDb().$client;
  try {
    client.prepare("select 1").get();
    client.prepare("begin immediate").run();
    client.prepare("rollback").run();
  } catch (error) {
    if (client.inTransaction) client.prepare("rollback").run();
    return { ok: false, problem: `the database cannot take a write (${(error as { code?: string }).code ?? "error"})` };
  }
  const path = getEnv().DATABASE_PATH;
  if (path !== ":memory:") {
    const { bavail, bsize } = statfsSync(dirname(resolve(path)));
    const freeMb = (bavail * bsize) / 1024 / 1024;
    if (freeMb < getEnv().HEALTH_MIN_FREE_MB)
      return { ok: false, problem: `only ${freeMb.toFixed(1)} MB free next to the database` };
  }
  return { ok: true };
}

/** COUNT(*) of a table, synchronously (drizzle's $count is async-only). */
export function countRows(table: SQLiteTable, where?: SQL): number {
  return getDb().select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

type Connection = {
  path: string;
  db: AppDatabase;
  serial: number;
  version: Statement;
  roleVersion?: Statement;
  allRolesVersion?: Statement;
  summaryDefer?: Statement;
  summaryFlush?: Statement[];
  /** Rows written through writeUncounted: left out of databaseVersion. */
  uncounted?: number;
};
const globalForDb = globalThis as unknown as { __appDb?: Connection; __appDbSerial?: number };

function connection(): Connection {
  const path = getEnv().DATABASE_PATH;
  if (!globalForDb.__appDb || globalForDb.__appDb.path !== path) {
    const db = createDatabase(path, getEnv().SQLITE_SYNCHRONOUS);
    const serial = (globalForDb.__appDbSerial = (globalForDb.__appDbSerial ?? 0) + 1);
    const version = db.$client.prepare(
      "select total_changes() as own, (select data_version from pragma_data_version) as others",
    );
    globalForDb.__appDb = { path, db, serial, version };
  }
  return globalForDb.__appDb;
}

export function getDb(): AppDatabase {
  return connection().db;
}

/**
 * A query built and prepared once per connection, for the lookups every
 * request makes (session, team role, masking): building a query and
 * compiling its SQL costs far more than running it. Values go in through
 * `sql.placeholder`, as the driver stores them (timestamps as milliseconds).
 */
export function preparedQuery<T>(build: (db: AppDatabase) => T): () => T {
  let serial = -1;
  let query: T;
  return () => {
    const c = connection();
    if (c.serial !== serial) {
      query = build(c.db);
      serial = c.serial;
    }
    return query;
  };
}

/**
 * A token that changes whenever the database may have changed: rows written
 * through this connection (total_changes) or commits by any other connection,
 * such as a CLI or a second server (data_version). Derived figures cached
 * under one token are still true while the token is the same.
 */
export function databaseVersion(): string {
  const c = connection();
  const { own, others } = c.version.get() as { own: number; others: number };
  return `${c.serial}:${others}:${own - (c.uncounted ?? 0)}`;
}

/**
 * Run a write that no derived figure reads (the audit entry of a page view) without it changing this
 * connection's databaseVersion: otherwise serving such a page would drop every figure cached on the whole
 * database. Commits by other connections still change it, as any write of theirs does.
 */
export function writeUncounted<T>(write: () => T): T {
  const c = connection();
  const own = () => (c.version.get() as { own: number }).own;
  const before = own();
  try {
    return write();
  } finally {
    c.uncounted = (c.uncounted ?? 0) + (own() - before);
  }
}

/**
 * A token that changes whenever a role's derived figures may have changed: the
 * counter that triggers raise in role_versions on every write feeding that role
 * (or every role, row 0), from any connection. Two primary-key lookups.
 */
export function roleDataVersion(roleId: number): string {
  const c = connection();
  // Prepared on first use: the table exists only once the database is migrated.
  c.roleVersion ??= c.db.$client.prepare(
    `select coalesce((select version from role_versions where role_id = ?), 0) as own,
      coalesce((select version from role_versions where role_id = 0), 0) as every`,
  );
  const { own, every } = c.roleVersion.get(roleId) as { own: number; every: number };
  return `${c.serial}:role:${own}:${every}`;
}

/**
 * A token over every role's counter (role_versions): it changes with any write feeding any role's figures, from
 * any connection, and not with writes no figure reads (sessions, drafts, the audit log, mail). For figures across
 * roles (calibration, HR's summaries and board counts).
 */
export function allRolesDataVersion(): string {
  const c = connection();
  c.allRolesVersion ??= c.db.$client.prepare(
    "select coalesce(sum(version), 0) as total, count(*) as n from role_versions",
  );
  const { total, n } = c.allRolesVersion.get() as { total: number; n: number };
  return `${c.serial}:roles:${n}:${total}`;
}

/**
 * Run a write that changes many rows of one application (a scorecard's submit rewrites its ratings row by row) with
 * the summary rows' recomputation (db/calibration-summaries.ts) deferred to its end, once per application, inside
 * the same transaction. Without it every row's trigger would recompute the application again.
 */
export function withSummariesDeferred<T>(write: () => T): T {
  const c = connection();
  c.summaryDefer ??= c.db.$client.prepare(deferStatement);
  c.summaryFlush ??= flushStatements.map((s) => c.db.$client.prepare(s));
  const [defer, flush] = [c.summaryDefer, c.summaryFlush];
  return c.db.$client.transaction(() => {
    defer.run();
    const result = write();
    for (const statement of flush) statement.run();
    return result;
  })();
}

/** Raw SQL text with placeholders (tokens of capitals between double underscores) replaced by SQL fragments. */
function filled(raw: string, fragments: Record<string, SQL>): SQL {
  const parts = raw.split(/(__[A-Z]+__)/);
  return sql.join(
    parts.map((part, i) => (i % 2 ? fragments[part] : sql.raw(part))),
    sql``,
  );
}

/**
 * The HR board's rows (db/board-summaries.ts): one per application `where` keeps (over applications a) and check
 * its role requires, as read on `today`.
 */
export const boardRowsSql = (where: SQL, today: string): SQL =>
  filled(requiredRows("__WHERE__", "__DAY__"), { __WHERE__: where, __DAY__: sql`${today}` });

/** The HR board's counter keys of the open applications `where` keeps (over applications a), as read on `today`. */
export const boardKeysSql = (where: SQL, today: string): SQL =>
  filled(boardStates("__WHERE__", "__DAY__"), { __WHERE__: where, __DAY__: sql`${today}` });

/** Recount the HR board's applications whose counter keys lapsed (the daily run); how many were recounted. */
export function recountLapsedBoardStates(): number {
  return getDb().$client.prepare(lapsedStatement).run().changes;
}

/** Whether this connection is inside a transaction (what it reads may yet be rolled back). */
export function inTransaction(): boolean {
  return connection().db.$client.inTransaction;
}

export type PreparedDatabase = {
  /** The database was new: no file, or a file without tables. */
  created: boolean;
  seeded: boolean;
  userCount: number;
  demoPassword: string;
  demoLogins: { email: string; name: string; kind: string }[];
};

/**
 * Migrate, and seed the demo into a new database when asked. Used by `npm start`,
 * the CLIs and the tests. Whether a missing or table-less database may be
 * created, and seeded, is `planDatabaseSetup`'s rule: it throws
 * `DatabaseSetupRefused` before anything is created when not.
 */
export async function prepareDatabase(options: SetupOptions & { today?: Date }): Promise<PreparedDatabase> {
  const file = inspectDatabaseFile(getEnv().DATABASE_PATH);
  // Decide on a missing file before the connection creates it.
  if (!file.exists) planDatabaseSetup({ ...file, hasTables: false }, options);
  const db = getDb();
  const hasTables =
    (db.$client.prepare("select count(*) from sqlite_schema where type = 'table'").pluck().get() as number) > 0;
  const plan = planDatabaseSetup({ ...file, hasTables: file.exists && hasTables }, options);
  migrateDatabase(db.$client);
  let userCount = countRows(schema.users);
  let seeded = false;
  if (plan.seedDemo && userCount === 0) {
    // One hash for every demo account: the demo password is public anyway.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    // Loaded only now: the demo data is large, and a server that never seeds never holds it.
    const { seedDemoData } = await import("../../db/seed");
    seedDemoData(db, { passwordHash, today: options.today ?? new Date() });
    seeded = true;
    userCount = countRows(schema.users);
  }
  const demoEmails = demoUsers.map((u) => u.email);
  const present = db
    .select({ email: schema.users.email })
    .from(schema.users)
    .all()
    .map((u) => u.email);
  const demoLogins = demoEmails.every((e) => present.includes(e))
    ? demoUsers.map(({ email, name, kind }) => ({ email, name, kind }))
    : [];
  return { created: !(file.exists && hasTables), seeded, userCount, demoPassword: DEMO_PASSWORD, demoLogins };
}
