// `npm run db:backup`: an online copy of a real SQLite file while another
// process writes, integrity-checked; and the documented restore (stop,
// replace, remove -wal/-shm, start) giving back exactly what was backed up.
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backupDatabase, BackupError, defaultBackupPath, tableCounts } from "~/utils/backup.server";
import { getDb } from "~/utils/db.server";
import { openSqlite } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

const tmp = (name: string) => resolve("tests/.tmp", `backup-${process.pid}-${name}`);
const cleanup: string[] = [];
const children: ChildProcess[] = [];

function scratch(name: string): string {
  const path = tmp(name);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  cleanup.push(path);
  return path;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const path of cleanup.splice(0))
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
});

function countsOf(path: string): Record<string, number> {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return tableCounts(sqlite);
  } finally {
    sqlite.close();
  }
}

function probe(path: string): { rows: number; total: number } {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return {
      rows: sqlite.prepare("select count(*) from backup_probe").pluck().get() as number,
      total: sqlite.prepare("select n from backup_probe_total").pluck().get() as number,
    };
  } finally {
    sqlite.close();
  }
}

/** Empty probe tables for tests/support/busy-writer.ts. */
function addProbeTables(sqlite: Database.Database): void {
  sqlite.exec(`
    drop table if exists backup_probe;
    drop table if exists backup_probe_total;
    create table backup_probe (id integer primary key, payload blob);
    create table backup_probe_total (n integer not null);
    insert into backup_probe_total (n) values (0);
  `);
}

/** Starts tests/support/busy-writer.ts on a database and resolves once it has committed. */
function startWriter(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/busy-writer.ts", path], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolveStarted, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`writer exited early (${code})`)));
    child.stdout!.once("data", () => resolveStarted(child));
  });
}

function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    child.removeAllListeners("exit");
    child.once("exit", () => done());
    child.kill(signal);
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Tests here start processes (tsx takes about a second each): generous under a parallel suite.
describe("backupDatabase", { timeout: 60_000 }, () => {
  it("copies what the database held at that moment while a second connection writes between steps", () => {
    const from = getDb().$client.name;
    const writer = new Database(from);
    writer.pragma("busy_timeout = 5000");
    addProbeTables(writer);
    const insert = writer.prepare("insert into backup_probe (payload) values (randomblob(100))");
    const backups: { path: string; expected: Record<string, number> }[] = [];
    for (let step = 0; step < 4; step++) {
      for (let i = 0; i < 25; i++) insert.run();
      const expected = tableCounts(getDb().$client);
      const result = backupDatabase({ from, to: scratch(`steps-${step}.db`) });
      expect(result.tables).toEqual(expected);
      backups.push({ path: result.path, expected });
    }
    writer.close();
    // Each copy still holds its own moment, not the later writes.
    for (const { path, expected } of backups) expect(countsOf(path)).toEqual(expected);
    expect(backups.map((b) => b.expected.backup_probe)).toEqual([25, 50, 75, 100]);
  });

  it("takes consistent snapshots while another process writes without pause", async () => {
    const from = scratch("live.db");
    backupDatabase({ from: getDb().$client.name, to: from });
    const setup = new Database(from);
    addProbeTables(setup);
    setup.close();
    const appTables = countsOf(from);

    const writer = await startWriter(from);
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pause(60);
      const result = backupDatabase({ from, to: scratch(`live-${i}.db`) });
      const { rows, total } = probe(result.path);
      // One snapshot: the row count and the counter bumped in the same transaction agree.
      expect(rows).toBe(total);
      expect(result.tables.backup_probe).toBe(rows);
      for (const [table, n] of Object.entries(appTables)) {
        if (!table.startsWith("backup_probe")) expect(result.tables[table], table).toBe(n);
      }
      seen.push(rows);
    }
    await killed(writer, "SIGTERM");
    // The writer kept committing between backups, and each backup saw more of it.
    expect(seen[0]).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(probe(from).rows).toBeGreaterThanOrEqual(seen[seen.length - 1]);
  });

  it("includes commits still only in the WAL, which a plain copy of the file misses", () => {
    const path = scratch("fresh.db");
    const live = openSqlite(path);
    try {
      migrateDatabase(live);
      live.prepare("create table notes (id integer primary key, body text)").run();
      const add = live.prepare("insert into notes (body) values (?)");
      for (let i = 0; i < 50; i++) add.run(`note ${i}`);
      expect(existsSync(`${path}-wal`)).toBe(true);

      const plain = scratch("plain-copy.db");
      copyFileSync(path, plain);
      expect(countsOf(plain)).toEqual({}); // the trap: a new install's file holds no tables yet

      const result = backupDatabase({ from: path, to: scratch("fresh-backup.db") });
      expect(result.tables.notes).toBe(50);
      expect(result.tables).toEqual(tableCounts(live));
      expect(Object.keys(result.tables)).toContain("__drizzle_migrations");
    } finally {
      live.close();
    }
  });

  it("refuses to overwrite a file, to copy a database onto itself, or to back up a file without tables", () => {
    const from = getDb().$client.name;
    const taken = scratch("taken.db");
    writeFileSync(taken, "not a backup");
    expect(() => backupDatabase({ from, to: taken })).toThrow(/already exists/);
    expect(readFileSync(taken, "utf8")).toBe("not a backup");
    expect(() => backupDatabase({ from, to: from })).toThrow(BackupError);

    const empty = scratch("empty.db");
    new Database(empty).close();
    expect(() => backupDatabase({ from: empty, to: scratch("empty-backup.db") })).toThrow(/holds no tables/);
    expect(existsSync(tmp("empty-backup.db"))).toBe(false);
    expect(() => backupDatabase({ from: tmp("missing.db"), to: scratch("x.db") })).toThrow(/No database/);
  });

  it("names default backups by UTC time in a backups folder beside the database", () => {
    expect(defaultBackupPath("/srv/app/.data/app.db", new Date("2026-03-04T05:06:07.890Z"))).toBe(
      "/srv/app/.data/backups/app-20260304-050607.db",
    );
  });
});

