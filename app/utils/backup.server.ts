// Online backups of the SQLite database (`npm run db:backup`).
//
// A plain file copy of a WAL database is not a backup: commits live in the
// -wal file until a checkpoint folds them in, so a copy of app.db alone can
// miss recent commits or hold no tables at all. `VACUUM INTO` reads one
// snapshot through SQLite (WAL included) and writes it out as a compact,
// self-contained file, while the server keeps reading and writing.
//
// The copy is written under a temporary name, synced, checked (integrity and
// foreign keys) and only then linked to its final name, so a file at the
// final name is always a complete, checked backup, and an existing file is
// never overwritten (link fails if the name is taken).
import Database from "better-sqlite3";
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";

export type BackupResult = {
  /** Absolute path of the checked backup. */
  path: string;
  bytes: number;
  /** Rows per table in the backup (the source's at the moment of the snapshot). */
  tables: Record<string, number>;
  milliseconds: number;
};

export class BackupError extends Error {
  override name = "BackupError";
}

/** `YYYYMMDD-HHMMSS` in UTC. */
export function backupStamp(now: Date): string {
  const iso = now.toISOString(); // 2026-11-22T14:30:05.123Z
  return `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
}

/** The default backup file for a database: `<dir>/backups/<name>-YYYYMMDD-HHMMSS.db` next to it (UTC). */
export function defaultBackupPath(databasePath: string, now = new Date()): string {
  return join(backupDirectory(databasePath), `${basename(databasePath, extname(databasePath))}-${backupStamp(now)}.db`);
}

/** Where default backups of a database go: a `backups` folder beside it. */
export function backupDirectory(databasePath: string): string {
  return join(dirname(resolve(databasePath)), "backups");
}

/** Row count of every table, by name (SQLite's own tables left out). */
export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const names = sqlite
    .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names) {
    counts[name] = sqlite
      .prepare(`select count(*) from "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  return counts;
}

/** Integrity and foreign-key check of a database file, opened read-only. Returns the table counts. */
export function checkDatabaseFile(path: string): Record<string, number> {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma("integrity_check") as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0].integrity_check !== "ok") {
      throw new BackupError(
        `integrity_check failed: ${integrity
          .slice(0, 5)
          .map((r) => r.integrity_check)
          .join("; ")}`,
      );
    }
    const orphans = copy.pragma("foreign_key_check") as unknown[];
    if (orphans.length > 0) {
      throw new BackupError(`foreign_key_check found ${orphans.length} rows: ${JSON.stringify(orphans.slice(0, 5))}`);
    }
    return tableCounts(copy);
  } finally {
    copy.close();
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copy `from` to `to` as one consistent snapshot while other connections
 * (the server) keep writing, then check the copy. Refuses to overwrite `to`.
 */
export function backupDatabase(options: { from: string; to: string }): BackupResult {
  const started = performance.now();
  const from = resolve(options.from);
  const to = resolve(options.to);
  if (from === to) throw new BackupError("The backup cannot be the database itself.");
  if (!existsSync(from)) throw new BackupError(`No database at ${from}.`);
  if (existsSync(to))
    throw new BackupError(`${to} already exists; choose another name (backups are never overwritten).`);
  mkdirSync(dirname(to), { recursive: true });

  // Read-write only so SQLite can use the WAL index like any other connection;
  // this connection writes nothing to the source.
  const source = new Database(from, { fileMustExist: true });
  const partial = `${to}.partial-${process.pid}`;
  try {
    source.pragma("busy_timeout = 5000");
    const tables = source.prepare("select count(*) from sqlite_schema where type = 'table'").pluck().get() as number;
    if (tables === 0) throw new BackupError(`${from} holds no tables: is DATABASE_PATH right?`);
    rmSync(partial, { force: true });
    source.prepare("VACUUM INTO ?").run(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }

  try {
    // SQLite does not sync the file VACUUM INTO writes; do it before calling it a backup.
    fsyncPath(partial);
    const counts = checkDatabaseFile(partial);
    linkSync(partial, to); // fails with EEXIST rather than overwrite a backup made meanwhile
    fsyncPath(dirname(to));
    return {
      path: to,
      bytes: statSync(to).size,
      tables: counts,
      milliseconds: Math.round(performance.now() - started),
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new BackupError(`${to} already exists; choose another name (backups are never overwritten).`);
    }
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}
