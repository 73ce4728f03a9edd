// When a database may be created, and when the demo company may be seeded
// into it (see docs/decisions/056-demo-seeding-only-into-a-new-database.md). A real install that lost its
// database file must not start again as the demo company, nor silently empty.
//
// - A database that holds tables is migrated, never seeded.
// - A new one (no file, or a file without tables) is seeded with the demo only
//   when SEED_DEMO is true and no backups of it sit in the backups folder
//   beside it: a missing database next to its backups was lost, not new.
// - Otherwise only `npm run db:migrate` creates it (empty); `npm start` and
//   `npm run user:create` refuse. `npm run db:reset` deletes on purpose and
//   re-creates (with the demo when SEED_DEMO is true).
// - A `-wal` left without its database is never opened: SQLite would replay
//   it into the new file.
import { existsSync, readdirSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { backupDirectory } from "./backup.server";

/** A refusal to open or create a database, for the operator (printed without a stack trace). */
export class DatabaseSetupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}
DatabaseSetupRefused.prototype.name = "DatabaseSetupRefused";

export type DatabaseFile = {
  path: string;
  exists: boolean;
  /** Backups of this database in the default backups folder beside it, newest name last. */
  backups: string[];
  /** The database file is missing but its write-ahead log is not. */
  strayLog: boolean;
};

export type SetupOptions = {
  seedDemo: boolean;
  /** A missing database may be created without the demo (`npm run db:migrate`). */
  create?: boolean;
  /** The database was just deleted on purpose (`npm run db:reset`). */
  afterReset?: boolean;
};

/** What is on disk before anything opens the database. */
export function inspectDatabaseFile(path: string): DatabaseFile {
  if (path === ":memory:") return { path, exists: false, backups: [], strayLog: false };
  const exists = existsSync(path);
  const dir = backupDirectory(path);
  const prefix = `${basename(path, extname(path))}-`;
  const backups = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.startsWith(prefix) && name.endsWith(".db"))
        .sort()
        .map((name) => resolve(dir, name))
    : [];
  return { path, exists, backups, strayLog: !exists && existsSync(`${path}-wal`) };
}

const restoreHint = 'restore the latest backup (docs/operations.md, "Backups")';

/**
 * Whether to seed the demo into this database, or a refusal. `hasTables` is
 * false for a file that does not exist (call this before opening it, so a
 * refusal creates nothing) and for a file without a schema.
 */
export function planDatabaseSetup(
  file: DatabaseFile & { hasTables: boolean },
  options: SetupOptions,
): { seedDemo: boolean } {
  if (file.strayLog) {
    throw new DatabaseSetupRefused(
      `${file.path} is missing but ${file.path}-wal is not: the database was deleted without its write-ahead log.\n` +
        `To recover, ${restoreHint}. To start over, delete ${file.path}-wal and ${file.path}-shm.`,
    );
  }
  if (file.hasTables) return { seedDemo: false };
  if (options.afterReset) return { seedDemo: options.seedDemo };
  const state = file.exists ? `${file.path} holds no tables` : `${file.path} does not exist`;
  if (options.seedDemo && file.backups.length > 0) {
    throw new DatabaseSetupRefused(
      `${state}, but ${backupDirectory(file.path)} holds ${file.backups.length} backup(s) of it ` +
        `(latest ${basename(file.backups[file.backups.length - 1])}): the database was lost, so the demo company is not seeded in its place.\n` +
        `To recover, ${restoreHint}. To create a new database on purpose: \`SEED_DEMO=false npm run db:migrate\` (empty) ` +
        "or `npm run db:reset` (the demo).",
    );
  }
  if (options.seedDemo) return { seedDemo: true };
  if (options.create) return { seedDemo: false };
  throw new DatabaseSetupRefused(
    `${state}, and with SEED_DEMO=false the server does not create one.\n` +
      `A new install creates its database with \`npm run db:migrate\`; if this one was lost, ${restoreHint}.`,
  );
}