describe("restore", { timeout: 60_000 }, () => {
  it("stop, replace the file, remove -wal and -shm, start: the database is the backup", async () => {
    const live = scratch("prod.db");
    backupDatabase({ from: getDb().$client.name, to: live });
    const setup = new Database(live);
    addProbeTables(setup);
    setup.close();

    const writer = await startWriter(live);
    await pause(100);
    const backup = backupDatabase({ from: live, to: scratch("prod-backup.db") });
    await pause(100);
    // The server dies hard: its last commits stay in prod.db-wal.
    await killed(writer, "SIGKILL");
    expect(existsSync(`${live}-wal`)).toBe(true);
    expect(probe(live).rows).toBeGreaterThan(backup.tables.backup_probe);

    copyFileSync(backup.path, live);
    for (const suffix of ["-wal", "-shm"]) rmSync(live + suffix, { force: true });

    const restarted = openSqlite(live);
    try {
      migrateDatabase(restarted); // what the server does at start: nothing left to apply
      expect(tableCounts(restarted)).toEqual(backup.tables);
      expect(restarted.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      restarted.close();
    }
  });
});

describe("npm run db:backup", { timeout: 60_000 }, () => {
  const cli = (args: string[], databasePath: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "app/cli/backup.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_PATH: databasePath },
    });

  it("writes a checked backup under the default name and refuses to overwrite it", () => {
    const from = getDb().$client.name;
    const first = cli([], from);
    expect(first.status, first.stderr).toBe(0);
    const path = /Backed up .* to (\S+)/.exec(first.stdout)?.[1] ?? "";
    expect(path).toMatch(/backups\/test-[^/]+-\d{8}-\d{6}\.db$/);
    cleanup.push(resolve(path));
    expect(first.stdout).toMatch(/integrity_check ok/);
    expect(first.stdout).toMatch(/users\s+7/);

    const before = readFileSync(path);
    const again = cli(["--", path], from);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
